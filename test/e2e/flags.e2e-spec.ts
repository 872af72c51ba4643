import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QueueName } from '#cw/jobs';
import { startApi, type ApiHarness } from '../support/api-harness.js';
import { Fixtures } from '../support/fixtures.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';
import {
  eventually,
  removeQueues,
  startWorker,
  storedFlags,
  uniqueQueuePrefix,
  workerEnv,
  type StoredFlag,
} from '../support/worker-harness.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

// The worker and the api share one database and one movable clock: time moves, nobody sleeps on a rule.
describe.each(availableDialects())('flags raised by the worker on %s', (dialect) => {
  const prefix = uniqueQueuePrefix(`flags-${dialect}`);
  const env = workerEnv(prefix);
  let api: ApiHarness;
  let worker: INestApplicationContext;
  let fx: Fixtures;
  let ruMod: string;
  let uaGov: string;
  let un: string;
  let azovstal: string;
  let zaporizhzhia: string;

  const flagsOf = (corridorId: string) => storedFlags(api.db, corridorId);
  const rulesOf = (flags: StoredFlag[], open = true) =>
    flags
      .filter((f) => (f.resolved_at === null) === open)
      .map((f) => f.rule)
      .sort();
  const windowEvaluated = async (corridorId: string) =>
    eventually(
      () =>
        api.db.all<{ evaluated_at: unknown }>(
          'SELECT evaluated_at FROM corridor_window WHERE corridor_id = :corridorId',
          { corridorId },
        ),
      (rows) => rows.length > 0 && rows.every((r) => r.evaluated_at !== null),
    );

  beforeAll(async () => {
    api = await startApi(dialect, env);
    api.clock.set('2022-05-01T00:00:00Z');
    worker = await startWorker({ ...env, DATABASE_URL: api.database.url, REDIS_URL }, api.clock);
    fx = new Fixtures(api);
    ({ ruMod, uaGov, un, azovstal, zaporizhzhia } = await fx.azovstal());
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await removeQueues(REDIS_URL, prefix);
  });

  const corridor = (name: string, windows: { startsAt: string; endsAt: string }[]) =>
    fx.corridor({
      name,
      originId: azovstal,
      destinationId: zaporizhzhia,
      announcedById: ruMod,
      announcedAt: '2022-04-30T20:00:00+03:00',
      timezone: 'Europe/Moscow',
      requiredConfirmationIds: [uaGov],
      windows,
    });

  describe('a corridor announced by one party and never confirmed by the other', () => {
    let corridorId: string;
    let windowId: string;

    beforeAll(async () => {
      api.clock.set('2022-05-01T00:00:00Z');
      // Window 08:00–18:00 Moscow time on 5 May: deadline 03:00Z (two hours' lead), end 15:00Z.
      const created = await corridor('Azovstal, 5 May', [
        { startsAt: '2022-05-05T08:00:00+03:00', endsAt: '2022-05-05T18:00:00+03:00' },
      ]);
      corridorId = created.id;
      windowId = (created.body.windows as { id: string }[])[0].id;
      await windowEvaluated(corridorId);
    });

    it('has no flag before its confirmation deadline', async () => {
      expect(await flagsOf(corridorId)).toEqual([]);
    });

    it('is flagged unconfirmed_at_deadline at its deadline', async () => {
      api.clock.set('2022-05-05T03:00:00Z');
      const flags = await eventually(
        () => flagsOf(corridorId),
        (f) => f.length > 0,
      );
      expect(rulesOf(flags)).toEqual(['unconfirmed_at_deadline']);
    });

    it('is flagged never_confirmed when its window ends', async () => {
      api.clock.set('2022-05-05T15:00:00Z');
      const flags = await eventually(
        () => flagsOf(corridorId),
        (f) => f.some((x) => x.rule === 'never_confirmed'),
      );
      expect(rulesOf(flags)).toEqual(['never_confirmed', 'unconfirmed_at_deadline']);
    });

    it('a late confirmation resolves unconfirmed_at_deadline and not never_confirmed', async () => {
      api.clock.set('2022-05-05T16:00:00Z');
      await fx.report(corridorId, 'confirmations', {
        partyId: uaGov,
        stance: 'confirmed',
        statedAt: '2022-05-05T15:30:00Z',
      });
      const flags = await eventually(
        () => flagsOf(corridorId),
        (f) => f.some((x) => x.rule === 'unconfirmed_at_deadline' && x.resolved_at !== null),
      );
      expect(rulesOf(flags)).toEqual(['never_confirmed']);
      expect(rulesOf(flags, false)).toEqual(['unconfirmed_at_deadline']);
    });

    it('raises no_evacuation_reported after the grace hours, once, however often the sweep runs', async () => {
      api.clock.set('2022-05-05T21:00:00Z');
      await eventually(
        () => flagsOf(corridorId),
        (f) => f.some((x) => x.rule === 'no_evacuation_reported'),
      );
      const swept = await api.db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM flag_event');
      await new Promise((resolve) => setTimeout(resolve, 700)); // two more sweeps
      const events = await api.db.all<{ kind: string; rule: string }>(
        'SELECT kind, rule FROM flag_event WHERE corridor_id = :corridorId ORDER BY seq',
        { corridorId },
      );
      expect(events).toEqual([
        { kind: 'raised', rule: 'unconfirmed_at_deadline' },
        { kind: 'raised', rule: 'never_confirmed' },
        { kind: 'resolved', rule: 'unconfirmed_at_deadline' },
        { kind: 'raised', rule: 'no_evacuation_reported' },
      ]);
      expect(
        Number((await api.db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM flag_event'))?.n),
      ).toBe(Number(swept?.n));
    });

    it('shows the flags on the window and on the corridor timeline', async () => {
      const response = await api.http.get(`/api/v1/corridors/${corridorId}`).set(api.auth);
      expect(response.status).toBe(200);
      const [window] = response.body.windows as { id: string; flags: { rule: string; isOpen: boolean }[] }[];
      expect(window.id).toBe(windowId);
      expect(window.flags.map((f) => [f.rule, f.isOpen]).sort()).toEqual([
        ['never_confirmed', true],
        ['no_evacuation_reported', true],
        ['unconfirmed_at_deadline', false],
      ]);
      const timeline = await api.http.get(`/api/v1/corridors/${corridorId}/timeline`).set(api.auth);
      const flagEvents = (
        timeline.body.events as { kind: string; summary: string; enteredById: unknown }[]
      ).filter((e) => e.kind === 'flag');
      expect(flagEvents.map((e) => e.summary)).toEqual([
        'Flag raised: unconfirmed at deadline (warning)',
        'Flag raised: never confirmed (critical)',
        'Flag resolved: unconfirmed at deadline (warning)',
        'Flag raised: no evacuation reported (warning)',
      ]);
      expect(flagEvents.every((e) => e.enteredById === null)).toBe(true);
    });

    it('an evacuation report naming no window counts for the window it falls in and resolves no_evacuation_reported', async () => {
      await fx.report(corridorId, 'evacuations', {
        sourcePartyId: un,
        reportedAt: '2022-05-05T19:00:00Z',
        count: { qualifier: 'about', value: 100 },
        category: 'civilians',
      });
      const flags = await eventually(
        () => flagsOf(corridorId),
        (f) => f.some((x) => x.rule === 'no_evacuation_reported' && x.resolved_at !== null),
      );
      expect(rulesOf(flags)).toEqual(['never_confirmed']);
    });
  });

  it('a rejection raises rejected at once, long before any deadline', async () => {
    api.clock.set('2022-05-01T00:00:00Z');
    const { id } = await corridor('Berdiansk, 20 May', [
      { startsAt: '2022-05-20T08:00:00+03:00', endsAt: '2022-05-20T18:00:00+03:00' },
    ]);
    await windowEvaluated(id);
    await fx.report(id, 'confirmations', {
      partyId: uaGov,
      stance: 'rejected',
      statedAt: '2022-04-30T23:00:00Z',
    });
    const flags = await eventually(
      () => flagsOf(id),
      (f) => f.length > 0,
      5000,
    );
    expect(rulesOf(flags)).toEqual(['rejected']);
  });

  it('a promise entered after the fact is flagged at once', async () => {
    api.clock.set('2022-05-10T12:00:00Z');
    const { id } = await corridor('Mariupol, 2 May (entered later)', [
      { startsAt: '2022-05-02T08:00:00+03:00', endsAt: '2022-05-02T18:00:00+03:00' },
    ]);
    const flags = await eventually(
      () => flagsOf(id),
      (f) => f.length === 3,
    );
    expect(rulesOf(flags)).toEqual(['never_confirmed', 'no_evacuation_reported', 'unconfirmed_at_deadline']);
  });

  describe('GET /flags and acknowledge', () => {
    it('filters by open, rule, severity and corridor, a page at a time', async () => {
      const get = (query: string) => api.http.get(`/api/v1/flags?${query}`).set(api.auth);
      const all = await get('limit=200');
      expect(all.status).toBe(200);
      const items = all.body.items as {
        id: string;
        rule: string;
        severity: string;
        isOpen: boolean;
        corridorId: string;
      }[];
      expect(items.length).toBeGreaterThanOrEqual(7);
      const open = (await get('open=true&limit=200')).body.items as typeof items;
      expect(open.length).toBe(items.filter((f) => f.isOpen).length);
      expect(open.every((f) => f.isOpen)).toBe(true);
      const closed = (await get('open=false&limit=200')).body.items as typeof items;
      expect(closed.map((f) => f.rule).sort()).toEqual(['no_evacuation_reported', 'unconfirmed_at_deadline']);
      const critical = (await get('severity=critical&limit=200')).body.items as typeof items;
      expect(new Set(critical.map((f) => f.rule))).toEqual(new Set(['never_confirmed', 'rejected']));
      const rejected = (await get('rule=rejected')).body.items as typeof items;
      expect(rejected).toHaveLength(1);
      const ofCorridor = (await get(`corridorId=${rejected[0].corridorId}`)).body.items as typeof items;
      expect(ofCorridor.map((f) => f.rule)).toEqual(['rejected']);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await get(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...(page.body.items as typeof items).map((f) => f.id));
        cursor = page.body.nextCursor as string | null;
      } while (cursor);
      expect(seen).toEqual(items.map((f) => f.id));
      expectProblem(await get('rule=bogus'), 400, 'validation', 'rule');
    });

    it('records the acknowledgement once, with its note and who gave it', async () => {
      const [flag] = (await api.http.get('/api/v1/flags?rule=rejected').set(api.auth)).body.items as {
        id: string;
      }[];
      const first = await api.http
        .post(`/api/v1/flags/${flag.id}/acknowledge`)
        .set(api.auth)
        .send({ note: 'No buses sent: Ukraine rejected the route.' });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        id: flag.id,
        isOpen: true,
        acknowledgedAt: expect.any(String),
        acknowledgeNote: 'No buses sent: Ukraine rejected the route.',
      });
      const again = await api.http.post(`/api/v1/flags/${flag.id}/acknowledge`).set(api.auth).send({});
      expect(again.body.acknowledgedAt).toBe(first.body.acknowledgedAt);
      const events = await api.db.all<{ kind: string; actor_user_id: string }>(
        "SELECT kind, actor_user_id FROM flag_event WHERE flag_id = :id AND kind = 'acknowledged'",
        { id: flag.id },
      );
      expect(events).toHaveLength(1);
      expect(events[0].actor_user_id).toBe(first.body.acknowledgedById);
      expectProblem(
        await api.http
          .post('/api/v1/flags/00000000-0000-4000-8000-000000000000/acknowledge')
          .set(api.auth)
          .send({}),
        404,
        'not-found',
      );
    });
  });

  describe('party track record', () => {
    it("counts the Azovstal announcer's windows: announced, confirmed in time, never confirmed, with evacuations", async () => {
      api.clock.set('2022-05-10T12:00:00Z');
      const announcer = await fx.party('Azovstal announcer (track record)');
      const base = {
        originId: azovstal,
        destinationId: zaporizhzhia,
        announcedById: announcer,
        timezone: 'Europe/Moscow',
        requiredConfirmationIds: [uaGov],
      };
      const daily = await fx.corridor({
        ...base,
        name: 'Azovstal, Thursday through Saturday',
        announcedAt: '2022-05-04T20:00:00+03:00',
        schedule: { firstDate: '2022-05-05', days: 3, startTime: '08:00', endTime: '18:00' },
      });
      const [thursday] = daily.body.windows as { id: string }[];
      await fx.report(daily.id, 'evacuations', {
        windowId: thursday.id,
        sourcePartyId: un,
        reportedAt: '2022-05-05T20:00:00+03:00',
        count: { qualifier: 'at_least', value: 300 },
        category: 'civilians',
      });
      await fx.report(daily.id, 'evacuations', {
        sourcePartyId: un,
        reportedAt: '2022-05-06T19:00:00+03:00', // names no window: Friday's, by its time
        count: { qualifier: 'about', value: 50 },
        category: 'civilians',
      });
      const confirmed = await fx.corridor({
        ...base,
        name: 'Mariupol, 4 May, confirmed by Ukraine',
        announcedAt: '2022-05-02T20:00:00+03:00',
        windows: [{ startsAt: '2022-05-04T08:00:00+03:00', endsAt: '2022-05-04T18:00:00+03:00' }],
      });
      await fx.report(confirmed.id, 'confirmations', {
        partyId: uaGov,
        stance: 'confirmed',
        statedAt: '2022-05-03T12:00:00+03:00',
      });
      await fx.report(confirmed.id, 'evacuations', {
        sourcePartyId: un,
        reportedAt: '2022-05-04T20:00:00+03:00',
        count: { qualifier: 'exact', value: 344 },
        category: 'civilians',
      });

      const response = await api.http.get(`/api/v1/parties/${announcer}/track-record`).set(api.auth);
      expect(response.status).toBe(200);
      // Thursday and Friday: people moved, Ukraine never confirmed; Saturday: nobody reported; 4 May: kept.
      expect(response.body).toEqual({
        windowsAnnounced: 4,
        confirmedInTime: 1,
        neverConfirmed: 3,
        withEvacuations: 3,
        promises: 4,
        kept: 1,
        unconfirmed: 2,
        broken: 1,
        pending: 0,
        keptRatio: 0.25,
      });
      const silent = await api.http.get(`/api/v1/parties/${uaGov}/track-record`).set(api.auth);
      expect(silent.body).toEqual({
        windowsAnnounced: 0,
        confirmedInTime: 0,
        neverConfirmed: 0,
        withEvacuations: 0,
        promises: 0,
        kept: 0,
        unconfirmed: 0,
        broken: 0,
        pending: 0,
        keptRatio: null,
      });
      expectProblem(
        await api.http.get('/api/v1/parties/00000000-0000-4000-8000-000000000000/track-record').set(api.auth),
        404,
        'not-found',
      );
    });
  });

  describe('job health for admins', () => {
    it('shows queue depths, failed jobs with their errors, the last sweep and the outbox; retries a failed job', async () => {
      const queue = new Queue(QueueName.Evaluation, { connection: { url: REDIS_URL }, prefix });
      try {
        const bogus = await queue.add('NoSuchJob' as never, {}, { attempts: 1 });
        const health = await eventually(
          async () => (await api.http.get('/api/v1/jobs/health').set(api.auth)).body,
          (body) =>
            Boolean(body.lastSweepAt) &&
            body.outbox?.pending === 0 &&
            (body.queues ?? []).some((q: { failed: { id: string }[] }) =>
              q.failed.some((f) => f.id === bogus.id),
            ),
        );
        expect(health.redis).toBe('up');
        // Every change was relayed to the queue once the api woke the relay: nothing waits in the outbox.
        expect(health.outbox).toEqual({ pending: 0, oldestCreatedAt: null });
        const evaluation = health.queues.find((q: { name: string }) => q.name === 'evaluation');
        expect(evaluation.counts).toMatchObject({ failed: expect.any(Number), delayed: expect.any(Number) });
        expect(evaluation.failed.find((f: { id: string }) => f.id === bogus.id)).toMatchObject({
          name: 'NoSuchJob',
          failedReason: expect.stringContaining('no handler'),
        });
        const retried = await api.http.post(`/api/v1/jobs/failed/${bogus.id}/retry`).set(api.auth);
        expect(retried.status).toBe(200);
        expect(retried.body).toEqual({ id: bogus.id, queue: 'evaluation', name: 'NoSuchJob' });
        expectProblem(
          await api.http.post('/api/v1/jobs/failed/no-such-job/retry').set(api.auth),
          404,
          'not-found',
        );
      } finally {
        await queue.close();
      }
    });

    it('Bull Board answers admins only', async () => {
      expect((await api.http.get('/api/admin/queues')).status).toBe(401);
      const admin = await api.http.get('/api/admin/queues').set(api.auth);
      expect(admin.status).toBe(200);
      expect(admin.headers['content-type']).toMatch(/text\/html/);
      const organisation = await api.http
        .post('/api/v1/organisations')
        .set(api.auth)
        .send({ name: 'ICRC field office' });
      const password = 'a coordinator password';
      const user = await api.http.post('/api/v1/users').set(api.auth).send({
        email: 'coordinator@icrc.test',
        displayName: 'Field coordinator',
        organisationId: organisation.body.id,
        role: 'coordinator',
        password,
      });
      expect(user.status).toBe(201);
      const login = await api.http
        .post('/api/v1/auth/login')
        .send({ email: 'coordinator@icrc.test', password });
      const coordinator = { Authorization: `Bearer ${login.body.token}` };
      const refused = await api.http.get('/api/admin/queues').set(coordinator);
      expect(refused.status).toBe(403);
      expect(refused.headers['content-type']).toMatch(/problem\+json/);
      expect((await api.http.get('/api/admin/queues/api/queues').set(coordinator)).status).toBe(403);
      expect((await api.http.get('/api/v1/jobs/health').set(coordinator)).status).toBe(403);
    });
  });
});
