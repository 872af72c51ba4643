// Sharing benchmarks (a measurement, not a test), wired into `npm run bench`:
//   a CSV export of 200,000 claims streamed from the built api (rows/s, the api's peak RSS before and after:
//   memory stays flat however many rows), and a CSV import of 10,000 evacuation reports, dry run then commit
//   (rows/s). Needs `npm run build` and a Redis. Alone: `node scripts/bench/sharing.mjs`.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { findOrStartRedis, freePort, waitForHttp } from '../lib/services.mjs';
import { seed } from './seed.mjs';
import { API_ENV, API_NODE_ARGS } from '../lib/app-setup.mjs';

const SIZE = { corridors: 10_000, windowsPerCorridor: 5, reportsPerCorridor: 20 }; // 200,000 claims
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const ADMIN = { email: 'bench@corridor.local', password: 'bench password long enough' };

const memory = (pid, field) =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

async function stop(child) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

/** Reads a streamed answer chunk by chunk, as a client saving it to disk would, counting its lines. */
async function drain(response) {
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 0x0a) lines += 1;
  }
  return { bytes, lines };
}

/** `rows` evacuation reports on the seeded corridors, named as a field team's spreadsheet names them. */
function importFile(rows) {
  const now = Date.now();
  const lines = ['corridor,source,reported at,category,qualifier,evacuated low,note'];
  for (let i = 0; i < rows; i += 1) {
    const reportedAt = new Date(now - 3_600_000 - i * 1000).toISOString();
    lines.push(
      `Bench corridor ${i % SIZE.corridors},Bench party ${i % 2},${reportedAt},civilians,exact,${i % 500},row ${i}`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export async function runSharingBench({ redisUrl, log = console.log }) {
  const dir = mkdtempSync(join(tmpdir(), 'cw-bench-sharing-'));
  const dbPath = join(dir, 'sharing.sqlite');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `sqlite:${dbPath}`,
    REDIS_URL: redisUrl,
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: `bench-sharing-${port}`,
  };
  const start = () =>
    spawn(process.execPath, [...API_NODE_ARGS, 'dist/apps/api/src/main.js'], {
      env: { ...env, ...API_ENV },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  let api = start(); // migrates and creates the admin
  try {
    await waitForHttp(`${base}/health`, 30_000);
    await stop(api);
    log(`seeding ${SIZE.corridors * SIZE.reportsPerCorridor} claims on ${SIZE.corridors} corridors…`);
    seed(dbPath, SIZE);
    api = start();
    await waitForHttp(`${base}/health`, 30_000);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const { token } = await login.json();
    const auth = { authorization: `Bearer ${token}` };

    // Exports of growing size, each streamed to its end: the api's peak RSS after each says whether memory
    // follows the export's size (it must not) or stays flat.
    const exportOf = async (search) => {
      const begun = performance.now();
      const response = await fetch(`${base}/api/v1/exports/claims.csv${search}`, { headers: auth });
      if (!response.ok) throw new Error(`export: ${response.status} ${await response.text()}`);
      const { bytes, lines } = await drain(response);
      const seconds = (performance.now() - begun) / 1000;
      return { rows: lines - 2, bytes, seconds, peakRssMb: Math.round(memory(api.pid, 'VmHWM')) };
    };
    const small = await exportOf('?q=Bench%20corridor%20999');
    const tenth = await exportOf('?q=Bench%20corridor%201');
    const full = await exportOf('');
    const again = await exportOf('');
    const rows = full.rows;
    const exported = {
      rows,
      megabytes: Number((full.bytes / 1e6).toFixed(1)),
      seconds: Number(full.seconds.toFixed(2)),
      rowsPerSecond: Math.round(rows / full.seconds),
      apiPeakRssMb: [small, tenth, full, again].map((e) => ({ rows: e.rows, peakRssMb: e.peakRssMb })),
    };
    const file = importFile(IMPORT_ROWS);
    const imports = {};
    for (const dryRun of [true, false]) {
      const begun = performance.now();
      const answer = await fetch(`${base}/api/v1/imports/evacuations?dryRun=${dryRun}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'text/csv' },
        body: file,
      });
      const result = await answer.json();
      const seconds = (performance.now() - begun) / 1000;
      if (!answer.ok || result.errorCount)
        throw new Error(`import: ${answer.status} ${JSON.stringify(result).slice(0, 500)}`);
      imports[dryRun ? 'dryRun' : 'commit'] = {
        rows: result.rows,
        stored: result.stored,
        seconds: Number(seconds.toFixed(2)),
        rowsPerSecond: Math.round(result.rows / seconds),
      };
    }
    const results = { export: exported, import: imports, apiPeakRssMb: Math.round(memory(api.pid, 'VmHWM')) };
    log('| measure | result |');
    log('| --- | --- |');
    log(
      `| export claims.csv, ${rows.toLocaleString('en')} rows (${exported.megabytes} MB), streamed | ${exported.rowsPerSecond.toLocaleString('en')} rows/s (${exported.seconds} s) |`,
    );
    log(
      `| api peak RSS after exports of ${exported.apiPeakRssMb.map((e) => e.rows.toLocaleString('en')).join(' / ')} rows | ${exported.apiPeakRssMb.map((e) => e.peakRssMb).join(' / ')} MB |`,
    );
    log(
      `| import ${IMPORT_ROWS.toLocaleString('en')} evacuation reports, dry run | ${imports.dryRun.rowsPerSecond.toLocaleString('en')} rows/s (${imports.dryRun.seconds} s) |`,
    );
    log(
      `| import ${IMPORT_ROWS.toLocaleString('en')} evacuation reports, commit (one transaction) | ${imports.commit.rowsPerSecond.toLocaleString('en')} rows/s (${imports.commit.seconds} s), ${imports.commit.stored} stored |`,
    );
    log(`| api peak RSS, whole sharing bench | ${results.apiPeakRssMb} MB |`);
    return results;
  } finally {
    await stop(api);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const redis = await findOrStartRedis();
  try {
    await runSharingBench({ redisUrl: redis.url });
  } finally {
    await redis.stop?.();
  }
}
