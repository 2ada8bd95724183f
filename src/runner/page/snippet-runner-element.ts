/**
 * `<snippet-runner>`: a snippet's language tabs, its Run buttons (one per language),
 * Stop, Trace, Edit and Reset.
 *
 * This is the only snippet code a page loads up front, so it stays small: the
 * editor loads when the reader starts editing (or returns to a snippet they
 * edited), and the transpiler, sandbox and diff load when the reader shows
 * they will run something (see run-intent.ts).
 */
import {
	isLanguage,
	LANGUAGE_LABELS as LABELS,
	LANGUAGES,
	type Language,
} from '../../shared/languages.ts';
import { loadEdit, saveEdit } from './edit-storage.ts';
import type { RunOutcome } from './run-snippet.ts';
import {
	getPreferredLanguage,
	onPreferredLanguageChange,
	setPreferredLanguage,
} from './language-preference.ts';
import { isSideBySide, toggleSideBySide } from './layout-preference.ts';
import { isSolved, markSolved } from './exercise-progress.ts';
import type { SnippetEditor } from './snippet-editor.ts';
import {
	loadRunner,
	prepareToRun,
	prepareToTrace,
	rememberPythonUsed,
	startPythonIfUsedBefore,
} from './run-intent.ts';

/**
 * The reader's latest Run or Trace on the page. Asking for another cancels it at
 * once, before any of the runner's code has loaded, so that in a burst of clicks
 * the last one is the run that goes on, whichever module arrives first.
 */
let latestRequest: AbortController | undefined;

function requestRun(): AbortSignal {
	latestRequest?.abort();
	latestRequest = new AbortController();
	return latestRequest.signal;
}

class SnippetRunnerElement extends HTMLElement {
	#tabs: HTMLButtonElement[] = [];
	#editors = new Map<Language, SnippetEditor>();
	#editing: Promise<void> | undefined;
	/** A shared edit on show (see snippet-sharing.ts): kept in the reader's storage only once changed. */
	#shared: Partial<Record<Language, string>> | undefined;
	/** Ends what listens beyond this element (the site-wide language choice) when it leaves the page. */
	#connected = new AbortController();

	get #id() {
		return this.dataset.snippetId ?? '';
	}

	#part<T extends HTMLElement>(selector: string): T | null {
		return this.querySelector<T>(selector);
	}

	disconnectedCallback() {
		this.#connected.abort();
	}

	connectedCallback() {
		this.#connected = new AbortController();
		this.#setUpTabs();
		for (const run of this.querySelectorAll<HTMLButtonElement>('[data-run]')) {
			const language = run.dataset.run as Language;
			run.addEventListener('click', () => void this.#run(language));
			this.#onIntent(run, () => prepareToRun(language));
			run.disabled = false;
		}
		const edit = this.#part<HTMLButtonElement>('[data-edit]');
		const reset = this.#part<HTMLButtonElement>('[data-reset]');
		const trace = this.#part<HTMLButtonElement>('[data-trace]');
		trace?.addEventListener('click', () => this.#toggleTrace());
		if (trace) {
			this.#onIntent(trace, () =>
				prepareToTrace(LANGUAGES.filter((language) => this.#documented(language) !== null))
			);
			trace.disabled = false;
		}
		edit?.addEventListener(
			'click',
			() => void this.#startEditing().then(() => this.#focusEditor())
		);
		reset?.addEventListener('click', () => this.#reset());
		// The links by the title: to the snippet, to the reader's edit, to the Playground.
		this.#part('figcaption')?.addEventListener('click', (event) => {
			const link = (event.target as Element).closest<HTMLElement>('[data-link]');
			if (!link) return;
			// A link to the snippet is followed as well as copied.
			if (link.dataset.link !== 'copy') event.preventDefault();
			void import('./snippet-sharing.ts').then((sharing) => sharing.followSnippetLink(this, link));
		});
		if (edit) edit.disabled = false;
		// A reader's earlier edits come back, shown but never run until asked.
		if (LANGUAGES.some((language) => loadEdit(this.#id, language) !== null))
			void this.#startEditing();
		if (this.#isExercise) this.#setUpExercise();
	}

	get #isExercise() {
		return this.dataset.exercise !== undefined;
	}

	/** An exercise is edited in place: its editor appears as it comes into view, with no Edit click. */
	#setUpExercise() {
		this.toggleAttribute('data-solved', isSolved(this.#id));
		const observer = new IntersectionObserver(
			(entries) => {
				if (!entries.some((entry) => entry.isIntersecting)) return;
				observer.disconnect();
				void this.#startEditing();
			},
			{ rootMargin: '200px' }
		);
		observer.observe(this);
		this.#connected.signal.addEventListener('abort', () => observer.disconnect());
		for (const load of this.querySelectorAll<HTMLButtonElement>('[data-load-solution]')) {
			const language = load.dataset.loadSolution as Language;
			load.addEventListener('click', () => {
				const solution = this.#part(`[data-solution="${language}"]`)?.textContent ?? '';
				void this.#startEditing().then(() => {
					this.#editors.get(language)?.setCode(solution);
					this.#editors.get(language)?.focus();
				});
			});
		}
	}

	/** Pointing at or focusing a control shows the reader is about to use it. */
	#onIntent(control: HTMLElement, prepare: () => void) {
		control.addEventListener('pointerenter', prepare);
		control.addEventListener('focus', prepare);
	}

	#setUpTabs() {
		const tablist = this.#part('[role="tablist"]');
		if (!tablist) return;
		this.#tabs = [...tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
		// Shown by the styles since the first paint; no longer hidden from anyone.
		tablist.hidden = false;
		// Panels become tab panels only now: without this script they are plain sections shown one after the other.
		for (const tab of this.#tabs) {
			const panel = this.#part(`#${tab.getAttribute('aria-controls')}`);
			panel?.setAttribute('role', 'tabpanel');
			panel?.setAttribute('aria-labelledby', tab.id);
		}
		for (const [index, tab] of this.#tabs.entries()) {
			tab.addEventListener('click', () => {
				setPreferredLanguage(tab.dataset.lang ?? '');
				if (isLanguage(tab.dataset.lang)) prepareToRun(tab.dataset.lang);
			});
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
		onPreferredLanguageChange((language) => this.#selectLanguage(language), this.#connected.signal);
		const layout = this.#part<HTMLButtonElement>('[data-layout-toggle]');
		if (!layout) return;
		// Shown by the styles alone, where the snippet is wide enough for two columns of code.
		layout.setAttribute('aria-pressed', String(isSideBySide()));
		layout.addEventListener('click', () => toggleSideBySide(layout));
	}

	#selectLanguage(language: string | null) {
		const chosen = this.#tabs.find((tab) => tab.dataset.lang === language) ?? this.#tabs[0];
		for (const tab of this.#tabs) {
			const selected = tab === chosen;
			tab.setAttribute('aria-selected', String(selected));
			tab.tabIndex = selected ? 0 : -1;
			// The panel itself is shown by the snippet's styles, from the page's chosen language.
		}
	}

	/** The documented code of a language, as the page shipped it. */
	#documented(language: Language): string | null {
		return this.#part(`[data-code="${language}"]`)?.textContent ?? null;
	}

	/** The code to run: the reader's edit if there is one, else the documented code. */
	currentCode(language: Language): string {
		return this.#editors.get(language)?.getCode() ?? this.#documented(language) ?? '';
	}

	isEdited(language: Language): boolean {
		const documented = this.#documented(language);
		return documented !== null && this.currentCode(language) !== documented;
	}

	#updateEditedState() {
		const edited = LANGUAGES.some((language) => this.isEdited(language));
		this.toggleAttribute('data-edited', edited);
		const reset = this.#part<HTMLButtonElement>('[data-reset]');
		if (reset) reset.hidden = !edited;
	}

	#startEditing(): Promise<void> {
		this.#editing ??= import('./snippet-editor.ts').then(({ createEditor }) => {
			for (const language of LANGUAGES) {
				const pre = this.#part(`[data-code="${language}"]`);
				const documented = this.#documented(language);
				if (!pre || documented === null) continue;
				const host = document.createElement('div');
				host.className = 'snippet-editor';
				// The highlighted block stays in the page, hidden, as the documented code to reset to.
				const block = pre.closest('.code-block') ?? pre;
				block.after(host);
				(block as HTMLElement).hidden = true;
				const editor = createEditor({
					parent: host,
					code: loadEdit(this.#id, language) ?? documented,
					language,
					label: `${LABELS[language]} code, editable`,
					onChange: (code) => {
						if (code !== this.#shared?.[language])
							saveEdit(this.#id, language, code === documented ? null : code);
						this.#updateEditedState();
					},
					onRun: () => void this.#run(language),
					onEscape: () => this.#part<HTMLButtonElement>(`[data-run="${language}"]`)?.focus(),
				});
				this.#editors.set(language, editor);
			}
			this.classList.add('is-editing');
			const edit = this.#part<HTMLButtonElement>('[data-edit]');
			if (edit) edit.hidden = true;
			this.#updateEditedState();
		});
		return this.#editing;
	}

	/** Shows a shared edit in the editor, marked as such, without running it. */
	async showSharedEdit(codes: Partial<Record<Language, string>>) {
		this.#shared = codes;
		this.toggleAttribute('data-shared', true);
		await this.#startEditing();
		for (const language of LANGUAGES) {
			const code = codes[language];
			if (code !== undefined) this.#editors.get(language)?.setCode(code);
		}
		// Shown in its language: the page's choice of language follows.
		const [first] = LANGUAGES.filter((language) => codes[language] !== undefined);
		if (first && !codes[getPreferredLanguage() as Language]) setPreferredLanguage(first);
		this.#updateEditedState();
	}

	#focusEditor() {
		const selected = this.#tabs.find((tab) => tab.getAttribute('aria-selected') === 'true')?.dataset
			.lang;
		const language = isLanguage(selected) ? selected : 'typescript';
		this.#editors.get(language)?.focus();
	}

	#reset() {
		// Resetting a shared edit leaves the reader's own edit, if any, in their storage.
		const shared = this.#shared;
		this.#shared = undefined;
		this.removeAttribute('data-shared');
		for (const language of LANGUAGES) {
			const documented = this.#documented(language);
			if (documented !== null) this.#editors.get(language)?.setCode(documented);
			if (!shared) saveEdit(this.#id, language, null);
		}
		for (const verdict of this.querySelectorAll<HTMLElement>('[data-verdict]')) {
			verdict.textContent = '';
			delete verdict.dataset.status;
			delete verdict.dataset.edited;
		}
		for (const result of this.querySelectorAll<HTMLElement>('[data-result]')) result.hidden = true;
		this.#updateEditedState();
	}

	/** Shows the snippet's traces, drawn from new runs, or hides them on a second press. */
	#toggleTrace() {
		const toggle = this.#part<HTMLButtonElement>('[data-trace]');
		const view = this.#part('[data-trace-view]');
		if (!toggle || !view) return;
		const open = toggle.getAttribute('aria-expanded') !== 'true';
		toggle.setAttribute('aria-expanded', String(open));
		view.hidden = !open;
		// Asked for at the click, before the trace code loads: a later Run anywhere cancels it.
		const signal = open ? requestRun() : undefined;
		// Closing: the trace's line marks go too (their module came with the trace).
		if (!signal)
			return void import('./trace-line.ts').then(({ clearTraceLine }) => clearTraceLine(this));
		void import('./snippet-trace.ts').then(
			({ traceSnippet }) =>
				traceSnippet(
					{
						root: this,
						languages: LANGUAGES.filter((language) => this.#documented(language) !== null),
						currentCode: (language) => this.currentCode(language),
						run: (language, request) => this.#run(language, { trace: true, signal: request }),
					},
					signal
				),
			(error: Error) => {
				for (const body of view.querySelectorAll('.trace-body'))
					body.textContent = `The trace could not be drawn (${error.message}).`;
			}
		);
	}

	async #run(
		language: Language,
		{ trace = false, signal = requestRun() } = {}
	): Promise<RunOutcome | undefined> {
		const button = this.#part<HTMLButtonElement>(`[data-run="${language}"]`);
		const verdict = this.#part(`[data-verdict="${language}"]`);
		const result = this.#part(`[data-result="${language}"]`);
		const stop = this.#part<HTMLButtonElement>('[data-stop]');
		const transcript = this.#part(`[data-transcript-for~="${language}"]`)?.textContent ?? '';
		if (!button || !verdict || !result || !stop || button.disabled) return undefined;

		// One run of a language at a time: its Run is off until the run ends, and Stop ends it early.
		button.disabled = true;
		verdict.dataset.status = 'running';
		verdict.textContent = `${LABELS[language]}: running…`;
		result.hidden = true;
		let clearStartProgress = () => {};
		try {
			stop.onclick = () => latestRequest?.abort();
			stop.hidden = false;
			const [
				{ runSnippet },
				{ describeOutcome, renderOutcomeDetails, markErrorLine },
				{ showStartProgress },
			] = await loadRunner();
			clearStartProgress = () => showStartProgress(verdict, null);
			const markLine = (line: number | null, reveal = false) =>
				markErrorLine(this, language, line, { editor: this.#editors.get(language), reveal });
			markLine(null);
			const edited = this.isEdited(language);
			if (language === 'python') rememberPythonUsed();
			const outcome = await runSnippet(language, this.currentCode(language), transcript, {
				signal,
				trace,
				onProgress: (progress) => showStartProgress(verdict, progress),
			});
			verdict.dataset.status = outcome.status;
			verdict.toggleAttribute('data-edited', edited || this.#isExercise);
			const exercise = this.#isExercise;
			verdict.textContent = `${LABELS[language]}: ${describeOutcome(outcome, { edited, exercise })}`;
			if (outcome.status === 'error') markLine(outcome.line ?? null);
			if (exercise && outcome.status === 'pass') {
				markSolved(this.#id);
				this.toggleAttribute('data-solved', true);
			}
			const details = renderOutcomeDetails(outcome, {
				// An exercise's output is the reader's own work, never a failure of the page.
				edited: edited || exercise,
				goToLine: (line) => markLine(line, true),
			});
			result.replaceChildren(...details);
			result.hidden = details.length === 0;
			return outcome;
		} catch (error) {
			verdict.dataset.status = 'unavailable';
			verdict.textContent = `${LABELS[language]}: the runner could not start (${(error as Error).message}).`;
			return undefined;
		} finally {
			clearStartProgress();
			// Focus would be lost with the Stop button; keep the reader on this snippet.
			const stopHadFocus = document.activeElement === stop;
			if (!this.querySelector('[data-status="running"]')) stop.hidden = true;
			button.disabled = false;
			if (stopHadFocus) button.focus();
		}
	}
}

export function defineSnippetRunner() {
	if (customElements.get('snippet-runner')) return;
	customElements.define('snippet-runner', SnippetRunnerElement);
	startPythonIfUsedBefore();
	// Opened from a link that shares a reader's edit.
	if (location.search.includes('share='))
		void import('./snippet-sharing.ts').then((sharing) => sharing.openSharedEdit());
	// Moving to another chapter keeps the sandbox, and Python in it, but not the run
	// that was going on: its snippet is leaving the page.
	document.addEventListener('astro:before-swap', () => latestRequest?.abort());
	// Python may have ended on the last page (a run that left work behind ends it).
	document.addEventListener('astro:after-swap', startPythonIfUsedBefore);
}
