// `npm run bench`: the api on SQLite under load, against bare better-sqlite3 doing the same inserts.
// Prints a table and writes var/bench/results.json. A measurement, not a test: it asserts nothing.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { AUTH_OVERHEAD_ENV, benchAuthOverhead } from './bench/auth-overhead.mjs';
import { seed } from './bench/seed.mjs';
import { runSharingBench } from './bench/sharing.mjs';
import { runSweepBench } from './bench/sweep.mjs';
import { runWebhookBench } from './bench/webhooks.mjs';
import { findOrStartRedis, freePort, waitForHttp } from './lib/services.mjs';

const SIZE = { corridors: 10_000, windowsPerCorridor: 5, reportsPerCorridor: 20 };
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const ADMIN = { email: 'bench@corridor.local', password: 'bench password long enough' };

function log(line) {
  process.stdout.write(`${line}\n`);
}

function startApi(env) {
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

async function stop(child) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

async function json(url, options) {
  const response = await fetch(url, options);
  if (!response.ok)
    throw new Error(`${options?.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

function run(options) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { connections: CONNECTIONS, duration: DURATION_S, ...options },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    autocannon.track(instance, {
      renderProgressBar: false,
      renderResultsTable: false,
      renderLatencyTable: false,
    });
  });
}

function bareInserts(path, corridorIds, partyId, admin, count) {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const insert =
    db.prepare(`INSERT INTO evacuation_report (id, corridor_id, window_id, source_party_id, reported_at, qualifier,
      value, max, category, arrived_at_id, source_url, note, fingerprint, organisation_id, created_by_id, created_at)
    VALUES (?, ?, NULL, ?, ?, 'exact', ?, NULL, 'civilians', NULL, NULL, NULL, ?, ?, ?, ?)`);
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) {
    insert.run(
      randomUUID(),
      corridorIds[i % corridorIds.length],
      partyId,
      Date.now() - 3_600_000,
      i % 500,
      randomUUID(),
      admin.organisation_id,
      admin.id,
      Date.now(),
    );
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  return count / seconds;
}

let redisToStop = null;

async function main() {
  if (!existsSync('dist/apps/api/src/main.js')) throw new Error('run `npm run build` first');
  const redis = await findOrStartRedis();
  redisToStop = redis.stop;
  const dir = mkdtempSync(join(tmpdir(), 'cw-bench-'));
  const dbPath = join(dir, 'bench.sqlite');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    PORT: String(port),
    DATABASE_URL: `sqlite:${dbPath}`,
    REDIS_URL: redis.url,
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    // The unguarded twin route for the guard-overhead measure, and a write limit the load does not reach.
    ...AUTH_OVERHEAD_ENV,
  };

  log(
    `seeding ${SIZE.corridors} corridors, ${SIZE.corridors * SIZE.windowsPerCorridor} windows, ${SIZE.corridors * SIZE.reportsPerCorridor} evacuation reports…`,
  );
  let api = startApi(env); // migrates and creates the admin
  await waitForHttp(`${base}/health`, 30_000);
  await stop(api);
  const seeded = seed(dbPath, SIZE);

  api = startApi(env);
  await waitForHttp(`${base}/health`, 30_000);
  const { token } = await json(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const { key } = await json(`${base}/api/v1/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: 'bench', scopes: ['read', 'write'] }),
  });
  const auth = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };

  // Each request is a distinct report with its own Idempotency-Key, as field phones send them.
  let sequence = 0;
  const create = await run({
    url: base,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          sequence += 1;
          const corridorId = seeded.corridorIds[sequence % seeded.corridorIds.length];
          return {
            ...request,
            path: `/api/v1/corridors/${corridorId}/evacuations`,
            headers: { ...auth, 'idempotency-key': `bench-${sequence}-${randomUUID()}` },
            body: JSON.stringify({
              sourcePartyId: seeded.partyIds[sequence % 3],
              reportedAt: new Date(Date.now() - 3_600_000 - sequence * 1000).toISOString(),
              count: { qualifier: sequence % 4 === 0 ? 'at_least' : 'exact', value: sequence % 500 },
              category: 'civilians',
            }),
          };
        },
      },
    ],
  });

  const list = await run({ url: `${base}/api/v1/corridors?limit=50`, headers: auth });
  const filtered = await run({ url: `${base}/api/v1/corridors?limit=50&status=completed`, headers: auth });
  log('measuring the guard layer: the same write with and without authentication and authorization…');
  const guard = await benchAuthOverhead({
    base,
    adminToken: token,
    corridorIds: seeded.corridorIds,
    partyIds: seeded.partyIds,
    durationSeconds: DURATION_S,
    connections: CONNECTIONS,
    admin: ADMIN,
  });
  const apiPeakRss = peakRssMb(api.pid);
  await stop(api);

  const bareCount = 20_000;
  const bare = bareInserts(dbPath, seeded.corridorIds, seeded.partyIds[0], seeded.admin, bareCount);
  rmSync(dir, { recursive: true, force: true }); // some 400 MB of seeded database

  const results = {
    measuredAt: new Date().toISOString(),
    machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
    size: SIZE,
    durationSeconds: DURATION_S,
    connections: CONNECTIONS,
    createEvacuationReport: {
      requestsPerSecond: Math.round(create.requests.average),
      p99Ms: create.latency.p99,
      errors: create.errors + create.non2xx,
    },
    bareBetterSqlite3InsertsPerSecond: Math.round(bare),
    apiToBareRatio: Number((create.requests.average / bare).toFixed(3)),
    listCorridors: {
      requestsPerSecond: Math.round(list.requests.average),
      p99Ms: list.latency.p99,
      errors: list.errors + list.non2xx,
    },
    listCorridorsByStatus: {
      requestsPerSecond: Math.round(filtered.requests.average),
      p99Ms: filtered.latency.p99,
      errors: filtered.errors + filtered.non2xx,
    },
    apiPeakRssMb: Math.round(apiPeakRss),
    guardOverhead: guard,
  };
  mkdirSync('var/bench', { recursive: true });
  writeFileSync('var/bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  log('');
  log(`| measure | result |`);
  log(`| --- | --- |`);
  log(
    `| create evacuation report via API (API key, Idempotency-Key, ${CONNECTIONS} connections) | ${results.createEvacuationReport.requestsPerSecond} req/s, p99 ${results.createEvacuationReport.p99Ms} ms, ${results.createEvacuationReport.errors} errors |`,
  );
  log(
    `| same inserts through bare better-sqlite3 (autocommit) | ${results.bareBetterSqlite3InsertsPerSecond} inserts/s |`,
  );
  log(`| ratio API / bare | ${results.apiToBareRatio} |`);
  log(
    `| list corridors, 50 a page, status + figures | ${results.listCorridors.requestsPerSecond} req/s, p99 ${results.listCorridors.p99Ms} ms |`,
  );
  log(
    `| list corridors filtered by status=completed | ${results.listCorridorsByStatus.requestsPerSecond} req/s, p99 ${results.listCorridorsByStatus.p99Ms} ms |`,
  );
  log(`| API process peak RSS | ${results.apiPeakRssMb} MB |`);
  log(
    `| same write without the guard layer (no auth, no policy, no rate limit) | ${guard.withoutGuard.rps} req/s; guarded/unguarded ${guard.ratio} |`,
  );
  if (guard.signIn) log(`| sign-in (argon2id) | ${JSON.stringify(guard.signIn)} |`);

  log('\nflag evaluation (the worker):');
  results.flags = await runSweepBench({ redisUrl: redis.url, log });
  if (existsSync('scripts/bench/digest.mjs')) {
    const { runDigestBench } = await import('./bench/digest.mjs');
    log('\ndaily digest to a local SMTP sink:');
    results.digest = await runDigestBench({ redisUrl: redis.url, log });
  }
  log('\nwebhook deliveries to a local receiver:');
  Object.assign(results, await runWebhookBench({ redisUrl: redis.url, log }));
  log('\nsharing: CSV export streamed, CSV import (a fresh api on its own seeded database):');
  results.sharing = await runSharingBench({ redisUrl: redis.url, log });
  writeFileSync('var/bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  log('\nconsole: run `node scripts/console-perf.mjs` for bundle size and time to usable content.');
  log('\nwritten to var/bench/results.json');
}

main()
  .then(() => redisToStop?.())
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
