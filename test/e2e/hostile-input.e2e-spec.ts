import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApi, storedState, type ApiHarness } from '../support/api-harness.js';
import { Fixtures } from '../support/fixtures.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';

/** `{"a":{"a":…{"a":leaf}…}}` as text: `depth` objects around the leaf. */
const nestedObjects = (depth: number, leaf = '"x"') => '{"a":'.repeat(depth) + leaf + '}'.repeat(depth);
const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

// Requests a probe sent (issue 16): input no client of ours sends, which must be refused as a clear 400 naming
// what is wrong, never a 500, and store nothing.
describe.each(availableDialects())('hostile input on %s', (dialect) => {
  let api: ApiHarness;
  let ids: { ruMod: string; uaGov: string; azovstal: string };

  beforeAll(async () => {
    api = await startApi(dialect);
    const { ruMod, uaGov, azovstal } = await new Fixtures(api).azovstal();
    ids = { ruMod, uaGov, azovstal };
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('deeply nested JSON', () => {
    it('a sign-in whose e-mail nests 3,000 objects is refused as 400 input-too-deep, without signing in', async () => {
      const response = await api.http
        .post('/api/v1/auth/login')
        .set('content-type', 'application/json')
        .send(`{"email":${nestedObjects(3000)},"password":"whatever it is"}`);
      expectProblem(response, 400, 'input-too-deep', 'email');
    });

    it('a corridor body of 5,000 nested arrays is refused the same way, and nothing is stored', async () => {
      const before = await storedState(api.db);
      const response = await api.http
        .post('/api/v1/corridors')
        .set(api.auth)
        .set('content-type', 'application/json')
        .send(`{"name":"Deep","windows":${nestedArrays(5000)}}`);
      expectProblem(response, 400, 'input-too-deep', 'windows');
      expect(await storedState(api.db)).toEqual(before);
    });

    it('refuses 33 levels and validates 32 as usual', async () => {
      // The body itself is level 1: the e-mail's objects are levels 2 to 32 (then 33).
      const atLimit = await api.http
        .post('/api/v1/auth/login')
        .set('content-type', 'application/json')
        .send(`{"email":${nestedObjects(31)},"password":"whatever it is"}`);
      expectProblem(atLimit, 400, 'validation', 'email');
      const overLimit = await api.http
        .post('/api/v1/auth/login')
        .set('content-type', 'application/json')
        .send(`{"email":${nestedObjects(32)},"password":"whatever it is"}`);
      expectProblem(overLimit, 400, 'input-too-deep', 'email');
    });

    it('still takes the deepest body a client of ours sends: a corridor with its route', async () => {
      const response = await api.http
        .post('/api/v1/corridors')
        .set(api.auth)
        .send({
          name: 'Azovstal to Zaporizhzhia, with its route',
          originId: ids.azovstal,
          announcedById: ids.ruMod,
          announcedAt: '2022-05-04T20:00:00+03:00',
          timezone: 'Europe/Moscow',
          route: {
            type: 'LineString',
            coordinates: [
              [37.61, 47.098],
              [35.139, 47.838],
            ],
          },
          windows: [{ startsAt: '2022-05-05T08:00:00+03:00', endsAt: '2022-05-05T18:00:00+03:00' }],
        });
      expect(`${response.status} ${JSON.stringify(response.body)}`).toMatch(/^201 /);
    });
  });

  // PostgreSQL refuses a NUL in text and JSON (it answered 500); SQLite stored it, and every reader after it
  // (C strings, CSV tools, e-mail) may cut the text there. Refused everywhere, by one rule, with the field.
  describe('a NUL character', () => {
    it('in a JSON field is refused as 400 naming the field, on either database, and nothing is stored', async () => {
      const before = await storedState(api.db);
      expectProblem(
        await api.http.post('/api/v1/parties').set(api.auth).send({ name: 'Azov\u0000stal', kind: 'other' }),
        400,
        'validation',
        'name',
      );
      expectProblem(
        await api.http
          .post('/api/v1/locations')
          .set(api.auth)
          .send({ name: 'Mariupol', lat: 47.1, lon: 37.5, names: { uk: 'Маріу\u0000поль' } }),
        400,
        'validation',
        'names.uk',
      );
      expectProblem(
        await api.http
          .post('/api/v1/corridors')
          .set(api.auth)
          .send({
            name: 'Azovstal',
            originId: ids.azovstal,
            announcedById: ids.ruMod,
            announcedAt: '2022-05-04T20:00:00+03:00',
            timezone: 'Europe/Moscow',
            windows: [{ startsAt: '2022-05-05T08:00:00+03:00', endsAt: '2022-05-05T18:00:00+03:00' }],
            sourceNote: 'said on television\u0000',
          }),
        400,
        'validation',
        'sourceNote',
      );
      expect(await storedState(api.db)).toEqual(before);
    });

    it('in a query string is refused as 400 naming the parameter', async () => {
      expectProblem(
        await api.http.get('/api/v1/corridors?q=Azov%00stal').set(api.auth),
        400,
        'validation',
        'q',
      );
      expectProblem(await api.http.get('/api/v1/locations?q=%00').set(api.auth), 400, 'validation', 'q');
    });

    it('in an uploaded CSV file is refused as 400 naming the line, and nothing is stored', async () => {
      const before = await storedState(api.db);
      const file = Buffer.from(
        'name,origin,announced by,announced at,timezone\r\n' +
          'Azovstal\u0000 corridor,Azovstal Iron and Steel Works,Ministry of Defence of the Russian Federation,' +
          '2022-05-04T20:00:00+03:00,Europe/Moscow\r\n',
        'utf8',
      );
      const response = await api.http
        .post('/api/v1/imports/corridors?dryRun=false')
        .set(api.auth)
        .set('content-type', 'text/csv')
        .send(file);
      expectProblem(response, 400, 'validation', 'file');
      expect(response.body.errors[0].message).toMatch(/line 2/);
      expect(await storedState(api.db)).toEqual(before);
    });
  });
});
