/// <reference lib="webworker" />
// The console's service worker (Workbox, built by vite-plugin-pwa): the built files precached, every console
// address answered with the precached page, API reads network-first with the last answer kept for offline display.
import { clientsClaim, type WorkboxPlugin } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import {
  API_READS_CACHE,
  BASEMAP_TILES_CACHE,
  isBasemapTile,
  isCacheableRead,
  NOT_CONSOLE_PAGES,
  SERVED_FROM_CACHE_HEADER,
} from './offline/policy';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: NOT_CONSOLE_PAGES }));

/** Marks an answer taken from the cache, so the page can say how old it is (its `Date` header says when). */
const markServedFromCache: WorkboxPlugin = {
  cachedResponseWillBeUsed: async ({ cachedResponse }) => {
    if (!cachedResponse) return null;
    const headers = new Headers(cachedResponse.headers);
    headers.set(SERVED_FROM_CACHE_HEADER, '1');
    return new Response(await cachedResponse.blob(), {
      status: cachedResponse.status,
      statusText: cachedResponse.statusText,
      headers,
    });
  },
};

registerRoute(
  ({ url, sameOrigin }) => sameOrigin && isCacheableRead(url.pathname),
  new NetworkFirst({
    cacheName: API_READS_CACHE,
    // A connection that hangs (a weak signal) answers from the cache after this, marked as such.
    networkTimeoutSeconds: 10,
    plugins: [new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 14 * 86_400 }), markServedFromCache],
  }),
);

// A tile's address names its content (a hash): once kept, it never needs the network again.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && isBasemapTile(url.pathname),
  new CacheFirst({
    cacheName: BASEMAP_TILES_CACHE,
    plugins: [new ExpirationPlugin({ maxEntries: 200 })],
  }),
);

// The page asks for the waiting version to take over only when it is safe: on a navigation, never mid-form.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
clientsClaim();
