#!/usr/bin/env node
// The console's performance figures: initial JS + CSS gzipped, and the dashboard's time to usable
// content in Chromium on a slow mobile network (CDP throttling: 400 kbit/s down, 400 ms RTT, cold cache).
// Needs `npm run build`; starts the API on a free port with a fresh SQLite file and the demo data.
//   node scripts/console-perf.mjs [--runs 3]
/* global document, performance */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { ROOT, apiToken, launchChromium, loadDemoData, startServer } from '../test/console/harness.mjs';

const DIST = path.join(ROOT, 'apps/console/dist');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const PROFILE = { latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };
const TARGET_KB = 250;
const TARGET_MS = 3000;

/** The files index.html makes the browser fetch before anything shows: entry script, preloads, styles. */
function initialAssets() {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  return [...new Set(refs)].map((ref) => {
    const body = readFileSync(path.join(DIST, ref));
    return {
      ref,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body).length,
    };
  });
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measureDashboard(browser, url, token) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
  const host = new URL(url).hostname;
  await context.addCookies([{ name: 'cw_session', value: token, domain: host, path: '/', httpOnly: true }]);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PROFILE });
  let transferred = 0;
  cdp.on('Network.loadingFinished', (e) => (transferred += e.encodedDataLength));
  await page.goto(`${url}/`, { waitUntil: 'commit' });
  // Usable: the open corridors, open flags and next-48-hours windows are on screen with their data.
  const usableMs = await (
    await page.waitForFunction(
      () => {
        const sections = document.querySelectorAll('.dashboard section.card[data-ready]');
        const ready = [...sections].slice(0, 3).every((s) => s.getAttribute('data-ready') === 'true');
        return sections.length >= 3 && ready ? performance.now() : false;
      },
      null,
      { timeout: 60_000, polling: 20 },
    )
  ).jsonValue();
  const completeMs = await (
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('.dashboard section.card[data-ready]')].every(
          (s) => s.getAttribute('data-ready') === 'true',
        ) && performance.now(),
      null,
      { timeout: 60_000, polling: 20 },
    )
  ).jsonValue();
  const paint = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  );
  await context.close();
  return { usableMs, completeMs, fcpMs: paint, transferred };
}

const assets = initialAssets();
const total = assets.reduce(
  (sum, a) => ({ raw: sum.raw + a.raw, gzip: sum.gzip + a.gzip, brotli: sum.brotli + a.brotli }),
  {
    raw: 0,
    gzip: 0,
    brotli: 0,
  },
);
console.log('Initial JavaScript and CSS (what index.html loads before the first page shows):');
for (const a of assets)
  console.log(`  ${a.ref.padEnd(44)} ${kb(a.raw).padStart(7)} KB raw ${kb(a.gzip).padStart(6)} KB gzip`);
console.log(
  `  total: ${kb(total.raw)} KB raw, ${kb(total.gzip)} KB gzip, ${kb(total.brotli)} KB brotli (target < ${TARGET_KB} KB gzip)`,
);

const server = await startServer({ withWorker: false });
let browser;
try {
  await loadDemoData(server.url);
  const token = await apiToken(server.url);
  browser = await launchChromium();
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measureDashboard(browser, server.url, token));
  console.log(
    `Dashboard on a slow mobile network (${PROFILE.latency} ms RTT, 400 kbit/s down, cold cache, demo data), ${RUNS} runs:`,
  );
  runs.forEach((r, i) =>
    console.log(
      `  run ${i + 1}: first paint ${Math.round(r.fcpMs)} ms, usable ${Math.round(r.usableMs)} ms, every section ${Math.round(r.completeMs)} ms, ${kb(r.transferred)} KB transferred`,
    ),
  );
  const usable = median(runs.map((r) => r.usableMs));
  console.log(`  median time to usable content: ${Math.round(usable)} ms (target < ${TARGET_MS} ms)`);
  console.log(
    `console-perf: initial ${kb(total.gzip)} KB gzip; dashboard usable in ${(usable / 1000).toFixed(2)} s (400 kbit/s, 400 ms RTT)`,
  );
} finally {
  await browser?.close();
  await server.stop();
}
