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
	const places = [...traceback.matchAll(/File "<snippet>", line (\d+)/g)];
	const line = places.length > 0 ? Number(places.at(-1)![1]) : undefined;
	return {
		name: hasMessage ? exception.slice(0, separator) : firstLine,
		message: hasMessage ? exception.slice(separator + 2) : '',
		line,
	};
}
