import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { listChapterFiles } from '../../src/lib/chapter-files.ts';
import {
	extractSnippets,
	findUncheckedSequenceDiagrams,
} from '../../src/snippets/extract-snippets.ts';

const fence = (lang: string, body: string) => `\`\`\`${lang}\n${body}\n\`\`\``;

function chapter(...parts: string[]) {
	return ['# A chapter', '', 'Some prose.', '', ...parts, ''].join('\n');
}

function snippet(attributes: string, ...fences: string[]) {
	return [`<Snippet ${attributes}>`, ...fences, '</Snippet>'].join('\n');
}

describe('extractSnippets', () => {
	test('reads a snippet with a shared transcript', () => {
		const source = chapter(
			snippet(
				'id="hello" title="Hello"',
				fence('python', 'print("hi")'),
				fence('ts', 'console.log("hi");'),
				fence('output', 'hi')
			)
		);
		expect(extractSnippets(source, 'content/a.mdx')).toEqual([
			{
				id: 'hello',
				title: 'Hello',
				python: { code: 'print("hi")', output: 'hi' },
				typescript: { code: 'console.log("hi");', output: 'hi' },
			},
		]);
	});

	test('reads separate transcripts where the languages differ', () => {
		const source = chapter(
			snippet(
				'id="differ" title="Differ"',
				fence('python', 'print(True)'),
				fence('ts', 'console.log(true);'),
				fence('output-python', 'True'),
				fence('output-ts', 'true')
			)
		);
		const [found] = extractSnippets(source, 'content/a.mdx');
		expect(found?.python?.output).toBe('True');
		expect(found?.typescript.output).toBe('true');
	});

	test('keeps code exactly as written, blank lines and indentation included', () => {
		const code = 'def f():\n    yield 1\n\n\nprint(next(f()))';
		const source = chapter(
			snippet(
				'id="exact" title="Exact"',
				fence('python', code),
				fence('ts', 'console.log(1);'),
				fence('output', '1')
			)
		);
		expect(extractSnippets(source, 'x.mdx')[0]?.python?.code).toBe(code);
	});

	test('allows a TypeScript-only snippet', () => {
		const source = chapter(
			snippet('id="ts-only" title="Only TS"', fence('ts', 'console.log(1);'), fence('output', '1'))
		);
		expect(extractSnippets(source, 'x.mdx')[0]?.python).toBeNull();
	});

	test('returns snippets in reading order', () => {
		const one = snippet('id="one" title="1"', fence('ts', 'console.log(1);'), fence('output', '1'));
		const two = snippet('id="two" title="2"', fence('ts', 'console.log(2);'), fence('output', '2'));
		expect(
			extractSnippets(chapter(one, '', 'Between.', '', two), 'x.mdx').map((s) => s.id)
		).toEqual(['one', 'two']);
	});

	test.each([
		['a missing id', snippet('title="T"', fence('ts', 'x'), fence('output', 'x')), /needs an id/],
		[
			'an id that is not URL-safe',
			snippet('id="Not Safe" title="T"', fence('ts', 'x'), fence('output', 'x')),
			/URL-safe/,
		],
		['a missing title', snippet('id="t"', fence('ts', 'x'), fence('output', 'x')), /needs a title/],
		[
			'no TypeScript',
			snippet('id="t" title="T"', fence('python', 'x'), fence('output', 'x')),
			/needs a TypeScript fence/,
		],
		[
			'no transcript',
			snippet('id="t" title="T"', fence('ts', 'x')),
			/needs an `output` or `output-ts` fence/,
		],
		[
			'an unknown fence',
			snippet('id="t" title="T"', fence('js', 'x'), fence('output', 'x')),
			/unknown language "js"/,
		],
		[
			'two fences of one kind',
			snippet('id="t" title="T"', fence('ts', 'x'), fence('ts', 'y'), fence('output', 'x')),
			/two ts fences/,
		],
		[
			'a shared transcript mixed with a per-language one',
			snippet('id="t" title="T"', fence('ts', 'x'), fence('output', 'x'), fence('output-ts', 'x')),
			/mixes a shared/,
		],
	])('rejects %s, naming the file and line', (_name, body, message) => {
		expect(() => extractSnippets(chapter(body), 'content/bad.mdx')).toThrow(message);
		expect(() => extractSnippets(chapter(body), 'content/bad.mdx')).toThrow(
			/^content\/bad\.mdx:5: /
		);
	});
});

describe('findUncheckedSequenceDiagrams', () => {
	const diagram = 'sequenceDiagram\n  c->>g: next';

	test('finds a sequence diagram that names no snippet and is not marked a sketch', () => {
		const source = chapter(fence('mermaid', diagram));
		expect(findUncheckedSequenceDiagrams(source, 'content/a.mdx')).toEqual(['content/a.mdx:5']);
	});

	test.each([
		['a diagram under contract', 'mermaid snippet=some-run'],
		['a sketch', 'mermaid sketch'],
	])('accepts %s', (_name, info) => {
		expect(findUncheckedSequenceDiagrams(chapter(fence(info, diagram)), 'x.mdx')).toEqual([]);
	});

	test('leaves other kinds of diagram alone', () => {
		const source = chapter(fence('mermaid', 'stateDiagram-v2\n  [*] --> A'));
		expect(findUncheckedSequenceDiagrams(source, 'x.mdx')).toEqual([]);
	});

	test('every sequence diagram of the course is checked against its run or marked a sketch', async () => {
		const unchecked = await Promise.all(
			(await listChapterFiles()).map(async (file) =>
				findUncheckedSequenceDiagrams(
					await readFile(file, 'utf8'),
					path.relative(process.cwd(), file)
				)
			)
		);
		expect(unchecked.flat()).toEqual([]);
	});
});
