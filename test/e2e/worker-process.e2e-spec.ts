import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { NO_EMBARGO } from '#cw/domain';
import { QueueName } from '#cw/jobs';
import { CorridorRepository, type CorridorEntity, type CorridorWindowEntity } from '#cw/persistence';
import { startApi, type ApiHarness } from '../support/api-harness.js';
import { Fixtures } from '../support/fixtures.js';
import { ownRedis, spawnWorker, type OwnRedis, type WorkerProcess } from '../support/processes.js';
import { availableDialects } from '../support/test-database.js';
import { eventually, uniqueQueuePrefix } from '../support/worker-harness.js';

const HOUR = 3_600_000;
// Past promises: every window's deadline, end and grace are behind the real clock the built worker reads.
const PAST = Date.parse('2022-05-01T05:00:00Z');
const RULES_OF_A_PAST_UNCONFIRMED_WINDOW = 3; // unconfirmed_at_deadline, never_confirmed, no_evacuation_reported

// The built worker as production runs it, on a Redis of this suite's own that it stops, flushes and kills.
describe.each(availableDialects())('worker processes on %s', (dialect) => {
  const prefix = uniqueQueuePrefix(`process-${dialect}`);
  let redis: OwnRedis;
  let api: ApiHarness;
  let fx: Fixtures;
  let workerEnv: Record<string, string>;
  let seed: (corridors: number, windowsEach: number) => Promise<string[]>;
  const workers: WorkerProcess[] = [];

  const count = async (sql: string) => Number((await api.db.get<{ n: number | string }>(sql))?.n ?? 0);
  const flagCount = () => count('SELECT COUNT(*) AS n FROM flag');
  const startWorker = (extra: Record<string, string> = {}) => {
    const worker = spawnWorker({ ...workerEnv, ...extra });
    workers.push(worker);
    return worker;
  };
  /** Exactly one flag row and one 'raised' event per window and rule, and none missing. */
  const expectEachFlagOnce = async (windows: number) => {
    expect(await flagCount()).toBe(windows * RULES_OF_A_PAST_UNCONFIRMED_WINDOW);
    expect(await count("SELECT COUNT(*) AS n FROM flag_event WHERE kind = 'raised'")).toBe(
      windows * RULES_OF_A_PAST_UNCONFIRMED_WINDOW,
    );
    expect(
      await api.db.all(
        "SELECT window_id, rule FROM flag_event WHERE kind = 'raised' GROUP BY window_id, rule HAVING COUNT(*) > 1",
      ),
    ).toEqual([]);
  };
  const allWindowsEvaluated = () =>
    eventually(
      () => count('SELECT COUNT(*) AS n FROM corridor_window WHERE next_evaluation_at IS NOT NULL'),
      (n) => n === 0,
      20_000,
    );

  beforeAll(async () => {
    redis = await ownRedis();
    api = await startApi(dialect, { REDIS_URL: redis.url, QUEUE_PREFIX: prefix });
    fx = new Fixtures(api);
    workerEnv = {
      DATABASE_URL: api.database.url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: prefix,
      SWEEP_INTERVAL_MS: '500',
      OUTBOX_RELAY_INTERVAL_MS: '300',
      SWEEP_BATCH_SIZE: '25',
      LOG_LEVEL: 'warn',
    };
    const { ruMod, uaGov, azovstal, zaporizhzhia } = await fx.azovstal();
    const admin = await api.db.get<{ id: string; organisation_id: string }>(
      'SELECT id, organisation_id FROM app_user LIMIT 1',
    );
    const corridors = api.app.get(CorridorRepository);
    // Straight into the tables, as a past promise imported in bulk: only the sweep can find these windows.
    seed = async (n, windowsEach) => {
      const ids: string[] = [];
      await api.db.transaction(async (tx) => {
        for (let c = 0; c < n; c += 1) {
          const id = randomUUID();
          ids.push(id);
          const at = new Date(PAST + c * 60_000);
          const corridor: CorridorEntity = {
            id,
            name: `Imported promise ${c}`,
            originId: azovstal,
            destinationId: zaporizhzhia,
            announcedById: ruMod,
            announcedAt: new Date(at.getTime() - 24 * HOUR),
            timezone: 'Europe/Kyiv',
            sourceUrl: null,
            sourceNote: null,
            route: null,
            cancelledAt: null,
            cancelReason: null,
            cancelledById: null,
            confirmationState: 'pending',
            firstStartsAt: at,
            lastEndsAt: new Date(at.getTime() + (windowsEach - 1) * 24 * HOUR + 10 * HOUR),
            evacuationReportCount: 0,
            evacuationLow: null,
            evacuationHigh: null,
            stancePromise: 'unconfirmed',
            settledPromise: 'broken',
            ...NO_EMBARGO,
            version: 1,
            organisationId: admin!.organisation_id,
            createdById: admin!.id,
            createdAt: at,
            updatedAt: at,
          };
          await corridors.insert(corridor, [uaGov], tx);
          const windows: CorridorWindowEntity[] = Array.from({ length: windowsEach }, (_, w) => ({
            id: randomUUID(),
            corridorId: id,
            startsAt: new Date(at.getTime() + w * 24 * HOUR),
            endsAt: new Date(at.getTime() + w * 24 * HOUR + 10 * HOUR),
            isOpenEnded: false,
            version: 1,
            createdById: admin!.id,
            createdAt: at,
            nextEvaluationAt: new Date(at.getTime() + w * 24 * HOUR - 2 * HOUR),
            evaluatedAt: null,
          }));
          await corridors.insertWindows(windows, tx);
        }
      });
      return ids;
    };
  });

  afterAll(async () => {
    for (const worker of workers) await worker.kill();
    await api?.close();
    await redis?.stop();
  });

  // The windows of the first test, which the later ones count on top of.
  const SIGKILL_CORRIDORS = 1000;
  const SIGKILL_WINDOWS = SIGKILL_CORRIDORS * 4;

  it('a worker killed with SIGKILL in the middle of a sweep, then restarted, leaves one flag per window and rule and misses none', async () => {
    // Enough small transactions (50 windows each) that the sweep outlasts the 50 ms poll that sees its first
    // flags, even on a fast machine: 1,200 windows in transactions of 250 were once all done within one poll.
    await seed(SIGKILL_CORRIDORS, 4);
    const first = startWorker({ SWEEP_BATCH_SIZE: '5' });
    const atKill = await eventually(flagCount, (n) => n > 0, 20_000);
    await first.kill();
    expect(atKill).toBeLessThan(SIGKILL_WINDOWS * RULES_OF_A_PAST_UNCONFIRMED_WINDOW); // killed before the sweep finished
    const second = startWorker();
    await allWindowsEvaluated();
    await expectEachFlagOnce(SIGKILL_WINDOWS);
    expect(await second.stop()).toBe(0); // SIGTERM: finishes the job in hand and exits cleanly
  }, 60_000);

  it('two workers on the same queue raise each flag once', async () => {
    await seed(150, 2);
    startWorker();
    startWorker();
    await allWindowsEvaluated();
    await expectEachFlagOnce(SIGKILL_WINDOWS + 300);
  }, 60_000);

  it('FLUSHALL on Redis, then a restart, re-creates the schedules and catches up', async () => {
    for (const worker of workers) await worker.stop();
    await redis.flushAll();
    await seed(50, 2);
    startWorker();
    await allWindowsEvaluated();
    await expectEachFlagOnce(SIGKILL_WINDOWS + 400);
    const queue = new Queue(QueueName.Evaluation, { connection: { url: redis.url }, prefix });
    try {
      const schedulers = (await queue.getJobSchedulers()).map((s) => s.key).sort();
      expect(schedulers).toEqual(['EmbargoLift', 'EvaluationOutboxRelay', 'WindowSweep']);
    } finally {
      await queue.close();
    }
  }, 60_000);

  it('with Redis stopped the api accepts reports, and once Redis is back the flags arrive', async () => {
    const { uaGov, ruMod, azovstal } = {
      uaGov: (await api.db.get<{ id: string }>("SELECT id FROM party WHERE name = 'Government of Ukraine'"))!
        .id,
      ruMod: (await api.db.get<{ id: string }>(
        "SELECT id FROM party WHERE name LIKE 'Ministry of Defence%'",
      ))!.id,
      azovstal: (await api.db.get<{ id: string }>("SELECT id FROM location WHERE name LIKE 'Azovstal%'"))!.id,
    };
    await redis.stop();
    // A promise for the future (no deadline has passed, the sweep has nothing to do) that Ukraine rejects.
    const started = Date.now();
    const created = await api.http
      .post('/api/v1/corridors')
      .set(api.auth)
      .send({
        name: 'Azovstal, next week',
        originId: azovstal,
        announcedById: ruMod,
        announcedAt: '2022-05-09T12:00:00Z',
        timezone: 'Europe/Kyiv',
        requiredConfirmationIds: [uaGov],
        windows: [{ startsAt: '2030-05-17T08:00:00+03:00', endsAt: '2030-05-17T18:00:00+03:00' }],
      });
    expect(created.status).toBe(201);
    const rejection = await api.http
      .post(`/api/v1/corridors/${created.body.id}/confirmations`)
      .set(api.auth)
      .send({ partyId: uaGov, stance: 'rejected', statedAt: '2022-05-09T13:00:00Z' });
    expect(rejection.status).toBe(201);
    expect(Date.now() - started).toBeLessThan(3000); // no waiting on Redis
    const health = await api.http.get('/api/v1/jobs/health').set(api.auth);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ redis: 'down', outbox: { pending: 2 } });

    await redis.start(); // empty: it kept nothing
    const flags = await eventually(
      () =>
        api.db.all<{ rule: string }>('SELECT rule FROM flag WHERE corridor_id = :id', {
          id: created.body.id,
        }),
      (rows) => rows.length > 0,
      20_000,
    );
    expect(flags.map((f) => f.rule)).toEqual(['rejected']);
    await eventually(
      () => count('SELECT COUNT(*) AS n FROM evaluation_outbox WHERE relayed_at IS NULL'),
      (n) => n === 0,
    );
  }, 60_000);
});
