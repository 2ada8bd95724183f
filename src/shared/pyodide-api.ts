/**
 * The little of Pyodide's loosely typed API that the page's Python worker and
 * the test suite's Pyodide runner use, and what both do after every snippet.
 */

export interface Pyodide {
	/** The main module's namespace; `get('dict')` is Python's `dict`, to make fresh namespaces. */
	globals: { get(name: 'dict'): () => PyDict };
	runPython(code: string, options?: { globals: PyDict; filename: string }): unknown;
	setStdout(options: { batched: (line: string) => void }): void;
	setStderr(options: { batched: (line: string) => void }): void;
}

export interface PyDict {
	get(key: string): unknown;
	set(key: string, value: unknown): void;
	destroy(): void;
}

/** `start` and `stop` of the recorder (`recorders/trace_generators.py`), called as plain functions. */
export interface Recorder {
	start: (sink: (event: string) => void, functions?: boolean) => unknown;
	stop: () => void;
}

/** Loads the recorder's source into a namespace of its own and returns its two functions. */
export function loadRecorder(pyodide: Pyodide, source: string): Recorder {
	const module = pyodide.globals.get('dict')();
	pyodide.runPython(source, { globals: module, filename: 'trace_generators.py' });
	return {
		start: module.get('start') as Recorder['start'],
		stop: module.get('stop') as Recorder['stop'],
	};
}

/**
 * Run after every snippet. A last line printed without its newline stays in
 * Pyodide's line buffer until the stream is synced, and would otherwise come out
 * with the next snippet's output; CPython prints it when the program ends. The
 * original streams, since a snippet may have replaced or closed `sys.stdout`.
 */
const FLUSH_OUTPUT = `
import os, sys
for stream in (sys.__stdout__, sys.__stderr__):
    try:
        stream.flush()
        os.fsync(stream.fileno())
    except Exception:
        pass
`;

/**
 * One snippet must not change the next: a snippet may rebind a builtin
 * (`builtins.print = …`), replace `sys.stdout`, or patch a module it imports.
 * Before the first snippet this takes a baseline of every loaded module's
 * namespace, `builtins` and `sys` included; after each snippet `restore()` puts
 * back any namespace that changed, and forgets the pure-Python modules the
 * snippet imported, so that the next snippet imports them afresh.
 */
const CLEAN_STATE = `
import sys


def _snapshot():
    modules = {}
    for name, module in list(sys.modules.items()):
        namespace = getattr(module, "__dict__", None)
        if isinstance(namespace, dict):
            modules[name] = (module, dict(namespace))
    return modules


_baseline = _snapshot()


def pending_tasks():
    """Whether the snippet left asyncio tasks that would run on after it."""
    asyncio = sys.modules.get("asyncio")
    if asyncio is None:
        return False
    try:
        loop = asyncio.get_event_loop_policy().get_event_loop()
        return any(not task.done() for task in asyncio.all_tasks(loop))
    except Exception:
        return False


def restore():
    for name in [name for name in sys.modules if name not in _baseline]:
        if str(getattr(sys.modules[name], "__file__", "")).endswith(".py"):
            del sys.modules[name]
    for name, (module, saved) in _baseline.items():
        sys.modules[name] = module
        namespace = module.__dict__
        # Compared in C, each value by identity first: only a rebound name costs more.
        if namespace != saved:
            namespace.clear()
            namespace.update(saved)
`;

interface CleanState {
	pendingTasks: () => boolean;
	restore: () => void;
}

const cleanStates = new WeakMap<Pyodide, CleanState>();

/** Restores this Pyodide to its state before the first snippet; made on first use. */
function getCleanState(pyodide: Pyodide): CleanState {
	let state = cleanStates.get(pyodide);
	if (!state) {
		const module = pyodide.globals.get('dict')();
		pyodide.runPython(CLEAN_STATE, { globals: module, filename: 'clean_state.py' });
		state = {
			pendingTasks: module.get('pending_tasks') as () => boolean,
			restore: module.get('restore') as () => void,
		};
		cleanStates.set(pyodide, state);
	}
	return state;
}

/**
 * How a snippet ended: `traceback` is Pyodide's message for an uncaught Python
 * exception; `lingering`, that it left asyncio tasks that would go on running.
 */
export type SnippetEnd = { lingering: boolean } & (
	{ failed: false } | { failed: true; traceback: string }
);

/**
 * Runs one snippet as the page runs it: in a fresh namespace (so one snippet's
 * names never leak into the next), as the main module, named `<snippet>` in
 * tracebacks, recorded when a `recording` is given, with its output synced, and
 * the interpreter's modules put back as they were before the first snippet.
 */
export function runPythonSnippet(
	pyodide: Pyodide,
	code: string,
	recording?: { recorder: Recorder; sink: (event: string) => void; functions?: boolean }
): SnippetEnd {
	const clean = getCleanState(pyodide);
	const namespace = pyodide.globals.get('dict')();
	namespace.set('__name__', '__main__');
	recording?.recorder.start(recording.sink, recording.functions ?? false);
	let failure: string | undefined;
	try {
		pyodide.runPython(code, { globals: namespace, filename: '<snippet>' });
	} catch (error) {
		failure = error instanceof Error ? error.message : String(error);
	} finally {
		recording?.recorder.stop();
		namespace.destroy();
	}
	pyodide.runPython(FLUSH_OUTPUT);
	const lingering = clean.pendingTasks();
	clean.restore();
	return failure === undefined
		? { failed: false, lingering }
		: { failed: true, traceback: failure, lingering };
}
