// Starts the built API (and worker) on a free port with a fresh SQLite file, and Chromium with playwright-core.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { freePort } from '../../scripts/lib/services.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ADMIN = { email: 'admin@corridor.local', password: 'console e2e password 2022' };
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const API_MAIN = path.join(ROOT, 'dist/apps/api/src/main.js');
const WORKER_MAIN = path.join(ROOT, 'dist/apps/worker/src/main.js');
const CONSOLE_INDEX = path.join(ROOT, 'apps/console/dist/index.html');

/** The shared Redis, on a database of its own so other suites' jobs never meet ours. */
function redisUrl() {
  const base = new URL(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
  base.pathname = `/${11 + Math.floor(Math.random() * 5)}`;
  return base.toString();
}

async function waitForHealth(url, child, ms = 30_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the API did not answer ${url}/health within ${ms} ms`);
}

/** API (+ worker) on a fresh database; `stop()` ends exactly the processes it started. */
/**
 * A TCP relay in front of the API whose connection can be cut: a real loss of network for the browser, its pages
 * and its service worker alike (Chromium's emulated offline mode does not hold back every request a service
 * worker lets through to the network).
 */
async function startSwitchableRelay(targetPort) {
  const sockets = new Set();
  let isUp = true;
  const relay = createServer((client) => {
    if (!isUp) return client.destroy();
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const port = await freePort();
  await new Promise((resolve) => relay.listen(port, '127.0.0.1', resolve));
  return {
    port,
    setUp(up) {
      isUp = up;
      if (!up) for (const socket of sockets) socket.destroy();
    },
    close: () => new Promise((resolve) => relay.close(resolve)),
  };
}

/**
 * Starts the built API (and worker). With `switchableNetwork`, `url` is a relay whose connection `setNetwork(false)`
 * cuts, and `directUrl` reaches the API always (for the test's own calls while the browser is offline).
 */
export async function startServer({ withWorker = true, switchableNetwork = false, env: extraEnv = {} } = {}) {
  for (const file of [API_MAIN, CONSOLE_INDEX]) {
    if (!existsSync(file))
      throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run build\` first.`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'cw-console-'));
  const port = await freePort();
  const relay = switchableNetwork ? await startSwitchableRelay(port) : null;
  const publicUrl = `http://127.0.0.1:${relay?.port ?? port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    DATABASE_URL: `sqlite:${path.join(dir, 'console.sqlite')}`,
    REDIS_URL: redisUrl(),
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    PUBLIC_URL: publicUrl,
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  const logs = [];
  const spawnNode = (main) => {
    const child = spawn(process.execPath, [main], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => logs.push(String(d)));
    child.stderr.on('data', (d) => logs.push(String(d)));
    return child;
  };
  const api = spawnNode(API_MAIN);
  const directUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(directUrl, api);
  const worker = withWorker && existsSync(WORKER_MAIN) ? spawnNode(WORKER_MAIN) : null;
  return {
    url: publicUrl,
    directUrl,
    setNetwork: (up) => relay?.setUp(up),
    redisUrl: env.REDIS_URL,
    logs,
    worker,
    async stop() {
      for (const child of [worker, api]) {
        if (child && child.exitCode === null) {
          child.kill('SIGTERM');
          await new Promise((resolve) => {
            const timer = setTimeout(() => {
              child.kill('SIGKILL');
              resolve();
            }, 5_000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
          });
        }
      }
      await relay?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Signs in through the API (as an integrator would) and returns a bearer token. */
export async function apiToken(url) {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!response.ok) throw new Error(`login answered ${response.status}`);
  return (await response.json()).token;
}

/** The API as the test itself calls it, with `token`: `{ status, data }` (data parsed from JSON, or null). */
export function apiClient(url, token) {
  return async (method, urlPath, body) => {
    const response = await fetch(`${url}/api/v1${urlPath}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, data: text ? JSON.parse(text) : null };
  };
}

/** A page in a desktop window in British English, in a context of its own that the test closes; `options` add. */
export async function desktopPage(browser, options = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    ...options,
  });
  return { context, page: await context.newPage() };
}

export async function loadDemoData(url) {
  const { spawnSync } = await import('node:child_process');
  const result = spawnSync(
    process.execPath,
    ['scripts/demo-import.mjs', '--url', url, '--email', ADMIN.email, '--password', ADMIN.password],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`demo import failed: ${result.stderr || result.stdout}`);
}

export function screenshotDir() {
  const dir = path.join(ROOT, 'var', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}
