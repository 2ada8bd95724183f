/** What the verdict says of a Python error comes from its traceback, read robustly. */
import { expect, test } from 'vitest';
import { readPythonTraceback } from '../../src/shared/python-traceback.ts';

test('reads the type, message and the line in the reader’s code', () => {
	const traceback = [
		'Traceback (most recent call last):',
		'  File "<snippet>", line 5, in <module>',
		'    g().send(1)',
		'    ~~~~~~~~^^^',
		"TypeError: can't send non-None value to a just-started generator",
	].join('\n');
	expect(readPythonTraceback(traceback)).toEqual({
		name: 'TypeError',
		message: "can't send non-None value to a just-started generator",
		line: 5,
		frames: [{ line: 5 }],
	});
});

test('keeps a message of several lines whole, and the type its own', () => {
	const traceback = [
		'Traceback (most recent call last):',
		'  File "<snippet>", line 1, in <module>',
		'    raise ValueError("first line\\nsecond line")',
		'ValueError: first line',
		'second line',
	].join('\n');
	expect(readPythonTraceback(traceback)).toEqual({
		name: 'ValueError',
		message: 'first line\nsecond line',
		line: 1,
		frames: [{ line: 1 }],
	});
});

test('reads an exception without a message, the innermost line, and the frames of the snippet alone', () => {
	const traceback = [
		'Traceback (most recent call last):',
		'  File "<snippet>", line 7, in <module>',
		'    next(gen)',
		'  File "/lib/python3.13/functools.py", line 40, in wrapper',
		'    return f()',
		'  File "<snippet>", line 3, in gen',
		'    return',
		'StopIteration',
	].join('\n');
	expect(readPythonTraceback(traceback)).toEqual({
		name: 'StopIteration',
		message: '',
		line: 3,
		frames: [{ line: 7 }, { line: 3, name: 'gen' }],
	});
});

test('places a syntax error, which names no function, in the top level', () => {
	const traceback = [
		'  File "<snippet>", line 2',
		'    def f(:',
		'          ^',
		'SyntaxError: invalid syntax',
	].join('\n');
	expect(readPythonTraceback(traceback)).toMatchObject({
		name: 'SyntaxError',
		line: 2,
		frames: [{ line: 2 }],
	});
});
