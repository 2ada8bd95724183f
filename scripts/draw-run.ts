/**
 * Prints the hand-overs of control of a snippet's Python run, as a sequence
 * diagram in the vocabulary the diagram contract checks (`snippets/check-diagram.ts`):
 * the starting point for a documented diagram, which the author then annotates
 * with notes and activation bars.
 *
 *   node scripts/draw-run.ts <snippet-id>
 */
import { collectSnippets } from '../src/snippets/collect-snippets.ts';
import { readRunMessages } from '../src/snippets/check-diagram.ts';
import { PyodideRunner } from '../src/snippets/run-in-pyodide.ts';
import { toMermaidMessage } from '../src/shared/trace-diagram.ts';
import { displayNames } from '../src/shared/trace-event.ts';

const id = process.argv[2];
const snippet = (await collectSnippets()).find((candidate) => candidate.id === id);
if (!snippet?.python) {
	console.error(`No Python snippet "${id ?? ''}". Usage: node scripts/draw-run.ts <snippet-id>`);
	process.exit(1);
}

const pyodide = new PyodideRunner();
try {
	const run = await pyodide.trace(snippet.python.code, { functions: true });
	if (run.exitCode !== 0) console.error(run.stderr);
	const events = run.events.filter((event) => event.kind !== 'create');
	const names = displayNames(run.events);
	const nameOf = (participant: string) => names.get(participant) ?? participant;
	console.log('sequenceDiagram');
	for (const event of events) {
		const { from, arrow, to, label } = toMermaidMessage(event);
		console.log(`  ${nameOf(from)}${arrow.replace(/[+-]$/, '')}${nameOf(to)}: ${label}`);
	}
	console.log('\n%% As the contract compares them:');
	for (const line of readRunMessages(run.events)) console.log(`%% ${line}`);
} finally {
	await pyodide.close();
}
