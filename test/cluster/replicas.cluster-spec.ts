import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { API_KEY_CACHE_TTL_MS } from '../../libs/accounts/src/api-key-principal-cache.js';
import {
  ownRedis,
  spawnApi,
  spawnWorker,
  type ApiProcess,
  type OwnRedis,
  type WorkerProcess,
} from '../support/processes.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { eventually, uniqueQueuePrefix } from '../support/worker-harness.js';

const ADMIN = { email: 'admin@cluster.test', password: 'correct horse battery staple' };
const HOUR = 3_600_000;
const CORRIDORS = 4; // two entered on each replica
const RULES_OF_A_PAST_UNCONFIRMED_WINDOW = 3; // unconfirmed_at_deadline, never_confirmed, no_evacuation_reported
const SUBSCRIBERS = ['duty-officer@ngo.test', 'logistics@ngo.test'];

type Answer = { status: number; body: Record<string, unknown> };

/** One request to one replica, answered as JSON. */
async function call(
  api: ApiProcess,
  method: string,
  path: string,
  { token, body, headers = {} }: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

// Two built apis and two built workers on one PostgreSQL database and one Redis, as `npm run start:cluster` runs
// them. PostgreSQL only: several processes writing one SQLite file is not a supported deployment.
describe('two api replicas and two workers on PostgreSQL', () => {
  const prefix = uniqueQueuePrefix('cluster');
  let database: TestDatabase;
  let redis: OwnRedis;
  let smtp: SmtpSink;
  let db: pg.Client;
  const apis: ApiProcess[] = [];
  const workers: WorkerProcess[] = [];
  let a: ApiProcess;
  let b: ApiProcess;
  let adminToken: string;

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await db.query<{ n: string }>(sql, params)).rows[0].n);

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    redis = await ownRedis();
    smtp = await startSmtpSink();
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: prefix,
      BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      SMTP_URL: smtp.url,
      LOG_LEVEL: 'warn',
      // Migrated once before the replicas start, as start:cluster and the compose profile do.
      MIGRATE_ON_START: 'false',
      NO_EVACUATION_GRACE_HOURS: '1',
      SWEEP_INTERVAL_MS: '500',
      OUTBOX_RELAY_INTERVAL_MS: '500',
      ALERT_INTERVAL_MS: '300',
      WRITES_PER_KEY_PER_MINUTE: '100000',
    };
    const migrate = spawn(process.execPath, ['dist/libs/persistence/src/migrate.main.js'], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: 'ignore',
    });
    expect(await new Promise((resolve) => migrate.once('exit', resolve))).toBe(0);
    // One replica creates the first admin; the other finds it there.
    [a, b] = await Promise.all([spawnApi(env), spawnApi(env)]);
    apis.push(a, b);
    workers.push(spawnWorker(env), spawnWorker(env));
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    const login = await call(a, 'POST', '/api/v1/auth/login', { body: ADMIN });
    expect(login.status).toBe(200);
    adminToken = login.body.token as string;
  });

  afterAll(async () => {
    for (const worker of workers) await worker.kill();
    for (const api of apis) await api.kill();
    await db?.end();
    await smtp?.close();
    await redis?.stop();
    await database?.drop();
  });

  it('a session opened on one replica is honoured by the other, and ended there for both', async () => {
    expect(await count('SELECT COUNT(*) AS n FROM app_user')).toBe(1); // the first admin, created once
    const { body } = await call(b, 'POST', '/api/v1/auth/login', { body: ADMIN });
    const token = body.token as string;
    expect((await call(a, 'GET', '/api/v1/auth/me', { token })).body.email).toBe(ADMIN.email);
    expect((await call(a, 'POST', '/api/v1/auth/logout', { token })).status).toBe(204);
    expect((await call(b, 'GET', '/api/v1/auth/me', { token })).status).toBe(401);
  });

  it('failed sign-ins are counted across replicas: after five, even the right password waits on the other', async () => {
    // The limit counts per minute: start early in one, so the six attempts share it.
    while (new Date().getUTCSeconds() > 45) await new Promise((resolve) => setTimeout(resolve, 250));
    const user = { email: 'reporter@cluster.test', password: 'a long enough password 1' };
    const { organisationId } = (await call(a, 'GET', '/api/v1/auth/me', { token: adminToken })).body;
    const created = await call(a, 'POST', '/api/v1/users', {
      token: adminToken,
      body: { ...user, displayName: 'Reporter', role: 'reporter', organisationId },
    });
    expect(created.status).toBe(201);
    for (const replica of [a, b, a, b, a]) {
      const wrong = await call(replica, 'POST', '/api/v1/auth/login', {
        body: { email: user.email, password: 'not the password at all' },
      });
      expect(wrong.status).toBe(401);
    }
    const right = await call(b, 'POST', '/api/v1/auth/login', { body: user });
    expect(right.status).toBe(429);
    expect(right.body.type).toBe('/problems/too-many-requests');
  });

  it(`an API key revoked on one replica is refused by the other within ${API_KEY_CACHE_TTL_MS / 1000} s`, async () => {
    const created = await call(a, 'POST', '/api/v1/api-keys', {
      token: adminToken,
      body: { name: 'integration', scopes: ['read'] },
    });
    const key = created.body.key as string;
    expect((await call(b, 'GET', '/api/v1/corridors?limit=1', { token: key })).status).toBe(200); // now cached on b
    const revokedAt = Date.now();
    expect(
      (await call(a, 'DELETE', `/api/v1/api-keys/${String(created.body.id)}`, { token: adminToken })).status,
    ).toBe(204);
    expect((await call(a, 'GET', '/api/v1/corridors?limit=1', { token: key })).status).toBe(401);
    await eventually(
      async () => (await call(b, 'GET', '/api/v1/corridors?limit=1', { token: key })).status,
      (status) => status === 401,
      API_KEY_CACHE_TTL_MS + 5_000,
    );
    // The cache's own time to live, and the one request that was on its way when it ran out.
    expect(Date.now() - revokedAt).toBeLessThanOrEqual(API_KEY_CACHE_TTL_MS + 1_000);
  });

  it('promises entered on both replicas raise each flag once and send each e-mail once, with two workers', async () => {
    const party = (name: string) =>
      call(a, 'POST', '/api/v1/parties', { token: adminToken, body: { name, kind: 'belligerent' } });
    const announcer = (await party('Cluster test announcer')).body.id as string;
    const origin = (
      await call(b, 'POST', '/api/v1/locations', {
        token: adminToken,
        body: { name: 'Cluster origin', lat: 47, lon: 37 },
      })
    ).body.id as string;
    const required = (await party('Cluster test required party')).body.id as string;
    for (const email of SUBSCRIBERS) {
      const subscription = await call(a, 'POST', '/api/v1/subscriptions', {
        token: adminToken,
        body: { email, mode: 'immediate', minSeverity: 'info' },
      });
      expect(subscription.status).toBe(201);
    }
    // Windows of the last hours, entered now: each deadline, end and grace has passed, none confirmed.
    const now = Date.now();
    for (let i = 0; i < CORRIDORS; i += 1) {
      const corridor = await call(i % 2 ? b : a, 'POST', '/api/v1/corridors', {
        token: adminToken,
        body: {
          name: `Cluster corridor ${i}`,
          originId: origin,
          announcedById: announcer,
          announcedAt: new Date(now - 8 * HOUR).toISOString(),
          timezone: 'Europe/Kyiv',
          requiredConfirmationIds: [required],
          windows: [
            {
              startsAt: new Date(now - 5 * HOUR - i * 60_000).toISOString(),
              endsAt: new Date(now - 2 * HOUR - i * 60_000).toISOString(),
            },
          ],
        },
      });
      expect(corridor.status).toBe(201);
    }
    const flags = CORRIDORS * RULES_OF_A_PAST_UNCONFIRMED_WINDOW;
    const mails = flags * SUBSCRIBERS.length;
    await eventually(
      () => count("SELECT COUNT(*) AS n FROM alert_delivery WHERE status = 'sent'"),
      (n) => n >= mails,
      40_000,
    );
    await eventually(
      async () => smtp.received.length,
      (n) => n >= mails,
      10_000,
    );

    expect(await count('SELECT COUNT(*) AS n FROM flag')).toBe(flags);
    expect(await count("SELECT COUNT(*) AS n FROM flag_event WHERE kind = 'raised'")).toBe(flags);
    expect(await count('SELECT COUNT(*) AS n FROM alert_delivery')).toBe(mails);
    expect(smtp.received).toHaveLength(mails);
    const deliveryIds = smtp.received.map((mail) => mail.parsed.headers.get('x-corridor-watch-delivery'));
    expect(new Set(deliveryIds).size).toBe(mails);
    for (const email of SUBSCRIBERS) expect(smtp.to(email)).toHaveLength(flags);
    expect(workers.map((worker) => worker.child.exitCode)).toEqual([null, null]); // both still running
  });

  it('an api killed with SIGKILL in the middle of writes loses no acknowledged report: retries on the other store each once', async () => {
    const key = (
      await call(a, 'POST', '/api/v1/api-keys', {
        token: adminToken,
        body: { name: 'field phones', scopes: ['read', 'write'] },
      })
    ).body.key as string;
    const corridorId = (
      (await call(a, 'GET', '/api/v1/corridors?limit=1', { token: adminToken })).body.items as {
        id: string;
      }[]
    )[0].id;
    const source = (
      await call(a, 'POST', '/api/v1/parties', {
        token: adminToken,
        body: { name: 'Field observers', kind: 'humanitarian' },
      })
    ).body.id as string;
    const reports = Array.from({ length: 240 }, (_, i) => ({
      idempotencyKey: `phone-${i}-${randomUUID()}`,
      body: {
        sourcePartyId: source,
        reportedAt: new Date(Date.now() - HOUR - i * 1000).toISOString(),
        count: { qualifier: 'exact', value: 10 + i },
        category: 'civilians',
      },
    }));
    const post = (api: ApiProcess, report: (typeof reports)[number]) =>
      call(api, 'POST', `/api/v1/corridors/${corridorId}/evacuations`, {
        token: key,
        body: report.body,
        headers: { 'idempotency-key': report.idempotencyKey },
      });

    // Eight phones send to a; a dies once 60 reports were acknowledged, with others in flight.
    const acknowledged = new Map<string, string>(); // idempotency key -> report id
    const unanswered: (typeof reports)[number][] = [];
    let next = 0;
    let killing: Promise<void> | null = null;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < reports.length) {
          const report = reports[next++];
          try {
            const answer = await post(a, report);
            if (answer.status !== 201) throw new Error(`answered ${answer.status}`);
            acknowledged.set(report.idempotencyKey, answer.body.id as string);
            if (acknowledged.size === 60) killing = a.kill();
          } catch {
            unanswered.push(report);
          }
        }
      }),
    );
    await killing;
    expect(a.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(60);
    expect(unanswered.length).toBeGreaterThan(0);

    // Each phone retries what got no answer, with the same key and body, on the other replica.
    const retried = new Map<string, string>();
    for (const report of unanswered) {
      const answer = await post(b, report);
      expect(answer.status).toBe(201);
      retried.set(report.idempotencyKey, answer.body.id as string);
    }
    expect(acknowledged.size + retried.size).toBe(reports.length);

    const stored = await db.query<{ id: string }>('SELECT id FROM evacuation_report WHERE corridor_id = $1', [
      corridorId,
    ]);
    const storedIds = new Set(stored.rows.map((row) => row.id));
    expect(stored.rows).toHaveLength(reports.length); // each report once: none lost, none twice
    for (const id of [...acknowledged.values(), ...retried.values()]) expect(storedIds.has(id)).toBe(true);
  });
});
