#!/usr/bin/env node
// `npm start`: the quick start on a fresh clone. Installs, builds, finds or starts Redis, runs the
// API and the worker, imports the demo data into an empty database and prints how to sign in.
// Node built-ins only (it runs before `npm ci`).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { formatImportError, importDemo, login } from './demo-import.mjs';
import { startBanner } from './lib/start-banner.mjs';
import {
  API_ENTRY,
  API_ENV,
  API_NODE_ARGS,
  bootstrapAdmin,
  buildIsStale,
  CREDENTIALS_FILE,
  run,
  stopProcess,
  WORKER_ENTRY,
} from './lib/app-setup.mjs';
import { ensureDependencies, reexecOnSupportedNode } from './lib/runtime.mjs';
import { findOrStartRedis, isPortFree, waitForHttp } from './lib/services.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const say = (msg) => console.log(`[start] ${msg}`);
const fail = (msg) => {
  console.error(`[start] ${msg}`);
  process.exit(1);
};

const children = new Map(); // name -> ChildProcess
let redis = null;
let stopping = false;

/** Spawns `node entry` with `[name]`-prefixed output (the apps log JSON lines; they pass through as they are). */
function startChild(name, entry, env, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: Ctrl-C reaches only this script, which then stops the children in order.
    detached: process.platform !== 'win32',
  });
  const prefix = `[${name}] `;
  readline
    .createInterface({ input: child.stdout })
    .on('line', (line) => process.stdout.write(prefix + line + '\n'));
  readline
    .createInterface({ input: child.stderr })
    .on('line', (line) => process.stderr.write(prefix + line + '\n'));
  child.once('error', (err) => {
    if (!stopping) shutdown(1, `${name} could not be started: ${err.message}`);
  });
  child.once('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      shutdown(1, `${name} exited unexpectedly (${signal ?? `exit code ${code}`}); stopping everything.`);
    }
  });
  children.set(name, child);
  return child;
}

async function shutdown(code, reason) {
  if (stopping) return;
  stopping = true;
  if (reason) (code === 0 ? say : (m) => console.error(`[start] ${m}`))(reason);
  // Worker first (it may still be processing jobs), then the API, then a Redis we started.
  for (const name of ['worker', 'api']) {
    const child = children.get(name);
    if (child) await stopProcess(child, 10000);
  }
  if (redis) await redis.stop();
  process.exit(code);
}

process.on('exit', () => {
  for (const child of children.values()) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
});

async function getJson(url, token) {
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    signal: AbortSignal.timeout(15000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

async function main() {
  // Runs on Node 24, obtained first when this Node is older.
  reexecOnSupportedNode(say);
  const installError = ensureDependencies(say);
  if (installError) fail(`${installError} Fix the install error and run npm start again.`);

  const stale = buildIsStale();
  if (stale) {
    say(`${stale}: running \`npm run build\`…`);
    await run(NPM, ['run', 'build']).catch((err) => fail(`${err.message}. Fix the build errors above.`));
  }

  mkdirSync('var', { recursive: true });

  process.once('SIGINT', () => shutdown(0, 'Ctrl-C: stopping…'));
  process.once('SIGTERM', () => shutdown(0, 'SIGTERM: stopping…'));

  redis = await findOrStartRedis({ log: say });
  if (stopping) return;

  const port = Number(process.env.PORT || 3000);
  if (!(await isPortFree(port))) {
    await shutdown(
      1,
      `Port ${port} is already in use. Stop whatever listens there, or run: PORT=3001 npm start`,
    );
    return;
  }

  const admin = bootstrapAdmin(say);
  const localUrl = `http://localhost:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    REDIS_URL: redis.url,
    PUBLIC_URL: process.env.PUBLIC_URL || localUrl,
    BOOTSTRAP_ADMIN_EMAIL: admin.email,
    BOOTSTRAP_ADMIN_PASSWORD: admin.password,
  };

  // The API migrates the database at start; the worker starts once the API is healthy.
  say(`starting the API on port ${port}…`);
  startChild('api', API_ENTRY, { ...env, ...API_ENV }, API_NODE_ARGS);
  try {
    await waitForHttp(`http://127.0.0.1:${port}/health`, 120000, {
      shouldAbort: () => (stopping ? 'stopping' : children.has('api') ? null : 'the API exited'),
    });
  } catch (err) {
    await shutdown(1, `The API did not become healthy: ${err.message}`);
    return;
  }
  if (stopping) return;
  say('API healthy; starting the worker…');
  startChild('worker', WORKER_ENTRY, env);

  const base = `http://127.0.0.1:${port}`;
  let signInNote = null;
  try {
    const token = await login(base, admin.email, admin.password);
    const corridors = await getJson(`${base}/api/v1/corridors?limit=1`, token);
    if (!corridors.items?.length) {
      say('No corridors yet: importing the Mariupol / Azovstal 2022 demo data…');
      const { summary } = await importDemo({ baseUrl: base, token });
      say(summary);
    }
  } catch (err) {
    if (err.status === 401) {
      signInNote =
        `Could not sign in as ${admin.email}: this database already had users, so no bootstrap admin was ` +
        'created. Sign in with an existing account, or stop, delete var/corridor-watch.sqlite and start again.';
    } else {
      signInNote =
        `Demo import did not complete: ${err.name === 'ImportError' ? formatImportError(err) : err.message}\n` +
        `Once fixed, run \`node scripts/demo-import.mjs --url ${localUrl}\` (safe to repeat: records already ` +
        'imported are not created twice).';
    }
    console.error(`[start] ${signInNote}`);
  }
  if (stopping) return;

  const banner = startBanner({
    localUrl,
    admin,
    credentialsFile: CREDENTIALS_FILE,
    redisUrl: redis.started ? redis.url : null,
    hasSignInNote: Boolean(signInNote),
  });
  console.log('\n' + banner + '\n');
}

main().catch((err) => shutdown(1, `start failed: ${err.stack || err.message}`));
