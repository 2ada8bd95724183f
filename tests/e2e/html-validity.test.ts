/** Every built page is valid HTML by html-validate's recommended rules, with the exceptions below. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HtmlValidate } from 'html-validate';
import { expect, test } from 'vitest';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

const validator = new HtmlValidate({
	extends: ['html-validate:recommended'],
	rules: {
		// Shiki writes each token's light and dark colours as inline CSS variables, and Mermaid
		// sizes its SVG inline; both are generated at build time, not written by hand.
		'no-inline-style': 'off',
	},
});

const files = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter(
	(file) => file.endsWith('.html') && !file.startsWith('pagefind')
);

test.each(files)('%s is valid HTML', async (file) => {
	const report = await validator.validateFile(path.join(DIST, file));
	const messages = report.results.flatMap((result) =>
		result.messages.map(
			(message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`
		)
	);
	expect(messages).toEqual([]);
});
