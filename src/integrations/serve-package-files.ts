import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { ViteDevServer } from 'vite';

/**
 * The file a request asks for under `/<folder>` (whatever base comes before it),
 * as a path relative to that folder, or `undefined` for a request outside it.
 */
export function requestedFile(url: string | undefined, folder: string): string | undefined {
	const pathname = url?.split('?')[0] ?? '';
	const at = pathname.indexOf(`/${folder}`);
	return at === -1 ? undefined : pathname.slice(at + folder.length + 1);
}

const CONTENT_TYPES: Record<string, string> = {
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.wasm': 'application/wasm',
};

/**
 * In `astro dev`, serves `files` (paths relative to `dir`, a package's folder)
 * under `/<folder>`, where the build copies them.
 */
export function servePackageFiles(
	server: ViteDevServer,
	folder: string,
	dir: string,
	files: readonly string[]
) {
	server.middlewares.use((request, response, next) => {
		const file = requestedFile(request.url, folder);
		if (file === undefined || !files.includes(file)) return next();
		const type = CONTENT_TYPES[path.extname(file)];
		if (type) response.setHeader('Content-Type', type);
		createReadStream(path.join(dir, file)).pipe(response);
	});
}
