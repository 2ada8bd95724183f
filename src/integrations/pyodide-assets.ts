import { existsSync, readFileSync, statSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { PYODIDE_FILES, PYODIDE_PATH } from '../shared/pyodide-files.ts';
import { servePackageFiles } from './serve-package-files.ts';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Compressed files, kept between builds (brotli at its best takes about 30 s for
 * the WebAssembly) in the `node_modules` that holds Pyodide, beside the caches
 * of Vite and Astro, so that any copy of the project that uses it shares them.
 */
const CACHE_DIR = fileURLToPath(
	new URL('../.cache/pyodide-precompressed/', import.meta.resolve('pyodide/package.json'))
);

/** Worth compressing: everything but the standard library, which is a zip already. */
const COMPRESSIBLE = PYODIDE_FILES.filter((name) => !name.endsWith('.zip'));

/** Writes `name.br` and `name.gz` beside `name` in `target`, made once per Pyodide version. */
async function writePrecompressed(
	packageDir: string,
	version: string,
	name: string,
	target: string
) {
	const cached = path.join(CACHE_DIR, version);
	await mkdir(cached, { recursive: true });
	const source = await readFile(path.join(packageDir, name));
	const encodings = {
		br: () =>
			brotli(source, {
				params: {
					[zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
					[zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length,
				},
			}),
		gz: () => gzip(source, { level: zlib.constants.Z_BEST_COMPRESSION }),
	};
	for (const [extension, compress] of Object.entries(encodings)) {
		const file = `${name}.${extension}`;
		const cachedFile = path.join(cached, file);
		if (!existsSync(cachedFile)) {
			// Written whole or not at all: a build stopped half-way leaves no broken file behind.
			await writeFile(`${cachedFile}.partial`, await compress());
			await rename(`${cachedFile}.partial`, cachedFile);
		}
		await copyFile(cachedFile, path.join(target, file));
	}
}

/**
 * Serves Pyodide from the site itself: copied from the `pyodide` package into the
 * build, and served from it by the dev server. Python runs in the page without a CDN.
 *
 * Beside each file that compresses, the build writes a brotli (`.br`) and a gzip
 * (`.gz`) copy, for static hosts that serve such files to browsers that accept
 * them (the README says which). The files' total size is built into the page's
 * code (`__PYODIDE_BYTES__`), so that the download's progress is right whatever
 * the server sends: a compressed response states its compressed length, or none.
 * Its version (`__PYODIDE_VERSION__`) goes in the files' URLs, whose names stay the
 * same from version to version, so that a cache keyed by URL never serves an old one.
 */
export function pyodideAssets(): AstroIntegration {
	const packageDir = path.dirname(fileURLToPath(import.meta.resolve('pyodide')));
	const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
		version: string;
	};
	const totalBytes = PYODIDE_FILES.reduce(
		(sum, name) => sum + statSync(path.join(packageDir, name)).size,
		0
	);
	return {
		name: 'pyodide-assets',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				updateConfig({
					vite: {
						define: {
							__PYODIDE_BYTES__: JSON.stringify(totalBytes),
							__PYODIDE_VERSION__: JSON.stringify(version),
						},
					},
				});
			},
			'astro:server:setup': ({ server }) =>
				servePackageFiles(server, PYODIDE_PATH, packageDir, PYODIDE_FILES),
			'astro:build:done': async ({ dir, logger }) => {
				const target = fileURLToPath(new URL(PYODIDE_PATH, dir));
				await mkdir(target, { recursive: true });
				await Promise.all([
					...PYODIDE_FILES.map((name) =>
						copyFile(path.join(packageDir, name), path.join(target, name))
					),
					...COMPRESSIBLE.map((name) => writePrecompressed(packageDir, version, name, target)),
				]);
				logger.info(
					`Copied Pyodide ${version} (${PYODIDE_FILES.length} files, ${COMPRESSIBLE.length} also as .br and .gz) into the site.`
				);
			},
		},
	};
}
