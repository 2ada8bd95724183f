import type { IncomingMessage, ServerResponse } from 'node:http';
import { Script } from 'node:vm';
import { expect, test } from 'vitest';
import { sandboxScriptsInDev } from '../../src/integrations/sandbox-scripts-in-dev.ts';
import { DEV_SANDBOX_PATH, SANDBOX_SCRIPTS } from '../../src/shared/sandbox-scripts.ts';

type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

/** The integration's middleware, as `astro dev` installs it. */
function devMiddleware(): Middleware {
	let middleware: Middleware | undefined;
	const server = {
		watcher: { on: () => undefined },
		middlewares: { use: (added: Middleware) => (middleware = added) },
		config: { define: { __PYODIDE_BYTES__: '1', __PYODIDE_VERSION__: '"0"' } },
	};
	void sandboxScriptsInDev().hooks['astro:server:setup']?.({ server } as never);
	return middleware!;
}

/** What the dev server answers at `url`, or `undefined` when it passes the request on. */
function request(url: string): Promise<{ type: string; body: string } | undefined> {
	return new Promise((resolve) => {
		const headers = new Map<string, string>();
		const response = {
			setHeader: (name: string, value: string) => headers.set(name, value),
			end: (body: string) => resolve({ type: headers.get('Content-Type') ?? '', body }),
		};
		devMiddleware()({ url } as IncomingMessage, response as unknown as ServerResponse, () =>
			resolve(undefined)
		);
	});
}

test.each(SANDBOX_SCRIPTS)(
	'astro dev serves %s as one classic script, with nothing left to import',
	async (name) => {
		const answer = await request(`/coroutines/${DEV_SANDBOX_PATH}${name}.js?v=1`);
		expect(answer?.type).toBe('text/javascript');
		// Parsed as a classic script, as the sandbox runs it: an `import` left in it is a syntax
		// error there ("Cannot use import statement outside a module").
		expect(() => new Script(answer!.body)).not.toThrow();
	},
	30_000
);

test('astro dev passes on every other request', async () => {
	expect(await request(`/${DEV_SANDBOX_PATH}nothing.js`)).toBeUndefined();
	expect(await request('/chapters/yield-from/')).toBeUndefined();
});
