import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FlagEvaluationService } from '#cw/flags';
import { startApi, type ApiHarness } from '../support/api-harness.js';
import { demoData, importDemoData, type DemoImport } from '../support/demo.js';
import { availableDialects } from '../support/test-database.js';
import { storedFlags } from '../support/worker-harness.js';

type Row = Record<string, unknown>;

// The product's own Azovstal demo (format 2), imported through the public API as `npm start` does: what became of
// each promise, who must have confirmed it, and what the Russian Ministry of Defence's track record says.
describe.each(availableDialects())('the promises of the Azovstal demo on %s', (dialect) => {
  let api: ApiHarness;
  let result: DemoImport;
  const data = demoData();
  /** Data key → the id the API gave the record. */
  const idOf = new Map<string, string>();

  const get = async (path: string): Promise<Row> => {
    const response = await api.http.get(`/api/v1${path}`).set(api.auth);
    expect(`${path} ${response.status}`).toBe(`${path} 200`);
    return response.body as Row;
  };
  const corridor = (key: string) => get(`/corridors/${idOf.get(key)}`);

  beforeAll(async () => {
    api = await startApi(dialect);
    result = await importDemoData(api);
    for (const [path, section] of [
      ['/parties?limit=200', 'parties'],
      ['/corridors?limit=200', 'corridors'],
    ] as const) {
      const stored = (await get(path)).items as Row[];
      for (const record of data[section]) {
        const match = stored.find((s) => s.name === record.name);
        if (match) idOf.set(String(record.key), String(match.id));
      }
    }
    // The flag rules of the worker, run once at the harness's clock (10 May 2022).
    await api.app.get(FlagEvaluationService).evaluate([...idOf.values()].filter((id) => id));
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  it("takes every party's side, every reported stance and the open-ended window of the data", async () => {
    const leftOut = result.leftOut.map((l) => `${l.section}.${String(l.field)}`);
    expect(leftOut.filter((what) => /side|reportedBy|windows/.test(what))).toEqual([]);
    expect((await get(`/parties/${idOf.get('ru-mod')}`)).side).toBe('Russia');
  });

  it('shows the Russian ceasefire of 5-7 May completed, but unconfirmed: Ukraine never agreed to it', async () => {
    expect(await corridor('azovstal-ru-ceasefire-2022-05-05')).toMatchObject({
      status: 'completed',
      promise: 'unconfirmed',
    });
  });

  it('shows the unilateral ceasefire of 25 April (no end, rejected, used by nobody) broken, with its flags', async () => {
    const april25 = await corridor('azovstal-ru-unilateral-2022-04-25');
    expect(april25).toMatchObject({ promise: 'broken' });
    expect(april25.windows).toEqual([
      expect.objectContaining({
        startsAt: '2022-04-25T11:00:00.000Z',
        endsAt: null,
        reviewEndsAt: '2022-04-26T11:00:00.000Z',
        isOpenEnded: true,
      }),
    ]);
    const rules = (await storedFlags(api.db, idOf.get('azovstal-ru-unilateral-2022-04-25'))).map(
      (f) => f.rule,
    );
    expect(rules).toEqual(expect.arrayContaining(['rejected', 'never_confirmed']));
  });

  it('keeps operation 2 as the UN Humanitarian Coordinator reported the agreement of the parties', async () => {
    const op2 = await corridor('mariupol-un-icrc-op2-2022-05-04');
    // Confirmed by both sides through the UN: kept once people are reported moved. Its claims are "more than 300"
    // and women, children and elderly people, which this server takes only with issue 13's wider counts.
    const evacuation = op2.evacuation as { reportCount: number };
    expect(op2.promise).toBe(evacuation.reportCount > 0 ? 'kept' : 'broken');
    expect(op2.confirmations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ partyId: idOf.get('ru-mod'), reportedById: idOf.get('un-hc-ukraine') }),
      ]),
    );
    const rules = (await storedFlags(api.db, idOf.get('mariupol-un-icrc-op2-2022-05-04'))).map((f) => f.rule);
    expect(rules).not.toContain('never_confirmed');
    expect(await corridor('azovstal-un-icrc-op1-2022-04-29')).toMatchObject({ promise: 'kept' });
    expect(await corridor('azovstal-un-icrc-op3-2022-05-05')).toMatchObject({ promise: 'kept' });
  });

  it("counts the 25 April ceasefire and the three days of 5-7 May in the Russian MoD's track record", async () => {
    // 25 April: broken; 5 May: nobody reported, broken; 6 and 7 May: unconfirmed where people are reported moved
    // (6 May's count is of women, children and elderly people: taken with issue 13's wider categories), else broken.
    const record = await get(`/parties/${idOf.get('ru-mod')}/track-record`);
    expect(record).toMatchObject({ windowsAnnounced: 4, promises: 4, kept: 0, pending: 0, keptRatio: 0 });
    expect(Number(record.unconfirmed) + Number(record.broken)).toBe(4);
    expect(Number(record.unconfirmed)).toBeGreaterThanOrEqual(1);
    expect(Number(record.broken)).toBeGreaterThanOrEqual(2);
  });
});
