/**
 * What a reader sees while Python gets ready for their run: a bar with megabytes
 * while its files download, then that it is starting. Loaded with the runner,
 * when the reader shows they will run something, never with the page.
 */
import type { StartProgress } from './sandbox.ts';
import './start-progress.css';

/** Bytes as the progress bar shows them: megabytes, to one decimal. */
function megabytes(bytes: number): string {
	return (bytes / 1_000_000).toFixed(1);
}

/** The bar under a verdict, made the first time it is needed. */
function getProgressBar(verdict: HTMLElement) {
	const next = verdict.nextElementSibling;
	let box: HTMLElement;
	if (next instanceof HTMLElement && next.classList.contains('snippet-start-progress')) box = next;
	else {
		box = document.createElement('div');
		box.className = 'snippet-start-progress';
		const bar = document.createElement('progress');
		bar.setAttribute('aria-label', 'Downloading Python');
		const label = document.createElement('span');
		label.setAttribute('aria-hidden', 'true');
		box.append(bar, label);
		verdict.after(box);
	}
	return { box, bar: box.querySelector('progress')!, label: box.querySelector('span')! };
}

/**
 * Shows how far Python has got before the run can begin, or clears it (`null`).
 * The verdict line, a polite live region, changes only with the stage, so that
 * a screen reader hears each stage once; the bar carries the numbers.
 */
export function showStartProgress(verdict: HTMLElement, progress: StartProgress | null) {
	const { box, bar, label } = getProgressBar(verdict);
	box.hidden = progress?.stage !== 'downloading';
	if (progress?.stage === 'downloading') {
		const text = `${megabytes(progress.received)} of ${megabytes(progress.total)} MB`;
		bar.max = progress.total;
		bar.value = progress.received;
		bar.setAttribute('aria-valuetext', text);
		label.textContent = text;
	}
	if (!progress) {
		delete verdict.dataset.stage;
		return;
	}
	if (verdict.dataset.stage === progress.stage) return;
	verdict.dataset.stage = progress.stage;
	verdict.textContent =
		progress.stage === 'downloading'
			? `Python: downloading Python (${megabytes(progress.total)} MB, only the first time)…`
			: progress.stage === 'starting'
				? 'Python: starting Python…'
				: 'Python: running…';
}
