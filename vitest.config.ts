import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		reporters: ['default', './tests/summary-reporter.ts'],
		projects: [
			{
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
				},
			},
			{
				// Every documented snippet, run for real: TypeScript in Node, Python in Pyodide and CPython.
				test: {
					name: 'snippets',
					include: ['tests/snippets/**/*.test.ts'],
					testTimeout: 30_000,
				},
			},
			{
				// The built site (`dist/`), served locally and driven in Chromium.
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					// One browser at a time: the machines that run this have two cores.
					fileParallelism: false,
					// A file's concurrent tests (test.concurrent), two pages at a time.
					maxConcurrency: 2,
				},
			},
		],
	},
});
