import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FlagRepository } from '#cw/persistence';
import { createKey } from '../support/accounts.js';
import { startApi, type ApiHarness } from '../support/api-harness.js';
import { Fixtures } from '../support/fixtures.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';

interface DashboardWindow {
  id: string;
  corridorId: string;
  corridorName: string;
  startsAt: string;
  confirmationState: {
    status: string;
    deadlineAt: string;
    parties: { partyId: string; name: string; stance: string | null; isInTime: boolean }[];
  };
}

// The console's first screen in one answer: on 5 May 2022 at 09:00 Kyiv time, one corridor is open, two have
// windows in the next 48 hours (one confirmed, one not), one is cancelled and one is further away; the figures of
// a past corridor disagree, and a flag of each severity is open.
describe.each(availableDialects())('the dashboard on %s', (dialect) => {
  let api: ApiHarness;
  let fx: Fixtures;
  let world: Awaited<ReturnType<Fixtures['azovstal']>>;
  const corridor = { open: '', tomorrow: '', later: '', cancelled: '', past: '' };
  const windowOf: Record<string, string> = {};

  const read = () => api.http.get('/api/v1/dashboard').set(api.auth);
  const make = async (key: keyof typeof corridor, name: string, windows: [string, string][]) => {
    const created = await fx.corridor({
      name,
      originId: world.azovstal,
      destinationId: world.zaporizhzhia,
      announcedById: world.ruMod,
      announcedAt: '2022-04-28T20:00:00+03:00',
      timezone: 'Europe/Kyiv',
      requiredConfirmationIds: [world.uaGov, world.un],
      windows: windows.map(([startsAt, endsAt]) => ({ startsAt, endsAt })),
    });
    corridor[key] = created.id;
    windowOf[key] = (created.body.windows as { id: string }[])[0].id;
  };

  beforeAll(async () => {
    api = await startApi(dialect);
    fx = new Fixtures(api);
    world = await fx.azovstal();
    api.clock.set('2022-05-05T06:00:00Z');
    await make('past', 'Mariupol convoy, 1 May', [
      ['2022-05-01T08:00:00+03:00', '2022-05-01T20:00:00+03:00'],
    ]);
    await make('open', 'Azovstal, 5 May', [['2022-05-05T08:00:00+03:00', '2022-05-05T18:00:00+03:00']]);
    await make('tomorrow', 'Azovstal, 6 May', [['2022-05-06T08:00:00+03:00', '2022-05-06T18:00:00+03:00']]);
    await make('later', 'Azovstal, 9 May', [['2022-05-09T08:00:00+03:00', '2022-05-09T18:00:00+03:00']]);
    await make('cancelled', 'Berdiansk, 6 May', [['2022-05-06T09:00:00+03:00', '2022-05-06T12:00:00+03:00']]);
    const cancel = await api.http
      .post(`/api/v1/corridors/${corridor.cancelled}/cancel`)
      .set(api.auth)
      .send({ reason: 'Withdrawn by the announcer' });
    expect(cancel.status).toBe(200);
    // Ukraine confirms 6 May in time; the UN only conditionally.
    await fx.report(corridor.tomorrow, 'confirmations', {
      partyId: world.uaGov,
      stance: 'confirmed',
      statedAt: '2022-05-05T08:30:00+03:00',
    });
    await fx.report(corridor.tomorrow, 'confirmations', {
      partyId: world.un,
      stance: 'conditional',
      statedAt: '2022-05-05T08:40:00+03:00',
    });
    // 1 May: the UN says 344, Ukraine "more than 320", late in the evening Kyiv time (already 2 May there).
    await fx.report(corridor.past, 'evacuations', {
      windowId: windowOf.past,
      sourcePartyId: world.un,
      reportedAt: '2022-05-01T22:30:00Z',
      count: { qualifier: 'exact', value: 344 },
      category: 'civilians',
    });
    await fx.report(corridor.past, 'evacuations', {
      windowId: windowOf.past,
      sourcePartyId: world.uaGov,
      reportedAt: '2022-05-01T23:00:00Z',
      count: { qualifier: 'at_least', value: 320 },
      category: 'civilians',
    });
    // A report naming no window, on 3 May.
    await fx.report(corridor.past, 'evacuations', {
      sourcePartyId: world.uaGov,
      reportedAt: '2022-05-03T12:00:00+03:00',
      count: { qualifier: 'range', value: 50, max: 60 },
      category: 'civilians',
    });
    const flags = api.app.get(FlagRepository);
    const flag = (key: string, rule: string, severity: string) => ({
      id: randomUUID(),
      corridorId: corridor[key as keyof typeof corridor],
      windowId: windowOf[key],
      rule,
      severity,
    });
    await api.db.transaction((tx) =>
      flags.raise(
        [
          flag('past', 'no_evacuation_reported', 'warning'),
          flag('past', 'never_confirmed', 'critical'),
          flag('past', 'count_discrepancy', 'info'),
          flag('open', 'unconfirmed_at_deadline', 'warning'),
        ],
        new Date('2022-05-05T05:00:00Z'),
        tx,
      ),
    );
    const resolved = flag('tomorrow', 'rejected', 'critical');
    await api.db.transaction(async (tx) => {
      await flags.raise([resolved], new Date('2022-05-05T04:00:00Z'), tx);
      await flags.resolve([resolved.id], new Date('2022-05-05T05:30:00Z'), tx);
    });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('lists the corridors open now, with their evacuation figures', async () => {
    const { status, body } = await read();
    expect(status).toBe(200);
    expect(body.generatedAt).toBe('2022-05-05T06:00:00.000Z');
    expect(body.openCorridors).toEqual([
      {
        id: corridor.open,
        name: 'Azovstal, 5 May',
        status: 'open',
        promise: 'pending',
        originName: 'Azovstal Iron and Steel Works',
        destinationName: 'Zaporizhzhia',
        originNames: {},
        destinationNames: {},
        timezone: 'Europe/Kyiv',
        // Its origin has no zone of its own: its times are shown in the corridor's.
        placeTimezone: 'Europe/Kyiv',
        evacuation: { low: null, high: null, reportCount: 0 },
        way: {
          coordinates: [
            [37.61, 47.098],
            [35.139, 47.838],
          ],
          isDrawn: false,
        },
      },
    ]);
  });

  it("names each open corridor's origin and destination in their local languages, as the places are edited", async () => {
    const named = await api.http
      .patch(`/api/v1/locations/${world.zaporizhzhia}`)
      .set(api.auth)
      .send({ names: { uk: 'Запоріжжя', ru: 'Запорожье' } });
    expect(named.status).toBe(200);
    const [open] = (await read()).body.openCorridors as Record<string, unknown>[];
    expect(open).toMatchObject({
      originName: 'Azovstal Iron and Steel Works',
      originNames: {},
      destinationName: 'Zaporizhzhia',
      destinationNames: { uk: 'Запоріжжя', ru: 'Запорожье' },
    });
  });

  it('gives each open corridor the way its map draws: through its stops in order, else the route drawn', async () => {
    const manhush = await fx.location('Manhush', 47.05, 37.3);
    const berdiansk = await fx.location('Berdiansk', 46.756, 36.789);
    const edit = (body: object) =>
      api.http.patch(`/api/v1/corridors/${corridor.open}`).set(api.auth).send(body);
    const wayNow = async () => (await read()).body.openCorridors[0].way;
    let version = (await api.http.get(`/api/v1/corridors/${corridor.open}`).set(api.auth)).body.version;
    const stopped = await edit({ version, stopIds: [manhush, berdiansk] });
    expect(stopped.status).toBe(200);
    expect(await wayNow()).toEqual({
      coordinates: [
        [37.61, 47.098],
        [37.3, 47.05],
        [36.789, 46.756],
        [35.139, 47.838],
      ],
      isDrawn: false,
    });
    const route = [
      [37.61, 47.098],
      [36.2, 47.3],
      [35.139, 47.838],
    ];
    const drawn = await edit({
      version: stopped.body.version,
      route: { type: 'LineString', coordinates: route },
    });
    expect(drawn.status).toBe(200);
    expect(await wayNow()).toEqual({ coordinates: route, isDrawn: true });
    version = drawn.body.version;
    expect((await edit({ version, stopIds: [], route: null })).status).toBe(200);
  });

  it('lists the windows of the next 48 hours soonest first, not cancelled ones, with each party by name', async () => {
    const { body } = await read();
    const windows = body.upcomingWindows as DashboardWindow[];
    expect(body.windowsUntil).toBe('2022-05-07T06:00:00.000Z');
    expect(windows.map((w) => [w.corridorName, w.startsAt])).toEqual([
      ['Azovstal, 5 May', '2022-05-05T05:00:00.000Z'],
      ['Azovstal, 6 May', '2022-05-06T05:00:00.000Z'],
    ]);
    const [today, tomorrow] = windows;
    expect(today.confirmationState.status).toBe('pending');
    expect(tomorrow.confirmationState).toEqual({
      status: 'partial',
      deadlineAt: '2022-05-06T03:00:00.000Z',
      parties: expect.arrayContaining([
        expect.objectContaining({
          partyId: world.uaGov,
          name: 'Government of Ukraine',
          stance: 'confirmed',
          statedAt: '2022-05-05T05:30:00.000Z',
          isInTime: true,
        }),
        expect.objectContaining({ partyId: world.un, name: 'United Nations OCHA', stance: 'conditional' }),
      ]),
    });
  });

  it('states each window as the corridor page does: the same domain rule', async () => {
    const { body } = await read();
    for (const w of body.upcomingWindows as DashboardWindow[]) {
      const page = await api.http.get(`/api/v1/corridors/${w.corridorId}`).set(api.auth);
      const same = (page.body.windows as (DashboardWindow & { id: string })[]).find((x) => x.id === w.id);
      expect(same).toBeDefined();
      expect({
        status: w.confirmationState.status,
        deadlineAt: w.confirmationState.deadlineAt,
        parties: w.confirmationState.parties.map(({ partyId, stance, isInTime }) => ({
          partyId,
          stance,
          isInTime,
        })),
      }).toEqual({
        status: same!.confirmationState.status,
        deadlineAt: same!.confirmationState.deadlineAt,
        parties: same!.confirmationState.parties
          .map(({ partyId, stance, isInTime }) => ({ partyId, stance, isInTime }))
          .sort(
            (a, b) =>
              w.confirmationState.parties.findIndex((p) => p.partyId === a.partyId) -
              w.confirmationState.parties.findIndex((p) => p.partyId === b.partyId),
          ),
      });
    }
  });

  it('counts open flags by severity and lists the most severe first; a resolved flag is not counted', async () => {
    const { body } = await read();
    expect(body.flags.open).toEqual({ critical: 1, warning: 2, info: 1, total: 4 });
    const listed = body.flags.mostSevere as { rule: string; severity: string; corridorName: string }[];
    expect(listed.map((f) => f.severity)).toEqual(['critical', 'warning', 'warning', 'info']);
    expect(listed[0]).toMatchObject({ rule: 'never_confirmed', corridorName: 'Mariupol convoy, 1 May' });
    expect(listed.map((f) => f.rule)).not.toContain('rejected');
  });

  it('says how many open flags still await a coordinator: an acknowledged one stays open, marked, but not awaited', async () => {
    const before = (await read()).body;
    expect(before.flags.awaiting).toEqual(before.flags.open);
    const deadline = (before.flags.mostSevere as { id: string; rule: string }[]).find(
      (f) => f.rule === 'unconfirmed_at_deadline',
    )!;
    const acknowledged = await api.http
      .post('/api/v1/flags/acknowledge')
      .set(api.auth)
      .send({ ids: [deadline.id], note: 'Buses held until Ukraine confirms' });
    expect(acknowledged.status).toBe(200);

    const { body } = await read();
    expect(body.flags.open).toEqual({ critical: 1, warning: 2, info: 1, total: 4 });
    expect(body.flags.awaiting).toEqual({ critical: 1, warning: 1, info: 1, total: 3 });
    const marks = (body.flags.mostSevere as { id: string; isAcknowledged: boolean }[]).map((f) => [
      f.id === deadline.id,
      f.isAcknowledged,
    ]);
    expect(marks.filter(([isIt]) => isIt)).toEqual([[true, true]]);
    expect(marks.filter(([isIt]) => !isIt).every(([, isAcknowledged]) => !isAcknowledged)).toBe(true);
    // The corridor list's flag column counts the same: the acknowledged warning is no longer awaited.
    const list = await api.http.get('/api/v1/corridors').set(api.auth);
    const counted = (list.body.items as { openFlags: { critical: number; warning: number; info: number } }[])
      .map((c) => c.openFlags)
      .reduce((sum, c) => ({
        critical: sum.critical + c.critical,
        warning: sum.warning + c.warning,
        info: sum.info + c.info,
      }));
    expect({ ...counted, total: counted.critical + counted.warning + counted.info }).toEqual(
      body.flags.awaiting,
    );
  });

  it('sums evacuations by the local day of the corridor, as ranges, never averaged', async () => {
    const { body } = await read();
    expect(body.evacuations).toEqual({
      low: 370,
      high: 404,
      corridorCount: 1,
      byDay: [
        // 22:30 UTC on 1 May is 01:30 on 2 May in Kyiv: the corridor's day, not the server's.
        { day: '2022-05-02', low: 320, high: 344 },
        { day: '2022-05-03', low: 50, high: 60 },
      ],
    });
  });

  describe('for a chosen period', () => {
    const inKyiv = (from: string, to: string) =>
      api.http.get('/api/v1/dashboard').query({ from, to, timezone: 'Europe/Kyiv' }).set(api.auth);

    it('says "now" without a period', async () => {
      expect((await read()).body.period).toBeNull();
    });

    it('shows 1–2 May in Kyiv: the corridor and window of those days, their flags, the evacuations reported then', async () => {
      const { status, body } = await inKyiv('2022-05-01T00:00', '2022-05-03T00:00');
      expect(status).toBe(200);
      expect(body.period).toEqual({ from: '2022-04-30T21:00:00.000Z', to: '2022-05-02T21:00:00.000Z' });
      expect(body.windowsUntil).toBe('2022-05-02T21:00:00.000Z');
      expect(body.openCorridors.map((c: { name: string; status: string }) => [c.name, c.status])).toEqual([
        ['Mariupol convoy, 1 May', 'completed'],
      ]);
      expect((body.upcomingWindows as DashboardWindow[]).map((w) => w.corridorName)).toEqual([
        'Mariupol convoy, 1 May',
      ]);
      // The flags of that window, whenever they were raised; the 3 May report is outside the period.
      expect(body.flags.open).toEqual({ critical: 1, warning: 1, info: 1, total: 3 });
      expect(body.evacuations).toEqual({
        low: 320,
        high: 344,
        corridorCount: 1,
        byDay: [{ day: '2022-05-02', low: 320, high: 344 }],
      });
    });

    it('counts a flag resolved since among the flags of the period, and says it is resolved', async () => {
      const { body } = await inKyiv('2022-05-05T00:00', '2022-05-07T00:00');
      expect((body.upcomingWindows as DashboardWindow[]).map((w) => w.corridorName)).toEqual([
        'Azovstal, 5 May',
        'Azovstal, 6 May',
      ]);
      expect(body.flags.open).toEqual({ critical: 1, warning: 1, info: 0, total: 2 });
      expect(body.flags.mostSevere.map((f: { rule: string; isOpen: boolean }) => [f.rule, f.isOpen])).toEqual(
        [
          ['rejected', false],
          ['unconfirmed_at_deadline', true],
        ],
      );
      expect(body.evacuations).toEqual({ low: null, high: null, corridorCount: 0, byDay: [] });
    });

    it('refuses a period without an end, backwards, longer than 31 days, or in an unknown zone, naming the field', async () => {
      const get = (query: Record<string, string>) =>
        api.http.get('/api/v1/dashboard').query(query).set(api.auth);
      expectProblem(await get({ from: '2022-05-04T00:00:00Z' }), 400, 'validation', 'to');
      expectProblem(await get({ to: '2022-05-04T00:00:00Z' }), 400, 'validation', 'from');
      expectProblem(
        await get({ from: '2022-05-05T00:00:00Z', to: '2022-05-04T00:00:00Z' }),
        400,
        'invalid-period',
        'to',
      );
      expectProblem(
        await get({ from: '2022-04-01T00:00:00Z', to: '2022-05-04T00:00:00Z' }),
        400,
        'invalid-period',
        'to',
      );
      expectProblem(
        await get({ from: '2022-05-04T00:00', to: '2022-05-05T00:00', timezone: 'Europe/Mariupol' }),
        400,
        'unknown-time-zone',
        'timezone',
      );
      expectProblem(await get({ timezone: 'Mars/Olympus' }), 400, 'unknown-time-zone', 'timezone');
      expectProblem(
        await get({ from: '2022-05-04T00:00', to: '2022-05-05T00:00' }),
        400,
        'time-without-offset',
        'from',
      );
      expectProblem(await get({ from: '4 May', to: '2022-05-05T00:00:00Z' }), 400, 'invalid-time', 'from');
    });
  });

  it('answers every signed-in role and a read-only API key, and nobody without credentials', async () => {
    const key = await createKey(api, api.auth, ['read']);
    const byKey = await api.http.get('/api/v1/dashboard').set(key.auth);
    expect(byKey.status).toBe(200);
    expectProblem(await api.http.get('/api/v1/dashboard'), 401, 'unauthenticated');
  });

  it('is empty, not failing, on a quiet day', async () => {
    // A month on, the admin's session has expired: an API key reads it.
    const key = await createKey(api, api.auth, ['read']);
    api.clock.set('2022-06-01T00:00:00Z');
    const { status, body } = await api.http.get('/api/v1/dashboard').set(key.auth);
    expect(status).toBe(200);
    expect(body.openCorridors).toEqual([]);
    expect(body.upcomingWindows).toEqual([]);
    api.clock.set('2022-05-05T06:00:00Z');
  });
});
