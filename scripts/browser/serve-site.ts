/**
 * Serves the built site (`dist/`) on a free local port and drives it in the
 * system's Chromium, for the browser tests and the benchmark. Both build the
 * site first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { preview, type PreviewServer } from 'astro';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, getChromiumPath } from '../../src/integrations/chromium.ts';
import type { Exercise } from '../../src/shared/exercise.ts';
import type { Snippet } from '../../src/shared/snippet.ts';

const DIST = new URL('../../dist/', import.meta.url);

function getFreePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('No port'))
			);
		});
	});
}

function readBuiltJson<T>(name: string): T {
	const file = new URL(`./${name}`, DIST);
	if (!existsSync(file)) throw new Error(`dist/${name} is missing: run \`npm run build\` first.`);
	return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export function readManifest(): Snippet[] {
	return readBuiltJson<Snippet[]>('snippets.json');
}

export function readExercises(): Exercise[] {
	return readBuiltJson<Exercise[]>('exercises.json');
}

/** The system's Chromium, as every browser test runs it, with any further command-line switches. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
	return chromium.launch({
		executablePath: getChromiumPath(),
		args: [...CHROMIUM_ARGS, ...extraArgs],
	});
}

export interface TestSite {
	url: (path: string) => string;
	browser: Browser;
	/**
	 * A fresh page in a fresh context (own storage), which records console errors.
	 * Service workers are blocked unless asked for (`serviceWorkers: 'allow'`): a
	 * page served by the offline cache would bypass the tests' request routing.
	 */
	newPage: (
		options?: Parameters<Browser['newContext']>[0]
	) => Promise<{ page: Page; context: BrowserContext; errors: string[] }>;
	close: () => Promise<void>;
}

export async function startSite(): Promise<TestSite> {
	const port = await getFreePort();
	const server: PreviewServer = await preview({
		root: new URL('../../', import.meta.url).pathname,
		server: { port, host: '127.0.0.1' },
		logLevel: 'error',
	});
	let browser: Browser;
	try {
		browser = await launchChromium();
	} catch (error) {
		await server.stop();
		throw error;
	}
	const contexts: BrowserContext[] = [];
	return {
		url: (path) => `http://127.0.0.1:${server.port}${path}`,
		browser,
		async newPage(options) {
			const context = await browser.newContext({ serviceWorkers: 'block', ...options });
			contexts.push(context);
			const page = await context.newPage();
			const errors: string[] = [];
			page.on('console', (message) => {
				if (message.type() === 'error') errors.push(message.text());
			});
			page.on('pageerror', (error) => errors.push(String(error)));
			return { page, context, errors };
		},
		async close() {
			await Promise.all(contexts.map((context) => context.close()));
			await browser.close();
			await server.stop();
		},
	};
}
