import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from '../errors/domain-error.js';
import { statedFigures, type Count } from './count.js';
import {
  assertBreakdownFits,
  claimRange,
  countDiscrepancy,
  headlineAfterClaim,
  headlineOfGroups,
  EVACUATION_MEASURES,
  headlineMeasure,
  summarizeEvacuations,
  type EvacuationClaim,
  type EvacuationMeasure,
} from './figures.js';

const UN = 'un-ocha';
const ICRC = 'icrc';
const UKRAINE = 'ukraine-government';
const RUSSIA = 'russia-mod';

function report(
  sourcePartyId: string,
  windowId: string | null,
  count: Count,
  reportedAt: string,
  measure: EvacuationMeasure = 'evacuated',
  countedAtId: string | null = null,
): EvacuationClaim {
  return {
    sourcePartyId,
    windowId,
    count,
    reportedAt: new Date(reportedAt),
    measure,
    countedAtId,
    category: 'civilians',
  };
}

describe('the figures of evacuation claims from several sources', () => {
  it('keeps 344, "more than 320" and "over 300" for 4 May 2022 side by side as 300 to 344, never averaged', () => {
    const result = summarizeEvacuations([
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
    const result = summarizeEvacuations([
      report(UN, 'w1', { qualifier: 'range', value: 130, max: 150 }, '2022-05-01T12:00:00Z'),
      report(RUSSIA, 'w1', { qualifier: 'at_most', value: 1000 }, '2022-05-01T13:00:00Z'),
      report(ICRC, 'w1', { qualifier: 'about', value: 100 }, '2022-05-01T14:00:00Z'),
    ]);

    expect(result.windows[0]).toMatchObject({ low: 100, high: 1000 });
  });

  it('keeps every claim of one source, even when it revised its own figure', () => {
    const result = summarizeEvacuations([
      report(UN, 'w1', { qualifier: 'about', value: 100 }, '2022-05-01T12:00:00Z'),
      report(UN, 'w1', { qualifier: 'exact', value: 101 }, '2022-05-02T12:00:00Z'),
    ]);

    expect(result.windows[0].bySource).toHaveLength(2);
    expect(result.windows[0]).toMatchObject({ low: 100, high: 101 });
  });

  it('sums window ranges into a total, with reports tied to no window as a group of their own, listed last', () => {
    const result = summarizeEvacuations([
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
    const result = summarizeEvacuations([
      report(UN, 'w1', { qualifier: 'exact', value: 10 }, '2022-05-01T12:00:00Z'),
      report(ICRC, 'w1', { qualifier: 'exact', value: 12 }, '2022-05-01T12:00:00Z'),
    ]);

    expect(result.windows[0].bySource.map((claim) => claim.sourcePartyId)).toEqual([ICRC, UN]);
  });

  it('has no total and no windows when nothing has been reported', () => {
    expect(summarizeEvacuations([])).toEqual({ total: null, windows: [] });
  });

  it('refuses a report whose count is not valid', () => {
    expect(() =>
      summarizeEvacuations([report(UN, 'w1', { qualifier: 'exact', value: -3 }, '2022-05-01T12:00:00Z')]),
    ).toThrow(DomainError);
  });
});

describe('the figures of one measure, for any set of claims', () => {
  const countArb: fc.Arbitrary<Count> = fc.oneof(
    fc.record({
      qualifier: fc.constantFrom('exact' as const, 'about' as const, 'at_least' as const, 'at_most' as const),
      value: fc.nat({ max: 100_000 }),
    }),
    fc
      .tuple(fc.nat({ max: 100_000 }), fc.nat({ max: 5_000 }))
      .map(([value, spread]): Count => ({ qualifier: 'range', value, max: value + spread })),
  );
  const reportArb: fc.Arbitrary<EvacuationClaim> = fc.record({
    sourcePartyId: fc.constantFrom(UN, ICRC, UKRAINE, RUSSIA),
    windowId: fc.constantFrom('w1', 'w2', 'w3', null),
    count: countArb,
    reportedAt: fc
      .integer({ min: Date.UTC(2022, 3, 20), max: Date.UTC(2022, 4, 20) })
      .map((ms) => new Date(ms)),
    measure: fc.constant<EvacuationMeasure>('evacuated'),
    countedAtId: fc.constant(null),
    category: fc.constant('civilians' as const),
  });
  const reportsArb = fc.array(reportArb, { minLength: 1, maxLength: 25 });

  it('never has a low above its high, and low is the lowest and high the highest figure any source stated for the window', () => {
    fc.assert(
      fc.property(reportsArb, (reports) => {
        const result = summarizeEvacuations(reports);
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
        const before = summarizeEvacuations(reports);
        const after = summarizeEvacuations([...reports, extra]);
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
          expect(summarizeEvacuations(shuffled)).toEqual(summarizeEvacuations(reports));
        },
      ),
    );
  });
});

describe('what each claim counted', () => {
  // The first UN/ICRC operation from Azovstal, 29 April – 3 May 2022: three measures, not sources that disagree.
  const operation1 = [
    // One source revising its own figure: not a discrepancy.
    report(UN, null, { qualifier: 'exact', value: 80 }, '2022-05-01T09:00:00Z', 'left_origin', 'azovstal'),
    report(
      UN,
      null,
      { qualifier: 'more_than', value: 120 },
      '2022-05-03T12:00:00Z',
      'left_origin',
      'azovstal',
    ),
    report(UN, null, { qualifier: 'exact', value: 58 }, '2022-05-02T12:00:00Z', 'joined_en_route', 'manhush'),
    report(ICRC, null, { qualifier: 'exact', value: 127 }, '2022-05-03T15:00:00Z', 'arrived', 'zaporizhzhia'),
    report(UN, null, { qualifier: 'exact', value: 156 }, '2022-05-03T18:00:00Z', 'arrived', 'zaporizhzhia'),
  ];

  it('keeps left the plant 80–121, joined at Manhush 58 and arrived 127–156 apart, and heads with the arrivals', () => {
    const { total } = summarizeEvacuations(operation1);
    expect(total?.byMeasure).toEqual({
      left_origin: { low: 80, high: 121, claims: 2 },
      joined_en_route: { low: 58, high: 58, claims: 1 },
      arrived: { low: 127, high: 156, claims: 2 },
    });
    expect(total?.headline).toEqual({ measure: 'arrived', low: 127, high: 156 });
    expect([total?.low, total?.high]).toEqual([127, 156]);
  });

  it('raises no discrepancy between those measures, only between sources about the same people', () => {
    expect(countDiscrepancy(operation1, 0.25)).toBeNull();
    const disagreeing = [
      ...operation1,
      report(
        UKRAINE,
        null,
        { qualifier: 'exact', value: 300 },
        '2022-05-03T19:00:00Z',
        'arrived',
        'zaporizhzhia',
      ),
    ];
    expect(countDiscrepancy(disagreeing, 0.25)).toMatchObject({
      group: { measure: 'arrived', countedAtId: 'zaporizhzhia', category: 'civilians' },
      low: 127,
      high: 300,
      lowest: { sourcePartyId: ICRC },
      highest: { sourcePartyId: UKRAINE },
    });
  });

  it('counts claims that name no window once, as one group, however many windows the corridor has', () => {
    // The Russian ceasefire of 5–7 May: 40–51 brought out, reported without a window.
    const summary = summarizeEvacuations(
      [
        report(RUSSIA, null, { qualifier: 'exact', value: 51 }, '2022-05-07T18:00:00Z', 'left_origin'),
        report(UN, null, { qualifier: 'exact', value: 40 }, '2022-05-07T19:00:00Z', 'left_origin'),
      ],
      ['w-0505', 'w-0506', 'w-0507'],
    );
    expect(summary.windows.map((w) => w.windowId)).toEqual([null]);
    expect(summary.total?.headline).toEqual({ measure: 'left_origin', low: 40, high: 51 });
  });

  it('lists windows in the order given, then others, then the group of no window', () => {
    const summary = summarizeEvacuations(
      [
        report(UN, null, { qualifier: 'exact', value: 1 }, '2022-05-01T12:00:00Z'),
        report(UN, 'b', { qualifier: 'exact', value: 2 }, '2022-05-01T12:00:00Z'),
        report(UN, 'z', { qualifier: 'exact', value: 3 }, '2022-05-01T12:00:00Z'),
        report(UN, 'a', { qualifier: 'exact', value: 4 }, '2022-05-01T12:00:00Z'),
      ],
      ['z', 'b'],
    );
    expect(summary.windows.map((w) => w.windowId)).toEqual(['z', 'b', 'a', null]);
  });

  it('never heads with the people who joined on the way: they are inside the arrivals', () => {
    expect(headlineMeasure(['joined_en_route', 'left_origin'])).toBe('left_origin');
    expect(headlineMeasure(['joined_en_route', 'evacuated', 'left_origin'])).toBe('evacuated');
    expect(headlineMeasure(['joined_en_route'])).toBeNull();
    const { total } = summarizeEvacuations([
      report(UN, null, { qualifier: 'exact', value: 58 }, '2022-05-02T12:00:00Z', 'joined_en_route'),
    ]);
    expect(total).toMatchObject({ headline: null, low: 58, high: 58 });
  });
});

describe('a breakdown of who was counted', () => {
  it('fits when no part, nor men, women and minors together, exceed what the count allows', () => {
    expect(() => assertBreakdownFits({ qualifier: 'about', value: 100 }, { minors: 20 })).not.toThrow();
    expect(() =>
      assertBreakdownFits(
        { qualifier: 'exact', value: 100 },
        { men: 30, women: 50, minors: 20, wounded: 10 },
      ),
    ).not.toThrow();
    // "2,000 fighters, 500 wounded": the count has no upper bound to exceed.
    expect(() =>
      assertBreakdownFits({ qualifier: 'more_than', value: 2000 }, { wounded: 5000 }),
    ).not.toThrow();
  });

  it('is refused, naming the field, when it counts more people than the count can be', () => {
    expect(() => assertBreakdownFits({ qualifier: 'exact', value: 100 }, { men: 60, women: 50 })).toThrow(
      expect.objectContaining({ code: 'invalid-breakdown', field: 'breakdown', status: 400 }),
    );
    expect(() => assertBreakdownFits({ qualifier: 'fewer_than', value: 20 }, { wounded: 20 })).toThrow(
      expect.objectContaining({ field: 'breakdown' }),
    );
    expect(() => assertBreakdownFits({ qualifier: 'range', value: 10, max: 20 }, { elderly: -1 })).toThrow(
      expect.objectContaining({ field: 'breakdown.elderly' }),
    );
  });
});

describe('the figures of several measures, for any set of claims', () => {
  const countArb: fc.Arbitrary<Count> = fc.oneof(
    fc.record({
      qualifier: fc.constantFrom(
        'exact' as const,
        'about' as const,
        'at_least' as const,
        'more_than' as const,
        'at_most' as const,
      ),
      value: fc.nat({ max: 10_000 }),
    }),
    fc.nat({ max: 10_000 }).map((n): Count => ({ qualifier: 'fewer_than', value: n + 1 })),
    fc
      .tuple(fc.nat({ max: 10_000 }), fc.nat({ max: 500 }))
      .map(([value, spread]): Count => ({ qualifier: 'range', value, max: value + spread })),
  );
  const claimArb: fc.Arbitrary<EvacuationClaim> = fc.record({
    sourcePartyId: fc.constantFrom(UN, ICRC, UKRAINE, RUSSIA),
    windowId: fc.constantFrom('w1', 'w2', null),
    count: countArb,
    reportedAt: fc
      .integer({ min: Date.UTC(2022, 3, 20), max: Date.UTC(2022, 4, 20) })
      .map((ms) => new Date(ms)),
    measure: fc.constantFrom(...EVACUATION_MEASURES),
    countedAtId: fc.constantFrom(null, 'azovstal', 'zaporizhzhia'),
    category: fc.constantFrom('civilians' as const, 'women_children' as const),
  });
  const claimsArb = fc.array(claimArb, { minLength: 1, maxLength: 30 });

  it('never gives a headline above the sum of the arrivals, and heads with the arrivals whenever there are any', () => {
    fc.assert(
      fc.property(claimsArb, (claims) => {
        const { total } = summarizeEvacuations(claims);
        const arrivals = claims.filter((c) => c.measure === 'arrived');
        const sumOfArrivals = arrivals.reduce((sum, c) => sum + Math.max(...statedFigures(c.count)), 0);
        if (arrivals.length > 0) {
          expect(total?.headline?.measure).toBe('arrived');
          expect(total!.headline!.high).toBeLessThanOrEqual(sumOfArrivals);
        } else {
          expect(total?.headline?.measure).not.toBe('arrived');
        }
        expect(total?.headline?.measure).not.toBe('joined_en_route');
        if (total?.headline)
          expect([total.low, total.high]).toEqual([total.headline.low, total.headline.high]);
      }),
    );
  });

  it('never raises a discrepancy when a claim of another measure is added', () => {
    fc.assert(
      fc.property(claimsArb, claimArb, (claims, extra) => {
        const others = claims.filter((c) => c.measure !== extra.measure);
        fc.pre(countDiscrepancy(others, 0.25) === null);
        expect(countDiscrepancy([...others, extra], 0.25)).toBeNull();
      }),
    );
  });

  it("sums each measure's per-window ranges into the total, so no claim is counted twice", () => {
    fc.assert(
      fc.property(claimsArb, (claims) => {
        const summary = summarizeEvacuations(claims, ['w1', 'w2']);
        for (const measure of EVACUATION_MEASURES) {
          const perWindow = summary.windows.map((w) => w.byMeasure[measure]).filter((r) => r !== undefined);
          const total = summary.total?.byMeasure[measure];
          if (perWindow.length === 0) expect(total).toBeUndefined();
          else
            expect(total).toEqual({
              low: perWindow.reduce((s, r) => s + r.low, 0),
              high: perWindow.reduce((s, r) => s + r.high, 0),
              claims: claims.filter((c) => c.measure === measure).length,
            });
        }
      }),
    );
  });
});

describe("the corridor row's headline, kept one claim at a time", () => {
  it('is what the figures of all the claims give, whatever claims arrive in whatever order', () => {
    const claimArb: fc.Arbitrary<EvacuationClaim> = fc.record({
      sourcePartyId: fc.constantFrom(UN, ICRC),
      windowId: fc.constantFrom('w1', 'w2', null),
      count: fc.oneof(
        fc.record({
          qualifier: fc.constantFrom('exact' as const, 'more_than' as const),
          value: fc.nat({ max: 500 }),
        }),
        fc.tuple(fc.nat({ max: 500 }), fc.nat({ max: 50 })).map(([value, spread]): Count => ({
          qualifier: 'range',
          value,
          max: value + spread,
        })),
      ),
      reportedAt: fc.constant(new Date('2022-05-01T12:00:00Z')),
      measure: fc.constantFrom(...EVACUATION_MEASURES),
      countedAtId: fc.constant(null),
      category: fc.constant('civilians' as const),
    });
    fc.assert(
      fc.property(fc.array(claimArb, { minLength: 1, maxLength: 30 }), (claims) => {
        let headline = null;
        for (const [index, claim] of claims.entries()) {
          const group = claims
            .slice(0, index)
            .filter((c) => c.measure === claim.measure && c.windowId === claim.windowId)
            .map((c) => claimRange(c.count));
          const groupBefore = group.length
            ? { low: Math.min(...group.map((g) => g.low)), high: Math.max(...group.map((g) => g.high)) }
            : null;
          headline = headlineAfterClaim(
            headline,
            { measure: claim.measure, ...claimRange(claim.count) },
            groupBefore,
          );
        }
        const expected = summarizeEvacuations(claims).total?.headline ?? null;
        expect(headline).toEqual(expected);
        const groups = summarizeEvacuations(claims).windows.flatMap((w) =>
          EVACUATION_MEASURES.flatMap((measure) => {
            const range = w.byMeasure[measure];
            return range ? [{ measure, low: range.low, high: range.high }] : [];
          }),
        );
        expect(headlineOfGroups(groups)).toEqual(expected);
      }),
    );
  });
});
