/**
 * Reads what a Python traceback says: the exception's type and message, and the
 * line of the reader's code it points at. The message may span several lines
 * (`ValueError("first\nsecond")`), so it is everything after the traceback's last
 * frame, not the traceback's last line.
 */
export interface PythonError {
	name: string;
	message: string;
	line?: number;
	/** The traceback's frames in the reader's code, outermost first; no name for the top level. */
	frames: { line: number; name?: string }[];
}

export function readPythonTraceback(traceback: string): PythonError {
	const lines = traceback.trimEnd().split('\n');
	// Frames are `  File "…", line N, in f`, each followed by indented source and markers.
	let end = lines.findLastIndex((line) => /^\s+File "/.test(line));
	if (end >= 0) {
		end += 1;
		while (end < lines.length && /^\s{4}/.test(lines[end] ?? '')) end += 1;
	}
	const exception = lines.slice(Math.max(end, 0)).join('\n') || traceback;
	const separator = exception.indexOf(': ');
	const firstLine = exception.split('\n')[0] ?? exception;
	const hasMessage = separator > 0 && separator < firstLine.length;
	// `<module>` is the top level; a syntax error's frame names no function, and is there too.
	const frames = [...traceback.matchAll(/File "<snippet>", line (\d+)(?:, in (\S+))?/g)].map(
		([, line, name]) =>
			name && name !== '<module>' ? { line: Number(line), name } : { line: Number(line) }
	);
	return {
		name: hasMessage ? exception.slice(0, separator) : firstLine,
		message: hasMessage ? exception.slice(separator + 2) : '',
		line: frames.at(-1)?.line,
		frames,
	};
}
