import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { createKey } from '../support/accounts.js';
import { startApi, storedState, type ApiHarness } from '../support/api-harness.js';
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

// Issue 13, points 3-5, on the Azovstal weeks of 2022: who must confirm (sides), stances a facilitator reported,
// the open-ended ceasefire of 25 April, and what became of each promise once its windows were over.
describe.each(availableDialects())('promises on %s', (dialect) => {
  let api: ApiHarness;
  let fx: Fixtures;
  const party = { ruMod: '', kremlin: '', uaGov: '', azov: '', unOcha: '', unHc: '' };
  const place = { azovstal: '', zaporizhzhia: '' };
  const corridor = { april25: '', may5to7: '', op1: '', op2: '', tomorrow: '', cancelled: '' };

  // A key, not a session: the clock moves by a day, which would end a session.
  let auth: { Authorization: string };
  const get = (path: string) => api.http.get(`/api/v1${path}`).set(auth);
  const post = (path: string, body: object) => api.http.post(`/api/v1${path}`).set(auth).send(body);
  const patch = (path: string, body: object) => api.http.patch(`/api/v1${path}`).set(auth).send(body);
  const sided = async (name: string, kind: string, side?: string) => {
    const response = await post('/parties', { name, kind, ...(side ? { side } : {}) });
    expect(`${response.status} ${JSON.stringify(response.body)}`).toMatch(/^201 /);
    return response.body as { id: string; side: string | null };
  };
  const announcement = (announcedById: string, changes: Record<string, unknown> = {}) => ({
    name: `Corridor announced ${Math.random().toString(36).slice(2, 8)}`,
    originId: place.azovstal,
    announcedById,
    announcedAt: '2022-05-04T12:00:00+03:00',
    timezone: 'Europe/Moscow',
    windows: [{ startsAt: '2022-05-05T08:00:00+03:00', endsAt: '2022-05-05T18:00:00+03:00' }],
    ...changes,
  });
  const corridorNow = async (id: string) => {
    const response = await get(`/corridors/${id}`);
    expect(response.status).toBe(200);
    return response.body as {
      status: string;
      promise: string;
      version: number;
      requiredConfirmationIds: string[];
      windows: {
        id: string;
        endsAt: string | null;
        reviewEndsAt: string | null;
        isOpenEnded: boolean;
        version: number;
      }[];
      confirmations: { id: string; partyId: string; reportedById: string | null; version: number }[];
    };
  };

  beforeAll(async () => {
    api = await startApi(dialect);
    auth = (await createKey(api, api.auth)).auth;
    fx = new Fixtures({ ...api, auth });
    place.azovstal = await fx.location('Azovstal Iron and Steel Works', 47.098, 37.61);
    place.zaporizhzhia = await fx.location('Zaporizhzhia', 47.838, 35.139);
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('who must confirm: every belligerent not on the announcer’s side', () => {
    it('refuses (422) a corridor whose default would need no one: only the announcer’s own side is known', async () => {
      party.ruMod = (
        await sided('Ministry of Defence of the Russian Federation', 'belligerent', 'Russia')
      ).id;
      party.kremlin = (await sided('President of the Russian Federation', 'belligerent', 'Russia')).id;
      const before = await storedState(api.db);
      const response = await post('/corridors', announcement(party.ruMod));
      expectProblem(response, 422, 'no-required-parties', 'requiredConfirmationIds');
      expect(await storedState(api.db)).toEqual(before);
    });

    it("by default needs the other side's belligerents, not the announcer's own side or humanitarian parties", async () => {
      const ukraine = await sided('Government of Ukraine', 'belligerent', 'Ukraine');
      expect(ukraine.side).toBe('Ukraine');
      party.uaGov = ukraine.id;
      // Sides are compared without regard to case or spacing.
      party.azov = (await sided('Azov Regiment', 'belligerent', ' ukraine')).id;
      party.unOcha = (await sided('UN OCHA', 'humanitarian')).id;
      party.unHc = (await sided('UN Humanitarian Coordinator for Ukraine', 'humanitarian')).id;
      expect((await get(`/parties/${party.unOcha}`)).body.side).toBeNull();

      const fromMoscow = await fx.corridor(announcement(party.ruMod));
      expect([...(fromMoscow.body.requiredConfirmationIds as string[])].sort()).toEqual(
        [party.uaGov, party.azov].sort(),
      );
      const fromKyiv = await fx.corridor(announcement(party.uaGov));
      expect([...(fromKyiv.body.requiredConfirmationIds as string[])].sort()).toEqual(
        [party.ruMod, party.kremlin].sort(),
      );
      // An announcer with no side: every party to the fighting.
      const fromTheUn = await fx.corridor(announcement(party.unOcha));
      expect([...(fromTheUn.body.requiredConfirmationIds as string[])].sort()).toEqual(
        [party.ruMod, party.kremlin, party.uaGov, party.azov].sort(),
      );
    });

    it('refuses (400) an explicitly empty list, on create and on edit, and stores nothing', async () => {
      const before = await storedState(api.db);
      expectProblem(
        await post('/corridors', announcement(party.ruMod, { requiredConfirmationIds: [] })),
        400,
        'validation',
        'requiredConfirmationIds',
      );
      expect(await storedState(api.db)).toEqual(before);
      const existing = await fx.corridor(
        announcement(party.ruMod, { requiredConfirmationIds: [party.uaGov] }),
      );
      const stored = await storedState(api.db);
      expectProblem(
        await patch(`/corridors/${existing.id}`, { version: 1, requiredConfirmationIds: [] }),
        400,
        'validation',
        'requiredConfirmationIds',
      );
      expect(await storedState(api.db)).toEqual(stored);
      expect((await corridorNow(existing.id)).requiredConfirmationIds).toEqual([party.uaGov]);
    });
  });

  describe('a stance reported by another party ("with the agreement of the parties")', () => {
    it('counts for the status, is shown as reported by the facilitator, and the party’s own later word supersedes it', async () => {
      // The UN/ICRC operation of 4 May, announced by Ukraine; the UN Humanitarian Coordinator reported the agreement.
      const op2 = await fx.corridor(
        announcement(party.uaGov, {
          name: 'Mariupol to Zaporizhzhia via Berdiansk, 4 May',
          destinationId: place.zaporizhzhia,
          announcedAt: '2022-05-04T07:00:00+03:00',
          timezone: 'Europe/Kyiv',
          requiredConfirmationIds: [party.ruMod],
          windows: [{ startsAt: '2022-05-04T08:00:00+03:00', endsAt: '2022-05-05T00:00:00+03:00' }],
        }),
      );
      corridor.op2 = op2.id;
      const reported = await fx.report(op2.id, 'confirmations', {
        partyId: party.ruMod,
        stance: 'confirmed',
        reportedById: party.unHc,
        statedAt: '2022-05-04T12:00:00+03:00',
        note: 'with the agreement of the parties to the conflict',
      });
      expect(reported).toMatchObject({ partyId: party.ruMod, reportedById: party.unHc, stance: 'confirmed' });
      await fx.report(op2.id, 'evacuations', {
        sourcePartyId: party.unHc,
        reportedAt: '2022-05-04T21:00:00+03:00',
        count: { qualifier: 'at_least', value: 300 },
        category: 'civilians',
      });
      api.clock.set('2022-05-04T12:00:00Z');
      expect(await corridorNow(op2.id)).toMatchObject({ status: 'open', promise: 'pending' });
      api.clock.set('2022-05-10T12:00:00Z');
      const after = await corridorNow(op2.id);
      expect(after).toMatchObject({ status: 'completed', promise: 'kept' });
      expect(after.confirmations).toEqual([
        expect.objectContaining({ partyId: party.ruMod, reportedById: party.unHc }),
      ]);

      const timeline = (await get(`/corridors/${op2.id}/timeline`)).body;
      const stance = timeline.events.find((e: { kind: string }) => e.kind === 'confirmation');
      expect(stance).toMatchObject({
        sourcePartyId: party.ruMod,
        reportedById: party.unHc,
        summary: 'Stance: confirmed, as reported by UN Humanitarian Coordinator for Ukraine',
      });

      // The Russian MoD's own rejection, stated later, supersedes what was reported for it.
      const own = await fx.report(op2.id, 'confirmations', {
        partyId: party.ruMod,
        stance: 'rejected',
        statedAt: '2022-05-04T13:00:00+03:00',
      });
      expect(own.reportedById).toBeNull();
      expect(await corridorNow(op2.id)).toMatchObject({ status: 'completed', promise: 'broken' });
      const retracted = await post(`/corridors/${op2.id}/confirmations/${String(own.id)}/retract`, {
        version: 1,
        reason: 'Entered on the wrong corridor',
      });
      expect(retracted.status).toBe(200);
      expect(await corridorNow(op2.id)).toMatchObject({ promise: 'kept' });
    });

    it('is corrected like any field: null makes it the party’s own statement', async () => {
      const { confirmations } = await corridorNow(corridor.op2);
      const [reported] = confirmations;
      const corrected = await patch(`/corridors/${corridor.op2}/confirmations/${reported.id}`, {
        version: reported.version,
        reportedById: null,
      });
      expect(corrected.status).toBe(200);
      expect(corrected.body.reportedById).toBeNull();
      const back = await patch(`/corridors/${corridor.op2}/confirmations/${reported.id}`, {
        version: reported.version + 1,
        reportedById: party.unHc,
      });
      expect(back.body.reportedById).toBe(party.unHc);
    });

    it.each([
      ['the party itself', () => party.ruMod, 400, 'reported-by-itself'],
      ['a party that does not exist', () => '0b8e7f7c-1d2a-4e55-9c3e-5a1f4b6d7e80', 422, 'unknown-reference'],
    ])(
      'refuses a stance reported by %s, naming reportedById, and stores nothing',
      async (_, id, status, type) => {
        const before = await storedState(api.db);
        const response = await post(`/corridors/${corridor.op2}/confirmations`, {
          partyId: party.ruMod,
          stance: 'confirmed',
          reportedById: id(),
          statedAt: '2022-05-04T15:00:00+03:00',
        });
        expectProblem(response, status, type, 'reportedById');
        expect(await storedState(api.db)).toEqual(before);
        const [first] = (await corridorNow(corridor.op2)).confirmations;
        const correction = await patch(`/corridors/${corridor.op2}/confirmations/${first.id}`, {
          version: first.version,
          reportedById: id(),
        });
        expectProblem(correction, status, type, 'reportedById');
        expect(await storedState(api.db)).toEqual(before);
      },
    );
  });

  describe('an open-ended window ("a ceasefire from 14:00", no end)', () => {
    it('is stored with no announced end, read as ending OPEN_ENDED_REVIEW_HOURS (24) after its start', async () => {
      // The unilateral Russian ceasefire of 25 April 2022, rejected by Ukraine, used by nobody.
      const april25 = await fx.corridor(
        announcement(party.ruMod, {
          name: 'Azovstal: unilateral Russian ceasefire from 14:00 Moscow time, 25 April',
          announcedAt: '2022-04-25T12:00:00+03:00',
          requiredConfirmationIds: [party.uaGov],
          windows: [{ startsAt: '2022-04-25T14:00:00+03:00', endsAt: null }],
        }),
      );
      corridor.april25 = april25.id;
      expect(april25.body.windows).toEqual([
        expect.objectContaining({
          startsAt: '2022-04-25T11:00:00.000Z',
          endsAt: null,
          reviewEndsAt: '2022-04-26T11:00:00.000Z',
          isOpenEnded: true,
          version: 1,
        }),
      ]);
      await fx.report(april25.id, 'confirmations', {
        partyId: party.uaGov,
        stance: 'rejected',
        statedAt: '2022-04-25T12:00:00+03:00',
      });
      await fx.report(april25.id, 'evacuations', {
        sourcePartyId: party.ruMod,
        reportedAt: '2022-04-25T20:00:00+03:00',
        count: { qualifier: 'exact', value: 0 },
        category: 'civilians',
      });
      // A report of nobody is still a report (completed), and never a kept promise.
      expect(await corridorNow(april25.id)).toMatchObject({ status: 'completed', promise: 'broken' });
      const listed = (await get(`/corridors?q=unilateral`)).body.items;
      expect(listed).toEqual([
        expect.objectContaining({
          id: april25.id,
          lastEndsAt: '2022-04-26T11:00:00.000Z',
          promise: 'broken',
        }),
      ]);
      const timeline = (await get(`/corridors/${april25.id}/timeline`)).body;
      expect(timeline.events.find((e: { kind: string }) => e.kind === 'window')).toEqual(
        expect.objectContaining({
          reviewEndsAt: '2022-04-26T11:00:00.000Z',
          summary: 'Window of promised passage, no end announced',
        }),
      );
      expect(timeline.events.find((e: { kind: string }) => e.kind === 'window').endsAt).toBeUndefined();
    });

    it('is added to a corridor with endsAt null, and closed by an edit that is audited and shown on the timeline', async () => {
      const { id } = await fx.corridor(
        announcement(party.ruMod, {
          requiredConfirmationIds: [party.uaGov],
          announcedAt: '2022-05-01T12:00:00+03:00',
        }),
      );
      const added = await post(`/corridors/${id}/windows`, { startsAt: '2022-05-02T14:00', endsAt: null });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({
        startsAt: '2022-05-02T11:00:00.000Z',
        endsAt: null,
        reviewEndsAt: '2022-05-03T11:00:00.000Z',
        isOpenEnded: true,
      });
      const closed = await patch(`/corridors/${id}/windows/${added.body.id}`, {
        endsAt: '2022-05-02T20:00',
        version: 1,
      });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({
        id: added.body.id,
        endsAt: '2022-05-02T17:00:00.000Z',
        reviewEndsAt: null,
        isOpenEnded: false,
        version: 2,
      });
      const window = (await corridorNow(id)).windows.find((w) => w.id === added.body.id);
      expect(window).toMatchObject({ endsAt: '2022-05-02T17:00:00.000Z', isOpenEnded: false, version: 2 });
      const audit = (await get(`/audit?entity=window&entityId=${added.body.id}`)).body.items;
      expect(audit).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: 'window.update',
            before: { endsAt: null },
            after: { endsAt: '2022-05-02T17:00:00.000Z' },
          }),
        ]),
      );
      const edits = (await get(`/corridors/${id}/timeline`)).body.events.filter(
        (e: { kind: string; entity?: string }) => e.kind === 'edit' && e.entity === 'window',
      );
      expect(edits).toEqual([
        expect.objectContaining({
          recordId: added.body.id,
          changes: [{ field: 'endsAt', before: null, after: '2022-05-02T17:00:00.000Z' }],
        }),
      ]);
      // Sent again, the same end changes nothing and keeps the version.
      const again = await patch(`/corridors/${id}/windows/${added.body.id}`, {
        endsAt: '2022-05-02T17:00:00Z',
        version: 2,
      });
      expect(again.body.version).toBe(2);
    });

    it('refuses a closing before its start (naming endsAt), a stale version (409), an unknown window (404); stores nothing', async () => {
      const { april25 } = corridor;
      const [window] = (await corridorNow(april25)).windows;
      const before = await storedState(api.db);
      const url = `/corridors/${april25}/windows/${window.id}`;
      expectProblem(
        await patch(url, { endsAt: '2022-04-25T13:59:00+03:00', version: 1 }),
        400,
        'window-end-not-after-start',
        'endsAt',
      );
      expectProblem(await patch(url, { endsAt: null, version: 1 }), 400, 'validation', 'endsAt');
      expectProblem(await patch(url, { endsAt: '2022-04-25T20:00:00+03:00' }), 400, 'validation', 'version');
      expectProblem(
        await patch(url, { endsAt: '2022-04-25T20:00:00+03:00', version: 2 }),
        409,
        'stale-version',
        'version',
      );
      expectProblem(
        await patch(`/corridors/${corridor.op2}/windows/${window.id}`, {
          endsAt: '2022-04-25T20:00:00+03:00',
          version: 1,
        }),
        404,
        'not-found',
      );
      expect(await storedState(api.db)).toEqual(before);
      expect((await corridorNow(april25)).windows[0]).toMatchObject({ endsAt: null, version: 1 });
    });
  });

  describe('the promise, beside the status everywhere', () => {
    beforeAll(async () => {
      // The Russian ceasefire corridor of 5-7 May: confirmed only by the Kremlin (its own side), never by Ukraine.
      const may5to7 = await fx.corridor(
        announcement(party.ruMod, {
          name: 'Azovstal: Russian ceasefire corridor 08:00-18:00 Moscow time, 5-7 May',
          requiredConfirmationIds: [party.uaGov],
          windows: undefined,
          schedule: { firstDate: '2022-05-05', days: 3, startTime: '08:00', endTime: '18:00' },
        }),
      );
      corridor.may5to7 = may5to7.id;
      await fx.report(may5to7.id, 'confirmations', {
        partyId: party.kremlin,
        stance: 'confirmed',
        statedAt: '2022-05-05T12:00:00+03:00',
      });
      for (const [source, at, value] of [
        [party.uaGov, '2022-05-06T12:00:00+03:00', 50],
        [party.ruMod, '2022-05-07T12:00:00+03:00', 51],
      ] as const) {
        await fx.report(may5to7.id, 'evacuations', {
          sourcePartyId: source,
          reportedAt: at,
          count: { qualifier: 'exact', value },
          category: 'civilians',
        });
      }
      // The first UN/ICRC operation: both sides confirmed (Ukraine through the UN), people arrived.
      const op1 = await fx.corridor(
        announcement(party.unOcha, {
          name: 'UN/ICRC safe passage operation 1: Azovstal to Zaporizhzhia',
          destinationId: place.zaporizhzhia,
          announcedAt: '2022-05-01T12:00:00+03:00',
          timezone: 'Europe/Kyiv',
          requiredConfirmationIds: [party.ruMod, party.uaGov],
          windows: [{ startsAt: '2022-04-29T00:00:00+03:00', endsAt: '2022-05-04T00:00:00+03:00' }],
        }),
      );
      corridor.op1 = op1.id;
      await fx.report(op1.id, 'confirmations', {
        partyId: party.ruMod,
        stance: 'confirmed',
        statedAt: '2022-05-01T12:00:00+03:00',
      });
      await fx.report(op1.id, 'confirmations', {
        partyId: party.uaGov,
        stance: 'confirmed',
        reportedById: party.unHc,
        statedAt: '2022-05-01T17:48:00+03:00',
      });
      await fx.report(op1.id, 'evacuations', {
        sourcePartyId: party.unHc,
        reportedAt: '2022-05-03T12:00:00+03:00',
        count: { qualifier: 'exact', value: 127 },
        category: 'civilians',
        arrivedAtId: place.zaporizhzhia,
      });
      corridor.tomorrow = (
        await fx.corridor(
          announcement(party.ruMod, {
            name: 'A corridor announced for tomorrow',
            announcedAt: '2022-05-10T10:00:00+03:00',
            requiredConfirmationIds: [party.uaGov],
            windows: [{ startsAt: '2022-05-11T08:00:00+03:00', endsAt: '2022-05-11T18:00:00+03:00' }],
          }),
        )
      ).id;
      corridor.cancelled = (
        await fx.corridor(
          announcement(party.ruMod, {
            name: 'A corridor cancelled before it opened',
            requiredConfirmationIds: [party.uaGov],
            windows: [{ startsAt: '2022-05-12T08:00:00+03:00', endsAt: '2022-05-12T18:00:00+03:00' }],
          }),
        )
      ).id;
      const cancel = await post(`/corridors/${corridor.cancelled}/cancel`, {
        reason: 'shelling on the route',
      });
      expect(cancel.status).toBe(200);
    });

    it('the 5-7 May corridor is completed but its promise unconfirmed; never a kept promise', async () => {
      expect(await corridorNow(corridor.may5to7)).toMatchObject({
        status: 'completed',
        promise: 'unconfirmed',
      });
      expect(await corridorNow(corridor.op1)).toMatchObject({ status: 'completed', promise: 'kept' });
      expect(await corridorNow(corridor.tomorrow)).toMatchObject({ status: 'announced', promise: 'pending' });
      expect(await corridorNow(corridor.cancelled)).toMatchObject({
        status: 'cancelled',
        promise: 'cancelled',
      });
    });

    it('the list shows each status with its promise, and filters on the promise', async () => {
      const items = (await get('/corridors?limit=200')).body.items as {
        id: string;
        status: string;
        promise: string;
      }[];
      expect(items.every((c) => typeof c.promise === 'string')).toBe(true);
      const byId = new Map(items.map((c) => [c.id, c]));
      expect(byId.get(corridor.may5to7)).toMatchObject({ status: 'completed', promise: 'unconfirmed' });
      expect(byId.get(corridor.april25)).toMatchObject({ status: 'completed', promise: 'broken' });
      for (const promise of ['kept', 'unconfirmed', 'broken', 'pending', 'cancelled']) {
        const filtered = (await get(`/corridors?promise=${promise}&limit=200`)).body.items as {
          promise: string;
        }[];
        expect({ promise, all: filtered.every((c) => c.promise === promise) }).toEqual({
          promise,
          all: true,
        });
        expect(filtered.length).toBe(items.filter((c) => c.promise === promise).length);
      }
      const unconfirmed = (await get('/corridors?promise=unconfirmed&status=completed')).body.items;
      expect(unconfirmed.map((c: { id: string }) => c.id)).toEqual([corridor.may5to7]);
    });

    it('the dashboard shows the promise beside each status, and an open-ended window without an end', async () => {
      const dashboard = (await get('/dashboard?from=2022-04-25T00:00:00Z&to=2022-05-08T00:00:00Z')).body as {
        openCorridors: { id: string; status: string; promise: string }[];
        upcomingWindows: { corridorId: string; endsAt: string | null; reviewEndsAt: string | null }[];
      };
      const byId = new Map(dashboard.openCorridors.map((c) => [c.id, c]));
      expect(byId.get(corridor.may5to7)).toMatchObject({ status: 'completed', promise: 'unconfirmed' });
      expect(byId.get(corridor.april25)).toMatchObject({ status: 'completed', promise: 'broken' });
      expect(dashboard.openCorridors.every((c) => typeof c.promise === 'string')).toBe(true);
      expect(dashboard.upcomingWindows.find((w) => w.corridorId === corridor.april25)).toMatchObject({
        endsAt: null,
        reviewEndsAt: '2022-04-26T11:00:00.000Z',
      });
    });

    it('the timeline ends with what became of the promise', async () => {
      const timeline = (await get(`/corridors/${corridor.may5to7}/timeline`)).body;
      expect(timeline.promise).toBe('unconfirmed');
      expect(timeline.events.at(-1)).toMatchObject({
        kind: 'promise',
        at: '2022-05-07T15:00:00.000Z',
        promise: 'unconfirmed',
        summary: 'Promise unconfirmed: people moved, but a required party never confirmed',
      });
      const pending = (await get(`/corridors/${corridor.tomorrow}/timeline`)).body;
      expect(pending.promise).toBe('pending');
      expect(pending.events.some((e: { kind: string }) => e.kind === 'promise')).toBe(false);
    });

    it("the Russian MoD's track record counts every window as a promise, the open-ended one included", async () => {
      const record = (await get(`/parties/${party.ruMod}/track-record`)).body;
      // The MoD's windows: 25 April (rejected, nobody moved: broken); 5-7 May (5 May, nobody reported: broken;
      // 6 and 7 May, people moved: unconfirmed); tomorrow (pending); the cancelled one (in no outcome); and those
      // of the corridors above, nobody reported on any (two of 5 May, one of 2 May and 5 May: broken).
      expect(record).toMatchObject({
        windowsAnnounced: 10,
        promises: 10,
        kept: 0,
        unconfirmed: 2,
        broken: 6,
        pending: 1,
        keptRatio: 0,
      });
    });

    it('is recomputed when a figure, a confirmation or a window changes', async () => {
      const [report] = (await get(`/corridors/${corridor.op1}/timeline`)).body.events.filter(
        (e: { kind: string }) => e.kind === 'evacuation',
      );
      const retract = await post(`/corridors/${corridor.op1}/evacuations/${report.recordId}/retract`, {
        version: report.version,
        reason: 'Counted under the wrong corridor',
      });
      expect(retract.status).toBe(200);
      expect(await corridorNow(corridor.op1)).toMatchObject({ status: 'failed', promise: 'broken' });
      // A report naming no window counts for the window it falls in (here, six hours after its end).
      await fx.report(corridor.op1, 'evacuations', {
        sourcePartyId: party.unHc,
        reportedAt: '2022-05-04T05:00:00+03:00',
        count: { qualifier: 'range', value: 127, max: 156 },
        category: 'civilians',
      });
      expect(await corridorNow(corridor.op1)).toMatchObject({ promise: 'kept' });
      const late = await post(`/corridors/${corridor.op1}/windows`, {
        startsAt: '2022-05-11T08:00:00+03:00',
        endsAt: '2022-05-11T18:00:00+03:00',
      });
      expect(late.status).toBe(201);
      expect(await corridorNow(corridor.op1)).toMatchObject({ promise: 'pending' });
    });
  });

  describe('flags on an open-ended window, raised by the worker', () => {
    const prefix = uniqueQueuePrefix(`promise-${dialect}`);
    let worker: INestApplicationContext;

    beforeAll(async () => {
      worker = await startWorker(workerEnv(prefix, { DATABASE_URL: api.database.url, REDIS_URL }), api.clock);
    });

    afterAll(async () => {
      await worker?.close();
      await removeQueues(REDIS_URL, prefix);
    });

    it('flags the 25 April ceasefire rejected and never confirmed, at the end of its review period', async () => {
      const flags = await eventually(
        () => storedFlags(api.db, corridor.april25),
        (found) => ['never_confirmed', 'rejected'].every((rule) => found.some((f) => f.rule === rule)),
        20_000,
      );
      expect(flags.map((f) => f.rule).sort()).toEqual([
        'never_confirmed',
        'rejected',
        'unconfirmed_at_deadline',
      ]);
      const listed = (await get(`/flags?corridorId=${corridor.april25}`)).body.items;
      expect(listed.map((f: { rule: string }) => f.rule).sort()).toEqual([
        'never_confirmed',
        'rejected',
        'unconfirmed_at_deadline',
      ]);
    });

    it('is judged as open until its review period ends, then as never confirmed', async () => {
      api.clock.set('2022-05-10T12:00:00Z');
      const { id } = await fx.corridor(
        announcement(party.ruMod, {
          name: 'A ceasefire from this morning, no end announced',
          announcedAt: '2022-05-10T08:00:00+03:00',
          requiredConfirmationIds: [party.uaGov],
          windows: [{ startsAt: '2022-05-10T10:00:00+03:00', endsAt: null }],
        }),
      );
      const evaluated = () =>
        eventually(
          () =>
            api.db.all<{ evaluated_at: unknown }>(
              'SELECT evaluated_at FROM corridor_window WHERE corridor_id = :id',
              { id },
            ),
          (rows) => rows.every((r) => r.evaluated_at !== null),
          20_000,
        );
      await evaluated();
      expect((await storedFlags(api.db, id)).map((f) => f.rule)).toEqual(['unconfirmed_at_deadline']);
      expect(await corridorNow(id)).toMatchObject({ status: 'open', promise: 'pending' });
      // The review period ends 24 hours after the start: the window is over, and was never confirmed.
      api.clock.set('2022-05-11T07:00:00Z');
      await eventually(
        () => storedFlags(api.db, id),
        (found) => found.some((f) => f.rule === 'never_confirmed'),
        20_000,
      );
      expect(await corridorNow(id)).toMatchObject({ status: 'failed', promise: 'broken' });
      api.clock.set('2022-05-10T12:00:00Z');
    });

    it('once closed, is judged by the end announced, at once', async () => {
      const { id, body } = await fx.corridor(
        announcement(party.ruMod, {
          name: 'A ceasefire from this morning, ended at 14:00',
          announcedAt: '2022-05-10T08:00:00+03:00',
          requiredConfirmationIds: [party.uaGov],
          windows: [{ startsAt: '2022-05-10T10:00:00+03:00', endsAt: null }],
        }),
      );
      const windowId = (body.windows as { id: string }[])[0].id;
      expect(await corridorNow(id)).toMatchObject({ status: 'open', promise: 'pending' });
      const closed = await patch(`/corridors/${id}/windows/${windowId}`, {
        endsAt: '2022-05-10T14:00:00+03:00',
        version: 1,
      });
      expect(closed.status).toBe(200);
      await eventually(
        () => storedFlags(api.db, id),
        (found) => found.some((f) => f.rule === 'never_confirmed'),
        20_000,
      );
      expect(await corridorNow(id)).toMatchObject({ status: 'failed', promise: 'broken' });
    });
  });
});
