// Daily digest benchmark (a measurement, not a test: it asserts nothing). Wired into `npm run bench`:
//   digestRun({ subscribers, redisUrl }) → { subscribers, ms, perSecond, workerPeakRssMb }
//   runDigestBench({ redisUrl, log }) → 1,000 and 10,000 subscribers: time, and peak memory that must not grow
// The built worker (`npm run build`) sends every due digest through its pooled SMTP transport to a local sink
// (smtp-server, discarding each message). Needs a Redis; uses a queue prefix of its own and removes it after.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Queue } from 'bullmq';
import { SMTPServer } from 'smtp-server';

const HOUR = 3_600_000;
const dist = (path) => new URL(`../../dist/${path}`, import.meta.url).href;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function migratedSqlite() {
  const { DataSource } = await import('typeorm');
  const { buildDataSourceOptions } = await import(dist('libs/persistence/src/data-source-options.js'));
  const dir = mkdtempSync(join(tmpdir(), 'cw-bench-digest-'));
  const url = `sqlite:${join(dir, 'digest.sqlite')}`;
  const dataSource = new DataSource(buildDataSourceOptions(url));
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
  return { dir, url, path: join(dir, 'digest.sqlite') };
}

/** Twenty corridors with a window in the next 24 hours and a flag raised in the last, and N due daily digests. */
function seed(path, subscribers) {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  const now = Date.now();
  const orgId = randomUUID();
  const userId = randomUUID();
  const [announcer, confirmer, locationId] = [randomUUID(), randomUUID(), randomUUID()];
  db.prepare('INSERT INTO organisation (id, name, created_at) VALUES (?, ?, ?)').run(orgId, 'Bench', now);
  db.prepare(
    `INSERT INTO app_user (id, email, display_name, organisation_id, role, password_hash, disabled_at, created_at, updated_at)
     VALUES (?, 'bench@digest.local', 'Bench', ?, 'admin', NULL, NULL, ?, ?)`,
  ).run(userId, orgId, now, now);
  const party = db.prepare(
    'INSERT INTO party (id, name, short_name, kind, organisation_id, created_by_id, created_at) VALUES (?, ?, NULL, ?, ?, ?, ?)',
  );
  party.run(announcer, 'Announcer', 'belligerent', orgId, userId, now);
  party.run(confirmer, 'Confirmer', 'belligerent', orgId, userId, now);
  db.prepare(
    'INSERT INTO location (id, name, lat, lon, admin_area, country_code, organisation_id, created_by_id, created_at) VALUES (?, ?, 47, 37, NULL, NULL, ?, ?, ?)',
  ).run(locationId, 'Origin', orgId, userId, now);
  const insertCorridor =
    db.prepare(`INSERT INTO corridor (id, name, origin_id, destination_id, announced_by_id,
      announced_at, timezone, source_url, source_note, route, cancelled_at, cancel_reason, confirmation_state,
      first_starts_at, last_ends_at, evacuation_report_count, evacuation_low, evacuation_high, version, organisation_id,
      created_by_id, created_at, updated_at)
    VALUES (?, ?, ?, NULL, ?, ?, 'Europe/Moscow', NULL, 'A <b>note</b>', NULL, NULL, NULL, 'pending', ?, ?, 0, NULL, NULL, 1, ?, ?, ?, ?)`);
  const insertWindow =
    db.prepare(`INSERT INTO corridor_window (id, corridor_id, starts_at, ends_at, created_by_id,
      created_at, next_evaluation_at, evaluated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)`);
  const insertFlag = db.prepare(`INSERT INTO flag (id, corridor_id, window_id, rule, severity, raised_at)
      VALUES (?, ?, ?, 'unconfirmed_at_deadline', 'warning', ?)`);
  const insertEvent =
    db.prepare(`INSERT INTO flag_event (flag_id, corridor_id, window_id, rule, severity, kind, at)
      VALUES (?, ?, ?, 'unconfirmed_at_deadline', 'warning', 'raised', ?)`);
  const insertSubscription =
    db.prepare(`INSERT INTO subscription (id, organisation_id, email, mode, digest_hour,
      timezone, min_severity, corridor_ids, party_ids, next_digest_at, last_digest_at, created_by_id, created_at)
    VALUES (?, ?, ?, 'daily', 7, 'Europe/Kyiv', 'info', NULL, NULL, ?, NULL, ?, ?)`);
  db.transaction(() => {
    for (let c = 0; c < 20; c += 1) {
      const id = randomUUID();
      const windowId = randomUUID();
      const startsAt = now + (2 + c) * HOUR;
      insertCorridor.run(
        id,
        `Corridor ${c}`,
        locationId,
        announcer,
        now - 24 * HOUR,
        startsAt,
        startsAt + 8 * HOUR,
        orgId,
        userId,
        now,
        now,
      );
      db.prepare('INSERT INTO corridor_required_party (corridor_id, party_id) VALUES (?, ?)').run(
        id,
        confirmer,
      );
      insertWindow.run(windowId, id, startsAt, startsAt + 8 * HOUR, userId, now - HOUR);
      const flagId = randomUUID();
      insertFlag.run(flagId, id, windowId, now - 2 * HOUR);
      insertEvent.run(flagId, id, windowId, now - 2 * HOUR);
    }
    // The immediate alerts' cursor past the seeded events: this measures digests only.
    db.prepare(
      "INSERT INTO alert_cursor (name, seq) VALUES ('immediate', (SELECT MAX(seq) FROM flag_event))",
    ).run();
    for (let s = 0; s < subscribers; s += 1) {
      insertSubscription.run(
        randomUUID(),
        orgId,
        `subscriber-${s}@digest.local`,
        now - 60_000,
        userId,
        now - 48 * HOUR,
      );
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** An SMTP server that accepts and discards every message, counting them. */
async function smtpSink() {
  const port = await freePort();
  let accepted = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        accepted += 1;
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted: () => accepted,
    close: () => new Promise((r) => server.close(r)),
  };
}

function peakRssMb(pid) {
  try {
    return Math.round(
      Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024,
    );
  } catch {
    return 0;
  }
}

/** The built worker sending `subscribers` due digests: wall time from its start to the last message accepted. */
export async function digestRun({ subscribers = 10_000, redisUrl = 'redis://127.0.0.1:6379' } = {}) {
  const { dir, url, path } = await migratedSqlite();
  const prefix = `cwbench-digest-${randomUUID().slice(0, 8)}`;
  const sink = await smtpSink();
  try {
    seed(path, subscribers);
    const started = Date.now();
    const worker = spawn(process.execPath, ['dist/apps/worker/src/main.js'], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: url,
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: prefix,
        SMTP_URL: sink.url,
        APP_SECRET: 'bench-secret-of-at-least-thirty-two-characters',
        ALERT_INTERVAL_MS: '1000',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    let peak = 0;
    const deadline = Date.now() + 300_000;
    while (sink.accepted() < subscribers && Date.now() < deadline && worker.exitCode === null) {
      peak = Math.max(peak, peakRssMb(worker.pid));
      await sleep(100);
    }
    const ms = Date.now() - started;
    peak = Math.max(peak, peakRssMb(worker.pid));
    if (worker.exitCode === null) {
      worker.kill('SIGTERM');
      await new Promise((resolve) => worker.once('exit', resolve));
    }
    const db = new Database(path, { readonly: true });
    const sent = db.prepare("SELECT COUNT(*) AS n FROM alert_delivery WHERE status = 'sent'").get().n;
    db.close();
    return {
      subscribers,
      accepted: sink.accepted(),
      sent,
      ms,
      perSecond: Math.round((sink.accepted() / ms) * 1000),
      workerPeakRssMb: peak,
    };
  } finally {
    await sink.close();
    for (const name of ['maintenance', 'evaluation', 'alerts']) {
      const queue = new Queue(name, { connection: { url: redisUrl }, prefix });
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Two sizes: the time for 10,000, and the worker's peak memory, which must stay flat as subscribers grow. */
export async function runDigestBench({ redisUrl = 'redis://127.0.0.1:6379', log = console.log } = {}) {
  const small = await digestRun({ subscribers: 1_000, redisUrl });
  const large = await digestRun({ subscribers: 10_000, redisUrl });
  log('daily digest run (built worker, pooled SMTP to a local sink)');
  log('| subscribers | sent | total | e-mails/s | worker peak RSS |');
  log('| --- | --- | --- | --- | --- |');
  for (const r of [small, large]) {
    log(
      `| ${r.subscribers} | ${r.sent} | ${(r.ms / 1000).toFixed(1)} s | ${r.perSecond} | ${r.workerPeakRssMb} MB |`,
    );
  }
  return { digest1k: small, digest10k: large };
}
