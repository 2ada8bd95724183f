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

/** An exercise together with the chapter file that declares it, for error messages. */
export interface LocatedExercise extends Exercise {
	file: string;
}

/**
 * Every snippet and every exercise of every chapter, each file read once. An id
 * names one of them only: a reader's edits and progress are kept by id.
 */
export async function collectCourse(
	contentDir = CONTENT_DIR
): Promise<{ snippets: LocatedSnippet[]; exercises: LocatedExercise[] }> {
	const snippets: LocatedSnippet[] = [];
	const exercises: LocatedExercise[] = [];
	const seen = new Map<string, string>();
	const claim = (id: string, file: string) => {
		const other = seen.get(id);
		if (other) throw new Error(`The id "${id}" is used twice: in ${other} and in ${file}.`);
		seen.set(id, file);
	};
	for (const file of await listChapterFiles(contentDir)) {
		const source = await readFile(file, 'utf8');
		const relativeFile = path.relative(process.cwd(), file);
		const page = getChapterPath(getChapterId(file, contentDir));
		for (const snippet of extractSnippets(source, relativeFile)) {
			claim(snippet.id, relativeFile);
			snippets.push({ ...snippet, page, file: relativeFile });
		}
		for (const exercise of extractExercises(source, relativeFile)) {
			claim(exercise.id, relativeFile);
			exercises.push({ ...exercise, page, file: relativeFile });
		}
	}
	return { snippets, exercises };
}

/** Every snippet of every chapter, checked for unique ids. */
export async function collectSnippets(contentDir = CONTENT_DIR): Promise<LocatedSnippet[]> {
	return (await collectCourse(contentDir)).snippets;
}

/** Every exercise of every chapter, checked for unique ids. */
export async function collectExercises(contentDir = CONTENT_DIR): Promise<LocatedExercise[]> {
	return (await collectCourse(contentDir)).exercises;
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
