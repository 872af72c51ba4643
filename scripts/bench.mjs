// `npm run bench`: the api on SQLite under load, against bare better-sqlite3 doing the same inserts, against the
// peer (peer-crud, PEER_CRUD_DIR) in the same sitting, and on PostgreSQL at 200,000 and 2,000,000 reports.
// Prints tables and writes var/bench/results.json. A measurement, not a test: it asserts nothing.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { AUTH_OVERHEAD_ENV, benchAuthOverhead } from './bench/auth-overhead.mjs';
import { peerDirectory, preparePeer, startPeer } from './bench/peer.mjs';
import { createBenchDatabase, seedCorridors, seedReports } from './bench/postgres.mjs';
import { seed } from './bench/seed.mjs';
import { runSharingBench } from './bench/sharing.mjs';
import { runSweepBench } from './bench/sweep.mjs';
import { runWebhookBench } from './bench/webhooks.mjs';
import { API_ENV, API_NODE_ARGS } from './lib/app-setup.mjs';
import { findOrStartRedis, findPostgres, freePort, waitForHttp } from './lib/services.mjs';

const SIZE = { corridors: 10_000, windowsPerCorridor: 5, reportsPerCorridor: 20 };
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
// The same for every measure, ours and the peer's: ratios compare like with like.
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WARM_UP_S = 2;
// Reports per corridor of the two PostgreSQL sizes (10,000 corridors): 200,000 and 2,000,000 reports.
const POSTGRES_SIZES = [20, 200];
const ADMIN = { email: 'bench@corridor.local', password: 'bench password long enough' };

function log(line) {
  process.stdout.write(`${line}\n`);
}

function startApi(env) {
  const child = spawn(process.execPath, [...API_NODE_ARGS, 'dist/apps/api/src/main.js'], {
    env: { ...process.env, ...API_ENV, ...env },
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

/** A measure as the peer's own script takes it: a short unmeasured run first, then the measured one. */
async function warmedUp(options) {
  await run({ ...options, duration: WARM_UP_S });
  return run(options);
}

const figure = (result) => ({
  requestsPerSecond: Math.round(result.requests.average),
  p99Ms: result.latency.p99,
  errors: result.errors + result.non2xx,
});
const ratio = (ours, theirs) => (theirs ? Number((ours / theirs).toFixed(2)) : null);

/** A bench API key on a running api, for the Authorization header. */
async function apiKeyAuth(base) {
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
  return { token, auth: { authorization: `Bearer ${key}`, 'content-type': 'application/json' } };
}

// Each request is a distinct report with its own Idempotency-Key, as field phones send them.
let sequence = 0;
function createReports(base, auth, corridorIds, partyIds) {
  return {
    url: base,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          sequence += 1;
          const corridorId = corridorIds[sequence % corridorIds.length];
          return {
            ...request,
            path: `/api/v1/corridors/${corridorId}/evacuations`,
            headers: { ...auth, 'idempotency-key': `bench-${sequence}-${randomUUID()}` },
            body: JSON.stringify({
              sourcePartyId: partyIds[sequence % 3],
              reportedAt: new Date(Date.now() - 3_600_000 - sequence * 1000).toISOString(),
              count: { qualifier: sequence % 4 === 0 ? 'at_least' : 'exact', value: sequence % 500 },
              category: 'civilians',
            }),
          };
        },
      },
    ],
  };
}

/**
 * What reading the figures costs with every claim stored: one corridor's summary (its claims grouped by window,
 * measure, place and category, the headline picked) and the dashboard (operations counted once, totals by day).
 */
async function summaries(base, auth, corridorId) {
  const corridor = await warmedUp({
    url: `${base}/api/v1/corridors/${corridorId}/evacuations/summary`,
    headers: auth,
  });
  const dashboard = await warmedUp({ url: `${base}/api/v1/dashboard`, headers: auth });
  return { corridorSummary: figure(corridor), dashboard: figure(dashboard) };
}

/** Our create and authenticated list on PostgreSQL, at each size of POSTGRES_SIZES. */
async function benchPostgres(serverUrl, redisUrl) {
  const database = await createBenchDatabase(serverUrl);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const api = startApi({
    PORT: String(port),
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    QUEUE_PREFIX: `bench-postgres-${port}`,
    ...AUTH_OVERHEAD_ENV,
  });
  const sizes = [];
  try {
    await waitForHttp(`${base}/health`, 60_000);
    const seeded = await seedCorridors(database.url, SIZE);
    const { auth } = await apiKeyAuth(base);
    let reportsPerCorridor = 0;
    for (const perCorridor of POSTGRES_SIZES) {
      const reports = SIZE.corridors * perCorridor;
      const started = Date.now();
      log(`PostgreSQL: generating evacuation reports up to ${reports.toLocaleString('en')}…`);
      await seedReports(database.url, seeded, reportsPerCorridor, perCorridor);
      reportsPerCorridor = perCorridor;
      const seedSeconds = Math.round((Date.now() - started) / 1000);
      const list = await warmedUp({ url: `${base}/api/v1/corridors?limit=50`, headers: auth });
      const create = await warmedUp(createReports(base, auth, seeded.corridorIds, seeded.partyIds));
      const read = await summaries(base, auth, seeded.corridorIds[0]);
      sizes.push({ reports, seedSeconds, list: figure(list), create: figure(create), ...read });
    }
    return { sizes, apiPeakRssMb: Math.round(peakRssMb(api.pid)) };
  } finally {
    await stop(api);
    await database.drop();
  }
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
  // Installed and built before anything is measured: its compile would load the machine meanwhile.
  const peerSource = peerDirectory(process.cwd());
  let peer = null;
  if (existsSync(path.join(peerSource, 'package.json'))) peer = preparePeer(peerSource, log);
  else log(`peer-crud not found at ${peerSource} (set PEER_CRUD_DIR): the peer comparison is skipped.`);
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

  // The peer, up beside ours: each of its measures right after the same one of ours, on the same machine minute.
  const peerServer = peer && (await startPeer({ dir: peer.dir, size: SIZE, log }));
  api = startApi(env);
  await waitForHttp(`${base}/health`, 30_000);
  const { token, auth } = await apiKeyAuth(base);
  const create = await warmedUp(createReports(base, auth, seeded.corridorIds, seeded.partyIds));
  const peerCreate = await peerServer?.create(warmedUp);
  const list = await warmedUp({ url: `${base}/api/v1/corridors?limit=50`, headers: auth });
  const peerList = await peerServer?.list(warmedUp);
  const peerResult = peerServer && { create: peerCreate, list: peerList, peakRssMb: peerServer.peakRssMb() };
  await peerServer?.stop();
  peer?.remove();
  // The peer's measures are these two: its peak is comparable to this one.
  const apiPeakRssCreateList = peakRssMb(api.pid);
  const filtered = await run({ url: `${base}/api/v1/corridors?limit=50&status=completed`, headers: auth });
  const read = await summaries(base, auth, seeded.corridorIds[0]);
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

  const postgresUrl = process.env.TEST_POSTGRES_URL ?? (await findPostgres());
  let postgres = null;
  if (postgresUrl) postgres = await benchPostgres(postgresUrl, redis.url);
  else log('PostgreSQL does not answer on 127.0.0.1:5432 (or TEST_POSTGRES_URL): its figures are skipped.');

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
    ...read,
    apiPeakRssMb: Math.round(apiPeakRss),
    apiPeakRssCreateListMb: Math.round(apiPeakRssCreateList),
    guardOverhead: guard,
    peer: peerResult && {
      createReport: figure(peerResult.create),
      listCorridors: figure(peerResult.list),
      peakRssMb: peerResult.peakRssMb,
      // Goals: our authenticated list (status and figures) ≥ 1.0× its unauthenticated list; our create ≥ 1.5× its.
      listRatio: ratio(list.requests.average, peerResult.list.requests.average),
      createRatio: ratio(create.requests.average, peerResult.create.requests.average),
    },
    postgres,
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
  log(
    `| one corridor's evacuation summary (measures, headline), ${(SIZE.corridors * SIZE.reportsPerCorridor).toLocaleString('en')} claims stored | ${results.corridorSummary.requestsPerSecond} req/s, p99 ${results.corridorSummary.p99Ms} ms |`,
  );
  log(
    `| dashboard (operations once, totals by day), same store | ${results.dashboard.requestsPerSecond} req/s, p99 ${results.dashboard.p99Ms} ms |`,
  );
  log(
    `| API process peak RSS | ${results.apiPeakRssCreateListMb} MB after create and list (the peer's measures); ${results.apiPeakRssMb} MB whole run (with filtered list, guard overhead and sign-in) |`,
  );
  log(
    `| same write without the guard layer (no auth, no policy, no rate limit) | ${guard.withoutGuard.rps} req/s; guarded/unguarded ${guard.ratio} |`,
  );
  if (guard.signIn) log(`| sign-in (argon2id) | ${JSON.stringify(guard.signIn)} |`);

  const rate = (f) =>
    `${f.requestsPerSecond} req/s, p99 ${f.p99Ms} ms${f.errors ? `, ${f.errors} errors` : ''}`;
  if (results.peer) {
    const { peer: theirs } = results;
    log(
      `\nbeside the peer (peer-crud: Nest + Fastify + TypeORM, no authentication), each of its measures right after ours, ${CONNECTIONS} connections, ${DURATION_S} s after ${WARM_UP_S} s of warm-up:`,
    );
    log('| measure | ours (SQLite) | peer-crud (SQLite) | ratio | goal |');
    log('| --- | --- | --- | --- | --- |');
    log(
      `| list corridors, 50 a page (ours: API key, status and figures; the peer: no auth, report count) | ${rate(results.listCorridors)} | ${rate(theirs.listCorridors)} | **${theirs.listRatio}×** | ≥ 1.0× |`,
    );
    log(
      `| create an evacuation report (ours: API key, Idempotency-Key, audit, figures) | ${rate(results.createEvacuationReport)} | ${rate(theirs.createReport)} | **${theirs.createRatio}×** | ≥ 1.5× |`,
    );
    log(`| peak RSS of the server | ${results.apiPeakRssCreateListMb} MB | ${theirs.peakRssMb} MB | | |`);
  }
  if (results.postgres) {
    log(
      `\nours on PostgreSQL (${CONNECTIONS} connections, ${DURATION_S} s after ${WARM_UP_S} s of warm-up):`,
    );
    log(
      '| evacuation reports | list corridors, 50 a page | ratio to the peer | create a report | ratio to the peer | one corridor summary | dashboard | rows generated in |',
    );
    log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const size of results.postgres.sizes) {
      const theirs = results.peer;
      log(
        `| ${size.reports.toLocaleString('en')} | ${rate(size.list)} | ${theirs ? `${ratio(size.list.requestsPerSecond, theirs.listCorridors.requestsPerSecond)}×` : '—'} | ${rate(size.create)} | ${theirs ? `${ratio(size.create.requestsPerSecond, theirs.createReport.requestsPerSecond)}×` : '—'} | ${rate(size.corridorSummary)} | ${rate(size.dashboard)} | ${size.seedSeconds} s |`,
      );
    }
    log(`(API process peak RSS on PostgreSQL: ${results.postgres.apiPeakRssMb} MB)`);
  }
  writeFileSync('var/bench/results.json', `${JSON.stringify(results, null, 2)}\n`);

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
