/** The doctest machinery must be able to fail: a wrong type, a wrong output, a runaway program. */
import { describe, expect, test } from 'vitest';
import { runSnippetInNode } from '../../src/snippets/run-in-node.ts';
import { transpileTypeScript } from '../../src/shared/transpile.ts';
import { typecheckSnippets } from '../../src/snippets/typecheck-snippets.ts';

describe('typecheckSnippets', () => {
	test('accepts typed generator code and reports a strict-mode error with its line', () => {
		const problems = typecheckSnippets([
			{
				id: 'good',
				code: 'function* g(): Generator<number, string, number> {\n  const x = yield 1;\n  return String(x);\n}\nconsole.log(g().next());',
			},
			{ id: 'bad', code: 'function f(x) {\n  return x;\n}\nconst n: number = "one";' },
		]);
		expect(problems.has('good')).toBe(false);
		expect(problems.get('bad')?.join('\n')).toMatch(/line 1, column 12: TS7006/);
		expect(problems.get('bad')?.join('\n')).toMatch(/line 4, column 7: TS2322/);
	});

	test('checks each snippet as its own module, so names may repeat across snippets', () => {
		const code = 'function* gen() { yield 1; }\nconsole.log(gen().next().value);';
		expect(
			typecheckSnippets([
				{ id: 'a', code },
				{ id: 'b', code },
			]).size
		).toBe(0);
	});
});

describe('transpileTypeScript', () => {
	test('removes types and keeps every statement on its line', () => {
		const code =
			'const a: number = 1;\ninterface I { x: number }\nfunction* g(): Generator<number> {\n  yield a;\n}\nthrow new Error("line 6");';
		const javascript = transpileTypeScript(code);
		expect(javascript).not.toMatch(/: number|interface/);
		expect(javascript.split('\n')[5]).toContain('line 6');
	});
});

describe('runSnippetInNode', () => {
	test('captures what TypeScript and Python print', async () => {
		expect(
			(
				await runSnippetInNode(
					'typescript',
					'const s: string = "hi";\nconsole.log(s, { value: 1, done: false });'
				)
			).stdout
		).toBe('hi { value: 1, done: false }\n');
		expect((await runSnippetInNode('python', 'print("hi", None)')).stdout).toBe('hi None\n');
	});

	test('reports a failing program through its exit code and stderr', async () => {
		const result = await runSnippetInNode('python', 'def g():\n    yield\n\ng().send(1)');
		expect(result.exitCode).not.toBe(0);
		expect(result.stderr).toMatch(
			/TypeError: can't send non-None value to a just-started generator/
		);
	});
});
