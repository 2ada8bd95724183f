import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Language } from '../shared/languages.ts';
import { transpileTypeScript } from '../shared/transpile.ts';

/**
 * Runs a snippet as a real program, outside any browser: TypeScript (types
 * removed) under this Node, Python under the system's CPython. Used by the test
 * suite to check each transcript like a doctest. Python's first check is in
 * Pyodide, the Python readers run (`run-in-pyodide.ts`); CPython is a second
 * one, where the machine has it (`findCPython`).
 */

export interface ProgramResult {
	stdout: string;
	stderr: string;
	exitCode: number | null;
	timedOut: boolean;
}

/** What went wrong with a run that should have finished cleanly: in time, exit code 0, nothing on stderr. */
export function problemsOfRun(result: ProgramResult): string[] {
	const problems: string[] = [];
	if (result.timedOut) problems.push('it did not finish in time');
	if (result.exitCode !== 0) problems.push(`it exited with code ${result.exitCode}`);
	if (result.stderr.trim() !== '') problems.push(`it wrote to stderr:\n${result.stderr.trimEnd()}`);
	return problems;
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

function pythonCommand(): string {
	return process.env.PYTHON ?? 'python3';
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
		command: pythonCommand,
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

/** The oldest CPython the transcripts are checked against, as a second Python beside Pyodide. */
const OLDEST_CPYTHON = { major: 3, minor: 11 };

export type CPythonAvailability =
	{ found: true; version: string } | { found: false; reason: string };

/** Whether `$PYTHON` (else `python3`) can be run and is recent enough; if not, why. */
export async function findCPython(): Promise<CPythonAvailability> {
	const command = pythonCommand();
	let result: ProgramResult;
	try {
		result = await runProgram(command, ['-c', 'import sys; print(*sys.version_info[:2])']);
	} catch {
		return { found: false, reason: `no CPython: \`${command}\` could not be started` };
	}
	const version = /^(\d+) (\d+)$/.exec(result.stdout.trim());
	if (result.exitCode !== 0 || !version)
		return { found: false, reason: `no CPython: \`${command}\` did not tell its version` };
	const [major, minor] = [Number(version[1]), Number(version[2])];
	const { major: oldestMajor, minor: oldestMinor } = OLDEST_CPYTHON;
	if (major < oldestMajor || (major === oldestMajor && minor < oldestMinor))
		return {
			found: false,
			reason: `\`${command}\` is Python ${major}.${minor}; the CPython check needs ${oldestMajor}.${oldestMinor} or later`,
		};
	return { found: true, version: `${major}.${minor}` };
}
