import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type TestAgent from 'supertest/lib/agent.js';
import { MovableClock } from '#cw/clock';
import { AppConfig } from '#cw/config';
import { Database } from '#cw/persistence';
import { createApiApp } from '../../apps/api/src/api-app.js';
import { ApiContract, checkedAgent } from './openapi-contract.js';
import { createTestDatabase, type Dialect, type TestDatabase } from './test-database.js';
import { removeQueues, uniqueQueuePrefix } from './worker-harness.js';

export const ADMIN_EMAIL = 'admin@corridor.test';
export const ADMIN_PASSWORD = 'correct horse battery staple';

/** The real api on a fresh database, with a movable clock and a signed-in admin; every answer is checked against its OpenAPI document. */
export interface ApiHarness {
  app: NestFastifyApplication;
  http: TestAgent;
  clock: MovableClock;
  database: TestDatabase;
  db: Database;
  adminToken: string;
  auth: { Authorization: string };
  close(): Promise<void>;
}

export async function startApi(dialect: Dialect, env: Record<string, string> = {}): Promise<ApiHarness> {
  const database = await createTestDatabase(dialect);
  const clock = new MovableClock('2022-05-10T12:00:00Z');
  const app = await createApiApp({
    clock,
    env: {
      DATABASE_URL: database.url,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LOG_LEVEL: 'silent',
      // Rate-limit counters of one app under test, apart from every other suite and run sharing the Redis.
      RATE_LIMIT_PREFIX: `cw-test-${randomBytes(6).toString('hex')}`,
      // Jobs the api enqueues stay under a prefix of this harness's own, removed when it closes.
      QUEUE_PREFIX: uniqueQueuePrefix('api'),
      ...env,
    },
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const docs = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/api/docs-json' });
  const http = checkedAgent(app.getHttpServer(), new ApiContract(JSON.parse(docs.body)));
  const login = await http.post('/api/v1/auth/login').send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  if (login.status !== 200)
    throw new Error(`admin sign-in failed: ${login.status} ${JSON.stringify(login.body)}`);
  const adminToken = login.body.token as string;
  return {
    app,
    http,
    clock,
    database,
    db: app.get(Database),
    adminToken,
    auth: { Authorization: `Bearer ${adminToken}` },
    close: async () => {
      const { QUEUE_PREFIX, REDIS_URL } = app.get(AppConfig);
      await app.close();
      await database.drop();
      await removeQueues(REDIS_URL, QUEUE_PREFIX);
    },
  };
}

const COUNTED_TABLES = [
  'party',
  'location',
  'corridor',
  'corridor_required_party',
  'corridor_window',
  'corridor_stop',
  'operation',
  'operation_corridor',
  'operation_facilitator',
  'confirmation',
  'evacuation_report',
  'remaining_report',
  'incident',
  'idempotency_record',
  'api_key',
  'embargo_hold',
];

const REPORT_TABLES = ['confirmation', 'evacuation_report', 'remaining_report', 'incident'];

/** Row counts, every corridor's version and figures and every report's version and claim: what "nothing stored changed" compares. */
export async function storedState(db: Database): Promise<Record<string, unknown>> {
  const state: Record<string, unknown> = {};
  for (const table of COUNTED_TABLES) {
    const row = await db.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM "${table}"`);
    state[table] = Number(row?.n);
  }
  state.corridors = await db.all(
    `SELECT id, version, name, confirmation_state, evacuation_report_count, evacuation_low, evacuation_high, cancelled_at
     FROM corridor ORDER BY id`,
  );
  state.operations = await db.all('SELECT id, version, name FROM operation ORDER BY id');
  for (const table of REPORT_TABLES) {
    state[`${table}_rows`] = await db.all(
      `SELECT id, version, fingerprint, source_url, organisation_id FROM "${table}" ORDER BY id`,
    );
  }
  return state;
}
