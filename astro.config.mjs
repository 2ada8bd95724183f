// @ts-check
import mdx from '@astrojs/mdx';
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import { CHROMIUM_ARGS, getChromiumPath } from './src/integrations/chromium.ts';
import { mermaidAssets } from './src/integrations/mermaid-assets.ts';
import { offlineReading } from './src/integrations/offline-reading.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { pyodideAssets } from './src/integrations/pyodide-assets.ts';
import { diagramBrowser, rehypeMermaidCached } from './src/integrations/rehype-mermaid-cached.ts';
import { rehypeScrollDiagrams } from './src/integrations/rehype-scroll-diagrams.ts';
import { sandboxScriptsInDev } from './src/integrations/sandbox-scripts-in-dev.ts';
import { remarkSnippets } from './src/integrations/remark-snippets.ts';
import { snippetsManifest } from './src/integrations/snippets-manifest.ts';
import { transcriptDrift } from './src/integrations/transcript-drift.ts';
import { SHIKI_THEMES } from './src/lib/shiki-themes.ts';

export default defineConfig({
	// Where the site is published. SITE_BASE serves it from a sub-path, as on GitHub Pages
	// (e.g. SITE_BASE=/coroutines/); every internal link goes through `withBase`.
	site: process.env.SITE_URL || 'https://coroutines.example.org',
	base: process.env.SITE_BASE || '/',
	trailingSlash: 'always',
	prefetch: false,
	// A rebuild copies the chapters whose text and menu have not changed (`pageCacheKey`)
	// from the last build, in `node_modules/.astro/`, instead of rendering them again.
	experimental: { incrementalBuild: true },
	// Stylesheets as files, cached once for every chapter, instead of copied into each page's HTML.
	build: { inlineStylesheets: 'never' },
	integrations: [
		mdx(),
		sitemap(),
		snippetsManifest(),
		pyodideAssets(),
		mermaidAssets(),
		pagefindIndex(),
		diagramBrowser(),
		transcriptDrift(),
		sandboxScriptsInDev(),
		// Last: it precaches what the steps before it wrote.
		offlineReading(),
	],
	markdown: {
		// Astro's default Markdown engine runs no rehype plugins; the unified processor
		// does, and MDX inherits it. Mermaid needs rehype, so unified it is.
		processor: unified({
			remarkPlugins: [remarkSnippets],
			rehypePlugins: [
				[
					rehypeMermaidCached,
					{ launchOptions: { executablePath: getChromiumPath(), args: CHROMIUM_ARGS } },
				],
				rehypeScrollDiagrams,
				// Heading ids are normally added after user plugins; the anchor links need them first.
				rehypeHeadingIds,
				[
					rehypeAutolinkHeadings,
					{
						behavior: 'append',
						properties: { class: 'heading-anchor', ariaHidden: 'true', tabIndex: -1 },
						// The "#" is drawn by CSS: as text it would be part of the heading, and search
						// would show each section as "Title#".
						content: [],
					},
				],
			],
		}),
		// Shiki must leave mermaid fences alone, or the diagram plugin would find highlighted HTML instead of a diagram.
		syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid'] },
		shikiConfig: { themes: SHIKI_THEMES, defaultColor: false },
	},
});
