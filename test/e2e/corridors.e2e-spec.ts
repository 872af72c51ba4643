import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApi, storedState, type ApiHarness } from '../support/api-harness.js';
import { Fixtures } from '../support/fixtures.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';

// The Azovstal weeks of May 2022 as a coordinator lives them: announcements in Moscow time, a
// confirmation that may or may not come, windows that open and close, and figures that disagree.
describe.each(availableDialects())('corridors on %s', (dialect) => {
  let api: ApiHarness;
  let fx: Fixtures;
  let adminId: string;
  let adminOrganisationId: string;
  const party = { ruMod: '', uaGov: '', unHc: '', unSg: '' };
  const place = { azovstal: '', mariupol: '', zaporizhzhia: '', berdiansk: '' };
  // A: the Russian MoD's 5–7 May ceasefire, read from a daily schedule in Moscow time.
  // B: the UN/ICRC convoy of 3–4 May, windows written with offsets; the 4 May figures disagree.
  // C: "in any direction they have chosen": destinationId null. D: no destination field at all; rejected.
  // E: announced by a humanitarian party, entered with every kind of report, then cancelled.
  // F: cancelled before it ever opened.
  const corridor = { A: '', B: '', C: '', D: '', E: '', F: '' };
  const windowsOf: Record<string, string[]> = {};

  const get = (path: string) => api.http.get(`/api/v1${path}`).set(api.auth);
  const post = (path: string, body: object) => api.http.post(`/api/v1${path}`).set(api.auth).send(body);
  const statusOf = async (id: string): Promise<string> => {
    const response = await get(`/corridors/${id}`);
    expect(response.status).toBe(200);
    return response.body.status as string;
  };

  beforeAll(async () => {
    api = await startApi(dialect);
    fx = new Fixtures(api);
    party.ruMod = await fx.party('Ministry of Defence of the Russian Federation');
    party.uaGov = await fx.party('Government of Ukraine');
    party.unHc = await fx.party('UN Humanitarian Coordinator for Ukraine', 'humanitarian');
    party.unSg = await fx.party('United Nations Secretary-General', 'other');
    place.azovstal = await fx.location('Azovstal Iron and Steel Works', 47.098, 37.61);
    place.mariupol = await fx.location('Mariupol', 47.097, 37.543);
    place.zaporizhzhia = await fx.location('Zaporizhzhia', 47.838, 35.139);
    place.berdiansk = await fx.location('Berdiansk', 46.755, 36.789);
    const me = (await get('/auth/me')).body as { id: string; organisationId: string };
    adminId = me.id;
    adminOrganisationId = me.organisationId;
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('announcing corridors', () => {
    it('expands "08:00 to 18:00 Moscow time, Thursday through Saturday" into three windows 05:00–15:00 UTC', async () => {
      api.clock.set('2022-05-04T18:00:00Z');
      const { id, body } = await fx.corridor({
        name: 'Azovstal: ceasefire and corridor 5–7 May',
        originId: place.azovstal,
        destinationId: place.zaporizhzhia,
        announcedById: party.ruMod,
        announcedAt: '2022-05-04T20:00:00+03:00',
        timezone: 'Europe/Moscow',
        sourceUrl:
          'https://www.reuters.com/world/europe/russia-says-it-will-open-azovstal-corridor-2022-05-04/',
        sourceNote: 'A corridor from the plant during certain hours on Thursday through Saturday.',
        schedule: { firstDate: '2022-05-05', days: 3, startTime: '08:00', endTime: '18:00' },
      });
      corridor.A = id;
      const windows = body.windows as { id: string; startsAt: string; endsAt: string }[];
      expect(windows.map((w) => [w.startsAt, w.endsAt])).toEqual([
        ['2022-05-05T05:00:00.000Z', '2022-05-05T15:00:00.000Z'],
        ['2022-05-06T05:00:00.000Z', '2022-05-06T15:00:00.000Z'],
        ['2022-05-07T05:00:00.000Z', '2022-05-07T15:00:00.000Z'],
      ]);
      expect(body).toMatchObject({
        status: 'announced',
        version: 1,
        announcedAt: '2022-05-04T17:00:00.000Z',
        timezone: 'Europe/Moscow',
        destinationId: place.zaporizhzhia,
        enteredById: adminId,
        organisationId: adminOrganisationId,
      });
      windowsOf.A = windows.map((w) => w.id);
    });

    it('needs, by default, the confirmation of every belligerent other than the announcer', async () => {
      // A was announced by the Russian MoD: only Ukraine, the other belligerent, must confirm.
      expect((await get(`/corridors/${corridor.A}`)).body.requiredConfirmationIds).toEqual([party.uaGov]);

      // Announced by a humanitarian party, the corridor needs both belligerents; nobody else.
      const { id, body } = await fx.corridor({
        name: 'Berdiansk: convoy 9 May',
        originId: place.berdiansk,
        destinationId: place.zaporizhzhia,
        announcedById: party.unHc,
        announcedAt: '2022-05-04T12:00:00+03:00',
        timezone: 'Europe/Kyiv',
        windows: [{ startsAt: '2022-05-09T08:00:00+03:00', endsAt: '2022-05-09T18:00:00+03:00' }],
      });
      corridor.E = id;
      expect([...(body.requiredConfirmationIds as string[])].sort()).toEqual(
        [party.ruMod, party.uaGov].sort(),
      );
      windowsOf.E = (body.windows as { id: string }[]).map((w) => w.id);
    });

    it('takes explicit windows written with any offset and stores them in UTC, with an explicit list of required parties', async () => {
      const { id, body } = await fx.corridor({
        name: 'Mariupol and nearby communities to Zaporizhzhia',
        originId: place.mariupol,
        destinationId: place.zaporizhzhia,
        announcedById: party.ruMod,
        announcedAt: '2022-05-02T19:00:00+03:00',
        timezone: 'Europe/Kyiv',
        requiredConfirmationIds: [party.uaGov, party.unHc],
        windows: [
          { startsAt: '2022-05-04T05:00:00Z', endsAt: '2022-05-04T15:00:00Z' },
          { startsAt: '2022-05-03T08:00:00+03:00', endsAt: '2022-05-03T18:00:00+03:00' },
        ],
      });
      corridor.B = id;
      // Kept in time order, whatever order they were written in.
      expect(
        (body.windows as { startsAt: string; endsAt: string }[]).map((w) => [w.startsAt, w.endsAt]),
      ).toEqual([
        ['2022-05-03T05:00:00.000Z', '2022-05-03T15:00:00.000Z'],
        ['2022-05-04T05:00:00.000Z', '2022-05-04T15:00:00.000Z'],
      ]);
      windowsOf.B = (body.windows as { id: string }[]).map((w) => w.id);
      const detail = (await get(`/corridors/${id}`)).body;
      expect([...detail.requiredConfirmationIds].sort()).toEqual([party.uaGov, party.unHc].sort());
      expect(
        detail.windows[0].confirmationState.parties.map((p: { partyId: string }) => p.partyId).sort(),
      ).toEqual([party.uaGov, party.unHc].sort());
    });

    it('records a corridor whose announcement named no destination, with destinationId null or left out', async () => {
      const withNull = await fx.corridor({
        name: 'Azovstal: passage in any direction they have chosen',
        originId: place.azovstal,
        destinationId: null,
        announcedById: party.ruMod,
        announcedAt: '2022-05-01T12:00:00+03:00',
        timezone: 'Europe/Moscow',
        windows: [{ startsAt: '2022-05-02T08:00:00+03:00', endsAt: '2022-05-02T18:00:00+03:00' }],
      });
      corridor.C = withNull.id;
      expect(withNull.body.destinationId).toBeNull();
      expect((await get(`/corridors/${withNull.id}`)).body.destinationId).toBeNull();

      const withoutField = await fx.corridor({
        name: 'Mariupol: corridor 8 May',
        originId: place.mariupol,
        announcedById: party.ruMod,
        announcedAt: '2022-05-04T20:00:00+03:00', // the same instant as A: the list must still page through both
        timezone: 'Europe/Moscow',
        windows: [{ startsAt: '2022-05-08T08:00:00+03:00', endsAt: '2022-05-08T18:00:00+03:00' }],
      });
      corridor.D = withoutField.id;
      expect(withoutField.body.destinationId).toBeNull();

      const toCancel = await fx.corridor({
        name: 'Vasylivka checkpoint: convoy 12 May',
        originId: place.mariupol,
        destinationId: place.zaporizhzhia,
        announcedById: party.ruMod,
        announcedAt: '2022-05-03T10:00:00+03:00',
        timezone: 'Europe/Moscow',
        windows: [{ startsAt: '2022-05-12T08:00:00+03:00', endsAt: '2022-05-12T18:00:00+03:00' }],
      });
      corridor.F = toCancel.id;
    });

    it('shows each window with its confirmation deadline, 120 minutes before it starts, and each required party’s stance', async () => {
      const response = await get(`/corridors/${corridor.A}`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: corridor.A,
        status: 'announced',
        originId: place.azovstal,
        announcedById: party.ruMod,
        confirmations: [],
        evacuation: { low: null, high: null, reportCount: 0 },
        cancelledAt: null,
      });
      expect(response.body.windows).toEqual(
        ['05', '06', '07'].map((day, i) => ({
          id: windowsOf.A[i],
          startsAt: `2022-05-${day}T05:00:00.000Z`,
          endsAt: `2022-05-${day}T15:00:00.000Z`,
          reviewEndsAt: null,
          isOpenEnded: false,
          version: 1,
          confirmationState: {
            status: 'pending',
            deadlineAt: `2022-05-${day}T03:00:00.000Z`,
            parties: [{ partyId: party.uaGov, stance: null, statedAt: null, isInTime: false }],
          },
          flags: [], // no worker runs in this suite
        })),
      );
    });
  });

  describe('status, derived from the clock and what was reported', () => {
    it('is confirmed once Ukraine confirms, in time for every window', async () => {
      api.clock.set('2022-05-04T19:45:00Z');
      await fx.report(corridor.A, 'confirmations', {
        partyId: party.uaGov,
        stance: 'confirmed',
        statedAt: '2022-05-04T22:30:00+03:00',
      });
      const detail = (await get(`/corridors/${corridor.A}`)).body;
      expect(detail.status).toBe('confirmed');
      for (const window of detail.windows) {
        expect(window.confirmationState.status).toBe('confirmed');
        expect(window.confirmationState.parties).toEqual([
          { partyId: party.uaGov, stance: 'confirmed', statedAt: '2022-05-04T19:30:00.000Z', isInTime: true },
        ]);
      }
    });

    it('is open from the first minute of a window and no longer at its end (windows are half-open)', async () => {
      api.clock.set('2022-05-05T05:00:00Z');
      expect(await statusOf(corridor.A)).toBe('open');
      api.clock.set('2022-05-05T14:59:59Z');
      expect(await statusOf(corridor.A)).toBe('open');
      api.clock.set('2022-05-05T15:00:00Z');
      expect(await statusOf(corridor.A)).toBe('confirmed');
    });

    it('is disputed when a required party rejects it, and never shown open while rejected', async () => {
      expect(await statusOf(corridor.D)).toBe('announced');
      await fx.report(corridor.D, 'confirmations', {
        partyId: party.uaGov,
        stance: 'rejected',
        statedAt: '2022-05-05T12:00:00+03:00',
      });
      expect(await statusOf(corridor.D)).toBe('disputed');
      expect((await get(`/corridors/${corridor.D}`)).body.windows[0].confirmationState.status).toBe(
        'rejected',
      );
    });

    it('is failed when every window is over and no evacuation was reported, completed once one is', async () => {
      api.clock.set('2022-05-07T15:00:00Z');
      expect(await statusOf(corridor.A)).toBe('failed');
      await fx.report(corridor.A, 'evacuations', {
        windowId: windowsOf.A[2],
        sourcePartyId: party.ruMod,
        reportedAt: '2022-05-07T17:30:00+03:00',
        count: { qualifier: 'exact', value: 51 },
        category: 'civilians',
        arrivedAtId: place.zaporizhzhia,
      });
      expect(await statusOf(corridor.A)).toBe('completed');
      expect((await get(`/corridors/${corridor.A}`)).body.evacuation).toEqual({
        low: 51,
        high: 51,
        reportCount: 1,
      });
    });

    it('stays disputed inside its own window', async () => {
      api.clock.set('2022-05-08T06:00:00Z');
      expect(await statusOf(corridor.D)).toBe('disputed');
    });

    it('is cancelled when a coordinator cancels it, and a second cancellation is refused', async () => {
      const cancelled = await post(`/corridors/${corridor.F}/cancel`, {
        reason: 'Withdrawn by the announcing party',
      });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({
        status: 'cancelled',
        cancelReason: 'Withdrawn by the announcing party',
        cancelledAt: '2022-05-08T06:00:00.000Z',
      });
      const before = await storedState(api.db);
      expectProblem(
        await post(`/corridors/${corridor.F}/cancel`, { reason: 'again' }),
        409,
        'corridor-cancelled',
      );
      expectProblem(
        await post(`/corridors/${corridor.F}/windows`, {
          startsAt: '2022-05-13T08:00:00+03:00',
          endsAt: '2022-05-13T18:00:00+03:00',
        }),
        409,
        'corridor-cancelled',
      );
      expect(await storedState(api.db)).toEqual(before);
      expect((await get(`/corridors/${corridor.F}`)).body.cancelReason).toBe(
        'Withdrawn by the announcing party',
      );
    });
  });

  describe('editing', () => {
    it('applies an edit sent with the version read, and bumps the version', async () => {
      const read = (await get(`/corridors/${corridor.C}`)).body;
      const response = await api.http.patch(`/api/v1/corridors/${corridor.C}`).set(api.auth).send({
        version: read.version,
        name: 'Azovstal: passage in any direction they have chosen (Russian MoD)',
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        version: read.version + 1,
        name: 'Azovstal: passage in any direction they have chosen (Russian MoD)',
      });
      expect((await get(`/corridors/${corridor.C}`)).body.version).toBe(read.version + 1);
    });

    it('refuses an edit made on a stale read with 409 and changes nothing', async () => {
      const current = (await get(`/corridors/${corridor.C}`)).body;
      const before = await storedState(api.db);
      const response = await api.http
        .patch(`/api/v1/corridors/${corridor.C}`)
        .set(api.auth)
        .send({ version: current.version - 1, name: 'An edit from an old screen' });
      expectProblem(response, 409, 'stale-version', 'version');
      expect(await storedState(api.db)).toEqual(before);
      expect((await get(`/corridors/${corridor.C}`)).body).toMatchObject({
        name: current.name,
        version: current.version,
      });
    });

    it('clears a route or a source with null, and refuses null for a field a corridor cannot lack', async () => {
      const read = (await get(`/corridors/${corridor.C}`)).body;
      const routed = await api.http
        .patch(`/api/v1/corridors/${corridor.C}`)
        .set(api.auth)
        .send({
          version: read.version,
          route: {
            type: 'LineString',
            coordinates: [
              [37.61, 47.1],
              [35.14, 47.84],
            ],
          },
          sourceUrl: 'https://example.org/announcement',
        });
      expect(routed.status).toBe(200);
      expect(routed.body.route).toMatchObject({ type: 'LineString' });
      const cleared = await api.http
        .patch(`/api/v1/corridors/${corridor.C}`)
        .set(api.auth)
        .send({ version: routed.body.version, route: null, sourceUrl: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({ route: null, sourceUrl: null, version: routed.body.version + 1 });

      const before = await storedState(api.db);
      for (const field of ['name', 'originId', 'announcedById', 'announcedAt', 'timezone']) {
        const refused = await api.http
          .patch(`/api/v1/corridors/${corridor.C}`)
          .set(api.auth)
          .send({ version: cleared.body.version, [field]: null });
        expectProblem(refused, 400, 'validation', field);
      }
      expect(await storedState(api.db)).toEqual(before);
    });

    it('adds a window written in local time, read in the given zone or else in the corridor’s own', async () => {
      const inKyiv = await post(`/corridors/${corridor.D}/windows`, {
        startsAt: '2022-05-09T08:00',
        endsAt: '2022-05-09T18:00',
        timezone: 'Europe/Kyiv',
      });
      expect(inKyiv.status).toBe(201);
      expect(inKyiv.body).toMatchObject({
        startsAt: '2022-05-09T05:00:00.000Z',
        endsAt: '2022-05-09T15:00:00.000Z',
      });
      expect(inKyiv.body.confirmationState).toMatchObject({
        status: 'rejected',
        deadlineAt: '2022-05-09T03:00:00.000Z',
      });

      // D was announced in Moscow time: a window with no zone of its own is read there.
      const inMoscow = await post(`/corridors/${corridor.D}/windows`, {
        startsAt: '2022-05-10T09:00',
        endsAt: '2022-05-10T11:00',
      });
      expect(inMoscow.status).toBe(201);
      expect(inMoscow.body).toMatchObject({
        startsAt: '2022-05-10T06:00:00.000Z',
        endsAt: '2022-05-10T08:00:00.000Z',
      });

      const windows = (await get(`/corridors/${corridor.D}`)).body.windows.map((w: { id: string }) => w.id);
      expect(windows).toEqual(expect.arrayContaining([inKyiv.body.id, inMoscow.body.id]));
      expect(windows).toHaveLength(3);
    });
  });

  describe('conflicting figures', () => {
    it('keeps 344, "more than 320" and "over 300" for 4 May side by side: low 300, high 344', async () => {
      api.clock.set('2022-05-08T12:00:00Z');
      const [w3May, w4May] = windowsOf.B;
      const claims = [
        {
          sourcePartyId: party.uaGov,
          reportedAt: '2022-05-04T12:00:00+03:00',
          count: { qualifier: 'exact', value: 344 },
        },
        {
          sourcePartyId: party.unSg,
          reportedAt: '2022-05-05T12:00:00-04:00',
          count: { qualifier: 'at_least', value: 320 },
        },
        {
          sourcePartyId: party.unHc,
          reportedAt: '2022-05-04T12:00:00+03:00',
          count: { qualifier: 'at_least', value: 300 },
        },
      ];
      for (const claim of claims)
        await fx.report(corridor.B, 'evacuations', { ...claim, windowId: w4May, category: 'civilians' });
      await fx.report(corridor.B, 'evacuations', {
        windowId: w3May,
        sourcePartyId: party.unHc,
        reportedAt: '2022-05-03T20:00:00+03:00',
        count: { qualifier: 'range', value: 100, max: 120 },
        category: 'civilians',
      });
      await fx.report(corridor.B, 'evacuations', {
        sourcePartyId: party.uaGov,
        reportedAt: '2022-05-05T09:00:00+03:00',
        count: { qualifier: 'about', value: 30 },
        category: 'wounded',
      });

      const response = await get(`/corridors/${corridor.B}/evacuations/summary`);
      expect(response.status).toBe(200);
      const byWindow = new Map(
        response.body.windows.map((w: { windowId: string | null }) => [w.windowId, w]),
      );
      expect(byWindow.get(w4May)).toEqual({
        windowId: w4May,
        low: 300,
        high: 344,
        bySource: expect.arrayContaining([
          {
            sourcePartyId: party.uaGov,
            count: { qualifier: 'exact', value: 344 },
            reportedAt: '2022-05-04T09:00:00.000Z',
          },
          {
            sourcePartyId: party.unSg,
            count: { qualifier: 'at_least', value: 320 },
            reportedAt: '2022-05-05T16:00:00.000Z',
          },
          {
            sourcePartyId: party.unHc,
            count: { qualifier: 'at_least', value: 300 },
            reportedAt: '2022-05-04T09:00:00.000Z',
          },
        ]),
      });
      expect((byWindow.get(w4May) as { bySource: unknown[] }).bySource).toHaveLength(3);
      expect(byWindow.get(w3May)).toMatchObject({
        low: 100,
        high: 120,
        bySource: [{ count: { qualifier: 'range', value: 100, max: 120 } }],
      });
      expect(byWindow.get(null)).toMatchObject({
        low: 30,
        high: 30,
        bySource: [{ sourcePartyId: party.uaGov }],
      });
      // Reports that name no window come last.
      expect(response.body.windows.map((w: { windowId: string | null }) => w.windowId)).toEqual([
        ...[w3May, w4May].sort(),
        null,
      ]);
      expect(response.body.total).toMatchObject({ low: 100 + 300 + 30, high: 120 + 344 + 30 });
      expect(response.body.total.bySource).toHaveLength(5);
      // The corridor carries the same totals for lists and the dashboard.
      expect((await get(`/corridors/${corridor.B}`)).body.evacuation).toEqual({
        low: 430,
        high: 494,
        reportCount: 5,
      });
    });

    it('answers a corridor without reports with no total', async () => {
      const response = await get(`/corridors/${corridor.C}/evacuations/summary`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ total: null, windows: [] });
    });
  });

  describe('the corridor list', () => {
    // On 9 May at 09:00 Kyiv time: A and B are over with evacuations, C is over without,
    // D was rejected, E is inside its window, F was cancelled.
    const expectedStatus = () => ({
      announced: [],
      confirmed: [],
      open: [corridor.E],
      disputed: [corridor.D],
      completed: [corridor.A, corridor.B],
      failed: [corridor.C],
      cancelled: [corridor.F],
    });
    const idsOf = (response: { body: { items: { id: string }[] } }) =>
      response.body.items.map((c) => c.id).sort();

    beforeAll(() => {
      api.clock.set('2022-05-09T06:00:00Z');
    });

    it('walks every corridor two at a time through nextCursor, without duplicates or gaps', async () => {
      const all = await get('/corridors?limit=200');
      expect(all.status).toBe(200);
      expect(all.body.nextCursor).toBeNull();
      expect(idsOf(all)).toEqual(Object.values(corridor).sort());
      // Newest announcement first.
      const announced = all.body.items.map((c: { announcedAt: string }) => c.announcedAt);
      expect(announced).toEqual([...announced].sort().reverse());

      const walked: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } =
          await get(`/corridors?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        walked.push(...page.body.items.map((c) => c.id));
        cursor = page.body.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(walked).toEqual(all.body.items.map((c: { id: string }) => c.id));
    });

    it('filters by every status, derived as the detail derives it', async () => {
      for (const [status, ids] of Object.entries(expectedStatus())) {
        const response = await get(`/corridors?status=${status}`);
        expect({ status, ids: idsOf(response) }).toEqual({ status, ids: [...ids].sort() });
        for (const id of ids) expect(await statusOf(id)).toBe(status);
      }
    });

    it('filters by party (announcer or required), by location (origin or destination), by time and by words', async () => {
      const cases: [string, string[]][] = [
        [`partyId=${party.unHc}`, [corridor.B, corridor.E]],
        [`partyId=${party.unSg}`, []],
        [`locationId=${place.zaporizhzhia}`, [corridor.A, corridor.B, corridor.E, corridor.F]],
        [`locationId=${place.azovstal}`, [corridor.A, corridor.C]],
        [`locationId=${place.berdiansk}`, [corridor.E]],
        // Corridors with a window overlapping 5 May (UTC).
        [
          `from=${encodeURIComponent('2022-05-05T00:00:00Z')}&to=${encodeURIComponent('2022-05-06T00:00:00Z')}`,
          [corridor.A],
        ],
        [`to=${encodeURIComponent('2022-05-03T00:00:00+03:00')}`, [corridor.C]],
        [`from=${encodeURIComponent('2022-05-09T12:00:00+03:00')}`, [corridor.D, corridor.E, corridor.F]],
        ['q=AZOVSTAL', [corridor.A, corridor.C]],
        ['q=convoy', [corridor.E, corridor.F]],
        ['q=%25', []],
        [`q=azovstal&status=completed`, [corridor.A]],
      ];
      for (const [query, ids] of cases) {
        const response = await get(`/corridors?${query}`);
        expect({ query, status: response.status, ids: idsOf(response) }).toEqual({
          query,
          status: 200,
          ids: [...ids].sort(),
        });
      }
    });

    it('lists each corridor with its names, span and figures', async () => {
      const item = (await get(`/corridors?q=${encodeURIComponent('5–7 May')}`)).body.items[0];
      expect(item).toMatchObject({
        id: corridor.A,
        status: 'completed',
        originName: 'Azovstal Iron and Steel Works',
        destinationName: 'Zaporizhzhia',
        announcedByName: 'Ministry of Defence of the Russian Federation',
        firstStartsAt: '2022-05-05T05:00:00.000Z',
        lastEndsAt: '2022-05-07T15:00:00.000Z',
        evacuation: { low: 51, high: 51, reportCount: 1 },
      });
    });
  });

  describe('the timeline', () => {
    it('tells every event in time order, each with its source and who entered it', async () => {
      api.clock.set('2022-05-09T20:00:00Z');
      const confirmed = await fx.report(corridor.E, 'confirmations', {
        partyId: party.ruMod,
        stance: 'confirmed',
        statedAt: '2022-05-08T18:00:00+03:00',
        sourceUrl: 'https://t.me/mod_russia/15000',
      });
      await fx.report(corridor.E, 'confirmations', {
        partyId: party.uaGov,
        stance: 'conditional',
        statedAt: '2022-05-08T20:00:00+03:00',
        note: 'Only if the ceasefire holds along the whole route.',
      });
      await fx.report(corridor.E, 'incidents', {
        kind: 'shelling',
        occurredAt: '2022-05-09T10:15:00+03:00',
        description: 'Shelling reported near the assembly point.',
        sourcePartyId: party.unHc,
      });
      await fx.report(corridor.E, 'evacuations', {
        windowId: windowsOf.E[0],
        sourcePartyId: party.unHc,
        reportedAt: '2022-05-09T19:00:00+03:00',
        count: { qualifier: 'about', value: 150 },
        category: 'civilians',
      });
      await fx.report(corridor.E, 'remaining', {
        sourcePartyId: party.uaGov,
        reportedAt: '2022-05-09T21:00:00+03:00',
        count: { qualifier: 'range', value: 100, max: 300 },
        note: 'A few hundred civilians remain.',
      });
      expect(
        (
          await post(`/corridors/${corridor.E}/cancel`, {
            reason: 'Convoy could not pass the last checkpoint',
          })
        ).status,
      ).toBe(200);

      const response = await get(`/corridors/${corridor.E}/timeline`);
      expect(response.status).toBe(200);
      const events = response.body.events as {
        kind: string;
        at: string;
        sourcePartyId: string | null;
        enteredById: string;
      }[];
      expect(events.map((e) => e.kind)).toEqual([
        'announcement',
        'confirmation',
        'confirmation',
        'window',
        'incident',
        'evacuation',
        'remaining',
        'cancellation',
      ]);
      const at = events.map((e) => e.at);
      expect(at).toEqual([...at].sort());
      expect(events.every((e) => e.enteredById === adminId)).toBe(true);
      expect(events.map((e) => e.sourcePartyId)).toEqual([
        party.unHc,
        party.ruMod,
        party.uaGov,
        party.unHc,
        party.unHc,
        party.unHc,
        party.uaGov,
        null,
      ]);
      expect(events[1]).toMatchObject({
        recordId: confirmed.id,
        sourceUrl: 'https://t.me/mod_russia/15000',
        at: '2022-05-08T15:00:00.000Z',
      });
      expect(events[2]).toMatchObject({ note: 'Only if the ceasefire holds along the whole route.' });
      expect(events[5]).toMatchObject({ count: { qualifier: 'about', value: 150 } });
      expect(events[6]).toMatchObject({ count: { qualifier: 'range', value: 100, max: 300 } });
      expect(events[7]).toMatchObject({
        note: 'Convoy could not pass the last checkpoint',
        at: '2022-05-09T20:00:00.000Z',
      });
    });

    it('gives each event its facts as fields, not only as English text, so a client can say them in any language', async () => {
      const response = await get(`/corridors/${corridor.E}/timeline`);
      const byKind = (kind: string) =>
        (response.body.events as Record<string, unknown>[]).filter((e) => e.kind === kind);
      expect(byKind('confirmation')).toEqual([
        expect.objectContaining({ stance: 'confirmed', summary: 'Stance: confirmed' }),
        expect.objectContaining({ stance: 'conditional', summary: 'Stance: conditional' }),
      ]);
      expect(byKind('incident')).toEqual([
        expect.objectContaining({ incidentKind: 'shelling', summary: 'Incident: shelling' }),
      ]);
      expect(byKind('evacuation')).toEqual([
        expect.objectContaining({
          category: 'civilians',
          windowId: windowsOf.E[0],
          count: { qualifier: 'about', value: 150 },
          summary: 'about 150 civilians evacuated',
        }),
      ]);
      expect(byKind('evacuation')[0]).not.toHaveProperty('arrivedAtId');
    });

    it('answers 404 for the timeline and summary of a corridor that does not exist', async () => {
      const unknown = '6f1c2a9e-3b1d-4c7e-9a55-0d7f3e2b1c00';
      expectProblem(await get(`/corridors/${unknown}/timeline`), 404, 'not-found');
      expectProblem(await get(`/corridors/${unknown}/evacuations/summary`), 404, 'not-found');
    });
  });
});
