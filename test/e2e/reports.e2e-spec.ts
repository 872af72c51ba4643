import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApi, storedState, type ApiHarness } from '../support/api-harness.js';
import { Fixtures } from '../support/fixtures.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';

// What field reporters enter, often on a weak connection: stances, counts with their precision,
// people still waiting, incidents; and the guarantee that a retry never counts anyone twice.
describe.each(availableDialects())('reports on %s', (dialect) => {
  let api: ApiHarness;
  let fx: Fixtures;
  let ruMod: string;
  let uaGov: string;
  let icrc: string;
  let zaporizhzhia: string;
  let corridorId: string;
  let windowId: string;
  let otherCorridorId: string;
  let otherWindowId: string;

  const post = (path: string, body: object, headers: Record<string, string> = {}) =>
    api.http.post(`/api/v1/corridors/${path}`).set(api.auth).set(headers).send(body);

  beforeAll(async () => {
    api = await startApi(dialect);
    fx = new Fixtures(api);
    const situation = await fx.azovstal();
    ({ ruMod, uaGov, zaporizhzhia } = situation);
    icrc = await fx.party('International Committee of the Red Cross', 'humanitarian');
    const azovstal = await fx.corridor({
      name: 'Azovstal: ceasefire and corridor 5–7 May',
      originId: situation.azovstal,
      destinationId: zaporizhzhia,
      announcedById: ruMod,
      announcedAt: '2022-05-04T20:00:00+03:00',
      timezone: 'Europe/Moscow',
      schedule: { firstDate: '2022-05-05', days: 3, startTime: '08:00', endTime: '18:00' },
    });
    corridorId = azovstal.id;
    windowId = (azovstal.body.windows as { id: string }[])[0].id;
    const other = await fx.corridor({
      name: 'Mariupol to Zaporizhzhia, 4 May',
      originId: situation.azovstal,
      destinationId: zaporizhzhia,
      announcedById: ruMod,
      announcedAt: '2022-05-03T20:00:00+03:00',
      timezone: 'Europe/Kyiv',
      windows: [{ startsAt: '2022-05-04T08:00:00+03:00', endsAt: '2022-05-04T18:00:00+03:00' }],
    });
    otherCorridorId = other.id;
    otherWindowId = (other.body.windows as { id: string }[])[0].id;
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('confirmations', () => {
    beforeAll(() => api.clock.set('2022-05-05T01:00:00Z')); // before the first window opens
    afterAll(() => api.clock.set('2022-05-10T12:00:00Z'));

    it.each([
      ['confirmed', '2022-05-04T22:00:00+03:00', 'confirmed'],
      ['conditional', '2022-05-04T23:00:00+03:00', 'announced'],
      ['rejected', '2022-05-05T00:30:00+03:00', 'disputed'],
    ])(
      'stores a %s stance with its source and moves the corridor status accordingly',
      async (stance, statedAt, status) => {
        const response = await post(`${corridorId}/confirmations`, {
          partyId: uaGov,
          stance,
          statedAt,
          sourceUrl: 'https://t.me/iryna_vereshchuk/1234',
          note: `Ukraine: ${stance}`,
        });
        expect(response.status).toBe(201);
        expect(response.body).toMatchObject({
          id: expect.any(String),
          corridorId,
          partyId: uaGov,
          stance,
          statedAt: new Date(statedAt).toISOString(),
          sourceUrl: 'https://t.me/iryna_vereshchuk/1234',
          note: `Ukraine: ${stance}`,
        });
        const detail = (await api.http.get(`/api/v1/corridors/${corridorId}`).set(api.auth)).body;
        expect(detail.status).toBe(status);
        expect(detail.confirmations.map((c: { id: string }) => c.id)).toContain(response.body.id);
      },
    );

    it('reads a local time in the zone given with it', async () => {
      const response = await post(`${otherCorridorId}/confirmations`, {
        partyId: uaGov,
        stance: 'confirmed',
        statedAt: '2022-05-03T22:15',
        timezone: 'Europe/Kyiv',
      });
      expect(response.status).toBe(201);
      expect(response.body.statedAt).toBe('2022-05-03T19:15:00.000Z');
    });
  });

  describe('evacuation counts keep their precision', () => {
    it.each([
      ['exact', { qualifier: 'exact', value: 344 }],
      ['about', { qualifier: 'about', value: 100 }],
      ['at_least ("more than 300")', { qualifier: 'at_least', value: 300 }],
      ['at_most', { qualifier: 'at_most', value: 60 }],
      ['range ("130 to 150")', { qualifier: 'range', value: 130, max: 150 }],
    ])('stores an %s count as stated', async (_label, count) => {
      const response = await post(`${corridorId}/evacuations`, {
        windowId,
        sourcePartyId: icrc,
        reportedAt: '2022-05-05T19:00:00+03:00',
        count,
        category: 'civilians',
        arrivedAtId: zaporizhzhia,
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        corridorId,
        windowId,
        sourcePartyId: icrc,
        arrivedAtId: zaporizhzhia,
        category: 'civilians',
      });
      expect(response.body.count).toEqual(count);
    });

    it('puts every stated figure into the corridor’s range: low 60, high 344', async () => {
      const detail = (await api.http.get(`/api/v1/corridors/${corridorId}`).set(api.auth)).body;
      expect(detail.evacuation).toEqual({ low: 60, high: 344, reportCount: 5, measure: 'evacuated' });
    });

    it('accepts a report without a window, and a local reporting time with its zone', async () => {
      const response = await post(`${corridorId}/evacuations`, {
        sourcePartyId: uaGov,
        reportedAt: '2022-05-06T12:00',
        timezone: 'Europe/Kyiv',
        count: { qualifier: 'exact', value: 50 },
        category: 'children',
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        windowId: null,
        arrivedAtId: null,
        reportedAt: '2022-05-06T09:00:00.000Z',
        category: 'children',
      });
    });

    it('refuses a window of another corridor with 422 and stores nothing', async () => {
      const before = await storedState(api.db);
      const response = await post(`${corridorId}/evacuations`, {
        windowId: otherWindowId,
        sourcePartyId: icrc,
        reportedAt: '2022-05-05T19:00:00+03:00',
        count: { qualifier: 'exact', value: 12 },
        category: 'wounded',
      });
      expectProblem(response, 422, 'unknown-reference', 'windowId');
      expect(await storedState(api.db)).toEqual(before);
    });
  });

  describe('remaining population and incidents', () => {
    it('stores "a few hundred civilians remain" as a range', async () => {
      const response = await post(`${corridorId}/remaining`, {
        sourcePartyId: uaGov,
        reportedAt: '2022-05-06T12:00:00+03:00',
        count: { qualifier: 'range', value: 200, max: 300 },
        note: 'A few hundred civilians remain inside the plant.',
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        corridorId,
        sourcePartyId: uaGov,
        reportedAt: '2022-05-06T09:00:00.000Z',
        count: { qualifier: 'range', value: 200, max: 300 },
        note: 'A few hundred civilians remain inside the plant.',
      });
    });

    it.each(['shelling', 'blocked', 'closed_early', 'violation', 'other'])(
      'stores a %s incident',
      async (kind) => {
        const response = await post(`${corridorId}/incidents`, {
          kind,
          occurredAt: '2022-05-06T14:00:00+03:00',
          description: `Reported ${kind} on the route out of the plant.`,
          sourcePartyId: icrc,
          sourceUrl: 'https://www.icrc.org/en/document/ukraine-safe-passage-operation',
        });
        expect(response.status).toBe(201);
        expect(response.body).toMatchObject({
          kind,
          occurredAt: '2022-05-06T11:00:00.000Z',
          sourcePartyId: icrc,
        });
      },
    );

    it('stores an incident whose source is unknown', async () => {
      const response = await post(`${corridorId}/incidents`, {
        kind: 'blocked',
        occurredAt: '2022-05-07T09:00:00+03:00',
        description: 'Convoy held at the last checkpoint for six hours.',
      });
      expect(response.status).toBe(201);
      expect(response.body.sourcePartyId).toBeNull();
      expect(response.body.placeId).toBeNull();
    });

    it('stores where an incident happened, answers it and shows it on the timeline', async () => {
      const response = await post(`${corridorId}/incidents`, {
        kind: 'blocked',
        occurredAt: '2022-05-07T11:00:00+03:00',
        description: 'Buses stopped at the Zaporizhzhia checkpoint.',
        placeId: zaporizhzhia,
      });
      expect(response.status).toBe(201);
      expect(response.body.placeId).toBe(zaporizhzhia);
      const timeline = await api.http.get(`/api/v1/corridors/${corridorId}/timeline`).set(api.auth);
      const event = (timeline.body.events as { recordId: string; placeId?: string }[]).find(
        (e) => e.recordId === response.body.id,
      );
      expect(event?.placeId).toBe(zaporizhzhia);
    });

    it.each([
      ['a place that does not exist', '00000000-0000-4000-8000-000000000000', 422, 'unknown-reference'],
      ['a place that is not an id', 'Zaporizhzhia', 400, 'validation'],
    ])(
      'refuses an incident at %s, naming placeId, and stores nothing',
      async (_label, placeId, status, type) => {
        const before = await storedState(api.db);
        const response = await post(`${corridorId}/incidents`, {
          kind: 'shelling',
          occurredAt: '2022-05-07T12:00:00+03:00',
          description: 'Shelling near the route.',
          placeId,
        });
        expectProblem(response, status, type, 'placeId');
        expect(await storedState(api.db)).toEqual(before);
      },
    );
  });

  describe('a reporter’s retry on a bad connection never counts evacuees twice', () => {
    const report = (value: number) => ({
      windowId,
      sourcePartyId: ruMod,
      reportedAt: '2022-05-07T18:00:00+03:00',
      count: { qualifier: 'exact', value },
      category: 'civilians',
    });

    it('answers a retry with the same Idempotency-Key and body with the first answer and stores nothing new', async () => {
      const key = { 'Idempotency-Key': 'reporter-7f3a-evac-1' };
      const first = await post(`${corridorId}/evacuations`, report(51), key);
      expect(first.status).toBe(201);
      const afterFirst = await storedState(api.db);

      // The same body with its keys in another order is the same request.
      const { count, category, ...rest } = report(51);
      const retry = await post(`${corridorId}/evacuations`, { category, count, ...rest }, key);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(await storedState(api.db)).toEqual(afterFirst);
    });

    it('refuses the same key with a different body with 409 and stores nothing', async () => {
      const before = await storedState(api.db);
      const response = await post(`${corridorId}/evacuations`, report(52), {
        'Idempotency-Key': 'reporter-7f3a-evac-1',
      });
      expectProblem(response, 409, 'idempotency-key-reused', 'Idempotency-Key');
      expect(await storedState(api.db)).toEqual(before);
    });

    it('refuses the same report entered twice without a key as a duplicate', async () => {
      const body = { ...report(70), sourcePartyId: uaGov };
      expect((await post(`${corridorId}/evacuations`, body)).status).toBe(201);
      const before = await storedState(api.db);
      expectProblem(await post(`${corridorId}/evacuations`, body), 409, 'duplicate-report');
      expect(await storedState(api.db)).toEqual(before);
    });

    // Bodies are built when the test runs: the party ids exist only after beforeAll.
    it.each([
      [
        'confirmation',
        'confirmations',
        () => ({ partyId: ruMod, stance: 'confirmed', statedAt: '2022-05-04T21:00:00+03:00' }),
      ],
      [
        'remaining-population report',
        'remaining',
        () => ({
          sourcePartyId: icrc,
          reportedAt: '2022-05-07T12:00:00+03:00',
          count: { qualifier: 'about', value: 300 },
        }),
      ],
      [
        'incident',
        'incidents',
        () => ({
          kind: 'violation',
          occurredAt: '2022-05-07T10:00:00+03:00',
          description: 'Ceasefire violated.',
        }),
      ],
    ])('refuses a %s entered twice as a duplicate', async (_label, route, bodyOf) => {
      const body = bodyOf();
      const first = await post(`${corridorId}/${route}`, body);
      expect(`${first.status} ${JSON.stringify(first.body)}`).toMatch(/^201 /);
      const before = await storedState(api.db);
      expectProblem(await post(`${corridorId}/${route}`, body), 409, 'duplicate-report');
      expect(await storedState(api.db)).toEqual(before);
    });

    it('stores five simultaneous retries with one key exactly once and answers each with the same id', async () => {
      const before = await storedState(api.db);
      const body = { ...report(173), sourcePartyId: icrc };
      const responses = await Promise.all(
        Array.from({ length: 5 }, () =>
          post(`${corridorId}/evacuations`, body, { 'Idempotency-Key': 'reporter-7f3a-evac-burst' }),
        ),
      );
      expect(responses.map((r) => `${r.status} ${r.body.type ?? ''}`)).toEqual(Array(5).fill('201 '));
      expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
      const after = await storedState(api.db);
      expect(after.evacuation_report).toBe((before.evacuation_report as number) + 1);
      expect(after.idempotency_record).toBe((before.idempotency_record as number) + 1);
    });

    it('keeps the keys of one reporter apart from the same key used on another corridor', async () => {
      const key = { 'Idempotency-Key': 'reporter-7f3a-evac-1' };
      const response = await post(
        `${otherCorridorId}/evacuations`,
        { ...report(51), windowId: otherWindowId },
        key,
      );
      // The key was used for another request (another corridor): refused, not answered with the other corridor's report.
      expectProblem(response, 409, 'idempotency-key-reused', 'Idempotency-Key');
    });
  });
});
