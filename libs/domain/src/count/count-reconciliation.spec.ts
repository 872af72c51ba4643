import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from '../errors/domain-error.js';
import { statedFigures, type Count } from './count.js';
import { reconcileCounts, type SourcedCount } from './count-reconciliation.js';

const UN = 'un-ocha';
const ICRC = 'icrc';
const UKRAINE = 'ukraine-government';
const RUSSIA = 'russia-mod';

function report(
  sourcePartyId: string,
  windowId: string | null,
  count: Count,
  reportedAt: string,
): SourcedCount {
  return { sourcePartyId, windowId, count, reportedAt: new Date(reportedAt) };
}

describe('reconciling evacuation counts from several sources', () => {
  it('keeps 344, "more than 320" and "over 300" for 4 May 2022 side by side as 300 to 344, never averaged', () => {
    const result = reconcileCounts([
      report(UN, 'w-0504', { qualifier: 'exact', value: 344 }, '2022-05-04T18:00:00Z'),
      report(UKRAINE, 'w-0504', { qualifier: 'at_least', value: 320 }, '2022-05-04T16:00:00Z'),
      report(ICRC, 'w-0504', { qualifier: 'at_least', value: 300 }, '2022-05-04T17:00:00Z'),
    ]);

    expect(result.windows).toHaveLength(1);
    expect(result.windows[0]).toMatchObject({ windowId: 'w-0504', low: 300, high: 344 });
    expect(result.windows[0].bySource.map((claim) => [claim.sourcePartyId, claim.count.value])).toEqual([
      [UKRAINE, 320],
      [ICRC, 300],
      [UN, 344],
    ]);
    expect(result.total).toMatchObject({ low: 300, high: 344 });
  });

  it('lets a range contribute both its ends and "at most 1,000" its ceiling', () => {
    const result = reconcileCounts([
      report(UN, 'w1', { qualifier: 'range', value: 130, max: 150 }, '2022-05-01T12:00:00Z'),
      report(RUSSIA, 'w1', { qualifier: 'at_most', value: 1000 }, '2022-05-01T13:00:00Z'),
      report(ICRC, 'w1', { qualifier: 'about', value: 100 }, '2022-05-01T14:00:00Z'),
    ]);

    expect(result.windows[0]).toMatchObject({ low: 100, high: 1000 });
  });

  it('keeps every claim of one source, even when it revised its own figure', () => {
    const result = reconcileCounts([
      report(UN, 'w1', { qualifier: 'about', value: 100 }, '2022-05-01T12:00:00Z'),
      report(UN, 'w1', { qualifier: 'exact', value: 101 }, '2022-05-02T12:00:00Z'),
    ]);

    expect(result.windows[0].bySource).toHaveLength(2);
    expect(result.windows[0]).toMatchObject({ low: 100, high: 101 });
  });

  it('sums window ranges into a total, with reports tied to no window as a group of their own, listed last', () => {
    const result = reconcileCounts([
      report(UN, null, { qualifier: 'about', value: 50 }, '2022-05-03T12:00:00Z'),
      report(UN, 'w2', { qualifier: 'exact', value: 344 }, '2022-05-04T18:00:00Z'),
      report(ICRC, 'w2', { qualifier: 'at_least', value: 300 }, '2022-05-04T17:00:00Z'),
      report(ICRC, 'w1', { qualifier: 'range', value: 100, max: 101 }, '2022-05-01T12:00:00Z'),
    ]);

    expect(result.windows.map((w) => [w.windowId, w.low, w.high])).toEqual([
      ['w1', 100, 101],
      ['w2', 300, 344],
      [null, 50, 50],
    ]);
    expect(result.total?.low).toBe(450);
    expect(result.total?.high).toBe(495);
    expect(result.total?.bySource.map((claim) => claim.reportedAt.toISOString())).toEqual([
      '2022-05-01T12:00:00.000Z',
      '2022-05-03T12:00:00.000Z',
      '2022-05-04T17:00:00.000Z',
      '2022-05-04T18:00:00.000Z',
    ]);
  });

  it('orders claims made at the same moment by source', () => {
    const result = reconcileCounts([
      report(UN, 'w1', { qualifier: 'exact', value: 10 }, '2022-05-01T12:00:00Z'),
      report(ICRC, 'w1', { qualifier: 'exact', value: 12 }, '2022-05-01T12:00:00Z'),
    ]);

    expect(result.windows[0].bySource.map((claim) => claim.sourcePartyId)).toEqual([ICRC, UN]);
  });

  it('has no total and no windows when nothing has been reported', () => {
    expect(reconcileCounts([])).toEqual({ total: null, windows: [] });
  });

  it('refuses a report whose count is not valid', () => {
    expect(() =>
      reconcileCounts([report(UN, 'w1', { qualifier: 'exact', value: -3 }, '2022-05-01T12:00:00Z')]),
    ).toThrow(DomainError);
  });
});

describe('count reconciliation, for any set of reports', () => {
  const countArb: fc.Arbitrary<Count> = fc.oneof(
    fc.record({
      qualifier: fc.constantFrom('exact' as const, 'about' as const, 'at_least' as const, 'at_most' as const),
      value: fc.nat({ max: 100_000 }),
    }),
    fc
      .tuple(fc.nat({ max: 100_000 }), fc.nat({ max: 5_000 }))
      .map(([value, spread]): Count => ({ qualifier: 'range', value, max: value + spread })),
  );
  const reportArb: fc.Arbitrary<SourcedCount> = fc.record({
    sourcePartyId: fc.constantFrom(UN, ICRC, UKRAINE, RUSSIA),
    windowId: fc.constantFrom('w1', 'w2', 'w3', null),
    count: countArb,
    reportedAt: fc
      .integer({ min: Date.UTC(2022, 3, 20), max: Date.UTC(2022, 4, 20) })
      .map((ms) => new Date(ms)),
  });
  const reportsArb = fc.array(reportArb, { minLength: 1, maxLength: 25 });

  it('never has a low above its high, and low is the lowest and high the highest figure any source stated for the window', () => {
    fc.assert(
      fc.property(reportsArb, (reports) => {
        const result = reconcileCounts(reports);
        for (const w of result.windows) {
          const figures = reports
            .filter((r) => r.windowId === w.windowId)
            .flatMap((r) => statedFigures(r.count));
          expect(w.low).toBeLessThanOrEqual(w.high);
          expect(w.low).toBe(Math.min(...figures));
          expect(w.high).toBe(Math.max(...figures));
        }
        expect(result.total).not.toBeNull();
        expect(result.total!.low).toBeLessThanOrEqual(result.total!.high);
        expect(result.total!.bySource).toHaveLength(reports.length);
        expect(result.windows.reduce((n, w) => n + w.bySource.length, 0)).toBe(reports.length);
      }),
    );
  });

  it('never narrows the range of a window, nor lowers the high of the total, when one more report arrives', () => {
    fc.assert(
      fc.property(reportsArb, reportArb, (reports, extra) => {
        const before = reconcileCounts(reports);
        const after = reconcileCounts([...reports, extra]);
        const windowBefore = before.windows.find((w) => w.windowId === extra.windowId);
        const windowAfter = after.windows.find((w) => w.windowId === extra.windowId)!;
        if (windowBefore !== undefined) {
          expect(windowAfter.low).toBeLessThanOrEqual(windowBefore.low);
          expect(windowAfter.high).toBeGreaterThanOrEqual(windowBefore.high);
        }
        for (const w of before.windows.filter((w) => w.windowId !== extra.windowId)) {
          expect(after.windows.find((a) => a.windowId === w.windowId)).toEqual(w);
        }
        expect(after.total!.high).toBeGreaterThanOrEqual(before.total!.high);
      }),
    );
  });

  it('gives the same answer whatever order the reports come in', () => {
    fc.assert(
      fc.property(
        reportsArb.chain((reports) =>
          fc.tuple(
            fc.constant(reports),
            fc.shuffledSubarray(reports, { minLength: reports.length, maxLength: reports.length }),
          ),
        ),
        ([reports, shuffled]) => {
          expect(reconcileCounts(shuffled)).toEqual(reconcileCounts(reports));
        },
      ),
    );
  });
});
