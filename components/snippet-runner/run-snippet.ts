/**
 * Runs a snippet's TypeScript or Python in the sandbox and checks what it prints
 * against its documented transcript. Loaded on the reader's first Run.
 */
import { compareOutput, type DiffLine } from '../../src/snippets/compare-output.ts';
import { transpileTypeScript } from '../../src/snippets/transpile.ts';
import { runInSandbox } from './sandbox.ts';
import type { SnippetLanguage } from './worker-protocol.ts';

export type RunOutcome = { output: string; truncated: boolean } & (
	| { status: 'pass' }
	| { status: 'fail'; diff: DiffLine[] }
	| { status: 'error'; error: string }
	| { status: 'timeout'; seconds: number; reason: 'stuck' | 'too-long' }
	| { status: 'stopped' }
	| { status: 'unavailable'; reason: string }
);

/** Sucrase reports a syntax error as "message (line:column)". */
function describeSyntaxError(error: Error): string {
	const match = /\((\d+):(\d+)\)$/.exec(error.message);
	const message = error.message.replace(/\s*\(\d+:\d+\)$/, '');
	return match ? `SyntaxError: ${message} (line ${match[1]}, column ${Number(match[2]) + 1})` : `SyntaxError: ${message}`;
}

export async function runSnippet(
	language: SnippetLanguage,
	code: string,
	transcript: string,
	onProgress?: (message: string) => void,
): Promise<RunOutcome> {
	let program = code;
	if (language === 'typescript') {
		try {
			program = transpileTypeScript(code);
		} catch (error) {
			// Caught here, before any worker starts.
			return { status: 'error', error: describeSyntaxError(error as Error), output: '', truncated: false };
		}
	}

	const lines: string[] = [];
	let truncated = false;
	const end = await runInSandbox(language, program, {
		onOutput: (printed) => lines.push(...printed),
		onTruncated: () => (truncated = true),
		onProgress,
	});
	const output = lines.join('\n');
	const common = { output, truncated };
	switch (end.kind) {
		case 'done': {
			const comparison = compareOutput(transcript, output);
			// Output cut short can never match a transcript.
			return comparison.pass && !truncated ? { ...common, status: 'pass' } : { ...common, status: 'fail', diff: comparison.diff };
		}
		case 'error':
			return { ...common, status: 'error', error: `${end.name}: ${end.message}${end.line ? ` (line ${end.line})` : ''}` };
		case 'stuck':
		case 'too-long':
			return { ...common, status: 'timeout', seconds: end.seconds, reason: end.kind };
		case 'stopped':
			return { ...common, status: 'stopped' };
		case 'unavailable':
			return { ...common, status: 'unavailable', reason: end.reason };
	}
}
