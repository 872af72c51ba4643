import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getIssues } from '@placemarkio/check-geojson';
import { FlagEvaluationService } from '#cw/flags';
import { auditSince, createMember, lastAuditSeq, type Member } from '../support/accounts.js';
import { startApi, type ApiHarness } from '../support/api-harness.js';
import { asText, readCsv } from '../support/csv.js';
import { demoData, importDemoData } from '../support/demo.js';
import { Fixtures } from '../support/fixtures.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';

// An HDX or QGIS user downloads what the corridor list shows: the Azovstal demo, imported through the API as
// `npm start` imports it, read back by independent readers (csv-parse, check-geojson).
describe.each(availableDialects())('exports on %s', (dialect) => {
  let api: ApiHarness;
  let viewer: Member;
  const demo = demoData();
  /** The records the import stored: a server older than the data leaves some out (scripts/demo-import.mjs). */
  let imported: Record<string, number>;
  let formulaCorridor = '';
  let routedCorridor = '';

  const get = (path: string, query: Record<string, string> = {}, auth = api.auth) =>
    api.http.get(`/api/v1/exports/${path}`).query(query).set(auth);
  const download = (path: string, query: Record<string, string> = {}, auth = api.auth) =>
    get(path, query, auth).buffer(true).parse(asText);

  beforeAll(async () => {
    api = await startApi(dialect);
    imported = (await importDemoData(api)).counts;
    const fx = new Fixtures(api);
    const party = await fx.party('=cmd|" /C calc"!A0 Militia');
    const origin = await fx.location('-Mariupol (left bank)', 47.1, 37.6);
    const destination = await fx.location('Berdiansk', 46.755, 36.789);
    const [manhush] = (await api.http.get('/api/v1/locations?q=Manhush').set(api.auth)).body.items;
    formulaCorridor = (
      await fx.corridor({
        name: '=HYPERLINK("http://evil.example","open me")',
        originId: origin,
        destinationId: destination,
        stopIds: [manhush.id],
        announcedById: party,
        announcedAt: '2022-05-06T10:00:00+03:00',
        timezone: 'Europe/Kyiv',
        sourceNote: '@SUM(1+1)\nsecond line, with a comma and a "quote"',
        windows: [{ startsAt: '2022-05-09T08:00:00+03:00', endsAt: '2022-05-09T18:00:00+03:00' }],
      })
    ).id;
    routedCorridor = (
      await fx.corridor({
        name: 'Berdiansk to Zaporizhzhia along the drawn road',
        originId: destination,
        announcedById: party,
        announcedAt: '2022-05-06T11:00:00+03:00',
        timezone: 'Europe/Kyiv',
        route: {
          type: 'LineString',
          coordinates: [
            [36.789, 46.755],
            [35.6, 47.3],
            [35.139, 47.838],
          ],
        },
      })
    ).id;
    // The flag rules of the worker, run on the imported demo at the harness's clock (10 May 2022).
    const corridors = await api.db.all<{ id: string }>('SELECT id FROM corridor');
    await api.app.get(FlagEvaluationService).evaluate(corridors.map((c) => c.id));
    const me = (await api.http.get('/api/v1/auth/me').set(api.auth)).body as { organisationId: string };
    viewer = await createMember(api, me.organisationId, 'viewer', 'viewer.exports@corridor.test');
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  it('writes corridors.csv as Excel and HDX read it: a BOM, CRLF lines, the header row, the HXL row, one row per corridor', async () => {
    const response = await download('corridors.csv');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="corridor-watch-corridors-2022-05-10.csv"',
    );
    const text = response.body as string;
    expect(text.split('\r\n').length).toBeGreaterThan(demo.corridors.length);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(true); // the note's own line break, quoted
    const csv = readCsv(text);
    expect(csv.hasBom).toBe(true);
    // The promise beside the status: a completed corridor may have kept it or not.
    expect(csv.headers.slice(0, 5)).toEqual(['id', 'name', 'status', 'promise', 'origin']);
    expect(csv.hashtags).toEqual(
      expect.arrayContaining(['#event+id', '#event+name', '#status', '#status+promise', '#loc+origin+name']),
    );
    expect(csv.hashtags).toEqual(
      expect.arrayContaining([
        '#loc+dest+name',
        '#geo+lat+origin',
        '#geo+lon+origin',
        '#date+start',
        '#date+end',
      ]),
    );
    expect(csv.hashtags).toEqual(
      expect.arrayContaining([
        '#org+announcer+name',
        '#affected+evacuated+min',
        '#affected+evacuated+max',
        '#meta+url',
      ]),
    );
    for (const tag of csv.hashtags) expect(tag).toMatch(/^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/);
    expect(csv.rows.map((r) => r.name).sort()).toEqual(
      [
        ...demo.corridors.map((c) => String(c.name)),
        '\'=HYPERLINK("http://evil.example","open me")',
        routedName(),
      ].sort(),
    );
    const operation1 = csv.rows.find((r) => r.name.startsWith('UN/ICRC safe passage operation 1'));
    expect(operation1).toMatchObject({
      origin: 'Azovstal Iron and Steel Works',
      'origin latitude': '47.098',
      'origin longitude': '37.61',
      destination: 'Zaporizhzhia',
      'announced at': expect.stringMatching(/^2022-0[45]-\d\dT\d\d:\d\d:\d\d\.000Z$/),
      status: 'completed',
      promise: 'kept',
    });
    // The Russian ceasefire of 5-7 May: people got out, Ukraine never confirmed it.
    expect(csv.rows.find((r) => r.name.startsWith('Azovstal: Russian ceasefire corridor'))).toMatchObject({
      status: 'completed',
      promise: 'unconfirmed',
    });
    expect(Number(operation1?.['evacuated low'])).toBeGreaterThan(0);
  });

  function routedName(): string {
    return 'Berdiansk to Zaporizhzhia along the drawn road';
  }

  it('neutralises every text cell a spreadsheet would run as a formula, and leaves numbers as numbers', async () => {
    const csv = readCsv((await download('corridors.csv')).body as string);
    const row = csv.rows.find((r) => r.id === formulaCorridor);
    expect(row).toMatchObject({
      name: '\'=HYPERLINK("http://evil.example","open me")',
      'announced by': '\'=cmd|" /C calc"!A0 Militia',
      origin: "'-Mariupol (left bank)",
      'source note': '\'@SUM(1+1)\nsecond line, with a comma and a "quote"',
      'origin longitude': '37.6',
    });
    const windows = readCsv((await download('windows.csv')).body as string);
    expect(windows.rows.find((r) => r['corridor id'] === formulaCorridor)).toMatchObject({
      corridor: '\'=HYPERLINK("http://evil.example","open me")',
      'starts at': '2022-05-09T05:00:00.000Z',
    });
  });

  it('applies the filters of GET /corridors: the same corridors as the list', async () => {
    const queries: Record<string, string>[] = [
      { status: 'completed' },
      { q: 'ICRC' },
      { status: 'failed', q: 'russian' },
    ];
    for (const query of queries) {
      const list = await api.http
        .get('/api/v1/corridors')
        .query({ ...query, limit: 200 })
        .set(api.auth);
      const csv = readCsv((await download('corridors.csv', query)).body as string);
      expect(csv.rows.map((r) => r.id).sort()).toEqual(
        list.body.items.map((c: { id: string }) => c.id).sort(),
      );
    }
    // A corridor's page exports that corridor alone.
    const one = readCsv((await download('windows.csv', { corridorId: formulaCorridor })).body as string);
    expect(one.rows.map((r) => r['corridor id'])).toEqual([formulaCorridor]);
    const none = readCsv((await download('corridors.csv', { q: 'no such corridor' })).body as string);
    expect(none.rows).toEqual([]);
    expect(none.hashtags[0]).toBe('#event+id');
  });

  it('writes the windows, every claim (one row each, its kind in a column) and the flags, each with its HXL row', async () => {
    const windows = readCsv((await download('windows.csv')).body as string);
    const windowCount = await api.db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM corridor_window');
    expect(windows.rows).toHaveLength(Number(windowCount?.n));
    expect(windows.hashtags).toEqual(
      expect.arrayContaining(['#date+start', '#date+end', '#status+confirmation', '#status+promise']),
    );
    expect(windows.rows.every((r) => r['corridor promise'] !== '')).toBe(true);
    const starts = windows.rows.map((r) => r['starts at']);
    expect(starts).toEqual([...starts].sort());

    const claims = readCsv((await download('claims.csv')).body as string);
    const kinds = (kind: string) => claims.rows.filter((r) => r.kind === kind);
    expect(kinds('confirmation')).toHaveLength(imported.confirmations);
    expect(kinds('evacuation')).toHaveLength(imported.evacuations);
    expect(kinds('remaining')).toHaveLength(imported.remaining);
    expect(kinds('incident')).toHaveLength(imported.incidents);
    // The ICRC's "130 to 150" arriving on 3 May: a range, its low and high the ends stated.
    const range = demo.evacuations.find(
      (e) => JSON.stringify(e.count) === '{"qualifier":"range","value":130,"max":150}',
    );
    expect(kinds('evacuation').find((r) => r.note === range?.note)).toMatchObject({
      qualifier: 'range',
      'evacuated low': '130',
      'evacuated high': '150',
      'remaining low': '',
    });
    expect(kinds('remaining')[0]['remaining low']).not.toBe('');
    expect(kinds('incident')[0].incident).toMatch(/^(shelling|blocked|closed_early|violation|other)$/);
    expect(kinds('confirmation')[0].stance).toMatch(/^(confirmed|rejected|conditional)$/);

    const evacuations = readCsv((await download('claims.csv', { kind: 'evacuation' })).body as string);
    expect(evacuations.rows.map((r) => r.id).sort()).toEqual(
      kinds('evacuation')
        .map((r) => r.id)
        .sort(),
    );

    const flags = readCsv((await download('flags.csv')).body as string);
    const flagCount = await api.db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM flag');
    expect(Number(flagCount?.n)).toBeGreaterThan(0);
    expect(flags.rows).toHaveLength(Number(flagCount?.n));
    expect(flags.hashtags).toEqual(expect.arrayContaining(['#severity', '#meta+rule', '#date+raised']));
    expect(flags.rows.map((r) => r.rule)).toContain('never_confirmed');
  });

  it('streams the file as it reads it: chunked, with no length known in advance', async () => {
    const response = await download('claims.csv');
    expect(response.headers['transfer-encoding']).toBe('chunked');
    expect(response.headers['content-length']).toBeUndefined();
  });

  it('writes GeoJSON that a validator accepts: corridors as lines longitude first, places as points, no crs', async () => {
    const response = await download('corridors.geojson');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/geo\+json/);
    const text = response.body as string;
    expect(getIssues(text)).toEqual([]);
    const collection = JSON.parse(text) as {
      type: string;
      crs?: unknown;
      features: {
        id: string;
        geometry: { type: string; coordinates: unknown } | null;
        properties: Record<string, unknown>;
      }[];
    };
    expect(collection.type).toBe('FeatureCollection');
    expect(collection).not.toHaveProperty('crs');
    const feature = (id: string) => collection.features.find((f) => f.id === id);
    const corridors = collection.features.filter((f) => f.properties.kind === 'corridor');
    expect(corridors).toHaveLength(demo.corridors.length + 2);
    const operation1 = corridors.find((f) =>
      String(f.properties.name).startsWith('UN/ICRC safe passage operation 1'),
    );
    // Azovstal (47.098 N, 37.61 E) through Manhush, its stop, to Zaporizhzhia: [longitude, latitude].
    expect(operation1?.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [37.61, 47.098],
        [37.3, 47.05],
        [35.167, 47.833],
      ],
    });
    expect(operation1?.properties).toMatchObject({
      status: 'completed',
      promise: 'kept',
      originName: 'Azovstal Iron and Steel Works',
    });
    // No route drawn: the line goes from the origin through the stop (Manhush) to the destination.
    expect(feature(formulaCorridor)?.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [37.6, 47.1],
        [37.3, 47.05],
        [36.789, 46.755],
      ],
    });
    expect(feature(formulaCorridor)?.properties.stopNames).toEqual(['Manhush']);
    expect(feature(routedCorridor)?.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [36.789, 46.755],
        [35.6, 47.3],
        [35.139, 47.838],
      ],
    });
    // "In any direction they have chosen": no destination, no route; the origin is all that is known.
    const anyDirection = corridors.find(
      (f) => f.properties.destinationId === null && f.id !== routedCorridor,
    );
    expect(anyDirection?.geometry).toEqual({ type: 'Point', coordinates: [37.61, 47.098] });
    const places = collection.features.filter((f) => f.properties.kind === 'place');
    expect(places.map((p) => p.properties.name)).toEqual(
      expect.arrayContaining(['Azovstal Iron and Steel Works', 'Zaporizhzhia', 'Berdiansk']),
    );
    for (const place of places) expect(place.geometry?.type).toBe('Point');

    const filtered = JSON.parse((await download('corridors.geojson', { q: 'drawn road' })).body as string);
    expect(getIssues(JSON.stringify(filtered))).toEqual([]);
    expect(filtered.features.map((f: { id: string }) => f.id)).toEqual([routedCorridor, expect.any(String)]);
  });

  it('lets a viewer export what a viewer reads, and audits who exported which file with which filter', async () => {
    const seq = await lastAuditSeq(api);
    const response = await download('windows.csv', { status: 'completed', q: 'UN/ICRC' }, viewer.auth);
    expect(response.status).toBe(200);
    const entries = await auditSince(api, seq);
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'export.download',
        entity: 'export',
        actorId: viewer.id,
        outcome: 'done',
        after: { file: 'windows.csv', filter: { status: 'completed', q: 'UN/ICRC' } },
      }),
    ]);
  });

  it('refuses an anonymous caller, a bad filter and an unknown claim kind with problems naming them', async () => {
    const anonymous = await api.http.get('/api/v1/exports/corridors.csv');
    expectProblem(anonymous, 401, 'unauthenticated');
    expectProblem(await get('corridors.csv', { from: 'yesterday' }), 400, 'invalid-time', 'from');
    expectProblem(await get('flags.csv', { status: 'promised' }), 400, 'validation', 'status');
    expectProblem(await get('claims.csv', { kind: 'rumour' }), 400, 'validation', 'kind');
    expectProblem(await get('corridors.geojson', { limit: '5' }), 400, 'validation', 'limit');
  });
});
