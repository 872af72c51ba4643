#!/usr/bin/env node
// `npm run start:cluster [-- --api N --workers M]`: N api processes sharing one port (Node's cluster module, which
// hands each new connection to the next replica in turn) and M workers, on PostgreSQL and one Redis, found or
// started like `npm start` finds Redis. A replica or a worker that dies is started again.
import cluster from 'node:cluster';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  API_ENTRY,
  API_ENV,
  API_NODE_ARGS,
  bootstrapAdmin,
  buildIsStale,
  CREDENTIALS_FILE,
  MIGRATE_ENTRY,
  run,
  stopProcess,
  WORKER_ENTRY,
} from './lib/app-setup.mjs';
import { ensureDependencies, reexecOnSupportedNode } from './lib/runtime.mjs';
import { findOrStartPostgres, findOrStartRedis, isPortFree, redact } from './lib/services.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// More restarts than this within a minute is a crash loop, not a hiccup: everything stops.
const MAX_RESTARTS_PER_MINUTE = 5;

const say = (msg) => console.log(`[cluster] ${msg}`);
const fail = (msg) => {
  console.error(`[cluster] ${msg}`);
  process.exit(1);
};

function count(value, name) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    fail(`--${name} must be a whole number from 1 to 64 (got ${value}).`);
  return n;
}

/** Prefixes each line of a child's output with its name (the apps log JSON lines; they pass through as they are). */
function pipeOutput(name, child) {
  const prefix = `[${name}] `;
  readline
    .createInterface({ input: child.stdout })
    .on('line', (line) => process.stdout.write(prefix + line + '\n'));
  readline
    .createInterface({ input: child.stderr })
    .on('line', (line) => process.stderr.write(prefix + line + '\n'));
}

let stopping = false;
let services = [];
const restarts = [];
const workers = new Map(); // name -> ChildProcess

function restartAllowed(name) {
  const now = Date.now();
  while (restarts.length && now - restarts[0] > 60_000) restarts.shift();
  restarts.push(now);
  if (restarts.length <= MAX_RESTARTS_PER_MINUTE) return true;
  void shutdown(
    1,
    `${name} keeps exiting (${restarts.length} restarts within a minute); stopping everything.`,
  );
  return false;
}

function startWorker(name, env) {
  const child = spawn(process.execPath, [WORKER_ENTRY], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  pipeOutput(name, child);
  child.once('exit', (code, signal) => {
    workers.delete(name);
    if (stopping) return;
    say(`${name} exited (${signal ?? `exit code ${code}`}); starting it again.`);
    if (restartAllowed(name)) startWorker(name, env);
  });
  workers.set(name, child);
}

function forkApi(index, env) {
  const replica = cluster.fork(env);
  pipeOutput(`api-${index}`, replica.process);
  replica.once('exit', (code, signal) => {
    if (stopping) return;
    say(`api-${index} exited (${signal ?? `exit code ${code}`}); starting it again.`);
    if (restartAllowed(`api-${index}`)) forkApi(index, env);
  });
  return replica;
}

async function shutdown(code, reason) {
  if (stopping) return;
  stopping = true;
  if (reason) (code === 0 ? say : (m) => console.error(`[cluster] ${m}`))(reason);
  // Workers first (each finishes the job in hand), then the api replicas, then what we started.
  await Promise.all([...workers.values()].map((child) => stopProcess(child, 10_000)));
  await Promise.all(
    Object.values(cluster.workers ?? {}).map((replica) => stopProcess(replica.process, 10_000)),
  );
  for (const service of services.reverse()) await service.stop().catch(() => undefined);
  process.exit(code);
}

async function main() {
  reexecOnSupportedNode(say);
  const { values } = parseArgs({
    options: {
      api: { type: 'string', default: process.env.API_REPLICAS ?? '2' },
      workers: { type: 'string', default: process.env.WORKER_REPLICAS ?? '2' },
    },
  });
  const apiCount = count(values.api, 'api');
  const workerCount = count(values.workers, 'workers');
  const installError = ensureDependencies(say);
  if (installError) fail(`${installError} Fix the install error and run npm run start:cluster again.`);
  const stale = buildIsStale();
  if (stale) {
    say(`${stale}: running \`npm run build\`…`);
    await run(NPM, ['run', 'build']).catch((err) => fail(`${err.message}. Fix the build errors above.`));
  }
  mkdirSync('var', { recursive: true });
  process.once('SIGINT', () => shutdown(0, 'Ctrl-C: stopping…'));
  process.once('SIGTERM', () => shutdown(0, 'SIGTERM: stopping…'));

  const redis = await findOrStartRedis({ log: say });
  services.push(redis);
  const postgres = await findOrStartPostgres({ log: say });
  services.push(postgres);
  if (stopping) return;

  const port = Number(process.env.PORT || 3000);
  if (!(await isPortFree(port))) {
    await shutdown(
      1,
      `Port ${port} is already in use. Stop whatever listens there, or run: PORT=3001 npm run start:cluster`,
    );
    return;
  }
  const admin = bootstrapAdmin(say);
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    PUBLIC_URL: process.env.PUBLIC_URL || `http://localhost:${port}`,
    BOOTSTRAP_ADMIN_EMAIL: admin.email,
    BOOTSTRAP_ADMIN_PASSWORD: admin.password,
    // Migrated once here: replicas starting together would otherwise each run the same migrations.
    MIGRATE_ON_START: 'false',
  };
  say(`migrating ${redact(postgres.url)}…`);
  await new Promise((resolve) => {
    const migrate = spawn(process.execPath, [MIGRATE_ENTRY], { env, stdio: 'inherit' });
    migrate.once('exit', (code) =>
      code === 0 ? resolve() : shutdown(1, 'The migration failed; see above.'),
    );
  });
  if (stopping) return;

  say(`starting ${apiCount} api replicas on port ${port} and ${workerCount} workers…`);
  cluster.setupPrimary({ exec: API_ENTRY, args: [], execArgv: API_NODE_ARGS, silent: true });
  const listening = new Promise((resolve) => {
    let ready = 0;
    cluster.on('listening', () => (ready += 1) === apiCount && resolve());
  });
  for (let i = 1; i <= apiCount; i += 1) forkApi(i, { ...env, ...API_ENV });
  await listening;
  for (let i = 1; i <= workerCount; i += 1) startWorker(`worker-${i}`, env);

  const lines = [
    `Corridor Watch is running: ${apiCount} api replicas, ${workerCount} workers.`,
    '',
    `Console and API:  ${env.PUBLIC_URL}/`,
    `Database:         ${redact(postgres.url)}${postgres.started ? ' (stops with this command)' : ''}`,
    `Redis:            ${redis.url}${redis.started ? ' (stops with this command)' : ''}`,
    `Sign in:          ${admin.email}${admin.source === 'environment' ? '' : ` (password in ${CREDENTIALS_FILE})`}`,
    '',
    'Press Ctrl-C to stop.',
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '─'.repeat(width + 2);
  console.log(`\n┌${bar}┐\n${lines.map((l) => `│ ${l.padEnd(width)} │`).join('\n')}\n└${bar}┘\n`);
}

main().catch((err) => shutdown(1, `start:cluster failed: ${err.stack || err.message}`));
