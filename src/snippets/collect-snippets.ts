import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
	CONTENT_DIR,
	getChapterId,
	getChapterPath,
	listChapterFiles,
} from '../lib/chapter-files.ts';
import { extractSnippets } from './extract-snippets.ts';
import type { Snippet } from '../shared/snippet.ts';

/** A snippet together with the chapter file that declares it, for error messages. */
export interface LocatedSnippet extends Snippet {
	file: string;
}

/** Every snippet of every chapter, checked for unique ids. */
export async function collectSnippets(contentDir = CONTENT_DIR): Promise<LocatedSnippet[]> {
	const snippets: LocatedSnippet[] = [];
	const seen = new Map<string, string>();
	for (const file of await listChapterFiles(contentDir)) {
		const relativeFile = path.relative(process.cwd(), file);
		const page = getChapterPath(getChapterId(file, contentDir));
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
