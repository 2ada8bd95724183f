/**
 * Runs a TypeScript snippet in a Web Worker and checks what it prints against
 * its documented transcript. Loaded on the reader's first Run, never before.
 */
import { compareOutput, type DiffLine } from '../../src/snippets/compare-output.ts';
import { transpileTypeScript } from '../../src/snippets/transpile.ts';
import SnippetWorker from './snippet-worker.ts?worker&inline';
import type { WorkerMessage } from './worker-protocol.ts';

/** How long a snippet may run before its worker is stopped. */
export const TIME_LIMIT_MS = 5000;

export type RunOutcome =
	| { status: 'pass'; output: string }
	| { status: 'fail'; output: string; diff: DiffLine[] }
	| { status: 'error'; output: string; error: string }
	| { status: 'timeout'; output: string; seconds: number };

export async function runTypeScriptSnippet(code: string, transcript: string): Promise<RunOutcome> {
	let javascript: string;
	try {
		javascript = transpileTypeScript(code);
	} catch (error) {
		return { status: 'error', output: '', error: `SyntaxError: ${(error as Error).message}` };
	}

	const lines: string[] = [];
	const output = () => lines.join('\n');
	const worker = new SnippetWorker();
	try {
		return await new Promise<RunOutcome>((resolve) => {
			const timer = setTimeout(
				() => resolve({ status: 'timeout', output: output(), seconds: TIME_LIMIT_MS / 1000 }),
				TIME_LIMIT_MS,
			);
			const finish = (outcome: RunOutcome) => {
				clearTimeout(timer);
				resolve(outcome);
			};
			worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
				const message = event.data;
				if (message.type === 'output') {
					lines.push(...message.lines);
				} else if (message.type === 'error') {
					finish({ status: 'error', output: output(), error: `${message.name}: ${message.message}` });
				} else {
					const comparison = compareOutput(transcript, output());
					finish(
						comparison.pass
							? { status: 'pass', output: output() }
							: { status: 'fail', output: output(), diff: comparison.diff },
					);
				}
			});
			worker.addEventListener('error', (event) => {
				event.preventDefault();
				finish({ status: 'error', output: output(), error: event.message || 'The runner could not start.' });
			});
			worker.postMessage({ code: javascript });
		});
	} finally {
		// Whatever happened, nothing of this run may go on in the background.
		worker.terminate();
	}
}
