/** Text cut to at most `limit` characters, an ellipsis marking the cut. */
export function shorten(text: string, limit: number): string {
	return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
