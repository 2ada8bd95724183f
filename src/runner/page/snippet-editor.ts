/**
 * The in-place code editor (CodeMirror 6), loaded only when a reader starts
 * editing or comes back to a snippet they edited before.
 *
 * Tab is left to move focus, as on the rest of the page, and Escape leaves the
 * editor for the Run button, so a keyboard user is never trapped in it.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { python } from '@codemirror/lang-python';
import { bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { EditorState, StateEffect, StateField } from '@codemirror/state';
import {
	Decoration,
	drawSelection,
	EditorView,
	keymap,
	lineNumbers,
	type DecorationSet,
} from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import type { Language } from '../../shared/languages.ts';

export interface EditorOptions {
	parent: HTMLElement;
	code: string;
	language: Language;
	label: string;
	onChange: (code: string) => void;
	onRun: () => void;
	onEscape: () => void;
}

export interface SnippetEditor {
	getCode(): string;
	setCode(code: string): void;
	focus(): void;
	/** Marks the line of an error (1-based), scrolled into view with `reveal`; `null` clears the mark. */
	markErrorLine(line: number | null, reveal?: boolean): void;
}

const setErrorLine = StateEffect.define<number | null>();

/** The error's line, marked until the next run; an edit moves the mark with its line. */
const errorLine = StateField.define<DecorationSet>({
	create: () => Decoration.none,
	update(marks, transaction) {
		let next = marks.map(transaction.changes);
		for (const effect of transaction.effects) {
			if (!effect.is(setErrorLine)) continue;
			const line = effect.value;
			next =
				line === null || line < 1 || line > transaction.state.doc.lines
					? Decoration.none
					: Decoration.set(
							Decoration.line({ class: 'cm-error-line' }).range(
								transaction.state.doc.line(line).from
							)
						);
		}
		return next;
	},
	provide: (field) => EditorView.decorations.from(field),
});

let editorCount = 0;

/** The run shortcut as the reader's keyboard labels it. */
function runShortcutLabel(): string {
	return /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘+Enter' : 'Ctrl+Enter';
}

export function createEditor(options: EditorOptions): SnippetEditor {
	// Said under the editor, and to screen readers with the editor, so the shortcuts are found.
	const hint = document.createElement('p');
	hint.className = 'snippet-editor-hint';
	hint.id = `snippet-editor-hint-${++editorCount}`;
	hint.textContent = `${runShortcutLabel()} runs this code · Esc leaves the editor`;
	const view = new EditorView({
		parent: options.parent,
		state: EditorState.create({
			doc: options.code,
			extensions: [
				lineNumbers(),
				errorLine,
				history(),
				drawSelection(),
				indentOnInput(),
				bracketMatching(),
				// Token classes (tok-keyword, tok-string…) coloured by the site's stylesheet in both themes.
				syntaxHighlighting(classHighlighter),
				options.language === 'python' ? python() : javascript({ typescript: true }),
				keymap.of([
					{ key: 'Mod-Enter', run: () => (options.onRun(), true) },
					{ key: 'Escape', run: () => (options.onEscape(), true) },
					...defaultKeymap,
					...historyKeymap,
				]),
				EditorView.contentAttributes.of({
					'aria-label': options.label,
					'aria-describedby': hint.id,
					'aria-keyshortcuts': 'Control+Enter Meta+Enter Escape',
				}),
				EditorView.updateListener.of((update) => {
					if (update.docChanged) options.onChange(update.state.doc.toString());
				}),
			],
		}),
	});
	options.parent.append(hint);
	return {
		getCode: () => view.state.doc.toString(),
		setCode: (code) =>
			view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } }),
		focus: () => view.focus(),
		markErrorLine(line, reveal = false) {
			const effects: StateEffect<unknown>[] = [setErrorLine.of(line)];
			if (reveal && line !== null && line >= 1 && line <= view.state.doc.lines)
				effects.push(EditorView.scrollIntoView(view.state.doc.line(line).from, { y: 'nearest' }));
			view.dispatch({ effects });
		},
	};
}
