/**
 * Which exercises the reader has solved, kept in the browser: an exercise is
 * solved once a run of it printed its target.
 */
const PREFIX = 'exercise-solved:';
/** Dispatched on the window when an exercise is solved, for the progress marks. */
export const SOLVED_EVENT = 'exercise-solved';

export function isSolved(exerciseId: string): boolean {
	try {
		return localStorage.getItem(PREFIX + exerciseId) !== null;
	} catch {
		return false;
	}
}

export function markSolved(exerciseId: string) {
	try {
		localStorage.setItem(PREFIX + exerciseId, '1');
	} catch {
		// Not remembered; the page still shows it solved.
	}
	dispatchEvent(new Event(SOLVED_EVENT));
}

/** Forgets every exercise solved. */
export function clearSolved() {
	try {
		for (const key of Object.keys(localStorage))
			if (key.startsWith(PREFIX)) localStorage.removeItem(key);
	} catch {
		// Nothing was kept.
	}
}
