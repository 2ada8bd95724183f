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
import { runSnippetInNode } from '../snippets/run-in-node.ts';
import { PyodideRunner } from '../snippets/run-in-pyodide.ts';
import {
	checkProgram,
	findDocumentedPrograms,
	type ProgramCheck,
	type RunProgram,
} from '../snippets/update-transcripts.ts';

let logger: AstroIntegrationLogger | undefined;
let pyodide: PyodideRunner | undefined;
const checks = new Map<string, Promise<ProgramCheck>>();

const run: RunProgram = (language, code) =>
	language === 'python'
		? (pyodide ??= new PyodideRunner()).run(code)
		: runSnippetInNode(language, code);

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
	await Promise.all(
		findDocumentedPrograms(source, path.relative(process.cwd(), file)).map(async (program) => {
			const key = JSON.stringify([
				program.id,
				program.code,
				program.fences.map((fence) => fence.documented),
			]);
			let check = checks.get(key);
			if (!check) {
				check = checkProgram(program, run);
				checks.set(key, check);
				for (const message of [...(await check).drifts, ...(await check).problems])
					log.warn(`The transcript no longer holds: ${message}`);
			}
			const { drifts, problems } = await check;
			if (drifts.length + problems.length > 0)
				drift.set(program.id, [...drifts, ...problems].join('\n\n'));
		})
	);
	return drift;
}
