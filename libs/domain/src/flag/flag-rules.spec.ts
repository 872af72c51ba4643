import { describe, it, expect } from '@jest/globals';
import type { Count } from '../count/count.js';
import type { SourcedCount } from '../count/count-reconciliation.js';
import type { StatedConfirmation } from '../corridor/corridor-status.js';
import {
  FLAG_RULES,
  FLAG_RULE_SEVERITY,
  FLAG_SEVERITIES,
  evaluateWindowFlags,
  type FlagRuleSettings,
  type WindowFacts,
} from './flag-rules.js';

const RUSSIA = 'russia';
const UKRAINE = 'ukraine';
const UN = 'un-ocha';
const ICRC = 'icrc';
const at = (iso: string) => new Date(iso);

// Thursday 5 May 2022, 08:00–18:00 Moscow time; deadline two hours before; no-report grace six hours.
const window = { startsAt: at('2022-05-05T05:00:00Z'), endsAt: at('2022-05-05T15:00:00Z') };
const deadlineAt = at('2022-05-05T03:00:00Z');
const graceEndsAt = at('2022-05-05T21:00:00Z');
const settings: FlagRuleSettings = {
  confirmationLeadMinutes: 120,
  noEvacuationGraceHours: 6,
  countDiscrepancyRatio: 0.25,
};

function facts(change: Partial<WindowFacts> = {}): WindowFacts {
  return {
    window,
    isCancelled: false,
    requiredPartyIds: [UKRAINE],
    confirmations: [],
    evacuationReports: [],
    ...change,
  };
}

function stance(
  partyId: string,
  value: StatedConfirmation['stance'],
  statedAt: string,
  reportedById: string | null = null,
): StatedConfirmation {
  return { partyId, stance: value, statedAt: at(statedAt), reportedById };
}

function evacuation(sourcePartyId: string, count: Count, reportedAt = '2022-05-05T18:00:00Z'): SourcedCount {
  return { sourcePartyId, windowId: 'w-0505', count, reportedAt: at(reportedAt) };
}

function later(iso: Date, ms: number): Date {
  return new Date(iso.getTime() + ms);
}

describe('flag rules and their severities', () => {
  it('match the table in the product specification', () => {
    expect(FLAG_RULES).toEqual([
      'unconfirmed_at_deadline',
      'never_confirmed',
      'rejected',
      'no_evacuation_reported',
      'count_discrepancy',
    ]);
    expect(FLAG_SEVERITIES).toEqual(['info', 'warning', 'critical']);
    expect(FLAG_RULE_SEVERITY).toEqual({
      unconfirmed_at_deadline: 'warning',
      never_confirmed: 'critical',
      rejected: 'critical',
      no_evacuation_reported: 'warning',
      count_discrepancy: 'info',
    });
  });
});

describe('evaluating the flags of a window', () => {
  it('raises nothing before the deadline of an unconfirmed corridor, and asks to be woken at the deadline', () => {
    const decision = evaluateWindowFlags(facts(), settings, at('2022-05-04T12:00:00Z'));
    expect(decision.raise).toEqual([]);
    expect(decision.resolve).toEqual([
      'unconfirmed_at_deadline',
      'rejected',
      'no_evacuation_reported',
      'count_discrepancy',
    ]);
    expect(decision.nextEvaluationAt).toEqual(deadlineAt);
  });

  it('a corridor announced by one party and never confirmed by the other is flagged unconfirmed_at_deadline at its deadline and never_confirmed when its window ends', () => {
    const announcedByRussia = facts({ confirmations: [stance(RUSSIA, 'confirmed', '2022-05-04T09:00:00Z')] });

    const atDeadline = evaluateWindowFlags(announcedByRussia, settings, deadlineAt);
    expect(atDeadline.raise).toEqual(['unconfirmed_at_deadline']);
    expect(atDeadline.nextEvaluationAt).toEqual(window.endsAt);

    const atEnd = evaluateWindowFlags(announcedByRussia, settings, window.endsAt);
    expect(atEnd.raise).toEqual(['unconfirmed_at_deadline', 'never_confirmed']);
    expect(atEnd.nextEvaluationAt).toEqual(graceEndsAt);
  });

  it('raises nothing one millisecond before the deadline', () => {
    expect(evaluateWindowFlags(facts(), settings, later(deadlineAt, -1)).raise).toEqual([]);
  });

  it('a corridor confirmed before its deadline raises no confirmation flag, at the deadline or at its end', () => {
    const confirmed = facts({ confirmations: [stance(UKRAINE, 'confirmed', '2022-05-04T20:00:00Z')] });
    expect(evaluateWindowFlags(confirmed, settings, deadlineAt).raise).toEqual([]);
    expect(evaluateWindowFlags(confirmed, settings, window.endsAt).raise).toEqual([]);
  });

  it('a conditional stance at the deadline is not a confirmation', () => {
    const conditional = facts({ confirmations: [stance(UKRAINE, 'conditional', '2022-05-04T20:00:00Z')] });
    expect(evaluateWindowFlags(conditional, settings, deadlineAt).raise).toEqual(['unconfirmed_at_deadline']);
  });

  it('a late confirmation resolves unconfirmed_at_deadline and not never_confirmed', () => {
    const lateDuringWindow = facts({ confirmations: [stance(UKRAINE, 'confirmed', '2022-05-05T06:00:00Z')] });
    const duringWindow = evaluateWindowFlags(lateDuringWindow, settings, at('2022-05-05T06:00:00Z'));
    expect(duringWindow.raise).toEqual([]);
    expect(duringWindow.resolve).toContain('unconfirmed_at_deadline');

    const afterTheEnd = facts({ confirmations: [stance(UKRAINE, 'confirmed', '2022-05-05T16:00:00Z')] });
    const decision = evaluateWindowFlags(afterTheEnd, settings, at('2022-05-05T16:00:00Z'));
    expect(decision.raise).toEqual(['never_confirmed']);
    expect(decision.resolve).toContain('unconfirmed_at_deadline');
    expect(decision.resolve).not.toContain('never_confirmed');
  });

  it('never lists never_confirmed as resolved, even when the window was confirmed', () => {
    const confirmed = facts({ confirmations: [stance(UKRAINE, 'confirmed', '2022-05-04T20:00:00Z')] });
    for (const now of [at('2022-05-04T12:00:00Z'), window.endsAt, at('2022-05-10T00:00:00Z')]) {
      expect(evaluateWindowFlags(confirmed, settings, now).resolve).not.toContain('never_confirmed');
    }
  });

  it('a rejection raises rejected at once, long before the deadline', () => {
    const decision = evaluateWindowFlags(
      facts({ confirmations: [stance(UKRAINE, 'rejected', '2022-05-03T10:00:00Z')] }),
      settings,
      at('2022-05-03T10:00:00Z'),
    );
    expect(decision.raise).toEqual(['rejected']);
    expect(decision.resolve).not.toContain('rejected');
  });

  it('a rejection by a party whose confirmation is not required raises nothing', () => {
    const decision = evaluateWindowFlags(
      facts({ confirmations: [stance(ICRC, 'rejected', '2022-05-03T10:00:00Z')] }),
      settings,
      at('2022-05-03T10:00:00Z'),
    );
    expect(decision.raise).toEqual([]);
  });

  it('a rejected corridor later confirmed resolves rejected', () => {
    const changedItsMind = facts({
      confirmations: [
        stance(UKRAINE, 'rejected', '2022-05-03T10:00:00Z'),
        stance(UKRAINE, 'confirmed', '2022-05-04T10:00:00Z'),
      ],
    });
    const decision = evaluateWindowFlags(changedItsMind, settings, at('2022-05-04T10:00:00Z'));
    expect(decision.raise).toEqual([]);
    expect(decision.resolve).toContain('rejected');
  });

  it('a stance reported by a facilitator counts: the UN\'s "with the agreement of the parties" keeps never_confirmed away', () => {
    const reported = facts({ confirmations: [stance(UKRAINE, 'confirmed', '2022-05-04T20:00:00Z', UN)] });
    expect(evaluateWindowFlags(reported, settings, window.endsAt).raise).toEqual([]);
  });

  it("the party's own later rejection supersedes a confirmation reported for it", () => {
    const superseded = facts({
      confirmations: [
        stance(UKRAINE, 'confirmed', '2022-05-04T20:00:00Z', UN),
        stance(UKRAINE, 'rejected', '2022-05-04T21:00:00Z'),
      ],
    });
    expect(evaluateWindowFlags(superseded, settings, deadlineAt).raise).toEqual([
      'unconfirmed_at_deadline',
      'rejected',
    ]);
  });

  it('an open-ended window is judged at the end of its review period, like any other end', () => {
    const openEnded = facts({
      window: {
        startsAt: window.startsAt,
        endsAt: later(window.startsAt, 24 * 3_600_000),
        isOpenEnded: true,
      },
      confirmations: [stance(UKRAINE, 'rejected', '2022-05-05T04:00:00Z')],
    });
    const reviewEndsAt = later(window.startsAt, 24 * 3_600_000);
    expect(evaluateWindowFlags(openEnded, settings, later(reviewEndsAt, -1)).raise).toEqual([
      'unconfirmed_at_deadline',
      'rejected',
    ]);
    expect(evaluateWindowFlags(openEnded, settings, reviewEndsAt).raise).toEqual([
      'unconfirmed_at_deadline',
      'never_confirmed',
      'rejected',
    ]);
  });

  it('a window with no evacuation report is flagged no_evacuation_reported once the grace hours after its end have passed', () => {
    const confirmed = facts({ confirmations: [stance(UKRAINE, 'confirmed', '2022-05-04T20:00:00Z')] });
    expect(evaluateWindowFlags(confirmed, settings, later(graceEndsAt, -1)).raise).toEqual([]);
    const decision = evaluateWindowFlags(confirmed, settings, graceEndsAt);
    expect(decision.raise).toEqual(['no_evacuation_reported']);
    expect(decision.nextEvaluationAt).toBeNull();
  });

  it('an evacuation report naming the window resolves no_evacuation_reported', () => {
    const reported = facts({
      confirmations: [stance(UKRAINE, 'confirmed', '2022-05-04T20:00:00Z')],
      evacuationReports: [evacuation(UN, { qualifier: 'about', value: 100 }, '2022-05-06T09:00:00Z')],
    });
    const decision = evaluateWindowFlags(reported, settings, at('2022-05-06T09:00:00Z'));
    expect(decision.raise).toEqual([]);
    expect(decision.resolve).toContain('no_evacuation_reported');
  });

  describe('count discrepancy', () => {
    const evaluate = (reports: SourcedCount[]) =>
      evaluateWindowFlags(
        facts({
          confirmations: [stance(UKRAINE, 'confirmed', '2022-05-04T20:00:00Z')],
          evacuationReports: reports,
        }),
        settings,
        at('2022-05-06T00:00:00Z'),
      );

    it('344 from the UN and "over 300" from the ICRC agree within the ratio: no flag', () => {
      const decision = evaluate([
        evacuation(UN, { qualifier: 'exact', value: 344 }),
        evacuation(ICRC, { qualifier: 'at_least', value: 300 }),
      ]);
      expect(decision.raise).toEqual([]);
      expect(decision.resolve).toContain('count_discrepancy');
    });

    it('"about 100" against 344 from another source is flagged count_discrepancy', () => {
      const decision = evaluate([
        evacuation(UN, { qualifier: 'exact', value: 344 }),
        evacuation(RUSSIA, { qualifier: 'about', value: 100 }),
      ]);
      expect(decision.raise).toEqual(['count_discrepancy']);
    });

    it('a high exactly at low × (1 + ratio) is not yet a discrepancy', () => {
      expect(
        evaluate([
          evacuation(UN, { qualifier: 'exact', value: 100 }),
          evacuation(ICRC, { qualifier: 'exact', value: 125 }),
        ]).raise,
      ).toEqual([]);
      expect(
        evaluate([
          evacuation(UN, { qualifier: 'exact', value: 100 }),
          evacuation(ICRC, { qualifier: 'exact', value: 126 }),
        ]).raise,
      ).toEqual(['count_discrepancy']);
    });

    it('one source revising its own figure is not a discrepancy', () => {
      expect(
        evaluate([
          evacuation(UN, { qualifier: 'about', value: 100 }),
          evacuation(UN, { qualifier: 'exact', value: 344 }),
        ]).raise,
      ).toEqual([]);
    });

    it('zero against any positive figure from another source is a discrepancy', () => {
      expect(
        evaluate([
          evacuation(UN, { qualifier: 'exact', value: 0 }),
          evacuation(ICRC, { qualifier: 'exact', value: 1 }),
        ]).raise,
      ).toEqual(['count_discrepancy']);
      expect(
        evaluate([
          evacuation(UN, { qualifier: 'exact', value: 0 }),
          evacuation(ICRC, { qualifier: 'exact', value: 0 }),
        ]).raise,
      ).toEqual([]);
    });

    it('the two ends of a range count as stated figures', () => {
      expect(
        evaluate([
          evacuation(UN, { qualifier: 'range', value: 100, max: 200 }),
          evacuation(ICRC, { qualifier: 'exact', value: 150 }),
        ]).raise,
      ).toEqual(['count_discrepancy']);
    });
  });

  it('a past promise entered after the fact raises every due rule in one evaluation', () => {
    const enteredAWeekLater = facts({ confirmations: [stance(UKRAINE, 'rejected', '2022-05-04T10:00:00Z')] });
    const decision = evaluateWindowFlags(enteredAWeekLater, settings, at('2022-05-12T09:00:00Z'));
    expect(decision.raise).toEqual([
      'unconfirmed_at_deadline',
      'never_confirmed',
      'rejected',
      'no_evacuation_reported',
    ]);
    expect(decision.resolve).toEqual(['count_discrepancy']);
    expect(decision.nextEvaluationAt).toBeNull();
  });

  it('a cancelled corridor raises nothing new and needs no further wake-up, but still resolves what no longer holds', () => {
    const cancelled = facts({
      isCancelled: true,
      confirmations: [stance(UKRAINE, 'confirmed', '2022-05-05T06:00:00Z')],
    });
    const decision = evaluateWindowFlags(cancelled, settings, at('2022-05-12T09:00:00Z'));
    expect(decision.raise).toEqual([]);
    expect(decision.resolve).toEqual(['unconfirmed_at_deadline', 'rejected', 'count_discrepancy']);
    expect(decision.nextEvaluationAt).toBeNull();
  });

  it('never lists a rule both to raise and to resolve', () => {
    const cases: [WindowFacts, Date][] = [
      [facts(), at('2022-05-04T12:00:00Z')],
      [facts(), at('2022-05-12T00:00:00Z')],
      [facts({ confirmations: [stance(UKRAINE, 'rejected', '2022-05-03T10:00:00Z')] }), window.startsAt],
      [
        facts({
          evacuationReports: [
            evacuation(UN, { qualifier: 'exact', value: 0 }),
            evacuation(ICRC, { qualifier: 'exact', value: 9 }),
          ],
        }),
        graceEndsAt,
      ],
    ];
    for (const [windowFacts, now] of cases) {
      const decision = evaluateWindowFlags(windowFacts, settings, now);
      expect(decision.raise.filter((rule) => decision.resolve.includes(rule))).toEqual([]);
    }
  });

  it('asks to be woken at the next of deadline, window end and end of grace still ahead', () => {
    expect(evaluateWindowFlags(facts(), settings, later(deadlineAt, -1)).nextEvaluationAt).toEqual(
      deadlineAt,
    );
    expect(evaluateWindowFlags(facts(), settings, deadlineAt).nextEvaluationAt).toEqual(window.endsAt);
    expect(evaluateWindowFlags(facts(), settings, window.endsAt).nextEvaluationAt).toEqual(graceEndsAt);
    expect(evaluateWindowFlags(facts(), settings, graceEndsAt).nextEvaluationAt).toBeNull();
  });
});
