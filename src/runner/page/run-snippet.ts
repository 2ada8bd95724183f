/**
 * Runs a snippet's TypeScript or Python in the sandbox and checks what it prints
 * against its documented transcript. Loaded on the reader's first Run.
 */
import type { Language } from '../../shared/languages.ts';
import { compareOutput, type DiffLine } from '../../shared/compare-output.ts';
import { shorten } from '../../shared/shorten.ts';
import { transpileTypeScript } from '../../shared/transpile.ts';
import { locateSyntaxError } from './locate-syntax-error.ts';
import { markThrowSites } from './mark-throw-sites.ts';
import type { TraceEvent } from '../../shared/trace-event.ts';
import type { CodeFrame, OutputStream } from '../protocol.ts';
import { formatError } from './render-outcome.ts';
import { runInSandbox, type StartProgress } from './sandbox.ts';

export { prepareSandbox } from './sandbox.ts';

/** The generator events of a traced run, up to the recorder's limit. */
export interface RecordedTrace {
	events: TraceEvent[];
	truncated: boolean;
}

export type RunOutcome = {
	/** What the program printed to standard output: what the transcript is compared with. */
	output: string;
	/** What it printed to standard error, shown apart and never compared. */
	stderr: string;
	truncated: boolean;
	trace?: RecordedTrace;
} & (
	| { status: 'pass' }
	| { status: 'fail'; diff: DiffLine[] }
	/** `line`: where in the reader's code; `frames`: the calls that led there, outermost first. */
	| { status: 'error'; error: string; line?: number; frames: CodeFrame[] }
	| { status: 'timeout'; seconds: number; reason: 'stuck' | 'too-long' }
	| { status: 'stopped' }
	| { status: 'unavailable'; reason: string }
);

/** An error's name and message are the program's to choose: the verdict shows this much of them. */
const MAX_ERROR_NAME_CHARS = 100;
const MAX_ERROR_MESSAGE_CHARS = 1000;

/** Sucrase reports a syntax error as "message (line:column)". */
function describeSyntaxError(error: Error): { error: string; line?: number } {
	const match = /\((\d+):(\d+)\)$/.exec(error.message);
	const message = error.message.replace(/\s*\(\d+:\d+\)$/, '');
	return match
		? {
				error: `SyntaxError: ${message} (line ${match[1]}, column ${Number(match[2]) + 1})`,
				line: Number(match[1]),
			}
		: { error: `SyntaxError: ${message}` };
}

/** Wraps the functions of compiled TypeScript for the trace; without it the trace still works, with generic names. */
async function prepareForTrace(program: string): Promise<string> {
	const { wrapTracedFunctions } = await import('../../recorders/wrap-traced-functions.ts');
	try {
		return wrapTracedFunctions(program);
	} catch {
		return program;
	}
}

export interface RunOptions {
	/** Aborted when the reader stops the run or asks for another: it ends, wherever it has got to. */
	signal: AbortSignal;
	onProgress?: (progress: StartProgress) => void;
	/** Also record the run's generator events, returned as `trace`. */
	trace?: boolean;
}

export async function runSnippet(
	language: Language,
	code: string,
	transcript: string,
	options: RunOptions
): Promise<RunOutcome> {
	let program = code;
	if (language === 'typescript') {
		try {
			program = transpileTypeScript(code);
		} catch (error) {
			// Caught here, before any worker starts.
			const { error: described, line } = describeSyntaxError(error as Error);
			return {
				status: 'error',
				error: described,
				line,
				frames: line === undefined ? [] : [{ line }],
				output: '',
				stderr: '',
				truncated: false,
			};
		}
		program = await markThrowSites(program);
		if (options.trace) program = await prepareForTrace(program);
	}

	const printed: Record<OutputStream, string[]> = { stdout: [], stderr: [] };
	let truncated = false;
	const trace: RecordedTrace | undefined = options.trace
		? { events: [], truncated: false }
		: undefined;
	const end = await runInSandbox(
		language,
		program,
		{
			onOutput: (line, stream) => printed[stream].push(line),
			onTruncated: () => (truncated = true),
			onProgress: options.onProgress,
			...(trace && {
				onTrace: (event: TraceEvent) => trace.events.push(event),
				onTraceTruncated: () => (trace.truncated = true),
			}),
		},
		options.signal
	);
	const output = printed.stdout.join('\n');
	const common = { output, stderr: printed.stderr.join('\n'), truncated, trace };
	switch (end.kind) {
		case 'done': {
			const comparison = compareOutput(transcript, output);
			// Output cut short can never match a transcript.
			return comparison.pass && !truncated
				? { ...common, status: 'pass' }
				: { ...common, status: 'fail', diff: comparison.diff };
		}
		case 'error': {
			const line =
				end.line ??
				(language === 'typescript' && end.name === 'SyntaxError'
					? await locateSyntaxError(program)
					: undefined);
			return {
				...common,
				status: 'error',
				error: formatError(
					shorten(end.name, MAX_ERROR_NAME_CHARS),
					shorten(end.message, MAX_ERROR_MESSAGE_CHARS),
					line
				),
				line,
				frames: end.frames?.length ? end.frames : line === undefined ? [] : [{ line }],
			};
		}
		case 'stuck':
		case 'too-long':
			return { ...common, status: 'timeout', seconds: end.seconds, reason: end.kind };
		case 'stopped':
			return { ...common, status: 'stopped' };
		case 'unavailable':
			return { ...common, status: 'unavailable', reason: end.reason };
	}
}
