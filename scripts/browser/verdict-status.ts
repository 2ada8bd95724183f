import type { RunOutcome } from '../../src/runner/page/run-snippet.ts';

/** Every status a run can end with: a snippet's verdict is final once its `data-status` is one of these. */
const FINAL_STATUSES = [
	'pass',
	'fail',
	'error',
	'timeout',
	'stopped',
	'unavailable',
] as const satisfies readonly RunOutcome['status'][];

export const FINAL_STATUS = new RegExp(`^(${FINAL_STATUSES.join('|')})$`);
