/**
 * The reader's progress in the exercises, as the sidebar and the menu show it:
 * "1/2" by each chapter with exercises, counted from what the browser keeps,
 * and a button that clears it.
 */
import { clearSolved, isSolved, SOLVED_EVENT } from '../runner/page/exercise-progress.ts';

function countSolved() {
	let anySolved = false;
	for (const progress of document.querySelectorAll<HTMLElement>('[data-exercises]')) {
		const ids = (progress.dataset.exercises ?? '').split(' ');
		const solved = ids.filter(isSolved).length;
		anySolved ||= solved > 0;
		const count = progress.querySelector('[data-solved-count]');
		if (count) count.textContent = String(solved);
		progress.toggleAttribute('data-all-solved', solved === ids.length);
	}
	for (const clear of document.querySelectorAll<HTMLButtonElement>('[data-clear-progress]'))
		clear.hidden = !anySolved;
}

export function showExerciseProgress() {
	countSolved();
	addEventListener(SOLVED_EVENT, countSolved);
	document.addEventListener('astro:after-swap', countSolved);
	document.addEventListener('click', (event) => {
		if (!(event.target as Element).closest?.('[data-clear-progress]')) return;
		clearSolved();
		for (const exercise of document.querySelectorAll('[data-exercise][data-solved]'))
			exercise.removeAttribute('data-solved');
		countSolved();
	});
}
