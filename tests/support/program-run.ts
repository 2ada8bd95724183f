import type { ProgramResult } from '../../src/snippets/run-in-node.ts';

/** What went wrong with a run that should have finished cleanly: in time, exit code 0, nothing on stderr. */
export function problemsOfRun(result: ProgramResult): string[] {
	const problems: string[] = [];
	if (result.timedOut) problems.push('it did not finish in time');
	if (result.exitCode !== 0) problems.push(`it exited with code ${result.exitCode}`);
	if (result.stderr.trim() !== '') problems.push(`it wrote to stderr:\n${result.stderr.trimEnd()}`);
	return problems;
}
