/** An exercise is read from its MDX form, and a mistake in that form is named with its place. */
import { describe, expect, test } from 'vitest';
import { extractExercises } from '../../src/snippets/extract-snippets.ts';

const fence = (lang: string, body: string) => `\`\`\`${lang}\n${body}\n\`\`\``;

function exercise(attributes: string, ...parts: string[]) {
	return ['# A chapter', '', `<Exercise ${attributes}>`, ...parts, '</Exercise>', ''].join('\n');
}

const complete = [
	'Make it print **two**.',
	fence('python starter', 'print(1)'),
	fence('python solution', 'print(2)'),
	fence('ts starter', 'console.log(1);'),
	fence('ts solution', 'console.log(2);'),
	fence('output', '2'),
	'<Hint>Change the number.</Hint>',
];

describe('extractExercises', () => {
	test('reads the task, both languages and the shared target, leaving hints out of the task', () => {
		expect(
			extractExercises(exercise('id="two" title="Two" level="warm-up"', ...complete), 'a.mdx')
		).toEqual([
			{
				id: 'two',
				title: 'Two',
				level: 'warm-up',
				task: 'Make it print two.',
				python: { starter: 'print(1)', solution: 'print(2)', output: '2' },
				typescript: { starter: 'console.log(1);', solution: 'console.log(2);', output: '2' },
			},
		]);
	});

	test.each([
		[
			'a level that is not one of the three',
			'id="two" title="Two" level="easy"',
			complete,
			/level/,
		],
		[
			'a fence that is neither starter nor solution',
			'id="two" title="Two" level="warm-up"',
			[...complete, fence('python', 'print(3)')],
			/starter.*solution/,
		],
		[
			'a language without its solution',
			'id="two" title="Two" level="warm-up"',
			complete.filter((part) => !part.startsWith('```ts solution')),
			/ts solution/,
		],
	])('names %s, with its place', (_case, attributes, parts, message) => {
		expect(() => extractExercises(exercise(attributes, ...parts), 'a.mdx')).toThrow(message);
		expect(() => extractExercises(exercise(attributes, ...parts), 'a.mdx')).toThrow(/a\.mdx:3/);
	});
});
