/**
 * Pyodide's files, fetched by the page from the site itself (the build copies
 * them from the `pyodide` package; no CDN) and kept for the reader's visit,
 * which chapters swapped in place do not end, so only the first Python run
 * downloads them. The browser's HTTP cache keeps them across visits.
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

/** Reports the bytes received so far, and the files' total size, as they arrive. */
export function loadPyodideFiles(
	onProgress: (received: number, total: number) => void
): Promise<Record<string, ArrayBuffer>> {
	files ??= (async () => {
		const base = `${import.meta.env.BASE_URL}${PYODIDE_PATH}`;
		let received = 0;
		onProgress(received, __PYODIDE_BYTES__);
		// Each file is read as soon as its response starts, so that progress shows whichever comes first.
		const bodies = await Promise.all(
			PYODIDE_FILES.map(async (name) =>
				readWithProgress(await open(`${base}${name}?v=${__PYODIDE_VERSION__}`), (bytes) => {
					received += bytes;
					onProgress(Math.min(received, __PYODIDE_BYTES__), __PYODIDE_BYTES__);
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
