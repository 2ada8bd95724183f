/**
 * What the links by a snippet's title do: copy a link to the snippet, copy a
 * link that carries the reader's edit, and open the TypeScript in the official
 * Playground, as the TypeScript docs do. Also what opens a shared edit when the
 * page is loaded from such a link. Loaded on the first click of one of those
 * links, or by a page opened from a shared edit.
 *
 * A shared edit travels in the page's query, compressed as the Playground
 * compresses code (lz-string): `?share=ID&typescript=…#snippet-ID`. It is shown
 * in the editor, marked "Shared edit", never run on arrival, and not kept in the
 * reader's storage until they change it; the documented code is one Reset away.
 */
// lz-string is a CommonJS module: its functions hang off its default export.
import lzString from 'lz-string';
import { LANGUAGES, type Language } from '../../shared/languages.ts';

const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = lzString;

export const SHARE_PARAMETER = 'share';
/**
 * The longest a shared edit may be, per language: compressed, short enough for an
 * address servers accept (most take 8 KB); as code, ten times the longest snippet.
 */
export const MAX_PACKED_CHARS = 6_000;
export const MAX_SHARED_CHARS = 30_000;
const PLAYGROUND = 'https://www.typescriptlang.org/play';

/** What of a snippet element sharing uses (see snippet-runner-element.ts). */
interface SharedSnippet extends HTMLElement {
	currentCode(language: Language): string;
	isEdited(language: Language): boolean;
	showSharedEdit(codes: Partial<Record<Language, string>>): Promise<void>;
}

/** The address of a snippet on its page, with nothing else in it. */
function snippetUrl(id: string): URL {
	const url = new URL(location.href);
	url.search = '';
	url.hash = `snippet-${id}`;
	return url;
}

/** A link to the snippet that carries each language the reader has edited. */
export function shareUrl(snippet: SharedSnippet): URL {
	const id = snippet.dataset.snippetId ?? '';
	const url = snippetUrl(id);
	url.searchParams.set(SHARE_PARAMETER, id);
	for (const language of LANGUAGES)
		if (snippet.isEdited(language))
			url.searchParams.set(language, compressToEncodedURIComponent(snippet.currentCode(language)));
	return url;
}

export function playgroundUrl(code: string): string {
	return `${PLAYGROUND}?#code/${compressToEncodedURIComponent(code)}`;
}

/** Says what happened next to a link, for a moment, and to screen readers. */
function announce(control: HTMLElement, text: string) {
	const status = control.parentElement?.querySelector<HTMLElement>('[data-link-status]');
	if (!status) return;
	status.textContent = text;
	setTimeout(() => {
		if (status.textContent === text) status.textContent = '';
	}, 2000);
}

async function copyLink(url: URL, control: HTMLElement, copied: string) {
	try {
		await navigator.clipboard.writeText(url.href);
		announce(control, copied);
	} catch {
		// No clipboard (an insecure page, a refusal): the address bar holds the link instead.
		history.replaceState(history.state, '', url);
		announce(control, 'Copy the link from the address bar');
	}
}

/** Follows one of the links by a snippet's title; `data-link` says which. */
export async function followSnippetLink(snippet: SharedSnippet, control: HTMLElement) {
	const id = snippet.dataset.snippetId ?? '';
	switch (control.dataset.link) {
		case 'copy':
			return copyLink(snippetUrl(id), control, 'Link copied');
		case 'share':
			return copyLink(shareUrl(snippet), control, 'Link to your edit copied');
		case 'playground':
			open(playgroundUrl(snippet.currentCode('typescript')), '_blank', 'noopener');
	}
}

/** A shared edit's code, or why it cannot be shown. */
export function readSharedCode(packed: string): { code: string } | { problem: string } {
	if (packed.length > MAX_PACKED_CHARS) return { problem: 'is too long' };
	const code = decompressFromEncodedURIComponent(packed);
	if (!code) return { problem: 'could not be read (it may have been cut short or changed)' };
	if (code.length > MAX_SHARED_CHARS) return { problem: 'is too long' };
	return { code };
}

/** A message above a snippet's code, or at the top of the page when there is no snippet. */
function tellReader(snippet: HTMLElement | null, text: string) {
	const message = document.createElement('p');
	message.className = 'snippet-share-message';
	message.setAttribute('role', 'status');
	message.textContent = text;
	if (snippet) snippet.querySelector('figcaption')?.after(message);
	else document.querySelector('main')?.prepend(message);
}

/** Opens the shared edit the page's address carries, if it carries one. */
export async function openSharedEdit() {
	const parameters = new URLSearchParams(location.search);
	const id = parameters.get(SHARE_PARAMETER);
	if (id === null) return;
	const snippet = document.querySelector<SharedSnippet>(
		`snippet-runner[data-snippet-id="${CSS.escape(id)}"]`
	);
	if (!snippet) {
		tellReader(null, `This link shares an edit of a snippet that is not on this page (“${id}”).`);
		return;
	}
	const codes: Partial<Record<Language, string>> = {};
	for (const language of LANGUAGES) {
		const packed = parameters.get(language);
		if (packed === null) continue;
		const shared = readSharedCode(packed);
		if ('problem' in shared) {
			tellReader(
				snippet,
				`This link's shared edit ${shared.problem}, so the documented code is shown.`
			);
			return;
		}
		codes[language] = shared.code;
	}
	if (Object.keys(codes).length === 0) {
		tellReader(snippet, 'This link carries no code, so the documented code is shown.');
		return;
	}
	await snippet.showSharedEdit(codes);
}
