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

/** How a snippet ended: `traceback` is Pyodide's message for an uncaught Python exception. */
export type SnippetEnd = { failed: false } | { failed: true; traceback: string };

/**
 * Runs one snippet as the page runs it: in a fresh namespace (so one snippet's
 * names never leak into the next), as the main module, named `<snippet>` in
 * tracebacks, recorded when a `recording` is given, with its output synced.
 */
export function runPythonSnippet(
	pyodide: Pyodide,
	code: string,
	recording?: { recorder: Recorder; sink: (event: string) => void; functions?: boolean }
): SnippetEnd {
	const namespace = pyodide.globals.get('dict')();
	namespace.set('__name__', '__main__');
	recording?.recorder.start(recording.sink, recording.functions ?? false);
	let end: SnippetEnd = { failed: false };
	try {
		pyodide.runPython(code, { globals: namespace, filename: '<snippet>' });
	} catch (error) {
		end = { failed: true, traceback: error instanceof Error ? error.message : String(error) };
	} finally {
		recording?.recorder.stop();
		namespace.destroy();
	}
	pyodide.runPython(FLUSH_OUTPUT);
	return end;
}
