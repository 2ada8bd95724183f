import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { getChapterPath } from '../lib/routes.ts';
import { extractSnippets } from './extract-snippets.ts';
import type { Snippet } from './types.ts';

/** A snippet together with the chapter file that declares it, for error messages. */
export interface LocatedSnippet extends Snippet {
	file: string;
}

/** Chapter files are the `.mdx` files in `content/`; names starting with `_` are partials. */
export async function listChapterFiles(contentDir: string): Promise<string[]> {
	const entries = await readdir(contentDir, { recursive: true });
	return entries
		.filter((entry) => entry.endsWith('.mdx') && !path.basename(entry).startsWith('_'))
		.map((entry) => path.join(contentDir, entry))
		.sort();
}

/** The chapter id Astro's glob loader gives a file: its path below `content/`, without the extension. */
export function getChapterId(contentDir: string, file: string): string {
	return path
		.relative(contentDir, file)
		.replace(/\.mdx$/, '')
		.split(path.sep)
		.join('/');
}

/** Every snippet of every chapter, checked for unique ids. */
export async function collectSnippets(contentDir: string): Promise<LocatedSnippet[]> {
	const snippets: LocatedSnippet[] = [];
	const seen = new Map<string, string>();
	for (const file of await listChapterFiles(contentDir)) {
		const relativeFile = path.relative(process.cwd(), file);
		const page = getChapterPath(getChapterId(contentDir, file));
		for (const snippet of extractSnippets(await readFile(file, 'utf8'), relativeFile)) {
			const other = seen.get(snippet.id);
			if (other)
				throw new Error(
					`Snippet id "${snippet.id}" is used twice: in ${other} and in ${relativeFile}.`
				);
			seen.set(snippet.id, relativeFile);
			snippets.push({ ...snippet, page, file: relativeFile });
		}
	}
	return snippets;
}

/** The public form of a snippet, as `dist/snippets.json` lists it. */
export function toManifestEntry({ id, page, title, python, typescript }: LocatedSnippet): Snippet {
	return { id, page, title, python, typescript };
}
