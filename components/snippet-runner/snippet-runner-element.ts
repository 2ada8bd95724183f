/**
 * `<snippet-runner>`: language tabs and the Run button of a snippet.
 *
 * This is the only snippet code a page loads up front, so it stays small; the
 * transpiler, the worker and the diff load with `import()` on the first Run.
 */
import { getPreferredLanguage, onPreferredLanguageChange, setPreferredLanguage } from './language-preference.ts';

class SnippetRunnerElement extends HTMLElement {
	#tabs: HTMLButtonElement[] = [];

	connectedCallback() {
		this.#setUpTabs();
		const run = this.querySelector<HTMLButtonElement>('[data-run]');
		if (run) {
			run.addEventListener('click', () => void this.#run(run));
			run.disabled = false;
		}
	}

	#setUpTabs() {
		const tablist = this.querySelector<HTMLElement>('[role="tablist"]');
		if (!tablist) return;
		this.#tabs = [...tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
		tablist.hidden = false;
		this.classList.add('has-tabs');
		// Panels become tab panels only now: without this script they are plain sections shown one after the other.
		for (const tab of this.#tabs) {
			const panel = this.querySelector<HTMLElement>(`#${tab.getAttribute('aria-controls')}`);
			panel?.setAttribute('role', 'tabpanel');
			panel?.setAttribute('aria-labelledby', tab.id);
		}

		for (const [index, tab] of this.#tabs.entries()) {
			tab.addEventListener('click', () => setPreferredLanguage(tab.dataset.lang ?? ''));
			// Arrow keys move between tabs, as in the WAI-ARIA tabs pattern.
			tab.addEventListener('keydown', (event) => {
				const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
				if (step === 0) return;
				const next = this.#tabs[(index + step + this.#tabs.length) % this.#tabs.length];
				if (!next) return;
				setPreferredLanguage(next.dataset.lang ?? '');
				next.focus();
			});
		}
		this.#selectLanguage(getPreferredLanguage());
		onPreferredLanguageChange((language) => this.#selectLanguage(language));
	}

	#selectLanguage(language: string | null) {
		const chosen = this.#tabs.find((tab) => tab.dataset.lang === language) ?? this.#tabs[0];
		for (const tab of this.#tabs) {
			const selected = tab === chosen;
			tab.setAttribute('aria-selected', String(selected));
			tab.tabIndex = selected ? 0 : -1;
			const panel = this.querySelector<HTMLElement>(`#${tab.getAttribute('aria-controls')}`);
			if (panel) panel.hidden = !selected;
		}
	}

	async #run(button: HTMLButtonElement) {
		const verdict = this.querySelector<HTMLElement>('[data-verdict]');
		const result = this.querySelector<HTMLElement>('[data-result]');
		const stop = this.querySelector<HTMLButtonElement>('[data-stop]');
		const code = this.querySelector('[data-code="typescript"]')?.textContent ?? '';
		const transcript = this.querySelector('[data-transcript-for~="typescript"]')?.textContent ?? '';
		if (!verdict || !result || !stop) return;

		// One run of a snippet at a time: Run is off until this one ends, and Stop ends it early.
		button.disabled = true;
		verdict.dataset.status = 'running';
		verdict.textContent = 'Running…';
		result.hidden = true;
		try {
			const [{ runTypeScriptSnippet }, { describeOutcome, renderOutcomeDetails }, { stopRun }] = await Promise.all([
				import('./run-typescript.ts'),
				import('./render-outcome.ts'),
				import('./sandbox.ts'),
			]);
			stop.onclick = () => stopRun();
			stop.hidden = false;
			const outcome = await runTypeScriptSnippet(code, transcript);
			verdict.dataset.status = outcome.status;
			verdict.textContent = describeOutcome(outcome);
			const details = renderOutcomeDetails(outcome);
			result.replaceChildren(...details);
			result.hidden = details.length === 0;
		} catch (error) {
			verdict.dataset.status = 'unavailable';
			verdict.textContent = `The runner could not start: ${(error as Error).message}`;
		} finally {
			// Focus would be lost with the Stop button; keep the reader on this snippet.
			const stopHadFocus = document.activeElement === stop;
			stop.hidden = true;
			button.disabled = false;
			if (stopHadFocus) button.focus();
		}
	}
}

export function defineSnippetRunner() {
	if (!customElements.get('snippet-runner')) customElements.define('snippet-runner', SnippetRunnerElement);
}
