import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importDemo } from '../../scripts/demo-import.mjs';
import { startApi, storedState, type ApiHarness } from '../support/api-harness.js';
import { fetchFrom } from '../support/demo.js';
import { availableDialects } from '../support/test-database.js';

// Data newer than the server (a field it does not know yet, a value outside its list) must not stop the whole
// import: the importer leaves out what the server's own API document does not take, and says so.
describe.each(availableDialects())(
  'the demo importer against a server older than its data, on %s',
  (dialect) => {
    let api: ApiHarness;
    let dir: string;
    let file: string;

    const run = () =>
      importDemo({ baseUrl: 'http://corridor.test', token: api.adminToken, file, fetchImpl: fetchFrom(api) });

    beforeAll(async () => {
      api = await startApi(dialect);
      dir = mkdtempSync(join(tmpdir(), 'cw-demo-import-'));
      file = join(dir, 'data.json');
      const corridor = {
        originKey: 'manhush',
        announcedByKey: 'ru-mod',
        announcedAt: '2022-05-04T12:00:00+03:00',
        timezone: 'Europe/Moscow',
      };
      writeFileSync(
        file,
        JSON.stringify({
          parties: [
            { key: 'ru-mod', name: 'Russian MoD', kind: 'belligerent', colour: 'red' },
            { key: 'dpr', name: 'Donetsk People’s Republic', kind: 'militia' },
            { key: 'ua-gov', name: 'Government of Ukraine', kind: 'belligerent' },
          ],
          locations: [{ key: 'manhush', name: 'Manhush', names: { uk: 'Мангуш' }, aliases: ['Mangush'] }],
          corridors: [
            { key: 'needs-dpr', name: 'Needs the DPR', requiredConfirmationKeys: ['dpr'], ...corridor },
            {
              key: 'ceasefire',
              name: 'Ceasefire',
              requiredConfirmationKeys: ['ua-gov'],
              windows: [
                { startsAt: '2022-05-05T08:00:00+03:00', endsAt: '2022-05-05T18:00:00+03:00' },
                { startsAt: null, endsAt: '2022-05-06T18:00:00+03:00' },
              ],
              ...corridor,
            },
          ],
          operations: [{ key: 'op', name: 'Operation', corridorKeys: ['ceasefire'], facilitatorKeys: [] }],
        }),
      );
    });

    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await api?.close();
    });

    it('imports what the server takes and reports each part it left out, with the reason', async () => {
      const result = await run();
      expect(result.counts).toMatchObject({ parties: 2, locations: 1, corridors: 1, operations: 1 });
      expect(result.leftOut).toEqual([
        { section: 'parties', record: 'ru-mod', field: 'colour', reason: 'not a field this server takes' },
        {
          section: 'parties',
          record: 'dpr',
          field: null,
          reason: expect.stringMatching(/^kind: "militia" is not one of /),
        },
        {
          section: 'corridors',
          record: 'needs-dpr',
          field: null,
          reason: 'it refers to parties "dpr", which was left out',
        },
        {
          section: 'corridors',
          record: 'ceasefire',
          field: 'windows[1]',
          reason: 'windows[1].startsAt: null is not accepted',
        },
      ]);
      expect(result.summary).toMatch(
        /left out, as this server does not take them: parties\.colour \(1\), parties \(whole records\) \(1\), corridors \(whole records\) \(1\), corridors\.windows\[\] \(1\)$/,
      );
      const [place] = (await api.http.get('/api/v1/locations?q=mangush').set(api.auth)).body.items;
      expect(place).toMatchObject({ name: 'Manhush', names: { uk: 'Мангуш' }, aliases: ['Mangush'] });
      const [operation] = (await api.http.get('/api/v1/operations').set(api.auth)).body.items;
      const corridor = (await api.http.get(`/api/v1/corridors/${operation.corridorIds[0]}`).set(api.auth))
        .body;
      expect(corridor).toMatchObject({ name: 'Ceasefire', operationId: operation.id });
      expect(corridor.windows).toHaveLength(1);
    });

    it('creates nothing the second time: every record sent is answered as the first time', async () => {
      const before = await storedState(api.db);
      const again = await run();
      expect(again.counts).toMatchObject({ parties: 2, locations: 1, corridors: 1, operations: 1 });
      expect(await storedState(api.db)).toEqual(before);
    });
  },
);
