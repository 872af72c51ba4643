// Webhook delivery benchmark (a measurement, not a test: it asserts nothing). Wired into `npm run bench`:
//   runWebhookBench({ redisUrl, log }) → { events, received, ms, perSecond, verifiedSample, workerPeakRssMb }
// The built worker (`npm run build`) fans N evacuation.reported events out to one endpoint and POSTs each, signed,
// to a local HTTP receiver on 127.0.0.1, which answers 204 at once; a sample is verified with standardwebhooks.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Queue } from 'bullmq';
import { Webhook } from 'standardwebhooks';

const APP_SECRET = 'bench-secret-of-at-least-thirty-two-characters';
const dist = (path) => new URL(`../../dist/${path}`, import.meta.url).href;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function migratedSqlite() {
  const { DataSource } = await import('typeorm');
  const { buildDataSourceOptions } = await import(dist('libs/persistence/src/data-source-options.js'));
  const dir = mkdtempSync(join(tmpdir(), 'cw-bench-webhooks-'));
  const url = `sqlite:${join(dir, 'webhooks.sqlite')}`;
  const dataSource = new DataSource(buildDataSourceOptions(url));
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
  return { dir, url, path: join(dir, 'webhooks.sqlite') };
}

/** One endpoint and `events` evacuation reports' events waiting to be fanned out, as the api writes them. */
async function seed(path, receiverUrl, events) {
  const { SecretBox } = await import(dist('libs/webhooks/src/secret-box.js'));
  const { newSigningSecret } = await import(dist('libs/webhooks/src/webhook-signature.js'));
  const secret = newSigningSecret();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  const now = Date.now();
  const orgId = randomUUID();
  const userId = randomUUID();
  db.prepare('INSERT INTO organisation (id, name, created_at) VALUES (?, ?, ?)').run(orgId, 'Bench', now);
  db.prepare(
    `INSERT INTO app_user (id, email, display_name, organisation_id, role, password_hash, disabled_at, created_at, updated_at)
     VALUES (?, 'bench@webhooks.local', 'Bench', ?, 'admin', NULL, NULL, ?, ?)`,
  ).run(userId, orgId, now, now);
  db.prepare(
    `INSERT INTO webhook_endpoint (id, organisation_id, url, description, events, secret, failing_since, disabled_at,
       disabled_reason, notice_id, notice_sent_at, created_by_id, created_at, updated_at)
     VALUES (?, ?, ?, NULL, '["evacuation.reported"]', ?, NULL, NULL, NULL, NULL, NULL, ?, ?, ?)`,
  ).run(randomUUID(), orgId, receiverUrl, new SecretBox(APP_SECRET).seal(secret), userId, now - 60_000, now);
  const insert = db.prepare(
    `INSERT INTO webhook_event (id, type, occurred_at, corridor_id, data, source_key, fanned_out_at)
     VALUES (?, 'evacuation.reported', ?, ?, ?, ?, NULL)`,
  );
  const corridorId = randomUUID();
  db.transaction(() => {
    for (let i = 0; i < events; i += 1) {
      const id = randomUUID();
      const data = {
        id,
        corridorId,
        sourceUrl: 'https://news.un.org/en/story/2022/05/1117582',
        enteredById: userId,
        enteredAt: new Date(now).toISOString(),
        organisationId: orgId,
        version: 1,
        windowId: null,
        sourcePartyId: randomUUID(),
        reportedAt: new Date(now - 3_600_000).toISOString(),
        count: { qualifier: 'exact', value: i % 500 },
        category: 'civilians',
        arrivedAtId: null,
        note: 'Arrived in Zaporizhzhia',
      };
      insert.run(randomUUID(), now, corridorId, JSON.stringify(data), `evacuation:${id}`);
    }
  })();
  db.close();
  return secret;
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

/** The built worker delivering `events` webhooks: wall time from its start to the last request received. */
export async function webhookRun({ events = 5_000, redisUrl = 'redis://127.0.0.1:6379' } = {}) {
  const { dir, url, path } = await migratedSqlite();
  const prefix = `cwbench-webhooks-${randomUUID().slice(0, 8)}`;
  const received = new Set();
  const sample = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      received.add(request.headers['webhook-id']);
      if (sample.length < 100)
        sample.push({ body: Buffer.concat(chunks).toString('utf8'), headers: request.headers });
      response.writeHead(204).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const secret = await seed(path, `http://127.0.0.1:${server.address().port}/hook`, events);
    const started = Date.now();
    const worker = spawn(process.execPath, ['dist/apps/worker/src/main.js'], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: url,
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: prefix,
        APP_SECRET,
        WEBHOOK_ALLOW_PRIVATE: 'true',
        WEBHOOK_INTERVAL_MS: '1000',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    let peak = 0;
    const deadline = Date.now() + 300_000;
    while (received.size < events && Date.now() < deadline && worker.exitCode === null) {
      peak = Math.max(peak, peakRssMb(worker.pid));
      await sleep(50);
    }
    const ms = Date.now() - started;
    peak = Math.max(peak, peakRssMb(worker.pid));
    if (worker.exitCode === null) {
      worker.kill('SIGTERM');
      await new Promise((resolve) => worker.once('exit', resolve));
    }
    let verified = 0;
    for (const { body, headers } of sample) {
      try {
        new Webhook(secret).verify(body, headers);
        verified += 1;
      } catch {
        // counted as not verified
      }
    }
    const db = new Database(path, { readonly: true });
    const delivered = db
      .prepare("SELECT COUNT(*) AS n FROM webhook_delivery WHERE status = 'delivered'")
      .get().n;
    db.close();
    return {
      events,
      received: received.size,
      delivered,
      ms,
      perSecond: Math.round((received.size / ms) * 1000),
      verifiedSample: `${verified}/${sample.length}`,
      workerPeakRssMb: peak,
    };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    for (const name of ['maintenance', 'evaluation', 'alerts', 'webhooks']) {
      const queue = new Queue(name, { connection: { url: redisUrl }, prefix });
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runWebhookBench({ redisUrl = 'redis://127.0.0.1:6379', log = console.log } = {}) {
  const run = await webhookRun({ events: 5_000, redisUrl });
  log(
    'webhook deliveries (built worker, signed POSTs to a local receiver answering 204; time from worker start)',
  );
  log(
    '| events | received | delivered rows | total | deliveries/s | signatures verified (sample) | worker peak RSS |',
  );
  log('| --- | --- | --- | --- | --- | --- | --- |');
  log(
    `| ${run.events} | ${run.received} | ${run.delivered} | ${(run.ms / 1000).toFixed(1)} s | ${run.perSecond} | ${run.verifiedSample} | ${run.workerPeakRssMb} MB |`,
  );
  return { webhooks: run };
}
