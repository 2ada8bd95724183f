/**
 * The service worker that keeps the site for reading offline, written into the
 * build as `sw.js` by `src/integrations/offline-reading.ts`, which fills in the
 * site's settings and the list of files to precache where the two placeholders
 * below stand. It is a classic script: Workbox's modules come from `workbox-sw`,
 * copied into the build, so nothing needs bundling.
 */
const SETTINGS = self.__SETTINGS__;

importScripts(`${SETTINGS.workbox}workbox-sw.js`);
// The production builds, also on localhost where workbox-sw would pick the debugging ones.
workbox.setConfig({ modulePathPrefix: SETTINGS.workbox, debug: false });

const { CacheFirst, NetworkFirst } = workbox.strategies;
const { ExpirationPlugin } = workbox.expiration;
const { registerRoute } = workbox.routing;

workbox.core.clientsClaim();
// A new version waits for the page to ask, after the reader chose to reload into it.
self.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

workbox.precaching.precacheAndRoute(self.__WB_MANIFEST);
workbox.precaching.cleanupOutdatedCaches();

// Workbox looks for a pattern anywhere in the URL, and applies one not found at
// its start to the site's own origin only.
const under = (folder) =>
	new RegExp(`${SETTINGS.base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${folder}`);

// Named by a hash of their content: never stale.
registerRoute(
	under(SETTINGS.assets),
	new CacheFirst({ cacheName: 'assets', plugins: [new ExpirationPlugin({ maxEntries: 300 })] })
);
// Versioned by a query; one entry per file, so a new version's files push out the old ones.
registerRoute(
	under(SETTINGS.pyodide),
	new CacheFirst({
		cacheName: 'pyodide',
		plugins: [new ExpirationPlugin({ maxEntries: SETTINGS.pyodideFiles })],
	})
);
// Mermaid, for the trace view: in a folder named by its version.
registerRoute(
	under('mermaid-'),
	new CacheFirst({ cacheName: 'mermaid', plugins: [new ExpirationPlugin({ maxEntries: 60 })] })
);
// The search index changes with the site: the network's copy first.
registerRoute(under('pagefind/'), new NetworkFirst({ cacheName: 'search' }));
