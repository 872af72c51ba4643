import { describe, expect, it } from 'vitest';
import { isBasemapTile, isCacheableRead } from './policy';

describe('what the service worker keeps on the device', () => {
  it.each([
    '/api/v1/dashboard',
    '/api/v1/corridors',
    '/api/v1/corridors/0196a/timeline',
    '/api/v1/flags',
    '/api/v1/parties',
    '/api/v1/users',
  ])('keeps the answer to GET %s for offline display', (path) => {
    expect(isCacheableRead(path)).toBe(true);
  });

  it.each([
    '/api/v1/auth/me',
    '/api/v1/auth/invite',
    '/api/v1/api-keys',
    '/api/v1/feeds/abc/windows.ics',
    '/api/v1/unsubscribe',
    '/api/v1/outbox',
    '/api/v1/outbox/2022-05-05-alert.eml',
    '/api/docs-json',
    '/api/admin/queues/api/queues',
    '/health',
  ])('never keeps %s, which carries a secret or is not a console read', (path) => {
    expect(isCacheableRead(path)).toBe(false);
  });
});

describe('basemap tiles', () => {
  it('are kept as maps load them: the built tiles, and nothing else', () => {
    expect(isBasemapTile('/assets/basemap-3fa09c1d2b7e/tile_30_40.json')).toBe(true);
    expect(isBasemapTile('/assets/basemap-3fa09c1d2b7e/tile_-100_-10.json')).toBe(true);
    expect(isBasemapTile('/assets/world-110m-Abc123.json')).toBe(false);
    expect(isBasemapTile('/api/v1/assets/basemap-3fa09c1d2b7e/tile_30_40.json')).toBe(false);
  });
});
