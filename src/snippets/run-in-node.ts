import type { Language } from '../shared/languages.ts';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TraceMessage } from './check-diagram.ts';
import { transpileTypeScript } from '../shared/transpile.ts';

/**
 * Runs a snippet as a real program, outside any browser: TypeScript (types
 * removed) under this Node, Python under the system's CPython. Used by the test
 * suite to check each transcript like a doctest.
 */

export interface ProgramResult {
	stdout: string;
	stderr: string;
	exitCode: number | null;
	timedOut: boolean;
}

/** Generous: a snippet takes milliseconds; only a runaway one gets near this. */
const TIME_LIMIT_MS = 10_000;

function runProgram(command: string, args: string[]): Promise<ProgramResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, PYTHONIOENCODING: 'utf-8' },
		});
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, TIME_LIMIT_MS);
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(new Error(`Could not start ${command}: ${error.message}`));
		});
		child.on('close', (exitCode) => {
			clearTimeout(timer);
			resolve({ stdout, stderr, exitCode, timedOut });
		});
	});
}

const PROGRAMS: Record<
	Language,
	{ extension: string; prepare: (code: string) => string; command: () => string }
> = {
	// `.mjs`: snippets are modules (strict mode, top-level await), as in the page's runner.
	typescript: { extension: '.mjs', prepare: transpileTypeScript, command: () => process.execPath },
	python: {
		extension: '.py',
		prepare: (code) => code,
		command: () => process.env.PYTHON ?? 'python3',
	},
};

export async function runSnippetInNode(language: Language, code: string): Promise<ProgramResult> {
	const program = PROGRAMS[language];
	const dir = await mkdtemp(path.join(tmpdir(), 'snippet-'));
	try {
		const file = path.join(dir, `snippet${program.extension}`);
		await writeFile(file, program.prepare(code));
		return await runProgram(program.command(), [file]);
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

const PYTHON_TRACER = fileURLToPath(new URL('./python/trace_calls.py', import.meta.url));

/** Runs a Python snippet under a tracer and returns who handed control to whom, in order. */
export async function tracePythonSnippet(code: string): Promise<TraceMessage[]> {
	const dir = await mkdtemp(path.join(tmpdir(), 'snippet-trace-'));
	try {
		const file = path.join(dir, 'snippet.py');
		const traceFile = path.join(dir, 'trace.json');
		await writeFile(file, code);
		const result = await runProgram(PROGRAMS.python.command(), [PYTHON_TRACER, file, traceFile]);
		if (result.exitCode !== 0) throw new Error(`The traced snippet failed:\n${result.stderr}`);
		return JSON.parse(await readFile(traceFile, 'utf8')) as TraceMessage[];
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}
