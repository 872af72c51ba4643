import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { simpleParser } from 'mailparser';
import { newId } from '#cw/common';
import { QueueName } from '#cw/jobs';
import { FlagRepository, WebhookEndpointRepository } from '#cw/persistence';
import { SecretBox } from '#cw/webhooks';
import { createKey } from '../support/accounts.js';
import { ADMIN_EMAIL, startApi, type ApiHarness } from '../support/api-harness.js';
import { Fixtures } from '../support/fixtures.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';
import {
  startWebhookReceiver,
  type ReceivedWebhook,
  type WebhookReceiver,
} from '../support/webhook-receiver.js';
import {
  eventually,
  removeQueues,
  startWorker,
  uniqueQueuePrefix,
  workerEnv,
} from '../support/worker-harness.js';

const APP_SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const ALL_EVENTS = [
  'flag.raised',
  'flag.resolved',
  'corridor.status_changed',
  'corridor.promise_settled',
  'evacuation.reported',
];

interface Delivery {
  id: string;
  eventId: string;
  event: string;
  status: string;
  attempts: number;
  lastResponseCode: number | null;
  lastLatencyMs: number | null;
  nextAttemptAt: string | null;
  error: string | null;
}

const payloadOf = (received: ReceivedWebhook) => {
  if (!('payload' in received.verified)) throw new Error(`not verified: ${received.verified.error}`);
  return received.verified.payload;
};

// The real api and worker on Redis, and a real HTTP receiver that checks every delivery with the standardwebhooks
// package. The worker retries after 100 ms doubling to 400 ms; the test moves the shared clock only where it says.
describe.each(availableDialects())('webhooks on %s', (dialect) => {
  const prefix = uniqueQueuePrefix(`webhooks-${dialect}`);
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const outboxDir = mkdtempSync(join(tmpdir(), 'cw-webhook-outbox-'));
  let api: ApiHarness;
  let fx: Fixtures;
  let receiver: WebhookReceiver;
  let worker: INestApplicationContext;
  let auth: { Authorization: string };
  let world: Awaited<ReturnType<Fixtures['azovstal']>>;
  const workerConfig = () =>
    workerEnv(prefix, {
      DATABASE_URL: api.database.url,
      REDIS_URL: redisUrl,
      APP_SECRET,
      OUTBOX_DIR: outboxDir,
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_INTERVAL_MS: '200',
      WEBHOOK_RETRY_BASE_MS: '100',
      WEBHOOK_RETRY_MAX_MS: '400',
      WEBHOOK_TIMEOUT_MS: '3000',
      WEBHOOK_MAX_ATTEMPTS: '100',
    });

  /** Registers an endpoint at the receiver's path and gives the receiver its secret. */
  const register = async (path: string, events: string[] = ALL_EVENTS) => {
    const response = await api.http
      .post('/api/v1/webhook-endpoints')
      .set(auth)
      .send({ url: `${receiver.origin}${path}`, events, description: `test ${path}` });
    expect(`${response.status} ${JSON.stringify(response.body)}`).toMatch(/^201 /);
    expect(response.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    receiver.secret(path, response.body.secret);
    return response.body as { id: string; secret: string };
  };
  const deliveriesOf = async (endpointId: string): Promise<Delivery[]> => {
    const response = await api.http
      .get(`/api/v1/webhook-endpoints/${endpointId}/deliveries?limit=200`)
      .set(auth);
    expect(response.status).toBe(200);
    return response.body.items as Delivery[];
  };
  const evacuation = (corridorId: string, value: number) =>
    fx.report(corridorId, 'evacuations', {
      sourcePartyId: world.un,
      reportedAt: new Date(api.clock.now().getTime() - 60_000).toISOString(),
      count: { qualifier: 'exact', value },
      category: 'civilians',
    });
  const corridorWithWindowAhead = async (name: string) => {
    const now = api.clock.now().getTime();
    return fx.corridor({
      name,
      originId: world.azovstal,
      destinationId: world.zaporizhzhia,
      announcedById: world.ruMod,
      announcedAt: new Date(now - 3_600_000).toISOString(),
      timezone: 'Europe/Kyiv',
      windows: [
        { startsAt: new Date(now + 60_000).toISOString(), endsAt: new Date(now + 120_000).toISOString() },
      ],
    });
  };
  const ofType = (path: string, type: string) => receiver.at(path).filter((r) => payloadOf(r).type === type);

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    api = await startApi(dialect, { QUEUE_PREFIX: prefix, APP_SECRET, WEBHOOK_ALLOW_PRIVATE: 'true' });
    auth = (await createKey(api, api.auth)).auth; // a key, not a session: the clock moves by years and a day
    // Standard Webhooks receivers refuse a webhook-timestamp five minutes off their own clock.
    api.clock.set(new Date());
    fx = new Fixtures({ ...api, auth });
    world = await fx.azovstal();
    worker = await startWorker(workerConfig(), api.clock);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await receiver?.close();
    await removeQueues(redisUrl, prefix);
  });

  describe('delivery', () => {
    let all: { id: string };
    let corridorId: string;

    beforeAll(async () => {
      all = await register('/all');
      corridorId = (await corridorWithWindowAhead('Azovstal to Zaporizhzhia')).id;
    });

    it('delivers every event type it can raise today, each signed so that the standardwebhooks package verifies it', async () => {
      // A corridor just recorded is announced as such (read before the reports below, which may otherwise come
      // in the same batch as its creation).
      await eventually(
        async () => ofType('/all', 'corridor.status_changed'),
        (found) => found.length === 1,
        20_000,
      );
      const report = await evacuation(corridorId, 101);
      // A rejection by the party that must confirm: the worker raises the rejected flag and the corridor is disputed.
      await fx.report(corridorId, 'confirmations', {
        partyId: world.uaGov,
        stance: 'rejected',
        statedAt: new Date(api.clock.now().getTime() - 30_000).toISOString(),
      });
      const [raised] = await eventually(
        async () => ofType('/all', 'flag.raised').filter((r) => payloadOf(r).data.rule === 'rejected'),
        (found) => found.length > 0,
        20_000,
      );
      const flagId = String(payloadOf(raised).data.flagId);
      await api.db.transaction((tx) => api.app.get(FlagRepository).resolve([flagId], api.clock.now(), tx));
      // Time alone changes a status: a second corridor opens when its window starts.
      const second = await corridorWithWindowAhead('Mariupol to Berdiansk');
      await eventually(
        async () =>
          ofType('/all', 'corridor.status_changed').filter((r) => payloadOf(r).data.corridorId === second.id),
        (found) => found.length === 1,
        20_000,
      );
      api.clock.advance(61_000);
      await eventually(
        async () => ({
          resolved: ofType('/all', 'flag.resolved').map((r) => payloadOf(r).data.flagId),
          statuses: ofType('/all', 'corridor.status_changed').map((r) => [
            payloadOf(r).data.corridorName,
            payloadOf(r).data.previousStatus,
            payloadOf(r).data.status,
          ]),
        }),
        (seen) => seen.resolved.includes(flagId) && seen.statuses.length === 4,
        20_000,
      );

      for (const received of receiver.at('/all')) {
        expect(received.verified).toHaveProperty('payload');
        expect(received.headers['content-type']).toBe('application/json');
        expect(received.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
        expect(payloadOf(received)).toMatchObject({ version: 1, timestamp: expect.stringMatching(/Z$/) });
      }
      const byType = (type: string) => ofType('/all', type).map((r) => payloadOf(r).data);
      expect(byType('evacuation.reported')).toEqual([report]);
      // Both windows are within the confirmation lead: unconfirmed_at_deadline comes and goes beside the rejection.
      const raisedFlags = byType('flag.raised');
      expect(raisedFlags).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            flagId,
            rule: 'rejected',
            severity: 'critical',
            isReopened: false,
            corridorId,
            corridorName: 'Azovstal to Zaporizhzhia',
            windowStartsAt: expect.any(String),
            windowEndsAt: expect.any(String),
          }),
          expect.objectContaining({ corridorName: 'Mariupol to Berdiansk', rule: 'unconfirmed_at_deadline' }),
        ]),
      );
      // A flag raised again after it was resolved says so, and was announced before.
      for (const reopened of raisedFlags.filter((d) => d.isReopened)) {
        expect(raisedFlags.filter((d) => d.flagId === reopened.flagId).length).toBeGreaterThan(1);
      }
      expect(byType('flag.resolved')).toEqual(
        expect.arrayContaining([expect.objectContaining({ flagId, rule: 'rejected' })]),
      );
      expect(
        ofType('/all', 'corridor.status_changed').map((r) => [
          payloadOf(r).data.corridorName,
          payloadOf(r).data.previousStatus,
          payloadOf(r).data.status,
        ]),
      ).toEqual(
        expect.arrayContaining([
          ['Azovstal to Zaporizhzhia', null, 'announced'],
          ['Azovstal to Zaporizhzhia', 'announced', 'disputed'],
          ['Mariupol to Berdiansk', null, 'announced'],
          ['Mariupol to Berdiansk', 'announced', 'open'],
        ]),
      );
      // Each event once, under its own webhook-id; the log names the same ids, delivered at the first attempt.
      const ids = receiver.at('/all').map((r) => r.headers['webhook-id']);
      expect(new Set(ids).size).toBe(ids.length);
      const log = await eventually(
        () => deliveriesOf(all.id),
        (found) => found.length === ids.length && found.every((d) => d.status === 'delivered'),
      );
      expect(log.map((d) => d.eventId).sort()).toEqual([...ids].sort());
      for (const delivery of log) {
        expect(delivery).toMatchObject({
          attempts: 1,
          lastResponseCode: 204,
          nextAttemptAt: null,
          error: null,
        });
        expect(delivery.lastLatencyMs).toEqual(expect.any(Number));
      }
    });

    it("announces once that a corridor's promise settled when its last window ends, and again only if it changes", async () => {
      await register('/promise', ['corridor.promise_settled']);
      const { id, body } = await corridorWithWindowAhead('Azovstal to Zaporizhzhia, kept');
      const [window] = body.windows as { id: string }[];
      const confirmation = await fx.report(id, 'confirmations', {
        partyId: world.uaGov,
        stance: 'confirmed',
        statedAt: new Date(api.clock.now().getTime() - 30_000).toISOString(),
      });
      await fx.report(id, 'evacuations', {
        windowId: window.id,
        sourcePartyId: world.un,
        reportedAt: new Date(api.clock.now().getTime() - 60_000).toISOString(),
        count: { qualifier: 'exact', value: 127 },
        category: 'civilians',
      });
      // The corridors of the test above settle too, as the clock passes their windows' ends.
      const settled = () =>
        ofType('/promise', 'corridor.promise_settled')
          .map((r) => payloadOf(r).data)
          .filter((d) => d.corridorId === id);
      // Its window ends: the worker reads the corridor at that instant and announces the promise it kept.
      api.clock.advance(121_000);
      await eventually(
        async () => settled(),
        (found) => found.length === 1,
        20_000,
      );
      expect(settled()).toEqual([
        {
          corridorId: id,
          corridorName: 'Azovstal to Zaporizhzhia, kept',
          promise: 'kept',
          previousPromise: null,
          status: 'completed',
        },
      ]);
      // The confirmation withdrawn: the promise was not kept after all, announced with the one before.
      const retracted = await api.http
        .post(`/api/v1/corridors/${id}/confirmations/${String(confirmation.id)}/retract`)
        .set(auth)
        .send({ version: 1, reason: 'Entered for the wrong corridor' });
      expect(retracted.status).toBe(200);
      await eventually(
        async () => settled(),
        (found) => found.length === 2,
        20_000,
      );
      expect(settled().map((d) => [d.previousPromise, d.promise])).toEqual([
        [null, 'kept'],
        ['kept', 'unconfirmed'],
      ]);
      for (const received of receiver.at('/promise')) expect(received.verified).toHaveProperty('payload');
    });

    it('retries a receiver that fails, with growing delays, until it answers; every attempt carries the same webhook-id', async () => {
      const flaky = await register('/flaky', ['evacuation.reported']);
      receiver.behave('/flaky', { statuses: [503, 500, 200], body: 'x'.repeat(5000) });
      await evacuation(corridorId, 202);
      const attempts = await eventually(
        async () => receiver.at('/flaky'),
        (found) => found.length === 3,
        20_000,
      );
      expect(new Set(attempts.map((a) => a.headers['webhook-id'])).size).toBe(1);
      for (const attempt of attempts)
        expect(payloadOf(attempt).data.count).toEqual({ qualifier: 'exact', value: 202 });
      // BullMQ waits at least the backoff: 100 ms, then 200 ms (less a tenth of jitter).
      expect(attempts[1].receivedAt - attempts[0].receivedAt).toBeGreaterThanOrEqual(90);
      expect(attempts[2].receivedAt - attempts[1].receivedAt).toBeGreaterThanOrEqual(180);
      const [delivery] = await eventually(
        () => deliveriesOf(flaky.id),
        (found) => found[0]?.status === 'delivered',
      );
      expect(delivery).toMatchObject({ attempts: 3, lastResponseCode: 200, error: null });
      // Only an excerpt of the answer is kept.
      const row = await api.db.get<{ response_excerpt: string }>(
        'SELECT response_excerpt FROM webhook_delivery WHERE id = :id',
        {
          id: delivery.id,
        },
      );
      expect(row?.response_excerpt).toBe('x'.repeat(300));
    });

    it('replays a delivery with the same webhook-id, audited', async () => {
      const [delivered] = (await deliveriesOf(all.id)).filter((d) => d.event === 'evacuation.reported');
      const replay = await api.http
        .post(`/api/v1/webhook-endpoints/${all.id}/deliveries/${delivered.id}/replay`)
        .set(auth)
        .send({});
      expect(`${replay.status} ${JSON.stringify(replay.body)}`).toMatch(/^200 /);
      expect(replay.body).toMatchObject({ id: delivered.id, status: 'pending', attempts: 0 });
      const copies = await eventually(
        async () => receiver.at('/all').filter((r) => r.headers['webhook-id'] === delivered.eventId),
        (found) => found.length === 2,
      );
      expect(payloadOf(copies[1])).toEqual(payloadOf(copies[0]));
      await eventually(
        async () => (await deliveriesOf(all.id)).find((d) => d.id === delivered.id),
        (found) => found?.status === 'delivered' && found.attempts === 1,
      );
      const audit = await api.http
        .get(`/api/v1/audit?entity=webhook_delivery&entityId=${delivered.id}`)
        .set(auth);
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          action: 'webhook_delivery.replay',
          outcome: 'done',
          after: expect.objectContaining({ round: 1 }),
        }),
      ]);
      expectProblem(
        await api.http
          .post(`/api/v1/webhook-endpoints/${all.id}/deliveries/${newId()}/replay`)
          .set(auth)
          .send({}),
        404,
        'not-found',
      );
    });

    it('delivers each event exactly once across a worker restart, even with the queued jobs lost', async () => {
      const slow = await register('/slow', ['evacuation.reported']);
      receiver.behave('/slow', { statuses: [200], delayMs: 150 });
      for (const value of [1, 2, 3]) await evacuation(corridorId, value);
      await eventually(
        async () => receiver.at('/slow'),
        (found) => found.length > 0,
      );
      await worker.close();
      // Redis lost the jobs while the worker was away; three more reports wait in the database.
      const queue = new Queue(QueueName.Webhooks, { connection: { url: redisUrl }, prefix });
      await queue.obliterate({ force: true });
      await queue.close();
      for (const value of [4, 5, 6]) await evacuation(corridorId, value);
      worker = await startWorker(workerConfig(), api.clock);
      api.clock.advance(1000); // the restart took a moment: anything waiting for a retry is due

      const log = await eventually(
        () => deliveriesOf(slow.id),
        (found) => found.length === 6 && found.every((d) => d.status === 'delivered'),
        30_000,
      );
      const received = receiver.at('/slow');
      expect(
        received
          .map((r) => payloadOf(r).data.count)
          .sort((a, b) => (a as { value: number }).value - (b as { value: number }).value),
      ).toEqual([1, 2, 3, 4, 5, 6].map((value) => ({ qualifier: 'exact', value })));
      expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(6);
      expect(log.map((d) => d.attempts)).toEqual([1, 1, 1, 1, 1, 1]);
    });

    it('never connects to a link-local address, even with WEBHOOK_ALLOW_PRIVATE, at save time or at delivery', async () => {
      for (const url of [
        'http://169.254.169.254/latest/meta-data/',
        'http://[fe80::1]/hook',
        'http://100.100.100.200/',
      ]) {
        expectProblem(
          await api.http
            .post('/api/v1/webhook-endpoints')
            .set(auth)
            .send({ url, events: ['flag.raised'] }),
          422,
          'unsafe-webhook-url',
          'url',
        );
      }
      // An endpoint stored before a rule changed (written here directly): the worker refuses it before connecting.
      const endpointId = newId();
      const now = api.clock.now();
      const me = (await api.http.get('/api/v1/auth/me').set(auth)).body as {
        id: string;
        organisationId: string;
      };
      await api.db.transaction((tx) =>
        api.app.get(WebhookEndpointRepository).insert(
          {
            id: endpointId,
            organisationId: me.organisationId,
            url: 'http://[fe80::1]/hook',
            description: null,
            events: JSON.stringify(['evacuation.reported']),
            secret: new SecretBox(APP_SECRET).seal('whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0'),
            failingSince: null,
            disabledAt: null,
            disabledReason: null,
            noticeId: null,
            noticeSentAt: null,
            createdById: me.id,
            createdAt: now,
            updatedAt: now,
          },
          tx,
        ),
      );
      await evacuation(corridorId, 7);
      const refused = await eventually(
        () =>
          api.db.all<{ last_error: string | null; status: string }>(
            'SELECT last_error, status FROM webhook_delivery WHERE endpoint_id = :endpointId',
            { endpointId },
          ),
        (rows) => rows[0]?.last_error != null,
      );
      expect(refused[0].last_error).toBe(
        'refused: fe80::1 is a link-local address (where cloud metadata lives)',
      );
      expect((await api.http.delete(`/api/v1/webhook-endpoints/${endpointId}`).set(auth)).status).toBe(204);
    });
  });

  it('disables an endpoint that failed for 24 hours, e-mails its organisation, audits it; PATCH enables it again', async () => {
    const listed = await api.http.get('/api/v1/webhook-endpoints').set(auth);
    for (const endpoint of listed.body.items as { id: string }[]) {
      expect((await api.http.delete(`/api/v1/webhook-endpoints/${endpoint.id}`).set(auth)).status).toBe(204);
    }
    const corridorId = (await corridorWithWindowAhead('Vasylivka to Zaporizhzhia')).id;
    const down = await register('/down', ['evacuation.reported']);
    receiver.behave('/down', { statuses: [500] });
    await evacuation(corridorId, 300);
    const endpointState = async () =>
      (
        (await api.http.get('/api/v1/webhook-endpoints').set(auth)).body.items as Record<string, unknown>[]
      ).find((e) => e.id === down.id)!;
    await eventually(
      async () => ({ received: receiver.at('/down').length, endpoint: await endpointState() }),
      (seen) => seen.received >= 2 && seen.endpoint.failingSince !== null,
    );
    expect((await endpointState()).enabled).toBe(true);
    const startedFailingAt = api.clock.now();
    api.clock.advance(24 * 3_600_000 + 60_000);
    try {
      const disabled = await eventually(endpointState, (e) => e.enabled === false, 20_000);
      expect(disabled).toMatchObject({
        disabledReason: 'every delivery failed for 24 hours',
        failingSince: startedFailingAt.toISOString(),
      });
      const [delivery] = await eventually(
        () => deliveriesOf(down.id),
        (found) => found[0]?.status === 'failed',
      );
      expect(delivery).toMatchObject({ lastResponseCode: 500, error: 'answered HTTP 500' });
      const files = await eventually(
        async () => readdirSync(outboxDir).filter((name) => name.endsWith('.eml')),
        (found) => found.length === 1,
      );
      const mail = await simpleParser(readFileSync(join(outboxDir, files[0])));
      expect(mail.to).toMatchObject({ text: ADMIN_EMAIL });
      expect(mail.subject).toBe(`Webhook endpoint disabled: ${receiver.origin}/down`);
      expect(mail.text).toContain('every delivery failed for 24 hours');
      const audit = await api.http.get(`/api/v1/audit?entity=webhook_endpoint&entityId=${down.id}`).set(auth);
      expect(
        (audit.body.items as { action: string; actorId: string | null }[]).map((e) => [e.action, e.actorId]),
      ).toEqual([
        ['webhook_endpoint.disable', null],
        ['webhook_endpoint.create', expect.any(String)],
      ]);
      expectProblem(
        await api.http
          .post(`/api/v1/webhook-endpoints/${down.id}/deliveries/${delivery.id}/replay`)
          .set(auth)
          .send({}),
        409,
        'webhook-endpoint-disabled',
      );

      const enabled = await api.http
        .patch(`/api/v1/webhook-endpoints/${down.id}`)
        .set(auth)
        .send({ enabled: true });
      expect(enabled.status).toBe(200);
      expect(enabled.body).toMatchObject({ enabled: true, disabledAt: null, failingSince: null });
    } finally {
      api.clock.set(new Date());
    }
  });
});
