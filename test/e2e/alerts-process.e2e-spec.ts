import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newId } from '#cw/common';
import { FlagRepository, SubscriptionRepository } from '#cw/persistence';
import { startApi, type ApiHarness } from '../support/api-harness.js';
import { Fixtures } from '../support/fixtures.js';
import { ownRedis, spawnWorker, type OwnRedis, type WorkerProcess } from '../support/processes.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { availableDialects } from '../support/test-database.js';
import { eventually, uniqueQueuePrefix } from '../support/worker-harness.js';

const SUBSCRIBERS = 40;
const FLAGS = 5;

// The built worker (`npm run build`) as production runs it, killed with SIGKILL while it sends.
describe.each(availableDialects())('alert e-mails from a worker process on %s', (dialect) => {
  const prefix = uniqueQueuePrefix(`alerts-process-${dialect}`);
  let redis: OwnRedis;
  let api: ApiHarness;
  let smtp: SmtpSink;
  const workers: WorkerProcess[] = [];

  const sentCount = async () =>
    Number(
      (
        await api.db.get<{ n: number | string }>(
          "SELECT COUNT(*) AS n FROM alert_delivery WHERE status = 'sent'",
        )
      )?.n,
    );

  beforeAll(async () => {
    redis = await ownRedis();
    smtp = await startSmtpSink();
    api = await startApi(dialect, { REDIS_URL: redis.url, QUEUE_PREFIX: prefix });
  });

  afterAll(async () => {
    for (const worker of workers) await worker.kill();
    await api?.close();
    await smtp?.close();
    await redis?.stop();
  });

  it('a worker killed with SIGKILL in the middle of a batch, then restarted, sends every alert once: none twice, none lost', async () => {
    const fx = new Fixtures(api);
    const { ruMod, azovstal, zaporizhzhia } = await fx.azovstal();
    // Windows far ahead of the real clock the built worker reads: its flag evaluation raises nothing here.
    const windows = Array.from({ length: FLAGS }, (_, i) => ({
      startsAt: `2099-06-0${i + 1}T08:00:00+03:00`,
      endsAt: `2099-06-0${i + 1}T18:00:00+03:00`,
    }));
    const corridor = await fx.corridor({
      name: 'Azovstal to Zaporizhzhia',
      originId: azovstal,
      destinationId: zaporizhzhia,
      announcedById: ruMod,
      announcedAt: '2022-05-04T20:00:00+03:00',
      timezone: 'Europe/Moscow',
      windows,
    });
    const admin = await api.db.get<{ id: string; organisation_id: string }>(
      'SELECT id, organisation_id FROM app_user LIMIT 1',
    );
    const subscriptions = api.app.get(SubscriptionRepository);
    const at = api.clock.now();
    await api.db.transaction(async (tx) => {
      for (let i = 0; i < SUBSCRIBERS; i += 1) {
        await subscriptions.insert(
          {
            id: newId(),
            organisationId: admin!.organisation_id,
            email: `subscriber-${i}@ngo.test`,
            mode: 'immediate',
            digestHour: null,
            timezone: 'Europe/Kyiv',
            language: 'en',
            minSeverity: 'info',
            corridorIds: null,
            partyIds: null,
            nextDigestAt: null,
            lastDigestAt: null,
            createdById: admin!.id,
            createdAt: at,
            endedAt: null,
            endReason: null,
          },
          tx,
        );
      }
      await api.app.get(FlagRepository).raise(
        (corridor.body.windows as { id: string }[]).map((w) => ({
          id: newId(),
          corridorId: corridor.id,
          windowId: w.id,
          rule: 'never_confirmed',
          severity: 'critical',
        })),
        at,
        tx,
      );
    });
    const env = {
      DATABASE_URL: api.database.url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: prefix,
      SMTP_URL: smtp.url,
      APP_SECRET: 'a-test-secret-of-at-least-thirty-two-characters',
      ALERT_INTERVAL_MS: '200',
      ALERT_LEASE_MS: '2000',
      SWEEP_INTERVAL_MS: '60000',
      LOG_LEVEL: 'warn',
    };
    const first = spawnWorker(env);
    workers.push(first);
    await eventually(
      async () => smtp.received.length,
      (n) => n >= 60,
      30_000,
    );
    // From here the server holds its final reply: the worker waits, mid-batch, on messages not yet accepted.
    smtp.hold();
    await eventually(
      async () => ({ held: smtp.held(), accepted: smtp.received.length, sent: await sentCount() }),
      (s) => s.held > 0 && s.sent === s.accepted,
      20_000,
    );
    const acceptedAtKill = smtp.received.length;
    const inFlight = await api.db.get<{ n: number | string }>(
      "SELECT COUNT(*) AS n FROM alert_delivery WHERE status = 'sending'",
    );
    await first.kill();
    expect(Number(inFlight?.n)).toBeGreaterThan(0); // taken, being sent, not acknowledged: left to the lease
    smtp.dropHeld(); // never acknowledged: the server did not take them
    expect(acceptedAtKill).toBeLessThan(SUBSCRIBERS * FLAGS);

    const second = spawnWorker(env);
    workers.push(second);
    await eventually(sentCount, (n) => n === SUBSCRIBERS * FLAGS, 40_000);
    const ids = smtp.received.map((m) => String(m.parsed.headers.get('x-corridor-watch-delivery')));
    expect(new Set(ids).size).toBe(ids.length); // none twice
    expect(ids).toHaveLength(SUBSCRIBERS * FLAGS); // none lost
    const pairs = await api.db.all<{ subscription_id: string; flag_id: string }>(
      'SELECT subscription_id, flag_id FROM alert_delivery',
    );
    expect(new Set(pairs.map((p) => `${p.subscription_id}/${p.flag_id}`)).size).toBe(SUBSCRIBERS * FLAGS);
    expect(await second.stop()).toBe(0);
  }, 90_000);
});
