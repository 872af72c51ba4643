import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FlagRepository } from '#cw/persistence';
import { startApi, type ApiHarness } from '../support/api-harness.js';
import { Fixtures } from '../support/fixtures.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';

// Chromium names Kyiv "Europe/Kiev": the API takes that name and keeps the zone's current one, and a place keeps its
// zone, in which its corridors' times are shown (a UN operation in Mariupol announced from New York included).
describe.each(availableDialects())("places' zones and canonical zone names on %s", (dialect) => {
  let api: ApiHarness;
  let fx: Fixtures;
  let ruMod: string;
  let uaGov: string;
  const place = { mariupol: '', zaporizhzhia: '', unnamedZone: '' };
  const corridor = { fromNewYork: '', fromNowhere: '' };

  const get = (path: string) => api.http.get(`/api/v1${path}`).set(api.auth);
  const post = (path: string, body: object) => api.http.post(`/api/v1${path}`).set(api.auth).send(body);
  const created = async (path: string, body: object): Promise<Record<string, unknown>> => {
    const response = await post(path, body);
    expect(`${response.status} ${JSON.stringify(response.body)}`).toMatch(/^201 /);
    return response.body as Record<string, unknown>;
  };
  const corridorFrom = (originId: string, timezone: string, name: string) =>
    created('/corridors', {
      name,
      originId,
      destinationId: place.zaporizhzhia,
      announcedById: ruMod,
      announcedAt: '2022-05-04T12:00:00-04:00',
      timezone,
      requiredConfirmationIds: [uaGov],
      windows: [{ startsAt: '2022-05-05T08:00:00+03:00', endsAt: '2022-05-05T18:00:00+03:00' }],
    });

  beforeAll(async () => {
    api = await startApi(dialect);
    api.clock.set('2022-05-05T06:00:00Z');
    fx = new Fixtures(api);
    ruMod = await fx.party('Ministry of Defence of the Russian Federation');
    uaGov = await fx.party('Government of Ukraine');
    place.zaporizhzhia = await fx.location('Zaporizhzhia', 47.838, 35.139);
  });

  afterAll(async () => {
    await api?.close();
  });

  it("keeps a place's zone under its current name when sent as Chromium names it, and answers it", async () => {
    const mariupol = await created('/locations', {
      name: 'Mariupol',
      names: { uk: 'Маріуполь' },
      lat: 47.096,
      lon: 37.549,
      timezone: 'Europe/Kiev',
    });
    place.mariupol = mariupol.id as string;
    expect(mariupol.timezone).toBe('Europe/Kyiv');
    expect((await get(`/locations/${place.mariupol}`)).body.timezone).toBe('Europe/Kyiv');
    const [stored] = await api.db.all<{ timezone: string }>('SELECT timezone FROM location WHERE id = :id', {
      id: place.mariupol,
    });
    expect(stored.timezone).toBe('Europe/Kyiv');
  });

  it('says a place has no zone (null) when none was given', async () => {
    const body = await created('/locations', { name: 'Lunacharske ring' });
    place.unnamedZone = body.id as string;
    expect(body.timezone).toBeNull();
  });

  it('refuses a zone that does not exist, naming the field, and stores nothing', async () => {
    const before = (await get('/locations?limit=100')).body.items.length;
    const response = await post('/locations', { name: 'Atlantis', timezone: 'Europe/Mariupol' });
    expectProblem(response, 400, 'validation', 'timezone');
    const number = await post('/locations', { name: 'Atlantis', timezone: 3 });
    expectProblem(number, 400, 'validation', 'timezone');
    expect((await get('/locations?limit=100')).body.items).toHaveLength(before);
  });

  it("shows a corridor announced in New York in its origin's zone, in the corridor, the list and the dashboard", async () => {
    const body = await corridorFrom(place.mariupol, 'America/New_York', 'UN/ICRC operation 3');
    corridor.fromNewYork = body.id as string;
    expect([body.timezone, body.placeTimezone]).toEqual(['America/New_York', 'Europe/Kyiv']);
    expect((await get(`/corridors/${corridor.fromNewYork}`)).body).toMatchObject({
      timezone: 'America/New_York',
      placeTimezone: 'Europe/Kyiv',
    });
    const listed = (await get('/corridors')).body.items.find(
      (c: { id: string }) => c.id === corridor.fromNewYork,
    );
    expect(listed).toMatchObject({ timezone: 'America/New_York', placeTimezone: 'Europe/Kyiv' });
    const dashboard = (await get('/dashboard')).body;
    const window = dashboard.upcomingWindows.find(
      (w: { corridorId: string }) => w.corridorId === corridor.fromNewYork,
    );
    expect(window).toMatchObject({ timezone: 'America/New_York', placeTimezone: 'Europe/Kyiv' });
  });

  it("stores a corridor's zone sent as Europe/Kiev as Europe/Kyiv, and shows times in it when its origin has none", async () => {
    const body = await corridorFrom(place.unnamedZone, 'Europe/Kiev', 'From the ring');
    corridor.fromNowhere = body.id as string;
    expect([body.timezone, body.placeTimezone]).toEqual(['Europe/Kyiv', 'Europe/Kyiv']);
    const [stored] = await api.db.all<{ timezone: string }>('SELECT timezone FROM corridor WHERE id = :id', {
      id: corridor.fromNowhere,
    });
    expect(stored.timezone).toBe('Europe/Kyiv');
    const moscow = await corridorFrom(place.unnamedZone, 'Europe/Moscow', 'From the ring, Moscow time');
    expect([moscow.timezone, moscow.placeTimezone]).toEqual(['Europe/Moscow', 'Europe/Moscow']);
  });

  it("gives each flag its corridor's place zone", async () => {
    const detail = (await get(`/corridors/${corridor.fromNewYork}`)).body;
    await api.db.transaction((tx) =>
      api.app.get(FlagRepository).raise(
        [
          {
            id: randomUUID(),
            corridorId: corridor.fromNewYork,
            windowId: detail.windows[0].id,
            rule: 'unconfirmed_at_deadline',
            severity: 'warning',
          },
        ],
        new Date('2022-05-05T05:00:00Z'),
        tx,
      ),
    );
    const flags = (await get(`/flags?corridorId=${corridor.fromNewYork}`)).body.items;
    expect(flags.map((f: { placeTimezone: string }) => f.placeTimezone)).toEqual(['Europe/Kyiv']);
  });

  it("keeps a subscription's zone sent as Europe/Kiev as Europe/Kyiv", async () => {
    const body = await created('/subscriptions', {
      email: 'kyiv@ngo.test',
      mode: 'daily',
      digestHour: 7,
      timezone: 'Europe/Kiev',
      minSeverity: 'warning',
    });
    expect(body.timezone).toBe('Europe/Kyiv');
  });

  it('reads a local report time in a zone sent by its old name as in the zone itself', async () => {
    const report = await created(`/corridors/${corridor.fromNewYork}/incidents`, {
      kind: 'shelling',
      occurredAt: '2022-05-05T08:30',
      timezone: 'Europe/Kiev',
      description: 'Shelling near the plant',
    });
    expect(report.occurredAt).toBe('2022-05-05T05:30:00.000Z');
  });
});
