import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApi, storedState, type ApiHarness } from '../support/api-harness.js';
import { Fixtures } from '../support/fixtures.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';

// Sources name the same town in three languages and several spellings ("joined us in Mangush", "Запорожье"), and
// some places are known by name alone. A coordinator finds each by any of them; a corridor names its stops.
describe.each(availableDialects())('places and the stops on the way on %s', (dialect) => {
  let api: ApiHarness;
  let fx: Fixtures;
  const place = { mariupol: '', manhush: '', zaporizhzhia: '', berdiansk: '', tokmak: '', vasylivka: '' };
  let ruMod: string;

  const get = (path: string) => api.http.get(`/api/v1${path}`).set(api.auth);
  const post = (path: string, body: object) => api.http.post(`/api/v1${path}`).set(api.auth).send(body);
  const patch = (path: string, body: object) => api.http.patch(`/api/v1${path}`).set(api.auth).send(body);
  const namesFound = async (q: string): Promise<string[]> => {
    const response = await get(`/locations?q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(200);
    return (response.body.items as { name: string }[]).map((p) => p.name);
  };
  const created = async (body: object): Promise<Record<string, unknown>> => {
    const response = await post('/locations', body);
    expect(`${response.status} ${JSON.stringify(response.body)}`).toMatch(/^201 /);
    return response.body as Record<string, unknown>;
  };

  beforeAll(async () => {
    api = await startApi(dialect);
    fx = new Fixtures(api);
    ruMod = await fx.party('Ministry of Defence of the Russian Federation');
    await fx.party('Government of Ukraine');
    place.mariupol = await fx.location('Mariupol', 47.096, 37.549);
    place.manhush = (
      await created({
        name: 'Manhush',
        names: { uk: 'Мангуш', ru: 'Мангуш' },
        aliases: ['Mangush'],
        lat: 47.05,
        lon: 37.3,
      })
    ).id as string;
    place.berdiansk = (await created({ name: 'Berdiansk', aliases: ['Berdyansk'], lat: 46.756, lon: 36.789 }))
      .id as string;
    place.tokmak = (await created({ name: 'Tokmak', names: { uk: 'Токмак' }, lat: 47.249, lon: 35.703 }))
      .id as string;
    place.vasylivka = (
      await created({ name: 'Vasylivka', aliases: ['Vasilyevka'], lat: 47.443, lon: 35.282 })
    ).id as string;
  });

  afterAll(async () => {
    await api?.close();
  });

  it('records a place with its Ukrainian and Russian names and the spellings sources use', async () => {
    const body = await created({
      name: 'Zaporizhzhia',
      names: { uk: 'Запоріжжя', ru: 'Запорожье' },
      aliases: ['Zaporizhia', ' Zaporozhye '],
      lat: 47.833,
      lon: 35.167,
      countryCode: 'UA',
    });
    place.zaporizhzhia = body.id as string;
    const expected = {
      id: place.zaporizhzhia,
      name: 'Zaporizhzhia',
      names: { uk: 'Запоріжжя', ru: 'Запорожье' },
      aliases: ['Zaporizhia', 'Zaporozhye'],
      lat: 47.833,
      lon: 35.167,
      countryCode: 'UA',
    };
    expect(body).toMatchObject(expected);
    expect((await get(`/locations/${place.zaporizhzhia}`)).body).toMatchObject(expected);
  });

  it('records a place known only by name, with no coordinates, and says so', async () => {
    const bezimenne = await created({ name: 'Bezimenne', names: { uk: 'Безіменне' } });
    expect(bezimenne).toMatchObject({ lat: null, lon: null, names: { uk: 'Безіменне' }, aliases: [] });
    const explicit = await created({ name: 'Lunacharske ring', lat: null, lon: null });
    expect(explicit).toMatchObject({ lat: null, lon: null, names: {}, aliases: [] });
    expect((await get(`/locations/${bezimenne.id as string}`)).body).toMatchObject({ lat: null, lon: null });
  });

  it('finds a place by its name, a local name or an alias, in any case and any script', async () => {
    expect(await namesFound('mangush')).toEqual(['Manhush']);
    expect(await namesFound('ZAPORIZHIA')).toEqual(['Zaporizhzhia']);
    expect(await namesFound('ЗАПОРОЖЬЕ')).toEqual(['Zaporizhzhia']);
    expect(await namesFound('запоріжжя')).toEqual(['Zaporizhzhia']);
    expect(await namesFound('Мангуш')).toEqual(['Manhush']);
    expect(await namesFound('  berdyansk ')).toEqual(['Berdiansk']);
    // Part of a name; a wildcard is a character like any other.
    expect(await namesFound('zapor')).toEqual(['Zaporizhzhia']);
    expect(await namesFound('%')).toEqual([]);
    expect(await namesFound('_')).toEqual([]);
    expect(await namesFound('Kherson')).toEqual([]);
  });

  it('pages a search like any list, by name', async () => {
    // "ia" is in Berdiansk and Zaporizhzhia (and in no other name, local name or alias here).
    const first = await get('/locations?q=ia&limit=1');
    expect(first.body.items.map((p: { name: string }) => p.name)).toEqual(['Berdiansk']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await get(`/locations?q=ia&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body).toMatchObject({
      items: [expect.objectContaining({ name: 'Zaporizhzhia' })],
      nextCursor: null,
    });
  });

  describe('a corridor through its stops', () => {
    let corridorId: string;
    let version: number;

    it('keeps the stops in the order announced, and is found by any of them', async () => {
      api.clock.set('2022-05-04T10:00:00Z');
      const { id, body } = await fx.corridor({
        name: 'Mariupol to Zaporizhzhia via Berdiansk, Tokmak and Vasylivka, 4 May',
        originId: place.mariupol,
        destinationId: place.zaporizhzhia,
        announcedById: ruMod,
        announcedAt: '2022-05-04T12:00:00+03:00',
        timezone: 'Europe/Kyiv',
        stopIds: [place.berdiansk, place.tokmak, place.vasylivka],
        windows: [{ startsAt: '2022-05-04T08:00:00+03:00', endsAt: '2022-05-05T00:00:00+03:00' }],
      });
      corridorId = id;
      expect(body).toMatchObject({
        stopIds: [place.berdiansk, place.tokmak, place.vasylivka],
        operationId: null,
      });
      const read = await get(`/corridors/${id}`);
      expect(read.body.stopIds).toEqual([place.berdiansk, place.tokmak, place.vasylivka]);
      version = read.body.version as number;

      const elsewhere = await fx.corridor({
        name: 'Azovstal: ceasefire and corridor 5–7 May',
        originId: place.manhush,
        announcedById: ruMod,
        announcedAt: '2022-05-04T12:00:00+03:00',
        timezone: 'Europe/Moscow',
      });
      const idsThrough = async (locationId: string) =>
        ((await get(`/corridors?locationId=${locationId}`)).body.items as { id: string }[]).map((c) => c.id);
      expect(await idsThrough(place.tokmak)).toEqual([id]);
      expect(await idsThrough(place.mariupol)).toEqual([id]);
      expect(await idsThrough(place.zaporizhzhia)).toEqual([id]);
      expect(await idsThrough(place.manhush)).toEqual([elsewhere.id]);
    });

    it('changes the stops with an edit of the current version, and shows the change on the timeline', async () => {
      const response = await patch(`/corridors/${corridorId}`, {
        version,
        stopIds: [place.vasylivka, place.tokmak],
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ version: version + 1, stopIds: [place.vasylivka, place.tokmak] });
      expect(((await get(`/corridors?locationId=${place.berdiansk}`)).body.items as unknown[]).length).toBe(
        0,
      );
      const timeline = (await get(`/corridors/${corridorId}/timeline`)).body.events as Record<
        string,
        unknown
      >[];
      expect(timeline).toContainEqual(
        expect.objectContaining({
          kind: 'edit',
          changes: [
            {
              field: 'stopIds',
              before: [place.berdiansk, place.tokmak, place.vasylivka],
              after: [place.vasylivka, place.tokmak],
            },
          ],
        }),
      );
      version += 1;
    });

    it('refuses a stale version with 409 and an unknown stop with 422 naming stopIds, changing nothing', async () => {
      const before = await storedState(api.db);
      expectProblem(
        await patch(`/corridors/${corridorId}`, { version: version - 1, stopIds: [] }),
        409,
        'stale-version',
        'version',
      );
      expectProblem(
        await patch(`/corridors/${corridorId}`, {
          version,
          stopIds: [place.tokmak, '0b8e7f7c-1d2a-4e55-9c3e-5a1f4b6d7e80'],
        }),
        422,
        'unknown-reference',
        'stopIds',
      );
      expect(await storedState(api.db)).toEqual(before);
      expect((await get(`/corridors/${corridorId}`)).body.stopIds).toEqual([place.vasylivka, place.tokmak]);
    });

    it('clears the stops with an empty list', async () => {
      const response = await patch(`/corridors/${corridorId}`, { version, stopIds: [] });
      expect(response.body).toMatchObject({ stopIds: [], version: version + 1 });
    });
  });
});
