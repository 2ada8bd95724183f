// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{
		ignores: [
			'dist/',
			'dist-base/',
			'.astro/',
			'.bench-site-*/',
			'node_modules/',
			'content/',
			'public/',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommendedTypeChecked,
	...astro.configs.recommended,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node },
			parserOptions: {
				projectService: true,
				tsconfigRootDir: import.meta.dirname,
			},
		},
	},
	{
		// Type information is not available for Astro components and the scripts inside them,
		// nor for this plain-JavaScript config and install script.
		files: ['**/*.astro', '**/*.astro/*.ts', '**/*.{js,mjs}'],
		...tseslint.configs.disableTypeChecked,
	},
	{
		// The service worker is a classic script, run by the browser as a worker.
		files: ['src/service-worker/**/*.js'],
		languageOptions: { globals: { ...globals.serviceworker, workbox: 'readonly' } },
	}
);
