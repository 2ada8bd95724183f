/**
 * Registers the service worker that keeps the site for reading offline (see
 * `integrations/offline-reading.ts`); the page calls this on the reader's first
 * interaction, when the page has long loaded. When a newer version of the site
 * is waiting to take over, the page says so and offers to reload into it; until
 * the reader accepts, the page they are reading stays.
 */
export function keepForOfflineReading() {
	const workers = navigator.serviceWorker;
	if (workers && !import.meta.env.DEV) void watchForUpdates(workers);
}

/** Registers the worker, and offers a newer version of the site whenever one waits. */
async function watchForUpdates(workers: ServiceWorkerContainer) {
	// Refused (a private window, a browser that blocks workers): the site still works online.
	const registration = await workers
		.register(`${import.meta.env.BASE_URL}sw.js`)
		.catch(() => undefined);
	if (!registration) return;
	const offerUpdate = () => {
		const waiting = registration.waiting;
		const notice = document.getElementById('site-updated');
		// A first install has no page to replace: only a worker that waits behind another is an update.
		if (!waiting || !workers.controller || !notice) return;
		notice.hidden = false;
		notice.querySelector('button')!.onclick = () => {
			workers.addEventListener('controllerchange', () => location.reload());
			waiting.postMessage({ type: 'SKIP_WAITING' });
		};
	};
	offerUpdate();
	registration.addEventListener('updatefound', () =>
		registration.installing?.addEventListener('statechange', offerUpdate)
	);
}
