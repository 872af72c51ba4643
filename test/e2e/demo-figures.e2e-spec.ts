import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { startApi, type ApiHarness } from '../support/api-harness.js';
import { demoData, importDemoData, type DemoImport } from '../support/demo.js';
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

interface Claim {
  sourcePartyId: string;
  count: Record<string, unknown>;
  reportedAt: string;
  measure: string;
}
type Ranges = Record<string, { low: number; high: number; claims: number }>;
interface Summary {
  total: {
    low: number;
    high: number;
    bySource: Claim[];
    byMeasure: Ranges;
    headline: { measure: string; low: number; high: number } | null;
  } | null;
}
interface Operation {
  id: string;
  name: string;
  corridorIds: string[];
  facilitatorIds: string[];
  evacuation: Summary;
}
type Row = Record<string, unknown>;

const byTimeAndSource = (a: Claim, b: Claim) =>
  a.reportedAt.localeCompare(b.reportedAt) ||
  a.sourcePartyId.localeCompare(b.sourcePartyId) ||
  a.measure.localeCompare(b.measure) ||
  String(a.count.value).localeCompare(String(b.count.value));

// The first start on the product's own Azovstal demo (data/azovstal-2022.json, format 2), imported through the
// public API as `npm start` imports it: what a coordinator deciding whether to send buses reads from it.
describe.each(availableDialects())('the figures of the Azovstal demo on %s', (dialect) => {
  const prefix = uniqueQueuePrefix(`demo-figures-${dialect}`);
  const env = workerEnv(prefix);
  let api: ApiHarness;
  let worker: INestApplicationContext | undefined;
  let result: DemoImport;
  const data = demoData();
  /** Data key → the id the API gave the record. */
  const idOf = new Map<string, string>();

  const get = async (path: string): Promise<Row> => {
    const response = await api.http.get(`/api/v1${path}`).set(api.auth);
    expect(`${path} ${response.status}`).toBe(`${path} 200`);
    return response.body as Row;
  };
  const all = async (path: string): Promise<Row[]> => (await get(path)).items as Row[];
  const summaryOf = async (corridorKey: string): Promise<Summary> =>
    (await get(`/corridors/${idOf.get(corridorKey)}/evacuations/summary`)) as unknown as Summary;

  beforeAll(async () => {
    api = await startApi(dialect, env);
    result = await importDemoData(api);
    // Records are found back by name: each name is unique in the demo.
    for (const [path, section] of [
      ['/parties?limit=200', 'parties'],
      ['/locations?limit=200', 'locations'],
      ['/corridors?limit=200', 'corridors'],
      ['/operations?limit=200', 'operations'],
    ] as const) {
      const stored = await all(path);
      for (const record of data[section]) {
        const match = stored.find((s) => s.name === record.name);
        if (match) idOf.set(String(record.key), String(match.id));
      }
    }
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await removeQueues(REDIS_URL, prefix);
  });

  it('imports every record of the data, or says which the server left out and why', () => {
    for (const section of Object.keys(result.counts)) {
      const wholeRecordsLeftOut = result.leftOut.filter((l) => l.section === section && l.field === null);
      expect({ section, stored: result.counts[section] + wholeRecordsLeftOut.length }).toEqual({
        section,
        stored: data[section].length,
      });
    }
    for (const part of result.leftOut) expect(part.reason).toEqual(expect.any(String));
    // Places and operations are the API's own now: nothing of theirs is left out.
    expect(result.leftOut.filter((l) => ['locations', 'operations'].includes(l.section))).toEqual([]);
    expect(result.counts.operations).toBe(3);
  });

  it('leaves nothing of the data out: every field of format 2 is taken by the API', () => {
    expect(result.leftOut).toEqual([]);
  });

  it('keeps apart what the first operation counted: who left the plant, who joined at Manhush, who arrived', async () => {
    const operation = (await get(`/operations/${idOf.get('op-azovstal-1')}`)) as unknown as Operation;
    // Left the plant: 80 (Russian MoD) to 121 (Ukraine); joined at Manhush: 58 and 59; arrived in Zaporizhzhia:
    // 127 (UN), 130-150 (ICRC), 156 women and children (Ukraine). The headline is the arrivals.
    expect(operation.evacuation.total?.byMeasure).toEqual({
      left_origin: { low: 80, high: 121, claims: 4 },
      joined_en_route: { low: 58, high: 59, claims: 2 },
      arrived: { low: 127, high: 156, claims: 3 },
    });
    expect(operation.evacuation.total?.headline).toEqual({ measure: 'arrived', low: 127, high: 156 });
  });

  it('raises count_discrepancy like with like only: never between who left, who joined and who arrived', async () => {
    const corridorId = idOf.get('azovstal-un-icrc-op1-2022-04-29') ?? '';
    // Started once the data is in, so the first evaluation reads every claim.
    worker ??= await startWorker({ ...env, DATABASE_URL: api.database.url, REDIS_URL }, api.clock);
    // The Russian MoD's 80 and the UN's 101 who left the plant do disagree (same measure, place and category).
    await eventually(
      () => storedFlags(api.db, corridorId),
      (flags) => flags.some((f) => f.rule === 'count_discrepancy'),
      20_000,
    );
    const flags = (await get(`/flags?corridorId=${corridorId}&rule=count_discrepancy&limit=100`)).items as {
      detail: { measure: string; countedAtId: string; low: number; high: number };
    }[];
    const summary = await summaryOf('azovstal-un-icrc-op1-2022-04-29');
    expect(flags.length).toBeGreaterThan(0);
    for (const { detail } of flags) {
      // Each flag compares one like group, within what that measure's claims state: 58 joined beside 156
      // arrived is three figures, not a discrepancy.
      const range = summary.total?.byMeasure[detail.measure];
      expect(detail).toMatchObject({ measure: 'left_origin', countedAtId: idOf.get('azovstal') });
      expect(detail.low).toBeGreaterThanOrEqual(range?.low ?? Infinity);
      expect(detail.high).toBeLessThanOrEqual(range?.high ?? -Infinity);
    }
  });

  it('keeps each place with its Ukrainian and Russian names and the spellings sources use, found by any of them', async () => {
    const zaporizhzhia = await get(`/locations/${idOf.get('zaporizhzhia')}`);
    expect(zaporizhzhia).toMatchObject({
      names: { uk: 'Запоріжжя', ru: 'Запорожье' },
      aliases: ['Zaporizhia', 'Zaporozhye', 'Zaporizka'],
      lat: 47.833,
      lon: 35.167,
    });
    const found = async (q: string) =>
      (await all(`/locations?q=${encodeURIComponent(q)}`)).map((place) => place.name);
    expect(await found('Mangush')).toEqual(['Manhush']);
    expect(await found('ЗАПОРОЖЬЕ')).toEqual(['Zaporizhzhia']);
    expect(await found('бердянськ')).toEqual(['Berdiansk']);
    expect(await found('vasilyevka')).toEqual(['Vasylivka']);
  });

  it('groups the corridors into the three UN/ICRC operations, each stage naming its operation', async () => {
    const operations = (await all('/operations?limit=200')) as unknown as Operation[];
    expect(operations).toHaveLength(3);
    for (const operation of data.operations) {
      const stored = operations.find((o) => o.id === idOf.get(String(operation.key)));
      expect(stored).toMatchObject({
        name: operation.name,
        corridorIds: (operation.corridorKeys as string[]).map((key) => idOf.get(key)),
        facilitatorIds: (operation.facilitatorKeys as string[]).map((key) => idOf.get(key)).sort(),
        sourceUrl: operation.sourceUrl,
      });
      for (const key of operation.corridorKeys as string[]) {
        expect((await get(`/corridors/${idOf.get(key)}`)).operationId).toBe(stored?.id);
      }
    }
    // The unilateral ceasefire of 25 April was nobody's operation.
    expect((await get(`/corridors/${idOf.get('azovstal-ru-unilateral-2022-04-25')}`)).operationId).toBeNull();
  });

  it('counts the people of the third operation once: its figures are its two stages taken as one whole', async () => {
    const operation = (await get(`/operations/${idOf.get('op-azovstal-3')}`)) as unknown as Operation;
    const ceasefire = await summaryOf('azovstal-ru-ceasefire-2022-05-05');
    const convoy = await summaryOf('azovstal-un-icrc-op3-2022-05-05');
    // Every claim of both stages, side by side, once.
    expect([...(operation.evacuation.total?.bySource ?? [])].sort(byTimeAndSource)).toEqual(
      [...(ceasefire.total?.bySource ?? []), ...(convoy.total?.bySource ?? [])].sort(byTimeAndSource),
    );
    // The people brought out of the plant are the people who arrived: never 40–51 plus 170–174.
    expect(operation.evacuation.total?.high).toBeLessThan(
      (ceasefire.total?.high ?? 0) + (convoy.total?.high ?? 0),
    );
    // Its headline is its arrivals as a whole: the ICRC's "more than 170" (171) and the UN's 174 in Zaporizhzhia.
    expect(operation.evacuation.total?.headline).toEqual({ measure: 'arrived', low: 171, high: 174 });
    expect(operation.evacuation.total?.byMeasure.left_origin).toEqual({ low: 40, high: 51, claims: 4 });
  });

  it("totals the dashboard's evacuations as each operation once, beside the corridors in none", async () => {
    const dashboard = (await get('/dashboard')).evacuations as { low: number; high: number };
    const operations = (await all('/operations?limit=200')) as unknown as Operation[];
    const inOperation = new Set(operations.flatMap((o) => o.corridorIds));
    const alone = await Promise.all(
      data.corridors
        .filter((c) => !inOperation.has(idOf.get(String(c.key)) ?? ''))
        .map((c) => summaryOf(String(c.key))),
    );
    const figures = [...operations.map((o) => o.evacuation), ...alone];
    expect(dashboard).toMatchObject({
      low: figures.reduce((sum, s) => sum + (s.total?.low ?? 0), 0),
      high: figures.reduce((sum, s) => sum + (s.total?.high ?? 0), 0),
    });
    const sumOfCorridors = await Promise.all(data.corridors.map((c) => summaryOf(String(c.key))));
    expect(dashboard.high).toBeLessThan(sumOfCorridors.reduce((sum, s) => sum + (s.total?.high ?? 0), 0));
    // Each operation's headline once, and the corridor in none: operation 1 arrived 127-156, operation 2 arrived
    // 301-344 ("more than 300" states 301; Ukraine's 344), operation 3 arrived 171-174, and the unilateral
    // ceasefire of 25 April, in no operation, 0 who left the plant: 127+301+171+0 = 599 to 156+344+174+0 = 674.
    expect(dashboard).toMatchObject({ low: 599, high: 674 });
  });
});
