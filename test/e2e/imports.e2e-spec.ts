import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { stringify } from 'csv-stringify/sync';
import {
  auditSince,
  createMember,
  createOrganisation,
  lastAuditSeq,
  type Member,
} from '../support/accounts.js';
import { startApi, storedState, type ApiHarness } from '../support/api-harness.js';
import { asText, readCsv } from '../support/csv.js';
import { importDemoData } from '../support/demo.js';
import { Fixtures } from '../support/fixtures.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';

type Kind = 'corridors' | 'windows' | 'evacuations';
type Cells = Record<string, string>;

const OPERATION_1 = 'UN/ICRC safe passage operation 1: Azovstal to Zaporizhzhia, 29 April - 3 May';
const RU_CEASEFIRE = 'Azovstal: Russian ceasefire corridor 08:00-18:00 Moscow time, 5-7 May';

/** A CSV file as a spreadsheet writes one: the header row (every column a row fills), then a row per record. */
function csvFile(rows: Cells[], headers = [...new Set(rows.flatMap((row) => Object.keys(row)))]): string {
  return stringify([headers, ...rows.map((row) => headers.map((h) => row[h] ?? ''))], {
    record_delimiter: 'windows',
  });
}

/** An evacuation report of the demo's first UN/ICRC operation, as a field team's spreadsheet holds it. */
const evacuationRow = (changes: Cells = {}): Cells => ({
  corridor: OPERATION_1,
  source: 'International Committee of the Red Cross',
  'reported at': '2022-05-03T18:00:00+03:00',
  category: 'civilians',
  qualifier: 'exact',
  'evacuated low': '101',
  'arrived at': 'Zaporizhzhia',
  note: 'Counted at the reception centre.',
  ...changes,
});

interface ImportProblem {
  row: number | null;
  column: string | null;
  message: string;
}

// Field teams already hold their figures in spreadsheets; an integrator moves records between deployments.
describe.each(availableDialects())('CSV imports on %s', (dialect) => {
  let api: ApiHarness;
  let fx: Fixtures;
  let reporter: Member;
  let viewer: Member;
  let outsider: Member;

  const importCsv = (kind: Kind, body: string | Buffer, dryRun?: boolean, auth = api.auth) =>
    api.http
      .post(`/api/v1/imports/${kind}`)
      .query(dryRun === undefined ? {} : { dryRun: String(dryRun) })
      .set(auth)
      .set('content-type', 'text/csv')
      .send(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);

  beforeAll(async () => {
    api = await startApi(dialect);
    fx = new Fixtures(api);
    await importDemoData(api);
    const me = (await api.http.get('/api/v1/auth/me').set(api.auth)).body as { organisationId: string };
    reporter = await createMember(api, me.organisationId, 'reporter', 'reporter.imports@corridor.test');
    viewer = await createMember(api, me.organisationId, 'viewer', 'viewer.imports@corridor.test');
    const otherOrganisation = await createOrganisation(api, 'Another NGO');
    outsider = await createMember(api, otherOrganisation, 'coordinator', 'coordinator.other@corridor.test');
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  describe('templates', () => {
    it.each(['corridors', 'windows', 'evacuations'] as const)(
      'give the header row, the HXL row and an example row of %s, which a dry run against the demo takes',
      async (kind) => {
        const response = await api.http
          .get(`/api/v1/imports/${kind}/template.csv`)
          .set(viewer.auth)
          .buffer(true)
          .parse(asText);
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
        const template = readCsv(response.body as string);
        expect(template.hasBom).toBe(true);
        expect(template.rows).toHaveLength(1);
        expect(template.hashtags.every((tag) => tag.startsWith('#'))).toBe(true);
        expect(template.headers).not.toContain('id');
        const dryRun = await importCsv(kind, response.body as string);
        expect(dryRun.body).toMatchObject({ kind, dryRun: true, rows: 1, valid: 1, stored: 0, errors: [] });
      },
    );

    it('name no import that does not exist', async () => {
      expectProblem(
        await api.http.get('/api/v1/imports/incidents/template.csv').set(api.auth),
        404,
        'not-found',
      );
    });
  });

  describe('bad files: a dry run lists every problem by row and column, a commit stores nothing, nothing answers 500', () => {
    const good = evacuationRow({
      'reported at': '2022-05-03T17:00:00+03:00',
      note: 'A good row beside the bad ones.',
    });
    const cases: { what: string; file: () => string | Buffer; problems: ImportProblem[] }[] = [
      {
        what: 'a file that is not UTF-8',
        file: () =>
          Buffer.concat([
            Buffer.from(csvFile([good, evacuationRow({ 'arrived at': '' })]).replace(/\r\n$/, '')),
            Buffer.from('\r\n"Zaporizhzhia \xe9"', 'latin1'),
          ]),
        problems: [
          { row: null, column: null, message: expect.stringMatching(/not UTF-8 .*line 4/) as never },
        ],
      },
      {
        what: 'an unknown column',
        file: () => csvFile([{ ...good, colour: 'red' }]),
        problems: [
          { row: 1, column: 'colour', message: expect.stringContaining('Unknown column "colour"') as never },
        ],
      },
      {
        what: 'a required column missing',
        file: () =>
          csvFile(
            [good],
            Object.keys(good).filter((h) => h !== 'reported at'),
          ),
        problems: [{ row: 1, column: 'reported at', message: expect.stringContaining('required') as never }],
      },
      {
        what: 'an unknown place and an unknown party, each named',
        file: () =>
          csvFile([good, evacuationRow({ 'arrived at': 'Zaporizhia', source: 'Kremlin press office' })]),
        problems: [
          { row: 3, column: 'source', message: 'No party is named "Kremlin press office".' },
          { row: 3, column: 'arrived at', message: 'No place is named "Zaporizhia".' },
        ],
      },
      {
        what: 'every problem of a row at once, each against its column',
        file: () =>
          csvFile([
            good,
            evacuationRow({
              corridor: 'Operation 1',
              source: 'ICRC',
              'reported at': '2022-05-03 18:00',
              'arrived at': 'Zaporizhia',
            }),
          ]),
        problems: [
          { row: 3, column: 'corridor', message: 'No corridor is named "Operation 1".' },
          { row: 3, column: 'source', message: 'No party is named "ICRC".' },
          { row: 3, column: 'reported at', message: expect.stringMatching(/offset|zone/i) as never },
          { row: 3, column: 'arrived at', message: 'No place is named "Zaporizhia".' },
        ],
      },
      {
        what: 'bad times: not a time, a local time with no zone, a time to come',
        file: () =>
          csvFile([
            good,
            evacuationRow({ 'reported at': '3 May, evening' }),
            evacuationRow({ 'reported at': '2022-05-03T18:00' }),
            evacuationRow({ 'reported at': '2030-05-03T18:00:00+03:00' }),
          ]),
        problems: [
          { row: 3, column: 'reported at', message: expect.any(String) as never },
          { row: 4, column: 'reported at', message: expect.stringMatching(/offset|zone/i) as never },
          { row: 5, column: 'reported at', message: expect.stringContaining('future') as never },
        ],
      },
      {
        what: 'a duplicated row',
        file: () => csvFile([good, evacuationRow(), evacuationRow()]),
        problems: [{ row: 4, column: null, message: 'The row repeats row 3.' }],
      },
      {
        what: 'formula cells',
        file: () =>
          csvFile([
            good,
            evacuationRow({ note: '=HYPERLINK("http://evil.example")', 'arrived at': '@Zaporizhzhia' }),
          ]),
        problems: [
          { row: 3, column: 'arrived at', message: expect.stringContaining('formula') as never },
          { row: 3, column: 'note', message: expect.stringContaining('formula') as never },
        ],
      },
      {
        what: '100,000 rows',
        file: () =>
          ['corridor,reported at', ...Array.from({ length: 100_000 }, (_, i) => `c${i},x`)].join('\r\n'),
        problems: [{ row: null, column: null, message: expect.stringContaining('100,000 rows') as never }],
      },
      {
        what: 'an empty file',
        file: () => '',
        problems: [{ row: null, column: null, message: expect.stringContaining('empty') as never }],
      },
      {
        what: 'a header and no rows',
        file: () => csvFile([], Object.keys(good)),
        problems: [{ row: null, column: null, message: expect.stringContaining('no rows') as never }],
      },
      {
        what: 'a row of cells that do not fit the header, a figure that is not a number, an unknown category',
        file: () =>
          `${csvFile([good, evacuationRow({ 'evacuated low': 'about a hundred', category: 'tourists' })])}"${OPERATION_1}",ICRC\r\n`,
        problems: [
          { row: 3, column: 'category', message: expect.stringContaining('category') as never },
          { row: 3, column: 'evacuated low', message: '"about a hundred" is not a whole number of people.' },
          { row: 4, column: null, message: expect.stringContaining('has 2 cells') as never },
        ],
      },
      {
        what: 'claims of another kind, a high figure on an "at least", a window the corridor does not have',
        file: () =>
          csvFile([
            good,
            evacuationRow({ kind: 'confirmation' }),
            evacuationRow({ qualifier: 'at_least', 'evacuated high': '150' }),
            evacuationRow({ 'window start': '2022-05-01T00:00:00+03:00' }),
          ]),
        problems: [
          { row: 3, column: 'kind', message: expect.stringContaining('This row is a confirmation') as never },
          { row: 4, column: 'evacuated high', message: expect.stringContaining('Only a range') as never },
          {
            row: 5,
            column: 'window start',
            message: expect.stringContaining('No window of this corridor starts at') as never,
          },
        ],
      },
    ];

    it.each(cases)('$what', async ({ file, problems }) => {
      const before = await storedState(api.db);
      const dryRun = await importCsv('evacuations', file(), true);
      expect(`${dryRun.status} ${dryRun.headers['content-type']}`).toMatch(/^200 application\/json/);
      expect(dryRun.body.errors).toEqual(problems);
      expect(dryRun.body).toMatchObject({ dryRun: true, stored: 0, errorCount: problems.length });

      const commit = await importCsv('evacuations', file(), false);
      expectProblem(commit, 422, 'import-refused');
      expect(commit.body).toMatchObject({ dryRun: false, stored: 0, errors: dryRun.body.errors });
      expect(await storedState(api.db)).toEqual(before);
    });

    it('refuses a corridor named twice, asking for its id, and a window of another organisation’s corridor', async () => {
      const place = (await api.http.get('/api/v1/locations?limit=200').set(api.auth)).body.items[0].id;
      const party = (await api.http.get('/api/v1/parties?limit=200').set(api.auth)).body.items[0].id;
      for (let i = 0; i < 2; i += 1) {
        await fx.corridor({
          name: 'Twice named',
          originId: place,
          announcedById: party,
          announcedAt: `2022-05-0${i + 1}T10:00:00Z`,
          timezone: 'UTC',
        });
      }
      const twice = await importCsv('evacuations', csvFile([evacuationRow({ corridor: 'Twice named' })]));
      expect(twice.body.errors).toEqual([
        {
          row: 2,
          column: 'corridor',
          message: '2 corridors are named "Twice named": write the id of the one you mean.',
        },
      ]);
      const window = {
        corridor: RU_CEASEFIRE,
        'starts at': '2022-05-08T08:00',
        'ends at': '2022-05-08T18:00',
        timezone: 'Europe/Moscow',
      };
      const foreign = await importCsv('windows', csvFile([window]), true, outsider.auth);
      expect(foreign.body.errors).toEqual([
        { row: 2, column: 'corridor', message: expect.stringContaining('belongs to another organisation') },
      ]);
    });

    it('reads an empty "ends at" as an open-ended window, and exports it the same way', async () => {
      const row = {
        corridor: RU_CEASEFIRE,
        'starts at': '2022-05-10T14:00',
        'ends at': '',
        timezone: 'Europe/Moscow',
      };
      const stored = await importCsv('windows', csvFile([row]), false);
      expect(`${stored.status} ${JSON.stringify(stored.body)}`).toMatch(/^200 /);
      expect(stored.body).toMatchObject({ stored: 1, errorCount: 0 });
      const corridors = await api.http
        .get('/api/v1/corridors')
        .query({ q: 'Russian ceasefire' })
        .set(api.auth);
      const corridor = await api.http.get(`/api/v1/corridors/${corridors.body.items[0].id}`).set(api.auth);
      expect(corridor.body.windows).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            startsAt: '2022-05-10T11:00:00.000Z',
            endsAt: null,
            reviewEndsAt: '2022-05-11T11:00:00.000Z',
            isOpenEnded: true,
          }),
        ]),
      );
      const windows = await api.http
        .get('/api/v1/exports/windows.csv')
        .query({ q: 'Russian ceasefire' })
        .set(api.auth)
        .buffer(true)
        .parse(asText);
      const exported = readCsv(windows.body as string).rows.find(
        (r) => r['starts at'] === '2022-05-10T11:00:00.000Z',
      );
      expect(exported?.['ends at']).toBe('');
    });

    it('answers a file larger than IMPORT_BODY_LIMIT_BYTES with 413 and a JSON body with 415', async () => {
      const huge = Buffer.alloc(10 * 1024 * 1024 + 1, 'a');
      expectProblem(await importCsv('evacuations', huge), 413, 'body-too-large');
      const json = await api.http.post('/api/v1/imports/evacuations').set(api.auth).send({ rows: [] });
      expectProblem(json, 415, 'unsupported-media-type');
    });
  });

  describe('commits', () => {
    it('stores every row through the API’s services, audited, and the same file twice stores nothing new', async () => {
      const rows = [
        evacuationRow({
          'reported at': '2022-05-03T19:07:00+03:00',
          'evacuated low': '127',
          qualifier: 'range',
          'evacuated high': '156',
        }),
        // A local time, read in the zone of its row.
        evacuationRow({
          'reported at': '2022-05-03T20:07',
          timezone: 'Europe/Kyiv',
          qualifier: 'at_least',
          'evacuated low': '100',
          'evacuated high': '100',
        }),
        // Names in whatever case a spreadsheet kept them.
        evacuationRow({
          corridor: 'un/icrc safe passage operation 1: azovstal to zaporizhzhia, 29 april - 3 may',
          source: 'un office for the coordination of humanitarian affairs',
          'reported at': '2022-05-03T21:07:00+03:00',
        }),
      ];
      const file = csvFile(rows);
      const seq = await lastAuditSeq(api);
      const before = (
        await api.http
          .get(`/api/v1/exports/claims.csv?kind=evacuation`)
          .set(api.auth)
          .buffer(true)
          .parse(asText)
      ).body as string;
      const committed = await importCsv('evacuations', file, false, reporter.auth);
      expect(committed.status).toBe(200);
      expect(committed.body).toEqual({
        kind: 'evacuations',
        dryRun: false,
        rows: 3,
        valid: 3,
        stored: 3,
        unchanged: 0,
        errorCount: 0,
        errors: [],
      });
      const after = readCsv(
        (
          await api.http
            .get(`/api/v1/exports/claims.csv?kind=evacuation`)
            .set(api.auth)
            .buffer(true)
            .parse(asText)
        ).body as string,
      );
      const added = after.rows.filter((r) => !before.includes(r.id));
      expect(
        added
          .map((r) => [r['reported at'], r.qualifier, r['evacuated low'], r['evacuated high'], r.source])
          .sort(),
      ).toEqual([
        ['2022-05-03T16:07:00.000Z', 'range', '127', '156', 'International Committee of the Red Cross'],
        ['2022-05-03T17:07:00.000Z', 'at_least', '100', '100', 'International Committee of the Red Cross'],
        [
          '2022-05-03T18:07:00.000Z',
          'exact',
          '101',
          '101',
          'UN Office for the Coordination of Humanitarian Affairs',
        ],
      ]);
      const entries = (await auditSince(api, seq)).filter((e) => e.action !== 'export.download');
      expect(entries.map((e) => e.action)).toEqual([
        'evacuation.create',
        'evacuation.create',
        'evacuation.create',
        'import.commit',
      ]);
      expect(entries[3]).toMatchObject({
        actorId: reporter.id,
        entity: 'import',
        after: {
          kind: 'evacuations',
          rows: 3,
          stored: 3,
          unchanged: 0,
          fileSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
      });

      const state = await storedState(api.db);
      const again = await importCsv('evacuations', file, false, reporter.auth);
      expect(again.body).toMatchObject({ rows: 3, valid: 3, stored: 0, unchanged: 3, errors: [] });
      // The same rows in another file, in another order, with a hashtag row: nothing new either.
      const [header, ...lines] = csvFile([rows[2], rows[0]]).split('\r\n');
      const reordered = [
        header,
        header
          .split(',')
          .map((_, i) => `#x_${i}`)
          .join(','),
        ...lines,
      ].join('\r\n');
      expect((await importCsv('evacuations', reordered, false)).body).toMatchObject({
        stored: 0,
        unchanged: 2,
      });
      expect(await storedState(api.db)).toEqual(state);
    });

    it('checks by default (a dry run), and keeps each import to the role the API asks for the same records', async () => {
      const file = csvFile([evacuationRow({ 'reported at': '2022-05-02T12:00:00+03:00' })]);
      expect((await importCsv('evacuations', file, undefined, reporter.auth)).body).toMatchObject({
        dryRun: true,
        stored: 0,
        valid: 1,
      });
      expectProblem(await importCsv('evacuations', file, true, viewer.auth), 403, 'forbidden');
      const corridors = await api.http
        .get('/api/v1/imports/corridors/template.csv')
        .set(api.auth)
        .buffer(true)
        .parse(asText);
      expectProblem(
        await importCsv('corridors', corridors.body as string, true, reporter.auth),
        403,
        'forbidden',
      );
      expectProblem(
        await api.http.post('/api/v1/imports/evacuations').set('content-type', 'text/csv').send(file),
        401,
        'unauthenticated',
      );
    });
  });

  it('takes a CSV export of the demo into an empty database and gives back the same corridors, windows and evacuation reports', async () => {
    // One more corridor beside the demo: a drawn route, and an evacuation report naming its window.
    const places = (await api.http.get('/api/v1/locations?limit=200').set(api.auth)).body.items as {
      id: string;
      name: string;
    }[];
    const parties = (await api.http.get('/api/v1/parties?limit=200').set(api.auth)).body.items as {
      id: string;
      name: string;
    }[];
    const id = (list: { id: string; name: string }[], name: string) => list.find((x) => x.name === name)?.id;
    const drawn = await fx.corridor({
      name: 'Berdiansk to Zaporizhzhia along the drawn road, 9 May',
      originId: id(places, 'Berdiansk'),
      destinationId: id(places, 'Zaporizhzhia'),
      announcedById: id(parties, 'International Committee of the Red Cross'),
      announcedAt: '2022-05-08T12:00:00+03:00',
      timezone: 'Europe/Kyiv',
      requiredConfirmationIds: [
        id(parties, 'Ministry of Defence of the Russian Federation'),
        id(parties, 'Government of Ukraine'),
      ],
      route: {
        type: 'LineString',
        coordinates: [
          [36.789, 46.755],
          [35.6, 47.3],
          [35.139, 47.838],
        ],
      },
      windows: [{ startsAt: '2022-05-09T08:00:00+03:00', endsAt: '2022-05-09T18:00:00+03:00' }],
    });
    await fx.report(drawn.id, 'evacuations', {
      windowId: (drawn.body.windows as { id: string }[])[0].id,
      sourcePartyId: id(parties, 'International Committee of the Red Cross'),
      reportedAt: '2022-05-09T19:00:00+03:00',
      count: { qualifier: 'about', value: 60 },
      category: 'wounded',
      note: '=about sixty, "wounded among them"\nsecond line',
    });

    const exported = async (from: ApiHarness, file: string) =>
      (await from.http.get(`/api/v1/exports/${file}`).set(from.auth).buffer(true).parse(asText))
        .body as string;
    const files = {
      corridors: await exported(api, 'corridors.csv'),
      windows: await exported(api, 'windows.csv'),
      evacuations: await exported(api, 'claims.csv?kind=evacuation'),
    };

    const empty = await startApi(dialect);
    try {
      await importDemoData(empty, ['parties', 'locations']);
      for (const kind of ['corridors', 'windows', 'evacuations'] as const) {
        const answer = await empty.http
          .post(`/api/v1/imports/${kind}?dryRun=false`)
          .set(empty.auth)
          .set('content-type', 'text/csv')
          .send(Buffer.from(files[kind]));
        expect({ kind, status: answer.status, errors: answer.body.errors }).toEqual({
          kind,
          status: 200,
          errors: [],
        });
        expect(answer.body.stored).toBe(readCsv(files[kind]).rows.length);
      }
      // What the records say, without what one database calls them (ids), who entered them, or what follows
      // from claims not imported (confirmations: status, confirmation).
      const comparable = (text: string, derived: string[]) =>
        readCsv(text)
          .rows.map((row) =>
            JSON.stringify(
              Object.entries(row).filter(
                ([h]) => !/\bid$/.test(h) && h !== 'organisation' && !derived.includes(h),
              ),
            ),
          )
          .sort();
      // Status, promise and confirmation follow the confirmations, which a CSV import does not carry.
      const fromStances = ['status', 'promise', 'confirmation'];
      expect(comparable(await exported(empty, 'corridors.csv'), fromStances)).toEqual(
        comparable(files.corridors, fromStances),
      );
      const windowStances = ['corridor status', 'corridor promise', 'confirmation'];
      expect(comparable(await exported(empty, 'windows.csv'), windowStances)).toEqual(
        comparable(files.windows, windowStances),
      );
      expect(comparable(await exported(empty, 'claims.csv?kind=evacuation'), [])).toEqual(
        comparable(files.evacuations, []),
      );
      expect(readCsv(files.corridors).rows.find((r) => r.route)?.route).toBe(
        'LINESTRING (36.789 46.755,35.6 47.3,35.139 47.838)',
      );
    } finally {
      await empty.close();
    }
  }, 120_000);
});
