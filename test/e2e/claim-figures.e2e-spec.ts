import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { startApi, storedState, type ApiHarness } from '../support/api-harness.js';
import { asText, readCsv } from '../support/csv.js';
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
} from '../support/worker-harness.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

// Issue 13: what each count measured, where and of whom, and how sure its source is. The first UN/ICRC operation
// from Azovstal (29 April – 3 May 2022) counted people who left the plant, joined at Manhush and arrived in
// Zaporizhzhia: three measures, not sources that disagree.
describe.each(availableDialects())('what a claim counted, and how sure, on %s', (dialect) => {
  const prefix = uniqueQueuePrefix(`claims-${dialect}`);
  const env = workerEnv(prefix);
  let api: ApiHarness;
  let worker: INestApplicationContext;
  let fx: Fixtures;
  let ruMod: string;
  let uaGov: string;
  let un: string;
  let icrc: string;
  let azovstal: string;
  let manhush: string;
  let zaporizhzhia: string;

  const post = (path: string, body: object) => api.http.post(`/api/v1/${path}`).set(api.auth).send(body);
  const get = (path: string) => api.http.get(`/api/v1/${path}`).set(api.auth);
  const evacuation = (body: Record<string, unknown>) => ({
    sourcePartyId: un,
    reportedAt: '2022-05-03T18:00:00+03:00',
    count: { qualifier: 'exact', value: 100 },
    category: 'civilians',
    ...body,
  });
  const corridor = async (name: string, windows: { startsAt: string; endsAt: string }[]) => {
    const created = await fx.corridor({
      name,
      originId: azovstal,
      destinationId: zaporizhzhia,
      announcedById: un,
      announcedAt: '2022-04-28T20:00:00+03:00',
      timezone: 'Europe/Kyiv',
      requiredConfirmationIds: [ruMod, uaGov],
      windows,
    });
    return { id: created.id, windowIds: (created.body.windows as { id: string }[]).map((w) => w.id) };
  };

  beforeAll(async () => {
    api = await startApi(dialect, env);
    api.clock.set('2022-05-10T12:00:00Z');
    worker = await startWorker({ ...env, DATABASE_URL: api.database.url, REDIS_URL }, api.clock);
    fx = new Fixtures(api);
    const graded = async (name: string, kind: string, reliability: string) => {
      const response = await post('parties', { name, kind, reliability });
      expect(response.status).toBe(201);
      expect(response.body.reliability).toBe(reliability);
      return response.body.id as string;
    };
    ruMod = await graded('Ministry of Defence of the Russian Federation', 'belligerent', 'E');
    uaGov = await fx.party('Government of Ukraine');
    un = await graded('United Nations OCHA', 'humanitarian', 'A');
    icrc = await graded('International Committee of the Red Cross', 'humanitarian', 'B');
    azovstal = await fx.location('Azovstal Iron and Steel Works');
    manhush = await fx.location('Manhush', 47.06, 37.3);
    zaporizhzhia = await fx.location('Zaporizhzhia', 47.838, 35.139);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await removeQueues(REDIS_URL, prefix);
  });

  describe('the first UN/ICRC operation: left the plant, joined at Manhush, arrived in Zaporizhzhia', () => {
    let corridorId: string;
    let windowId: string;

    beforeAll(async () => {
      ({
        id: corridorId,
        windowIds: [windowId],
      } = await corridor('UN/ICRC safe passage operation 1', [
        { startsAt: '2022-04-29T08:00:00+03:00', endsAt: '2022-05-03T20:00:00+03:00' },
      ]));
      const claims = [
        { measure: 'left_origin', countedAtId: azovstal, count: { qualifier: 'range', value: 80, max: 121 } },
        {
          measure: 'joined_en_route',
          countedAtId: manhush,
          count: { qualifier: 'more_than', value: 57 },
          sourcePartyId: icrc,
        },
        { measure: 'arrived', countedAtId: zaporizhzhia, count: { qualifier: 'exact', value: 127 } },
        {
          measure: 'arrived',
          countedAtId: zaporizhzhia,
          count: { qualifier: 'exact', value: 156 },
          sourcePartyId: icrc,
          breakdown: { women: 60, minors: 40, elderly: 30 },
        },
      ];
      for (const claim of claims)
        await fx.report(corridorId, 'evacuations', evacuation({ windowId, ...claim }));
    });

    it('answers each claim with what it counted, where, of whom, and its grade', async () => {
      const { body } = await get(`corridors/${corridorId}/timeline`);
      const arrivals = body.events.filter((e: { measure?: string }) => e.measure === 'arrived');
      expect(arrivals).toHaveLength(2);
      const stored = await fx.report(
        corridorId,
        'evacuations',
        evacuation({
          windowId,
          measure: 'arrived',
          countedAtId: zaporizhzhia,
          count: { qualifier: 'more_than', value: 150 },
          reportedAt: '2022-05-03T21:00:00+03:00',
          breakdown: { men: 40, women: 60, minors: 40, wounded: 5 },
          credibility: 2,
        }),
      );
      expect(stored).toMatchObject({
        measure: 'arrived',
        countedAtId: zaporizhzhia,
        category: 'civilians',
        count: { qualifier: 'more_than', value: 150 },
        breakdown: { men: 40, women: 60, minors: 40, wounded: 5 },
        // The UN is graded A: its claims are, unless they say otherwise.
        sourceReliability: 'A',
        credibility: 2,
      });
      await api.http
        .post(`/api/v1/corridors/${corridorId}/evacuations/${String(stored.id)}/retract`)
        .set(api.auth)
        .send({ version: 1, reason: 'Entered to check the answer.' })
        .expect(200);
    });

    it('sums like with like and heads with the arrivals: 127–156 arrived, not 58–156 evacuated', async () => {
      const { status, body } = await get(`corridors/${corridorId}/evacuations/summary`);
      expect(status).toBe(200);
      expect(body.total).toMatchObject({
        low: 127,
        high: 156,
        headline: { measure: 'arrived', low: 127, high: 156 },
        byMeasure: {
          left_origin: { low: 80, high: 121, claims: 1 },
          joined_en_route: { low: 58, high: 58, claims: 1 },
          arrived: { low: 127, high: 156, claims: 2 },
        },
      });
      expect(body.total.byMeasure.evacuated).toBeUndefined();
      expect(body.total.bySource).toContainEqual(
        expect.objectContaining({ measure: 'joined_en_route', countedAtId: manhush, sourceReliability: 'B' }),
      );
      expect((await get(`corridors/${corridorId}`)).body.evacuation).toEqual({
        low: 127,
        high: 156,
        reportCount: 4,
        measure: 'arrived',
      });
    });

    it('finds the corridor by a place its claims were counted at, though it is no stop of it', async () => {
      const { status, body } = await get(`corridors?locationId=${manhush}`);
      expect(status).toBe(200);
      expect(body.items.map((c: { id: string }) => c.id)).toEqual([corridorId]);
    });

    it('raises count_discrepancy between two sources about the same arrivals, never between measures', async () => {
      const ukraine = await fx.report(
        corridorId,
        'evacuations',
        evacuation({
          windowId,
          sourcePartyId: uaGov,
          measure: 'arrived',
          countedAtId: zaporizhzhia,
          count: { qualifier: 'exact', value: 300 },
          reportedAt: '2022-05-03T22:00:00+03:00',
        }),
      );
      await eventually(
        () => storedFlags(api.db, corridorId),
        (flags) => flags.some((f) => f.rule === 'count_discrepancy'),
      );
      const { body } = await get(`flags?corridorId=${corridorId}&rule=count_discrepancy`);
      expect(body.items).toHaveLength(1);
      expect(body.items[0]).toMatchObject({
        // Ukraine's government is ungraded (F); the weaker of the two claims is the flag's evidence.
        evidenceReliability: 'F',
        evidenceCredibility: 6,
        detail: {
          measure: 'arrived',
          countedAtId: zaporizhzhia,
          category: 'civilians',
          low: 127,
          high: 300,
          lowest: { sourcePartyId: un, count: { qualifier: 'exact', value: 127 }, sourceReliability: 'A' },
          highest: { reportId: ukraine.id, sourcePartyId: uaGov, sourceReliability: 'F' },
        },
      });
      // Flags resting on weaker claims are left out of minGrade; those raised by an absence stay.
      const graded = await get(`flags?corridorId=${corridorId}&minGrade=B3`);
      expect(graded.status).toBe(200);
      const rules = graded.body.items.map((f: { rule: string }) => f.rule);
      expect(rules).not.toContain('count_discrepancy');
      expect(rules).toContain('never_confirmed');
      expect(
        graded.body.items.every(
          (f: { evidenceReliability: string | null }) => f.evidenceReliability === null,
        ),
      ).toBe(true);
      const all = await get(`flags?corridorId=${corridorId}&minGrade=F6`);
      expect(all.body.items.map((f: { rule: string }) => f.rule)).toContain('count_discrepancy');

      // Without Ukraine's figure, what is left — left the plant, joined at Manhush, arrived — disagrees with nothing.
      await api.http
        .post(`/api/v1/corridors/${corridorId}/evacuations/${String(ukraine.id)}/retract`)
        .set(api.auth)
        .send({ version: 1, reason: 'Counted the whole city, not this operation.' })
        .expect(200);
      await eventually(
        () => storedFlags(api.db, corridorId),
        (flags) => flags.some((f) => f.rule === 'count_discrepancy' && f.resolved_at !== null),
      );
    });

    it('counts, with minGrade, only the claims of that grade or better', async () => {
      const { status, body } = await get(`corridors/${corridorId}/evacuations/summary?minGrade=A6`);
      expect(status).toBe(200);
      expect(body.minGrade).toBe('A6');
      // Only the UN's claims (A): the ICRC's (B) are left out.
      expect(body.total.headline).toEqual({ measure: 'arrived', low: 127, high: 127 });
      expect(body.total.bySource.map((c: { sourceReliability: string }) => c.sourceReliability)).toEqual([
        'A',
        'A',
      ]);
      const lenient = await get(`corridors/${corridorId}/evacuations/summary?minGrade=B6`);
      expect(lenient.body.total.headline).toEqual({ measure: 'arrived', low: 127, high: 156 });
      const strict = await get(`corridors/${corridorId}/evacuations/summary?minGrade=A1`);
      expect(strict.body).toEqual({ total: null, windows: [], minGrade: 'A1' });
    });

    it('recomputes the headline when a correction changes what a claim counted', async () => {
      const summary = await get(`corridors/${corridorId}/evacuations/summary`);
      const arrivals = summary.body.total.bySource.filter(
        (c: { measure: string }) => c.measure === 'arrived',
      );
      for (const claim of arrivals) {
        const corrected = await api.http
          .patch(`/api/v1/corridors/${corridorId}/evacuations/${String(claim.reportId)}`)
          .set(api.auth)
          .send({ version: 1, measure: 'evacuated', countedAtId: null });
        expect(corrected.status).toBe(200);
      }
      expect((await get(`corridors/${corridorId}`)).body.evacuation).toMatchObject({
        measure: 'evacuated',
        low: 127,
        high: 156,
      });
    });
  });

  describe('a ceasefire whose claims name no window', () => {
    it('counts them once, as one group of their own, not once per window they fall in', async () => {
      const { id } = await corridor('Russian ceasefire 5–7 May', [
        { startsAt: '2022-05-05T08:00:00+03:00', endsAt: '2022-05-05T18:00:00+03:00' },
        { startsAt: '2022-05-06T08:00:00+03:00', endsAt: '2022-05-06T18:00:00+03:00' },
        { startsAt: '2022-05-07T08:00:00+03:00', endsAt: '2022-05-07T18:00:00+03:00' },
      ]);
      await fx.report(
        id,
        'evacuations',
        evacuation({
          sourcePartyId: ruMod,
          measure: 'left_origin',
          count: { qualifier: 'exact', value: 51 },
          reportedAt: '2022-05-07T17:00:00+03:00',
        }),
      );
      await fx.report(
        id,
        'evacuations',
        evacuation({
          measure: 'left_origin',
          count: { qualifier: 'about', value: 40 },
          reportedAt: '2022-05-06T17:00:00+03:00',
        }),
      );
      const { body } = await get(`corridors/${id}/evacuations/summary`);
      expect(body.windows.map((w: { windowId: string | null }) => w.windowId)).toEqual([null]);
      expect(body.total.headline).toEqual({ measure: 'left_origin', low: 40, high: 51 });
      expect((await get(`corridors/${id}`)).body.evacuation).toEqual({
        low: 40,
        high: 51,
        reportCount: 2,
        measure: 'left_origin',
      });
    });
  });

  describe('remaining populations and incidents', () => {
    it('keeps who waits and where, and grades an incident without a source F', async () => {
      const { id } = await corridor('Azovstal, remaining', [
        { startsAt: '2022-05-05T08:00:00+03:00', endsAt: '2022-05-05T18:00:00+03:00' },
      ]);
      const remaining = await fx.report(id, 'remaining', {
        sourcePartyId: un,
        reportedAt: '2022-05-06T12:00:00+03:00',
        count: { qualifier: 'about', value: 100 },
        category: 'women_children',
        placeId: azovstal,
        note: 'About 100 remain, including 20 children',
      });
      expect(remaining).toMatchObject({
        category: 'women_children',
        placeId: azovstal,
        sourceReliability: 'A',
        credibility: 6,
      });
      const incident = await fx.report(id, 'incidents', {
        kind: 'shelling',
        occurredAt: '2022-05-05T10:00:00+03:00',
        description: 'Shelling near the assembly point',
      });
      expect(incident).toMatchObject({ sourceReliability: 'F', credibility: 6 });
      const unchanged = await fx.report(id, 'remaining', {
        sourcePartyId: ruMod,
        reportedAt: '2022-05-06T13:00:00+03:00',
        count: { qualifier: 'fewer_than', value: 300 },
      });
      // A client sending none of the new fields: civilians at the origin, its source's grade.
      expect(unchanged).toMatchObject({ category: 'civilians', placeId: null, sourceReliability: 'E' });
    });
  });

  describe('claims.csv', () => {
    it('exports what each claim counted, where, of whom and how sure, and imports it back as the same claim', async () => {
      const { id } = await corridor('Exported operation', [
        { startsAt: '2022-05-01T08:00:00+03:00', endsAt: '2022-05-01T20:00:00+03:00' },
      ]);
      await fx.report(
        id,
        'evacuations',
        evacuation({
          measure: 'arrived',
          countedAtId: zaporizhzhia,
          category: 'women_children_elderly',
          count: { qualifier: 'more_than', value: 120 },
          breakdown: { women: 60, minors: 40, elderly: 20 },
          credibility: 2,
        }),
      );
      await fx.report(id, 'remaining', {
        sourcePartyId: icrc,
        reportedAt: '2022-05-02T12:00:00+03:00',
        count: { qualifier: 'about', value: 100 },
        category: 'women_children',
        placeId: azovstal,
      });
      const response = await api.http
        .get('/api/v1/exports/claims.csv')
        .query({ corridorId: id })
        .set(api.auth)
        .buffer(true)
        .parse(asText);
      expect(response.status).toBe(200);
      const csv = readCsv(response.body as string);
      expect(csv.hashtags).toEqual(
        expect.arrayContaining([
          '#meta+measure',
          '#loc+counted+name',
          '#affected+evacuated+f',
          '#meta+reliability',
        ]),
      );
      const byKind = Object.fromEntries(csv.rows.map((row) => [row.kind, row]));
      expect(byKind.evacuation).toMatchObject({
        measure: 'arrived',
        'counted at': 'Zaporizhzhia',
        category: 'women_children_elderly',
        qualifier: 'more_than',
        women: '60',
        minors: '40',
        elderly: '20',
        men: '',
        'source reliability': 'A',
        credibility: '2',
      });
      expect(byKind.remaining).toMatchObject({
        category: 'women_children',
        'waiting at': 'Azovstal Iron and Steel Works',
        'source reliability': 'B',
        credibility: '6',
      });

      // The same file imported back is the same claim: nothing new is stored.
      const evacuationsOnly = await api.http
        .get('/api/v1/exports/claims.csv')
        .query({ corridorId: id, kind: 'evacuation' })
        .set(api.auth)
        .buffer(true)
        .parse(asText);
      const imported = await api.http
        .post('/api/v1/imports/evacuations')
        .query({ dryRun: 'false' })
        .set(api.auth)
        .set('content-type', 'text/csv')
        .send(evacuationsOnly.body as string);
      expect(imported.status).toBe(422);
      expect(imported.body.errors).toEqual([
        expect.objectContaining({ row: 3, message: expect.stringContaining('recorded already') }),
      ]);
      const summary = await get(`corridors/${id}/evacuations/summary`);
      expect(summary.body.total.bySource).toHaveLength(1);
    });
  });

  describe('bad input, each refused naming the field, nothing stored', () => {
    let corridorId: string;

    beforeAll(async () => {
      ({ id: corridorId } = await corridor('Refusals', [
        { startsAt: '2022-05-05T08:00:00+03:00', endsAt: '2022-05-05T18:00:00+03:00' },
      ]));
    });

    it.each([
      ['an unknown measure', 'evacuations', { measure: 'rescued' }, 400, 'validation', 'measure'],
      ['an unknown category', 'evacuations', { category: 'adults' }, 400, 'validation', 'category'],
      [
        'an unknown category of who remains',
        'remaining',
        { category: 'adults' },
        400,
        'validation',
        'category',
      ],
      [
        'an unknown source reliability',
        'evacuations',
        { sourceReliability: 'G' },
        400,
        'validation',
        'sourceReliability',
      ],
      ['an unknown credibility', 'incidents', { credibility: 7 }, 400, 'validation', 'credibility'],
      [
        'a credibility that is a letter',
        'confirmations',
        { credibility: 'B' },
        400,
        'validation',
        'credibility',
      ],
      [
        'fewer than nobody',
        'evacuations',
        { count: { qualifier: 'fewer_than', value: 0 } },
        400,
        'invalid-count',
        'count.value',
      ],
      [
        'a breakdown larger than its count',
        'evacuations',
        { count: { qualifier: 'exact', value: 100 }, breakdown: { women: 70, minors: 40 } },
        400,
        'invalid-breakdown',
        'breakdown',
      ],
      [
        'a breakdown part larger than "fewer than 20"',
        'evacuations',
        { count: { qualifier: 'fewer_than', value: 20 }, breakdown: { wounded: 20 } },
        400,
        'invalid-breakdown',
        'breakdown',
      ],
      [
        'a breakdown part below zero',
        'evacuations',
        { breakdown: { men: -1 } },
        400,
        'validation',
        'breakdown.men',
      ],
      [
        'an unknown counted-at place',
        'evacuations',
        { countedAtId: '01a24a1d-0000-7000-8000-000000000000' },
        422,
        'unknown-reference',
        'countedAtId',
      ],
      [
        'an unknown place where people wait',
        'remaining',
        { placeId: '01a24a1d-0000-7000-8000-000000000000' },
        422,
        'unknown-reference',
        'placeId',
      ],
    ])('refuses %s', async (_what, kind, change, status, type, field) => {
      const before = await storedState(api.db);
      const bodies: Record<string, Record<string, unknown>> = {
        evacuations: evacuation({}),
        remaining: {
          sourcePartyId: un,
          reportedAt: '2022-05-06T12:00:00+03:00',
          count: { qualifier: 'about', value: 100 },
        },
        incidents: { kind: 'shelling', occurredAt: '2022-05-05T10:00:00+03:00', description: 'Shelling' },
        confirmations: { partyId: uaGov, stance: 'confirmed', statedAt: '2022-05-04T10:00:00+03:00' },
      };
      const response = await post(`corridors/${corridorId}/${kind}`, { ...bodies[kind], ...change });
      expectProblem(response, status, type, field);
      expect(await storedState(api.db)).toEqual(before);
    });

    it.each([
      ['a grade with no credibility', 'B'],
      ['an unknown letter', 'G3'],
      ['a credibility out of range', 'B7'],
    ])('refuses a minGrade that is %s, on summaries and on flags', async (_what, grade) => {
      expectProblem(
        await get(`corridors/${corridorId}/evacuations/summary?minGrade=${grade}`),
        400,
        'validation',
        'minGrade',
      );
      expectProblem(await get(`flags?minGrade=${grade}`), 400, 'validation', 'minGrade');
    });

    it('refuses a party graded with an unknown reliability', async () => {
      const before = await storedState(api.db);
      expectProblem(
        await post('parties', { name: 'Unknown grade', kind: 'other', reliability: 'Z' }),
        400,
        'validation',
        'reliability',
      );
      expect(await storedState(api.db)).toEqual(before);
    });

    it('refuses a correction that would make a breakdown larger than its count, and keeps the report', async () => {
      const stored = await fx.report(
        corridorId,
        'evacuations',
        evacuation({
          count: { qualifier: 'exact', value: 50 },
          breakdown: { minors: 20 },
          reportedAt: '2022-05-05T19:00:00+03:00',
        }),
      );
      const before = await storedState(api.db);
      const response = await api.http
        .patch(`/api/v1/corridors/${corridorId}/evacuations/${String(stored.id)}`)
        .set(api.auth)
        .send({ version: 1, count: { qualifier: 'exact', value: 10 } });
      expectProblem(response, 400, 'invalid-breakdown', 'breakdown');
      expect(await storedState(api.db)).toEqual(before);
    });
  });
});
