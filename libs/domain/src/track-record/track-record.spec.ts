import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import type { StatedConfirmation } from '../corridor/corridor-status.js';
import type { Count } from '../count/count.js';
import { partyTrackRecord, type AnnouncedWindowFacts } from './track-record.js';

const UKRAINE = 'ukraine';
const UN = 'un-hc';
const at = (iso: string) => new Date(iso);
const LEAD = 120;
const now = at('2022-05-10T00:00:00Z');
const people = (value: number): Count => ({ qualifier: 'exact', value });

function stance(
  value: StatedConfirmation['stance'],
  statedAt: string,
  reportedById: string | null = null,
): StatedConfirmation {
  return { partyId: UKRAINE, stance: value, statedAt: at(statedAt), reportedById };
}

function announced(day: string, change: Partial<AnnouncedWindowFacts> = {}): AnnouncedWindowFacts {
  return {
    window: { startsAt: at(`${day}T05:00:00Z`), endsAt: at(`${day}T15:00:00Z`) },
    requiredPartyIds: [UKRAINE],
    confirmations: [],
    hasEvacuationReports: false,
    claims: [],
    isCancelled: false,
    ...change,
  };
}

const reported = (value: number) => ({ hasEvacuationReports: true, claims: [people(value)] });

describe("an announcing party's track record", () => {
  it('turns "many previous assurances have fallen through" into numbers', () => {
    const record = partyTrackRecord(
      [
        announced('2022-04-21'), // never confirmed, nobody got out: broken
        announced('2022-04-22', { confirmations: [stance('confirmed', '2022-04-22T10:00:00Z')] }), // confirmed late, nobody reported: broken
        announced('2022-04-30', {
          confirmations: [stance('confirmed', '2022-04-29T20:00:00Z')],
          ...reported(80),
        }), // kept
        announced('2022-05-05', {
          confirmations: [stance('conditional', '2022-05-04T20:00:00Z')],
          ...reported(50),
        }), // unconfirmed
        announced('2022-05-20', { confirmations: [stance('confirmed', '2022-05-09T20:00:00Z')] }), // still ahead
      ],
      LEAD,
      now,
    );

    expect(record).toEqual({
      windowsAnnounced: 5,
      confirmedInTime: 2,
      neverConfirmed: 2,
      withEvacuations: 2,
      promises: 5,
      kept: 1,
      unconfirmed: 1,
      broken: 2,
      pending: 1,
      keptRatio: 1 / 4,
    });
  });

  it('has no kept ratio while none of its promises has settled', () => {
    expect(partyTrackRecord([announced('2022-05-20')], LEAD, now)).toEqual({
      windowsAnnounced: 1,
      confirmedInTime: 0,
      neverConfirmed: 0,
      withEvacuations: 0,
      promises: 1,
      kept: 0,
      unconfirmed: 0,
      broken: 0,
      pending: 1,
      keptRatio: null,
    });
    expect(partyTrackRecord([], LEAD, now).keptRatio).toBeNull();
  });

  it('does not let evacuations from a window still running raise the kept ratio', () => {
    const record = partyTrackRecord(
      [announced('2022-04-21'), announced('2022-05-09', reported(20))],
      LEAD,
      at('2022-05-09T10:00:00Z'),
    );
    expect(record.withEvacuations).toBe(1);
    expect(record).toMatchObject({ broken: 1, pending: 1, keptRatio: 0 });
  });

  it('counts an open-ended ceasefire, rejected and used by nobody, as a broken promise', () => {
    const ceasefire = announced('2022-04-25', {
      window: { startsAt: at('2022-04-25T11:00:00Z'), endsAt: at('2022-04-26T11:00:00Z'), isOpenEnded: true },
      confirmations: [stance('rejected', '2022-04-25T09:00:00Z')],
      ...reported(0),
    });
    expect(partyTrackRecord([ceasefire], LEAD, now)).toMatchObject({
      promises: 1,
      broken: 1,
      neverConfirmed: 1,
      keptRatio: 0,
    });
  });

  it('counts a promise kept on the word of a facilitator', () => {
    const agreed = announced('2022-05-04', {
      confirmations: [stance('confirmed', '2022-05-04T01:00:00Z', UN)],
      ...reported(300),
    });
    expect(partyTrackRecord([agreed], LEAD, now)).toMatchObject({
      kept: 1,
      keptRatio: 1,
      confirmedInTime: 1,
    });
  });

  it("counts a window that needed no one else's confirmation as confirmed in time", () => {
    expect(
      partyTrackRecord([announced('2022-05-01', { requiredPartyIds: [] })], LEAD, now).confirmedInTime,
    ).toBe(1);
  });

  it('does not count a confirmation later withdrawn as confirmed in time', () => {
    const withdrawn = announced('2022-05-01', {
      confirmations: [
        stance('confirmed', '2022-04-30T10:00:00Z'),
        stance('rejected', '2022-05-01T04:00:00Z'),
      ],
    });
    const record = partyTrackRecord([withdrawn], LEAD, now);
    expect(record.confirmedInTime).toBe(0);
    expect(record.neverConfirmed).toBe(0);
    expect(record.broken).toBe(1);
  });

  it('counts a cancelled window as announced and as a promise, in no outcome, and not as never confirmed', () => {
    const record = partyTrackRecord(
      [announced('2022-05-01', { isCancelled: true }), announced('2022-05-02', reported(10))],
      LEAD,
      now,
    );
    expect(record).toEqual({
      windowsAnnounced: 2,
      confirmedInTime: 0,
      neverConfirmed: 1,
      withEvacuations: 1,
      promises: 2,
      kept: 0,
      unconfirmed: 1,
      broken: 0,
      pending: 0,
      keptRatio: 0,
    });
  });

  it('accounts for every promise once: the outcomes and the cancelled add up to the promises (property)', () => {
    const window = fc
      .record({
        day: fc.integer({ min: 1, max: 20 }),
        isCancelled: fc.boolean(),
        stance: fc.constantFrom(null, 'confirmed', 'rejected', 'conditional' as const),
        value: fc.constantFrom(null, 0, 30),
      })
      .map(({ day, isCancelled, stance: s, value }) =>
        announced(`2022-05-${String(day).padStart(2, '0')}`, {
          isCancelled,
          confirmations: s ? [stance(s, `2022-05-${String(day).padStart(2, '0')}T01:00:00Z`)] : [],
          ...(value === null ? {} : reported(value)),
        }),
      );
    fc.assert(
      fc.property(fc.array(window, { maxLength: 8 }), (windows) => {
        const record = partyTrackRecord(windows, LEAD, at('2022-05-12T00:00:00Z'));
        const cancelled = windows.filter((w) => w.isCancelled).length;
        expect(record.kept + record.unconfirmed + record.broken + record.pending + cancelled).toBe(
          record.promises,
        );
        if (record.keptRatio !== null) expect(record.keptRatio).toBeGreaterThanOrEqual(0);
        if (record.keptRatio !== null) expect(record.keptRatio).toBeLessThanOrEqual(1);
      }),
    );
  });
});
