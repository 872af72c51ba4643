/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Writes .br and .gz beside each asset: the API serves them as they are (@fastify/static preCompressed). */
function precompress(outDir: string): Plugin {
  const compressIn = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (statSync(join(dir, name)).isDirectory()) compressIn(join(dir, name));
      if (!/\.(js|css|json|svg)$/.test(name)) continue;
      const body = readFileSync(join(dir, name));
      writeFileSync(join(dir, `${name}.gz`), gzipSync(body, { level: 9 }));
      writeFileSync(
        join(dir, `${name}.br`),
        brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      );
    }
  };
  return {
    name: 'cw-precompress',
    apply: 'build',
    closeBundle() {
      compressIn(join(outDir, 'assets'));
    },
  };
}

/**
 * The 1:50m basemap tiles (src/map/basemap/50m, cut by scripts/console-basemap.mjs) in one folder of the build named
 * by a hash of them all, so a tile's address is computed from its cell (src/map/basemap.ts) instead of ~400 hashed
 * names shipped in the map's script; `virtual:basemap-tiles` gives the folder and the cells that have land.
 */
function basemapTiles(dir: string): Plugin {
  const files = readdirSync(dir)
    .filter((name) => /^tile_-?\d+_-?\d+\.json$/.test(name))
    .sort();
  const hash = createHash('sha256');
  for (const name of files) hash.update(name).update(readFileSync(join(dir, name)));
  const folder = `assets/basemap-${hash.digest('hex').slice(0, 12)}`;
  const cells = files.map((name) => name.slice('tile_'.length, -'.json'.length));
  const id = 'virtual:basemap-tiles';
  return {
    name: 'cw-basemap-tiles',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load: (resolved) =>
      resolved === `\0${id}`
        ? `export const TILE_FOLDER = ${JSON.stringify(`/${folder}/`)};\nexport const LAND_CELLS = ${JSON.stringify(cells.join(' '))};\n`
        : null,
    generateBundle() {
      for (const name of files)
        this.emitFile({
          type: 'asset',
          fileName: `${folder}/${name}`,
          source: readFileSync(join(dir, name)),
        });
    },
    // `vite` (the dev server) serves them at the same addresses.
    configureServer(server) {
      server.middlewares.use(`/${folder}/`, (request, response, next) => {
        const name = request.url?.slice(1).split('?')[0] ?? '';
        if (!files.includes(name)) return next();
        response.setHeader('content-type', 'application/json');
        response.end(readFileSync(join(dir, name)));
      });
    },
  };
}

const PREACT_ALIASES = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
  // wouter reads the location through React's useSyncExternalStore shim; preact/compat has the hook itself.
  { find: /^use-sync-external-store\/shim(\/index\.js)?$/, replacement: 'preact/compat' },
];

/**
 * Installable and offline: the service worker (src/sw.ts, Workbox) precaches every built file, so each page opens
 * with no network after one visit. Registered from src/offline/service-worker.ts (no inline script: the CSP forbids
 * it); a new version waits until the next navigation (registerType 'prompt').
 */
const pwa = VitePWA({
  strategies: 'injectManifest',
  srcDir: 'src',
  filename: 'sw.ts',
  registerType: 'prompt',
  injectRegister: false,
  manifest: {
    name: 'Corridor Watch',
    short_name: 'Corridors',
    description: 'Evacuation corridors: what was promised, who confirmed it, what happened.',
    lang: 'en',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: '#102a43',
    background_color: '#ffffff',
    icons: [
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  injectManifest: {
    // Every chunk, page, style, map and icon; the .br/.gz twins are the same files for the server to send.
    globPatterns: ['**/*.{js,css,html,json,svg,png,webmanifest}'],
    // The 1:50m basemap tiles (~400, 1 MB) are kept as maps load them (src/sw.ts); the 1:110m world is precached.
    globIgnores: ['assets/basemap-*/**'],
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  },
});

// The console is served by the API at `/`; everything it needs ships in dist (no CDN, no web font).
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [basemapTiles(here('src/map/basemap/50m')), pwa, precompress(here('dist'))],
  resolve: {
    alias: [
      // The schedule expansion is the domain's own function: the preview and the server agree.
      { find: '@domain', replacement: here('../../libs/domain/src') },
      // Preact behind React's names: ~10 KB instead of react-dom's ~60 KB on a slow link. The code and its types
      // stay React's; the component tests run on the same Preact the build ships.
      ...PREACT_ALIASES,
    ],
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: { proxy: { '/api': 'http://localhost:3600', '/health': 'http://localhost:3600' } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: [here('src/test-setup.ts')],
    // These libraries' ES builds, bundled through Vite, so that the aliases above reach their own `react` imports.
    alias: [
      {
        find: /^@testing-library\/react$/,
        replacement: here('../../node_modules/@testing-library/react/dist/@testing-library/react.esm.js'),
      },
      {
        find: /^react-error-boundary$/,
        replacement: here('../../node_modules/react-error-boundary/dist/react-error-boundary.js'),
      },
    ],
    server: {
      deps: {
        inline: [
          /@testing-library\/react/,
          /wouter/,
          /react-error-boundary/,
          /@tanstack\/react-(table|query)/,
          /react-hook-form/,
        ],
      },
    },
  },
});
