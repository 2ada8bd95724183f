/**
 * Starting the runner before the click. A reader who points at or focuses Run
 * or Trace, or chooses the Python tab, is about to run something: what that run
 * needs (the runner's code, the sandbox frame, a spare worker, Python) starts
 * loading then, so that the click finds it ready. A plain page load starts
 * nothing, except for a reader who has run Python on this site before: Python
 * then starts when the page is idle, since they will likely want it again.
 */
import type { Language } from '../../shared/languages.ts';

const PYTHON_USED_KEY = 'snippet-python-used';

/** The runner's code, loaded on first use: running and judging, the verdict's details, Python's progress. */
export function loadRunner() {
	return Promise.all([
		import('./run-snippet.ts'),
		import('./render-outcome.ts'),
		import('./start-progress.ts'),
	]);
}

/** Loads the runner and has it prepare `language`; safe to call again and again. */
export function prepareToRun(language: Language) {
	void loadRunner().then(([{ prepareSandbox }]) => prepareSandbox(language));
}

/** Loads the trace view's code (Mermaid, the recorders' helpers) before the first Trace. */
export function prepareToTrace(languages: readonly Language[]) {
	for (const language of languages) prepareToRun(language);
	void import('./snippet-trace.ts');
	void import('../../trace-view/trace-view.ts').then(({ prepareTraceView }) => prepareTraceView());
}

export function rememberPythonUsed() {
	try {
		localStorage.setItem(PYTHON_USED_KEY, '1');
	} catch {
		// Not remembered: Python starts on the reader's next intent instead.
	}
}

/** For a reader who has run Python here before, starts it once the page is idle. */
export function startPythonIfUsedBefore() {
	let used = false;
	try {
		used = localStorage.getItem(PYTHON_USED_KEY) === '1';
	} catch {
		// Storage blocked: nothing remembered.
	}
	if (!used) return;
	const start = () => prepareToRun('python');
	if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 2000 });
	else setTimeout(start, 500);
}
