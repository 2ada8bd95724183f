/**
 * Pyodide's files, fetched by the page from the site itself (the build copies
 * them from the `pyodide` package; no CDN) and kept for the life of the page,
 * so only the first Python run downloads them. The browser's HTTP cache keeps
 * them across pages.
 */
import { PYODIDE_FILES, PYODIDE_PATH } from '../../shared/pyodide-files.ts';

let files: Promise<Record<string, ArrayBuffer>> | undefined;

async function open(url: string): Promise<Response> {
	const response = await fetch(url);
	if (!response.ok || !response.body) throw new Error(`could not load ${url} (${response.status})`);
	return response;
}

async function readWithProgress(
	response: Response,
	onBytes: (bytes: number) => void
): Promise<ArrayBuffer> {
	const chunks: Uint8Array[] = [];
	const reader = response.body!.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
		onBytes(value.length);
	}
	return new Blob(chunks as BlobPart[]).arrayBuffer();
}

/** Reports progress as a fraction of the files' total size, which the server states with each response. */
export function loadPyodideFiles(
	onProgress: (fraction: number) => void
): Promise<Record<string, ArrayBuffer>> {
	files ??= (async () => {
		const base = `${import.meta.env.BASE_URL}${PYODIDE_PATH}`;
		const responses = await Promise.all(PYODIDE_FILES.map((name) => open(base + name)));
		const total =
			responses.reduce(
				(sum, response) => sum + Number(response.headers.get('content-length') ?? 0),
				0
			) || 1;
		let received = 0;
		const bodies = await Promise.all(
			responses.map((response) =>
				readWithProgress(response, (bytes) => {
					received += bytes;
					onProgress(Math.min(1, received / total));
				})
			)
		);
		return Object.fromEntries(PYODIDE_FILES.map((name, index) => [name, bodies[index]!]));
	})().catch((error: unknown) => {
		files = undefined; // Let a later run try again.
		throw error;
	});
	return files;
}
