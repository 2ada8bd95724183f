/**
 * In `astro dev`, each chapter's snippets and exercise solutions are run as the
 * author saves the chapter, and a transcript that no longer holds is reported in
 * the terminal and, as a warning on that snippet, in the page. The built site
 * never carries the warning: `npm test` is where drift fails.
 *
 * Each version of a program is run once (Python in Pyodide, TypeScript in Node)
 * and remembered, so re-rendering a page costs nothing, and the terminal reports
 * a drift once, when it appears.
 */
import path from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { PyodideRunner } from '../snippets/run-in-pyodide.ts';
import type { ProgramCheck } from '../snippets/update-transcripts.ts';

let logger: AstroIntegrationLogger | undefined;
let pyodide: PyodideRunner | undefined;
const checks = new Map<string, Promise<ProgramCheck>>();

/** The checker and its runners, loaded by the first check: a build, which checks nothing, never loads them. */
async function loadChecker() {
	const [{ checkProgram, findDocumentedPrograms, runAsReadersDo }, { PyodideRunner }] =
		await Promise.all([
			import('../snippets/update-transcripts.ts'),
			import('../snippets/run-in-pyodide.ts'),
		]);
	return {
		checkProgram,
		findDocumentedPrograms,
		// Pyodide starts with the first Python program to check.
		run: runAsReadersDo(() => (pyodide ??= new PyodideRunner())),
	};
}
let checker: ReturnType<typeof loadChecker> | undefined;

/** Turns the check on for `astro dev`, and stops Pyodide when the server stops. */
export function transcriptDrift(): AstroIntegration {
	return {
		name: 'transcript-drift',
		hooks: {
			'astro:config:setup': ({ command, logger: integrationLogger }) => {
				if (command === 'dev') logger = integrationLogger;
			},
			'astro:server:done': async () => {
				await pyodide?.close();
				pyodide = undefined;
			},
		},
	};
}

/**
 * What no longer holds in a chapter, by snippet or exercise id: each drift as a
 * diff, and each run that failed. Empty outside `astro dev`.
 */
export async function findTranscriptDrift(
	source: string,
	file: string,
	log = logger
): Promise<Map<string, string>> {
	const drift = new Map<string, string>();
	if (!log) return drift;
	const { checkProgram, findDocumentedPrograms, run } = await (checker ??= loadChecker());
	const programs = findDocumentedPrograms(source, path.relative(process.cwd(), file));
	// The programs run at the same time; what they found is told in page order.
	const found = await Promise.all(
		programs.map(async (program) => {
			const key = JSON.stringify([
				program.id,
				program.code,
				program.fences.map((fence) => fence.documented),
			]);
			const known = checks.get(key);
			const check = known ?? checkProgram(program, run);
			checks.set(key, check);
			const { drifts, problems } = await check;
			return { id: program.id, messages: [...drifts, ...problems], firstChecked: !known };
		})
	);
	for (const { id, messages, firstChecked } of found) {
		// Told in the terminal once, when this version of the program is first checked.
		if (firstChecked)
			for (const message of messages) log.warn(`The transcript no longer holds: ${message}`);
		if (messages.length > 0) drift.set(id, messages.join('\n\n'));
	}
	return drift;
}
