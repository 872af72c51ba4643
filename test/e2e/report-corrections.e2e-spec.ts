import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  auditSince,
  createMember,
  createOrganisation,
  lastAuditSeq,
  type Member,
} from '../support/accounts.js';
import type { INestApplicationContext } from '@nestjs/common';
import { startApi, storedState, type ApiHarness } from '../support/api-harness.js';
import { Fixtures } from '../support/fixtures.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';
import {
  eventually,
  removeQueues,
  startWorker,
  uniqueQueuePrefix,
  workerEnv,
} from '../support/worker-harness.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

type Body = Record<string, unknown>;

// A figure typed wrong at 6 a.m. must be put right by the organisation that entered it, without losing what it
// said before: the correction is audited, shown on the timeline, and everything derived from it follows.
describe.each(availableDialects())('report corrections on %s', (dialect) => {
  const env = workerEnv(uniqueQueuePrefix(`corrections-${dialect}`));
  let api: ApiHarness;
  let fx: Fixtures;
  let world: { ruMod: string; uaGov: string; un: string; azovstal: string; zaporizhzhia: string };
  let icrc: string;
  let corridorId: string;
  let windowIds: string[];
  let otherCorridorId: string;
  let otherWindowId: string;
  let reporterA: Member;
  let coordinatorA: Member;
  let reporterB: Member;
  let coordinatorB: Member;

  const enter = async (member: Member, kind: string, body: Body, corridor = corridorId): Promise<Body> => {
    const response = await api.http.post(`/api/v1/corridors/${corridor}/${kind}`).set(member.auth).send(body);
    expect(`${response.status} ${JSON.stringify(response.body)}`).toMatch(/^201 /);
    return response.body as Body;
  };
  const correct = (member: { Authorization: string }, kind: string, reportId: unknown, body: Body) =>
    api.http
      .patch(`/api/v1/corridors/${corridorId}/${kind}/${String(reportId)}`)
      .set(member)
      .send(body);
  const summary = async () =>
    (await api.http.get(`/api/v1/corridors/${corridorId}/evacuations/summary`).set(api.auth)).body;
  const timeline = async () =>
    (await api.http.get(`/api/v1/corridors/${corridorId}/timeline`).set(api.auth)).body.events as Body[];
  const evacuation = (member: Member, count: Body, change: Body = {}) =>
    enter(member, 'evacuations', {
      windowId: windowIds[0],
      sourcePartyId: world.un,
      reportedAt: '2022-05-05T19:00:00+03:00',
      count,
      category: 'civilians',
      arrivedAtId: world.zaporizhzhia,
      note: 'UN: buses arrived in Zaporizhzhia',
      ...change,
    });

  beforeAll(async () => {
    api = await startApi(dialect, env);
    fx = new Fixtures(api);
    world = await fx.azovstal();
    icrc = await fx.party('International Committee of the Red Cross', 'humanitarian');
    const orgA = await createOrganisation(api, 'Field NGO A');
    const orgB = await createOrganisation(api, 'Field NGO B');
    reporterA = await createMember(api, orgA, 'reporter', 'reporter.a@ngo.test');
    coordinatorA = await createMember(api, orgA, 'coordinator', 'coordinator.a@ngo.test');
    reporterB = await createMember(api, orgB, 'reporter', 'reporter.b@ngo.test');
    coordinatorB = await createMember(api, orgB, 'coordinator', 'coordinator.b@ngo.test');
    const corridor = await fx.corridor({
      name: 'Azovstal: ceasefire and corridor 5–7 May',
      originId: world.azovstal,
      destinationId: world.zaporizhzhia,
      announcedById: world.ruMod,
      announcedAt: '2022-05-04T20:00:00+03:00',
      timezone: 'Europe/Moscow',
      schedule: { firstDate: '2022-05-05', days: 3, startTime: '08:00', endTime: '18:00' },
    });
    corridorId = corridor.id;
    windowIds = (corridor.body.windows as { id: string }[]).map((w) => w.id);
    const other = await fx.corridor({
      name: 'Mariupol to Zaporizhzhia, 4 May',
      originId: world.azovstal,
      announcedById: world.ruMod,
      announcedAt: '2022-05-03T20:00:00+03:00',
      timezone: 'Europe/Kyiv',
      windows: [{ startsAt: '2022-05-04T08:00:00+03:00', endsAt: '2022-05-04T18:00:00+03:00' }],
    });
    otherCorridorId = other.id;
    otherWindowId = (other.body.windows as { id: string }[])[0].id;
  });

  afterAll(async () => {
    await api?.close();
    await removeQueues(REDIS_URL, env.QUEUE_PREFIX);
  });

  it("lets a reporter correct their organisation's figure: figures, summary, timeline and audit follow", async () => {
    const mistyped = await evacuation(reporterA, { qualifier: 'exact', value: 1500 });
    await evacuation(reporterA, { qualifier: 'about', value: 150 }, { sourcePartyId: icrc });
    expect(mistyped).toMatchObject({ version: 1, organisationId: reporterA.organisationId });
    expect((await summary()).total).toMatchObject({ low: 150, high: 1500 });
    const seq = await lastAuditSeq(api);

    const response = await correct(reporterA.auth, 'evacuations', mistyped.id, {
      version: 1,
      count: { qualifier: 'exact', value: 156 },
    });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      ...mistyped,
      count: { qualifier: 'exact', value: 156 },
      version: 2,
    });
    expect((await summary()).total).toMatchObject({ low: 150, high: 156 });
    const detail = (await api.http.get(`/api/v1/corridors/${corridorId}`).set(api.auth)).body;
    expect(detail.evacuation).toMatchObject({ low: 150, high: 156 });

    const events = await timeline();
    expect(events.find((e) => e.recordId === mistyped.id && e.kind === 'evacuation')).toMatchObject({
      count: { qualifier: 'exact', value: 156 },
      version: 2,
      organisationId: reporterA.organisationId,
      enteredById: reporterA.id,
    });
    expect(events.find((e) => e.recordId === mistyped.id && e.kind === 'edit')).toMatchObject({
      entity: 'evacuation',
      enteredById: reporterA.id,
      changes: [
        {
          field: 'count',
          before: { qualifier: 'exact', value: 1500 },
          after: { qualifier: 'exact', value: 156 },
        },
      ],
    });
    expect(await auditSince(api, seq)).toEqual([
      expect.objectContaining({
        actorId: reporterA.id,
        organisationId: reporterA.organisationId,
        action: 'evacuation.update',
        entity: 'evacuation',
        entityId: mistyped.id,
        corridorId,
        before: { count: { qualifier: 'exact', value: 1500 } },
        after: { count: { qualifier: 'exact', value: 156 } },
        outcome: 'done',
      }),
    ]);
    // The flag rules see the corrected figure: an evaluation of the corridor is queued with the correction.
    const pending = await api.db.get<{ n: number | string }>(
      'SELECT COUNT(*) AS n FROM evaluation_outbox WHERE corridor_id = :corridorId AND relayed_at IS NULL',
      { corridorId },
    );
    expect(Number(pending?.n)).toBeGreaterThan(0);
  });

  it('moves a report to another window, clears what null clears, and leaves the rest as it was', async () => {
    const report = await evacuation(reporterA, { qualifier: 'at_least', value: 300 });
    const response = await correct(reporterA.auth, 'evacuations', report.id, {
      version: 1,
      windowId: windowIds[1],
      arrivedAtId: null,
      note: null,
      reportedAt: '2022-05-06T21:30',
      timezone: 'Europe/Kyiv',
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      ...report,
      windowId: windowIds[1],
      arrivedAtId: null,
      note: null,
      reportedAt: '2022-05-06T18:30:00.000Z',
      version: 2,
    });
    const windows = (await summary()).windows as { windowId: string | null; bySource: unknown[] }[];
    expect(windows.find((w) => w.windowId === windowIds[1])?.bySource).toContainEqual(
      expect.objectContaining({ sourcePartyId: world.un, count: { qualifier: 'at_least', value: 300 } }),
    );
  });

  it('stores nothing and keeps the version when a correction changes nothing', async () => {
    const report = await evacuation(reporterA, { qualifier: 'exact', value: 42 }, { category: 'wounded' });
    const seq = await lastAuditSeq(api);
    const before = await storedState(api.db);
    const response = await correct(reporterA.auth, 'evacuations', report.id, {
      version: 1,
      count: { qualifier: 'exact', value: 42 },
      category: 'wounded',
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(report);
    expect(await storedState(api.db)).toEqual(before);
    expect(await auditSince(api, seq)).toEqual([]);
  });

  it("refuses another organisation's reporter and coordinator with 403, audits each attempt, and changes nothing", async () => {
    const report = await evacuation(reporterA, { qualifier: 'exact', value: 77 }, { category: 'children' });
    const incident = await enter(reporterA, 'incidents', {
      kind: 'shelling',
      occurredAt: '2022-05-05T11:00:00+03:00',
      description: 'Shelling near the plant during the pause',
    });
    const seq = await lastAuditSeq(api);
    const before = await storedState(api.db);
    const attempts: [Member, string, unknown][] = [
      [reporterB, 'evacuations', report.id],
      [coordinatorB, 'evacuations', report.id],
      [reporterB, 'incidents', incident.id],
    ];
    for (const [member, kind, id] of attempts) {
      const response = await correct(member.auth, kind, id, { version: 1, note: 'ours now' });
      expectProblem(response, 403, 'forbidden');
      expect(response.body.detail).toMatch(/belongs to another organisation/);
    }
    expect(await storedState(api.db)).toEqual(before);
    expect(await auditSince(api, seq)).toEqual(
      attempts.map(([member, kind, id]) =>
        expect.objectContaining({
          actorId: member.id,
          organisationId: member.organisationId,
          action: `${kind === 'evacuations' ? 'evacuation' : 'incident'}.update`,
          entityId: id,
          corridorId,
          outcome: 'refused',
        }),
      ),
    );
    // An admin corrects any organisation's report.
    const byAdmin = await correct(api.auth, 'evacuations', report.id, {
      version: 1,
      note: 'Checked with UNHCR',
    });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body).toMatchObject({ note: 'Checked with UNHCR', version: 2 });
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const report = await evacuation(reporterA, { qualifier: 'about', value: 60 }, { category: 'other' });
    expect(
      (await correct(reporterA.auth, 'evacuations', report.id, { version: 1, note: 'first' })).status,
    ).toBe(200);
    const before = await storedState(api.db);
    const stale = await correct(reporterA.auth, 'evacuations', report.id, { version: 1, note: 'second' });
    expectProblem(stale, 409, 'stale-version', 'version');
    expect(stale.body.detail).toMatch(/now version 2/);
    expect(await storedState(api.db)).toEqual(before);
  });

  describe('bad corrections, each refused with its problem and nothing stored changed', () => {
    let report: Body;
    let twin: Body;

    beforeAll(async () => {
      report = await evacuation(
        reporterA,
        { qualifier: 'range', value: 130, max: 150 },
        { windowId: windowIds[2] },
      );
      twin = await evacuation(reporterA, { qualifier: 'exact', value: 140 }, { windowId: windowIds[2] });
    });

    const cases: [string, () => Body, number, string, string?][] = [
      ['no version', () => ({ note: 'x' }), 400, 'validation', 'version'],
      [
        'a negative count',
        () => ({ version: 1, count: { qualifier: 'exact', value: -5 } }),
        400,
        'validation',
        'count.value',
      ],
      [
        'a range whose top is below its bottom',
        () => ({ version: 1, count: { qualifier: 'range', value: 150, max: 130 } }),
        400,
        'invalid-count',
        'count.max',
      ],
      [
        'a source cleared with null',
        () => ({ version: 1, sourcePartyId: null }),
        400,
        'validation',
        'sourcePartyId',
      ],
      ['a count cleared with null', () => ({ version: 1, count: null }), 400, 'validation', 'count'],
      [
        'an unknown field',
        () => ({ version: 1, evacueeNames: ['A. B.'] }),
        400,
        'validation',
        'evacueeNames',
      ],
      [
        'a time with no offset and no zone',
        () => ({ version: 1, reportedAt: '2022-05-07T19:00' }),
        400,
        'time-without-offset',
        'reportedAt',
      ],
      ['an unknown zone', () => ({ version: 1, timezone: 'Europe/Mariupol' }), 400, 'validation', 'timezone'],
      [
        'a time in the future',
        () => ({ version: 1, reportedAt: '2030-01-01T00:00:00Z' }),
        422,
        'time-in-future',
        'reportedAt',
      ],
      [
        'an unknown source',
        () => ({ version: 1, sourcePartyId: randomUUID() }),
        422,
        'unknown-reference',
        'sourcePartyId',
      ],
      [
        'an unknown place',
        () => ({ version: 1, arrivedAtId: randomUUID() }),
        422,
        'unknown-reference',
        'arrivedAtId',
      ],
      [
        "another corridor's window",
        () => ({ version: 1, windowId: otherWindowId }),
        422,
        'unknown-reference',
        'windowId',
      ],
      [
        'the same claim as another report',
        () => ({ version: 1, count: { qualifier: 'exact', value: 140 } }),
        409,
        'duplicate-report',
      ],
    ];

    // One argument, so jest never mistakes a case without a field for a test that wants `done`.
    it.each(cases.map(([what, body, status, type, field]) => ({ what, body, status, type, field })))(
      '$what',
      async ({ body, status, type, field }) => {
        const before = await storedState(api.db);
        expectProblem(await correct(reporterA.auth, 'evacuations', report.id, body()), status, type, field);
        expect(await storedState(api.db)).toEqual(before);
        expect(twin.version).toBe(1);
      },
    );

    it('answers 404 for an unknown report and for a report of another corridor named under this one', async () => {
      const elsewhere = await enter(
        reporterA,
        'evacuations',
        {
          sourcePartyId: world.un,
          reportedAt: '2022-05-04T19:00:00+03:00',
          count: { qualifier: 'exact', value: 12 },
          category: 'civilians',
        },
        otherCorridorId,
      );
      expectProblem(
        await correct(reporterA.auth, 'evacuations', randomUUID(), { version: 1 }),
        404,
        'not-found',
      );
      expectProblem(
        await correct(reporterA.auth, 'evacuations', 'not-an-id', { version: 1 }),
        404,
        'not-found',
      );
      expectProblem(
        await correct(reporterA.auth, 'evacuations', elsewhere.id, { version: 1, note: 'x' }),
        404,
        'not-found',
      );
    });
  });

  it('corrects a stance, and the corridor status follows', async () => {
    api.clock.set('2022-05-05T01:00:00Z'); // before the first window opens
    try {
      const stance = await enter(coordinatorA, 'confirmations', {
        partyId: world.uaGov,
        stance: 'rejected',
        statedAt: '2022-05-04T22:00:00+03:00',
      });
      const status = async () =>
        (await api.http.get(`/api/v1/corridors/${corridorId}`).set(api.auth)).body.status;
      expect(await status()).toBe('disputed');
      const reporterTry = await correct(reporterA.auth, 'confirmations', stance.id, {
        version: 1,
        stance: 'confirmed',
      });
      expectProblem(reporterTry, 403, 'forbidden');
      const response = await correct(coordinatorA.auth, 'confirmations', stance.id, {
        version: 1,
        stance: 'confirmed',
        sourceUrl: 'https://t.me/iryna_vereshchuk/1234',
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ stance: 'confirmed', version: 2 });
      expect(await status()).toBe('confirmed');
    } finally {
      api.clock.set('2022-05-10T12:00:00Z');
    }
  });

  it('corrects remaining-population reports and incidents, each audited with its own action', async () => {
    const remaining = await enter(reporterA, 'remaining', {
      sourcePartyId: world.uaGov,
      reportedAt: '2022-05-06T12:00:00+03:00',
      count: { qualifier: 'about', value: 2000 },
    });
    const incident = await enter(reporterA, 'incidents', {
      kind: 'blocked',
      occurredAt: '2022-05-06T09:00:00+03:00',
      description: 'Convoy stopped at a checkpoint',
    });
    const seq = await lastAuditSeq(api);
    const fixedRemaining = await correct(reporterA.auth, 'remaining', remaining.id, {
      version: 1,
      count: { qualifier: 'range', value: 100, max: 200 },
    });
    expect(fixedRemaining.body).toMatchObject({
      count: { qualifier: 'range', value: 100, max: 200 },
      version: 2,
    });
    const fixedIncident = await correct(reporterA.auth, 'incidents', incident.id, {
      version: 1,
      kind: 'closed_early',
      sourcePartyId: icrc,
      placeId: world.zaporizhzhia,
    });
    expect(fixedIncident.body).toMatchObject({
      kind: 'closed_early',
      sourcePartyId: icrc,
      placeId: world.zaporizhzhia,
      version: 2,
    });
    expect(await auditSince(api, seq)).toEqual([
      expect.objectContaining({
        action: 'remaining.update',
        entityId: remaining.id,
        before: { count: { qualifier: 'about', value: 2000 } },
        after: { count: { qualifier: 'range', value: 100, max: 200 } },
      }),
      expect.objectContaining({
        action: 'incident.update',
        entityId: incident.id,
        before: { kind: 'blocked', sourcePartyId: null, placeId: null },
        after: { kind: 'closed_early', sourcePartyId: icrc, placeId: world.zaporizhzhia },
      }),
    ]);
  });

  describe('retraction', () => {
    const retract = (member: { Authorization: string }, kind: string, reportId: unknown, body: Body) =>
      api.http
        .post(`/api/v1/corridors/${corridorId}/${kind}/${String(reportId)}/retract`)
        .set(member)
        .send(body);
    const reason = 'Entered on the wrong corridor; re-entered on Mariupol 4 May.';

    it('withdraws a report: figures drop, the timeline and the audit keep what it said, the claim may be entered again', async () => {
      const wrong = await evacuation(reporterA, { qualifier: 'exact', value: 999 }, { category: 'other' });
      const before = await storedState(api.db);
      const seq = await lastAuditSeq(api);
      const claimsOfWindow = async () =>
        ((await summary()).windows as { windowId: string; bySource: { count: { value: number } }[] }[])
          .find((w) => w.windowId === windowIds[0])
          ?.bySource.map((c) => c.count.value);
      expect(await claimsOfWindow()).toContain(999);

      const response = await retract(reporterA.auth, 'evacuations', wrong.id, {
        version: 1,
        reason: ` ${reason} `,
      });

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        id: wrong.id,
        kind: 'evacuation',
        corridorId,
        reason,
        retractedAt: api.clock.now().toISOString(),
        retractedById: reporterA.id,
      });
      expect(await storedState(api.db)).toMatchObject({
        evacuation_report: Number(before.evacuation_report) - 1,
      });
      expect(await claimsOfWindow()).not.toContain(999);
      const events = await timeline();
      expect(events.filter((e) => e.recordId === wrong.id).map((e) => e.kind)).toEqual(['retraction']);
      expect(events.find((e) => e.recordId === wrong.id)).toMatchObject({
        entity: 'evacuation',
        summary: `Evacuation report retracted: ${reason}`,
        note: reason,
        enteredById: reporterA.id,
        changes: expect.arrayContaining([
          { field: 'count', before: { qualifier: 'exact', value: 999 }, after: null },
          { field: 'category', before: 'other', after: null },
        ]),
      });
      expect(await auditSince(api, seq)).toEqual([
        expect.objectContaining({
          actorId: reporterA.id,
          action: 'evacuation.retract',
          entity: 'evacuation',
          entityId: wrong.id,
          corridorId,
          before: expect.objectContaining({
            count: { qualifier: 'exact', value: 999 },
            sourcePartyId: world.un,
          }),
          after: { reason },
          outcome: 'done',
        }),
      ]);

      // A retry on a bad connection answers as the first retraction did, and changes nothing more.
      const afterFirst = await storedState(api.db);
      const retry = await retract(reporterA.auth, 'evacuations', wrong.id, { version: 1, reason });
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(response.body);
      expect(await storedState(api.db)).toEqual(afterFirst);
      expectProblem(
        await correct(reporterA.auth, 'evacuations', wrong.id, { version: 1, note: 'x' }),
        404,
        'not-found',
      );
      // The same claim is no longer a duplicate.
      await evacuation(reporterA, { qualifier: 'exact', value: 999 }, { category: 'other' });
    });

    it('refuses a stale version, a blank reason and another organisation, and changes nothing', async () => {
      const report = await evacuation(reporterA, { qualifier: 'exact', value: 31 }, { category: 'children' });
      expect(
        (await correct(reporterA.auth, 'evacuations', report.id, { version: 1, note: 'n' })).status,
      ).toBe(200);
      const before = await storedState(api.db);
      const seq = await lastAuditSeq(api);
      expectProblem(
        await retract(reporterA.auth, 'evacuations', report.id, { version: 1, reason }),
        409,
        'stale-version',
        'version',
      );
      expectProblem(
        await retract(reporterA.auth, 'evacuations', report.id, { version: 2, reason: '   ' }),
        400,
        'validation',
        'reason',
      );
      expectProblem(
        await retract(reporterA.auth, 'evacuations', report.id, { version: 2 }),
        400,
        'validation',
        'reason',
      );
      expectProblem(
        await retract(reporterB.auth, 'evacuations', report.id, { version: 2, reason }),
        403,
        'forbidden',
      );
      expectProblem(
        await retract(reporterA.auth, 'evacuations', randomUUID(), { version: 1, reason }),
        404,
        'not-found',
      );
      expect(await storedState(api.db)).toEqual(before);
      expect(await auditSince(api, seq)).toEqual([
        expect.objectContaining({ actorId: reporterB.id, action: 'evacuation.retract', outcome: 'refused' }),
      ]);
    });

    it('withdraws a stance, and the corridor status follows', async () => {
      api.clock.set('2022-05-05T01:00:00Z'); // before the first window opens
      try {
        const status = async () =>
          (await api.http.get(`/api/v1/corridors/${corridorId}`).set(api.auth)).body.status;
        const was = await status();
        const stance = await enter(coordinatorA, 'confirmations', {
          partyId: world.uaGov,
          stance: 'rejected',
          statedAt: '2022-05-05T00:30:00+03:00',
        });
        expect(await status()).toBe('disputed');
        expectProblem(
          await retract(reporterA.auth, 'confirmations', stance.id, { version: 1, reason }),
          403,
          'forbidden',
        );
        const response = await retract(coordinatorA.auth, 'confirmations', stance.id, { version: 1, reason });
        expect(response.status).toBe(200);
        expect(await status()).toBe(was);
      } finally {
        api.clock.set('2022-05-10T12:00:00Z');
      }
    });
  });

  // Last: the worker relays the outbox the first test reads.
  describe('with the worker evaluating flags', () => {
    let worker: INestApplicationContext;

    beforeAll(async () => {
      worker = await startWorker({ ...env, DATABASE_URL: api.database.url, REDIS_URL }, api.clock);
    });

    afterAll(async () => {
      await worker?.close();
    });

    it('resolves the rejected flag at once when a rejection is corrected to a confirmation', async () => {
      api.clock.set('2022-05-01T00:00:00Z');
      try {
        const { id } = await fx.corridor({
          name: 'Berdiansk, 20 May',
          originId: world.azovstal,
          announcedById: world.ruMod,
          announcedAt: '2022-04-30T20:00:00+03:00',
          timezone: 'Europe/Moscow',
          requiredConfirmationIds: [world.uaGov],
          windows: [{ startsAt: '2022-05-20T08:00:00+03:00', endsAt: '2022-05-20T18:00:00+03:00' }],
        });
        const flags = () =>
          api.db.all<{ rule: string; resolved_at: unknown }>(
            'SELECT rule, resolved_at FROM flag WHERE corridor_id = :id',
            { id },
          );
        const stance = await enter(
          coordinatorA,
          'confirmations',
          { partyId: world.uaGov, stance: 'rejected', statedAt: '2022-04-30T23:00:00Z' },
          id,
        );
        await eventually(flags, (rows) => rows.some((f) => f.rule === 'rejected' && f.resolved_at === null));
        const corrected = await api.http
          .patch(`/api/v1/corridors/${id}/confirmations/${String(stance.id)}`)
          .set(coordinatorA.auth)
          .send({ version: 1, stance: 'confirmed' });
        expect(corrected.status).toBe(200);
        const after = await eventually(flags, (rows) =>
          rows.some((f) => f.rule === 'rejected' && f.resolved_at !== null),
        );
        expect(after.filter((f) => f.resolved_at === null)).toEqual([]);
      } finally {
        api.clock.set('2022-05-10T12:00:00Z');
      }
    });
  });
});
