/*
 * What the service worker keeps for offline use, in one place that the worker, the page and the tests read.
 * The built files are precached whole; API reads are cached per address, except those that carry a secret.
 */

/** The cache of API reads (GET /api/v1/…), emptied when someone signs in or out. */
export const API_READS_CACHE = 'cw-api-reads';

/** Set by the service worker on an answer it took from its cache because the network failed or was too slow. */
export const SERVED_FROM_CACHE_HEADER = 'x-cw-served-from-cache';

// Sign-in and sessions, API keys (a key is shown once), invitations, private feed links, unsubscribe links and the
// outbox (its e-mails carry signed unsubscribe links): never written to a cache on the device.
const NEVER_CACHED = /^\/api\/v1\/(auth|api-keys|invite|feeds|unsubscribe|outbox)(\/|$)/;

/** Whether the answer to `GET pathname` may be kept on the device for offline display. */
export function isCacheableRead(pathname: string): boolean {
  return pathname.startsWith('/api/v1/') && !NEVER_CACHED.test(pathname);
}

/** A 1:50m basemap tile (src/map/basemap.ts): kept once a map has loaded it, not precached with the rest. */
export const BASEMAP_TILES_CACHE = 'cw-basemap-tiles';
export function isBasemapTile(pathname: string): boolean {
  return /^\/assets\/basemap-[0-9a-f]+\/tile_-?\d+_-?\d+\.json$/.test(pathname);
}

/** Addresses the console's page (index.html) is never served for: the API, its documents, health. */
export const NOT_CONSOLE_PAGES = [/^\/api(\/|$)/, /^\/health(\/|$)/];

/** Someone signed in or out: API answers kept for offline display were theirs, not the next person's. */
export async function forgetOfflineReads(): Promise<void> {
  if (typeof caches === 'undefined') return;
  await caches.delete(API_READS_CACHE);
}
