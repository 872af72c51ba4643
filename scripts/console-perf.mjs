#!/usr/bin/env node
// The console's performance figures, signed in, on the demo data:
// - what index.html loads before the first page shows (JS + CSS, gzip; target < 60 KB);
// - the corridor page with its map, everything it fetches from /assets (gzip; target < 100 KB);
// - Lighthouse on its phone profile (Moto G Power, simulated slow 4G, 4× CPU slowdown): performance (≥ 0.9) and
//   cumulative layout shift (< 0.1) of the dashboard and a corridor page, run against Debian's chromium through
//   chrome-launcher (never a downloaded browser); the median of `--runs` (default 3);
// - the dashboard's time to usable content on a slow mobile network (CDP: 400 kbit/s, 400 ms RTT, cold cache).
// Needs `npm run build`; starts the API on a free port with a fresh SQLite file and the demo data.
//   node scripts/console-perf.mjs [--runs 3] [--skip-lighthouse]
/* global document, performance */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  ROOT,
  apiToken,
  launchChromium,
  loadDemoData,
  startServer,
} from '../test/console/harness.mjs';

const DIST = path.join(ROOT, 'apps/console/dist');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const SKIP_LIGHTHOUSE = process.argv.includes('--skip-lighthouse');
const PROFILE = { latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };
const TARGET = { initialKb: 60, corridorKb: 100, performance: 0.9, cls: 0.1, usableMs: 3000 };

const kb = (bytes) => (bytes / 1024).toFixed(1);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const verdict = (ok) => (ok ? 'ok' : 'OVER TARGET');

/** A built file's size, raw and compressed as the server sends it (the build writes the .gz beside it). */
function builtFile(ref) {
  const file = path.join(DIST, ref);
  const body = readFileSync(file);
  const gz = existsSync(`${file}.gz`)
    ? readFileSync(`${file}.gz`).length
    : gzipSync(body, { level: 9 }).length;
  return { ref, raw: body.length, gzip: gz, brotli: brotliCompressSync(body).length };
}

/** The files index.html makes the browser fetch before anything shows: entry script, preloads, styles. */
function initialAssets() {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  return [...new Set(refs)].map(builtFile);
}

const sum = (files) =>
  files.reduce(
    (t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + (f.brotli ?? 0) }),
    {
      raw: 0,
      gzip: 0,
      brotli: 0,
    },
  );

async function signedInContext(browser, url, token, viewport = { width: 390, height: 844 }) {
  const context = await browser.newContext({ viewport, locale: 'en-GB', serviceWorkers: 'block' });
  const host = new URL(url).hostname;
  await context.addCookies([{ name: 'cw_session', value: token, domain: host, path: '/', httpOnly: true }]);
  return context;
}

/** Every built file the corridor page fetches until its map is drawn on its basemap, and the API's answers. */
async function corridorPageWeight(browser, url, token, corridorId) {
  const context = await signedInContext(browser, url, token);
  const page = await context.newPage();
  const assets = new Set();
  let apiBytes = 0;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const apiRequests = new Set();
  cdp.on('Network.responseReceived', (e) => {
    if (new URL(e.response.url).pathname.startsWith('/api/')) apiRequests.add(e.requestId);
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (apiRequests.has(e.requestId)) apiBytes += e.encodedDataLength;
  });
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/assets/')) assets.add(pathname);
  });
  await page.goto(`${url}/corridors/${corridorId}`);
  // Drawn: the way, and land under it (the basemap has arrived).
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="corridor-map"] [data-testid="map-way"]') &&
      document.querySelector('[data-testid="corridor-map"] path.land')?.getAttribute('d'),
    null,
    { timeout: 60_000 },
  );
  await page.waitForLoadState('networkidle');
  await context.close();
  return { files: [...assets].sort().map(builtFile), apiBytes };
}

async function measureDashboard(browser, url, token) {
  const context = await signedInContext(browser, url, token);
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

/**
 * Lighthouse's default (phone) settings: simulated throttling, so the scores do not depend on this machine's own
 * network; its CPU is this machine's, shared with the server, which the load average beside the scores shows.
 */
async function lighthouseRun(port, url, token) {
  const { lhr } = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    // Signed in: the session cookie on every request of the page (the console's own fetches included).
    extraHeaders: { Cookie: `cw_session=${token}` },
  });
  const audit = (id) => lhr.audits[id]?.numericValue ?? null;
  // What moved, largest shift first: where to look when CLS is over its target.
  const shifted = (lhr.audits['layout-shifts']?.details?.items ?? [])
    .slice(0, 3)
    .map((item) => `${item.node?.selector ?? item.node?.snippet ?? '?'} (${item.score?.toFixed(3)})`);
  return {
    shifted,
    performance: lhr.categories.performance.score,
    cls: audit('cumulative-layout-shift'),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    fcpMs: audit('first-contentful-paint'),
    runtimeError: lhr.runtimeError?.message ?? null,
    warnings: lhr.runWarnings ?? [],
  };
}

const initial = initialAssets();
const initialTotal = sum(initial);
console.log('Initial JavaScript and CSS (what index.html loads before the first page shows):');
for (const a of initial)
  console.log(`  ${a.ref.padEnd(44)} ${kb(a.raw).padStart(7)} KB raw ${kb(a.gzip).padStart(6)} KB gzip`);
console.log(
  `  total: ${kb(initialTotal.raw)} KB raw, ${kb(initialTotal.gzip)} KB gzip, ${kb(initialTotal.brotli)} KB brotli (target < ${TARGET.initialKb} KB gzip: ${verdict(initialTotal.gzip / 1024 < TARGET.initialKb)})`,
);

const server = await startServer({ withWorker: false });
let browser;
let chrome;
const summary = [`initial ${kb(initialTotal.gzip)} KB gzip`];
try {
  await loadDemoData(server.url);
  const token = await apiToken(server.url);
  const corridors = await (
    await fetch(`${server.url}/api/v1/corridors?limit=100`, { headers: { authorization: `Bearer ${token}` } })
  ).json();
  // The demo corridor with the most on its map: stops on the way.
  const corridor = corridors.items.find((c) => c.name.startsWith('Mariupol to Zaporizhzhia via Berdiansk'));
  browser = await launchChromium();

  const weight = await corridorPageWeight(browser, server.url, token, corridor.id);
  const weightTotal = sum(weight.files);
  console.log(`Corridor page with its map ("${corridor.name}"), every built file it fetched:`);
  for (const f of weight.files)
    console.log(`  ${f.ref.padEnd(44)} ${kb(f.raw).padStart(7)} KB raw ${kb(f.gzip).padStart(6)} KB gzip`);
  console.log(
    `  total: ${kb(weightTotal.raw)} KB raw, ${kb(weightTotal.gzip)} KB gzip (target < ${TARGET.corridorKb} KB: ${verdict(weightTotal.gzip / 1024 < TARGET.corridorKb)}); API answers ${kb(weight.apiBytes)} KB as sent`,
  );
  summary.push(`corridor page with map ${kb(weightTotal.gzip)} KB gzip`);

  if (!SKIP_LIGHTHOUSE) {
    chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      chromeFlags: [...CHROMIUM_ARGS, '--headless=new'],
    });
    for (const [name, pagePath] of [
      ['dashboard', '/'],
      ['corridor page', `/corridors/${corridor.id}`],
    ]) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        const load = loadavg()[0].toFixed(2);
        const run = await lighthouseRun(chrome.port, `${server.url}${pagePath}`, token);
        runs.push({ ...run, load });
      }
      console.log(
        `Lighthouse, phone profile (simulated slow 4G, 4× CPU), ${name} signed in, ${RUNS} runs (load average of ${cpus().length} cores beside each):`,
      );
      runs.forEach((r, i) =>
        console.log(
          `  run ${i + 1}: performance ${r.performance}, CLS ${r.cls?.toFixed(3)}, LCP ${Math.round(r.lcpMs)} ms, TBT ${Math.round(r.tbtMs)} ms, FCP ${Math.round(r.fcpMs)} ms (load ${r.load})${r.shifted.length ? ` shifted: ${r.shifted.join(', ')}` : ''}${r.runtimeError ? ` ERROR ${r.runtimeError}` : ''}${r.warnings.length ? ` warnings: ${r.warnings.join('; ')}` : ''}`,
        ),
      );
      const performanceScore = median(runs.map((r) => r.performance ?? 0));
      const cls = median(runs.map((r) => r.cls ?? 1));
      console.log(
        `  median: performance ${performanceScore} (target ≥ ${TARGET.performance}: ${verdict(performanceScore >= TARGET.performance)}), CLS ${cls.toFixed(3)} (target < ${TARGET.cls}: ${verdict(cls < TARGET.cls)})`,
      );
      summary.push(`${name} Lighthouse ${performanceScore} CLS ${cls.toFixed(3)}`);
    }
  }

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
  console.log(`  median time to usable content: ${Math.round(usable)} ms (target < ${TARGET.usableMs} ms)`);
  summary.push(`dashboard usable in ${(usable / 1000).toFixed(2)} s (400 kbit/s, 400 ms RTT)`);
  console.log(`console-perf: ${summary.join('; ')}`);
} finally {
  await chrome?.kill();
  await browser?.close();
  await server.stop();
}
