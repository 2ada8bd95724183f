import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
	CONTENT_DIR,
	getChapterId,
	getChapterPath,
	listChapterFiles,
} from '../lib/chapter-files.ts';
import { extractExercises, extractSnippets } from './extract-snippets.ts';
import type { Exercise } from '../shared/exercise.ts';
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

/** An exercise together with the chapter file that declares it, for error messages. */
export interface LocatedExercise extends Exercise {
	file: string;
}

/**
 * Every exercise of every chapter. Its id may not be a snippet's either: a
 * reader's edits are kept by id.
 */
export async function collectExercises(contentDir = CONTENT_DIR): Promise<LocatedExercise[]> {
	const snippetIds = new Set((await collectSnippets(contentDir)).map((snippet) => snippet.id));
	const exercises: LocatedExercise[] = [];
	const seen = new Set<string>();
	for (const file of await listChapterFiles(contentDir)) {
		const relativeFile = path.relative(process.cwd(), file);
		const page = getChapterPath(getChapterId(file, contentDir));
		for (const exercise of extractExercises(await readFile(file, 'utf8'), relativeFile)) {
			if (seen.has(exercise.id) || snippetIds.has(exercise.id))
				throw new Error(`${relativeFile}: the id "${exercise.id}" is used twice.`);
			seen.add(exercise.id);
			exercises.push({ ...exercise, page, file: relativeFile });
		}
	}
	return exercises;
}

/** The public form of a snippet, as `dist/snippets.json` lists it. */
export function toManifestEntry({ id, page, title, python, typescript }: LocatedSnippet): Snippet {
	return { id, page, title, python, typescript };
}

/** The public form of an exercise, as `dist/exercises.json` lists it. */
export function toExerciseEntry({
	id,
	page,
	title,
	level,
	task,
	python,
	typescript,
}: LocatedExercise): Exercise {
	return { id, page, title, level, task, python, typescript };
}
