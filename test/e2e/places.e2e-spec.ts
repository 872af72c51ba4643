import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createMember, createOrganisation, type Member } from '../support/accounts.js';
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
    const sent = {
      name: 'Zaporizhzhia',
      names: { uk: 'Запоріжжя', ru: 'Запорожье' },
      aliases: ['Zaporizhia', ' Zaporozhye '],
      lat: 47.833,
      lon: 35.167,
      countryCode: 'UA',
    };
    const body = await created(sent);
    place.zaporizhzhia = body.id as string;
    // What was sent, the alias trimmed.
    const expected = { ...sent, id: place.zaporizhzhia, aliases: ['Zaporizhia', 'Zaporozhye'] };
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

  // A place recorded in a hurry keeps a misspelt name and no zone; an edit puts it right, and the corridors from it
  // follow at once (their times are shown in the origin's zone).
  describe('editing a place', () => {
    let corridorId: string;
    let reporterA: Member;
    let reporterB: Member;
    let bilmak: string;
    const edit = (id: string, body: object, as: { Authorization: string } = api.auth) =>
      api.http.patch(`/api/v1/locations/${id}`).set(as).send(body);
    const placeTimezone = async () => ({
      one: (await get(`/corridors/${corridorId}`)).body.placeTimezone as string,
      listed: ((await get(`/corridors?locationId=${bilmak}`)).body.items as { placeTimezone: string }[]).map(
        (c) => c.placeTimezone,
      ),
    });

    beforeAll(async () => {
      const orgA = await createOrganisation(api, 'Field NGO A (places)');
      const orgB = await createOrganisation(api, 'Field NGO B (places)');
      reporterA = await createMember(api, orgA, 'reporter', 'reporter.a@places.test');
      reporterB = await createMember(api, orgB, 'reporter', 'reporter.b@places.test');
      const response = await api.http
        .post('/api/v1/locations')
        .set(reporterA.auth)
        .send({ name: 'Bilmac', aliases: ['Kuibysheve'] });
      expect(response.status).toBe(201);
      bilmak = response.body.id as string;
      corridorId = (
        await fx.corridor({
          name: 'Bilmak to Zaporizhzhia, 6 May',
          originId: bilmak,
          destinationId: place.zaporizhzhia,
          announcedById: ruMod,
          announcedAt: '2022-05-04T12:00:00+03:00',
          timezone: 'Europe/Moscow',
        })
      ).id;
    });

    it("gives a place its zone, and the corridors from it show their times in it; null gives the corridor's back", async () => {
      expect(await placeTimezone()).toEqual({ one: 'Europe/Moscow', listed: ['Europe/Moscow'] });
      const response = await edit(bilmak, { timezone: 'Europe/Kiev' }, reporterA.auth);
      expect(`${response.status} ${JSON.stringify(response.body)}`).toMatch(/^200 /);
      expect(response.body).toMatchObject({ id: bilmak, name: 'Bilmac', timezone: 'Europe/Kyiv' });
      expect(await placeTimezone()).toEqual({ one: 'Europe/Kyiv', listed: ['Europe/Kyiv'] });

      expect((await edit(bilmak, { timezone: null }, reporterA.auth)).body.timezone).toBeNull();
      expect(await placeTimezone()).toEqual({ one: 'Europe/Moscow', listed: ['Europe/Moscow'] });
      expect((await edit(bilmak, { timezone: 'Europe/Zaporozhye' }, reporterA.auth)).body.timezone).toBe(
        'Europe/Kyiv',
      );
    });

    it('puts a misspelt name right, with its local names, aliases and position, and search follows', async () => {
      const sent = {
        name: ' Bilmak ',
        names: { uk: 'Більмак', ru: 'Бильмак' },
        aliases: ['Kuibysheve', 'Bilmac'],
        lat: 47.35,
        lon: 36.65,
        adminArea: 'Zaporizhzhia Oblast',
        countryCode: 'UA',
      };
      const response = await edit(bilmak, sent, reporterA.auth);
      // What was sent, the name trimmed; the zone given by the test before is kept.
      const expected = { ...sent, id: bilmak, name: 'Bilmak', timezone: 'Europe/Kyiv' };
      expect(response.body).toMatchObject(expected);
      expect((await get(`/locations/${bilmak}`)).body).toMatchObject(expected);
      expect(await namesFound('бильмак')).toEqual(['Bilmak']);
      expect(await namesFound('bilmac')).toEqual(['Bilmak']);

      // Aliases are replaced whole; what is no longer a name of the place no longer finds it.
      await edit(bilmak, { aliases: ['Kuibysheve'] }, reporterA.auth);
      expect(await namesFound('bilmac')).toEqual([]);
      expect(await namesFound('kuibyshev')).toEqual(['Bilmak']);

      const cleared = await edit(
        bilmak,
        { lat: null, lon: null, adminArea: null, names: null },
        reporterA.auth,
      );
      expect(cleared.body).toMatchObject({
        lat: null,
        lon: null,
        adminArea: null,
        names: {},
        countryCode: 'UA',
      });
      expect(await namesFound('більмак')).toEqual([]);
    });

    it('audits an edit with what changed only, before and after, and nothing for an edit that changes nothing', async () => {
      await edit(
        bilmak,
        { name: 'Bilmak', countryCode: 'UA', adminArea: 'Zaporizhzhia Oblast' },
        reporterA.auth,
      );
      await edit(bilmak, { adminArea: 'Zaporizhzhia Oblast' }, reporterA.auth);
      const audit = (await get(`/audit?entity=location&entityId=${bilmak}`)).body.items as Record<
        string,
        unknown
      >[];
      expect(audit[0]).toMatchObject({
        action: 'location.update',
        outcome: 'done',
        actorId: reporterA.id,
        before: { adminArea: null },
        after: { adminArea: 'Zaporizhzhia Oblast' },
      });
      expect(Object.keys(audit[0].after as object)).toEqual(['adminArea']);
      expect(audit.find((e) => (e.after as { timezone?: string }).timezone === 'Europe/Kyiv')).toMatchObject({
        before: { timezone: null },
        after: { timezone: 'Europe/Kyiv' },
      });
      expect(audit.map((e) => e.action).filter((a) => a === 'location.update')).toHaveLength(7);
    });

    it('refuses bad input with 400 naming the field, and an unknown place with 404, storing nothing', async () => {
      const before = await storedState(api.db);
      const refused: [object, string][] = [
        [{ lat: 47.1 }, 'lon'],
        [{ lat: null, lon: 36.6 }, 'lat'],
        [{ lat: 91, lon: 36.6 }, 'lat'],
        [{ timezone: 'Europe/Mariupol' }, 'timezone'],
        [{ name: null }, 'name'],
        [{ name: '   ' }, 'name'],
        [{ names: { uk_UA: 'Більмак' } }, 'names'],
        [{ aliases: 'Bilmac' }, 'aliases'],
        [{ countryCode: 'ua' }, 'countryCode'],
        [{ organisationId: reporterB.organisationId }, 'organisationId'],
      ];
      for (const [body, field] of refused) expectProblem(await edit(bilmak, body), 400, 'validation', field);
      expectProblem(
        await edit('0b8e7f7c-1d2a-4e55-9c3e-5a1f4b6d7e80', { name: 'Nowhere' }),
        404,
        'not-found',
      );
      expect(await storedState(api.db)).toEqual(before);
    });

    it("refuses another organisation's reporter with 403 and audits the attempt; an admin edits any", async () => {
      const before = (await get(`/locations/${bilmak}`)).body as Record<string, unknown>;
      expectProblem(await edit(bilmak, { name: 'Bilmak (B)' }, reporterB.auth), 403, 'forbidden');
      expect((await get(`/locations/${bilmak}`)).body).toEqual(before);
      const audit = (await get(`/audit?entity=location&entityId=${bilmak}`)).body.items as Record<
        string,
        unknown
      >[];
      expect(audit[0]).toMatchObject({
        action: 'location.update',
        outcome: 'refused',
        actorId: reporterB.id,
      });

      const byAdmin = await edit(bilmak, { names: { uk: 'Більмак' } });
      expect(byAdmin.body).toMatchObject({ name: 'Bilmak', names: { uk: 'Більмак' } });
    });
  });
});
