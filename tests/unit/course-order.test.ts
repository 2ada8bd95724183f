import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	compareCoursePositions,
	getChapterId,
	listChapterFiles,
	readCoursePosition,
} from '../../src/lib/chapter-files.ts';
import { extractSnippets } from '../../src/snippets/extract-snippets.ts';
import { findConstructsUsedEarly, type CourseChapter } from '../../src/snippets/course-order.ts';
import type { AuthoredSnippet } from '../../src/shared/snippet.ts';

/** The course's chapters in reading order, with their snippets. */
async function readCourse(): Promise<CourseChapter[]> {
	const chapters = await Promise.all(
		(await listChapterFiles()).map(async (file) => {
			const source = await readFile(file, 'utf8');
			return {
				id: getChapterId(file),
				position: readCoursePosition(source),
				snippets: extractSnippets(source, path.relative(process.cwd(), file)),
			};
		})
	);
	return chapters
		.sort((a, b) => compareCoursePositions(a.position, b.position))
		.map(({ id, snippets }) => ({ id, snippets }));
}

test('no chapter uses a construct before the chapter that teaches it', async () => {
	expect(findConstructsUsedEarly(await readCourse())).toEqual([]);
});

describe('findConstructsUsedEarly', () => {
	const snippet = (id: string, python: string, typescript: string): AuthoredSnippet => ({
		id,
		title: id,
		python: { code: python, output: '' },
		typescript: { code: typescript, output: '' },
	});
	const course = (first: AuthoredSnippet): CourseChapter[] =>
		[
			'coroutine-concept',
			'sending-values',
			'generators-vs-coroutines',
			'generator-states',
			'priming-decorator',
			'throw-and-close',
			'yield-from',
		].map((id, index) => ({ id, snippets: index === 0 ? [first] : [] }));

	test('reports a construct used before its chapter, in each language', () => {
		const problems = findConstructsUsedEarly(
			course(snippet('early', 'g.send(1)\n', 'g.next(1);\ng.return();\n'))
		);
		expect(problems).toEqual([
			'coroutine-concept: the Python of "early" uses send (next with a value), which "sending-values" teaches later.',
			'coroutine-concept: the TypeScript of "early" uses send (next with a value), which "sending-values" teaches later.',
			'coroutine-concept: the TypeScript of "early" uses close and return(), which "throw-and-close" teaches later.',
		]);
	});

	test('reads code, not the comments that describe it', () => {
		const commented = snippet(
			'commented',
			'next(g)  # the same as g.send(None)\n',
			'g.next(); // not g.next(1)\n'
		);
		expect(findConstructsUsedEarly(course(commented))).toEqual([]);
	});

	test('a construct in its own chapter is no problem', () => {
		const chapters = course(snippet('plain', 'next(g)\n', 'g.next();\n'));
		chapters[1]!.snippets.push(snippet('send', 'g.send(1)\n', 'g.next(1);\n'));
		expect(findConstructsUsedEarly(chapters)).toEqual([]);
	});
});
