/**
 * Chapters whose address changed when the course was reordered, and where each now
 * lives. Every old address keeps a page that sends the reader on (and keeps any
 * `#section` of the link, as the moved sections kept their headings).
 */
export const MOVED_CHAPTERS: Record<string, string> = {
	// "Send, step by step" became part of "Sending values with send".
	'send-step-by-step': 'sending-values',
};
