import { describe, it, expect } from '@jest/globals';
import type { StatedConfirmation } from '../corridor/corridor-status.js';
import { partyTrackRecord, type AnnouncedWindowFacts } from './track-record.js';

const UKRAINE = 'ukraine';
const at = (iso: string) => new Date(iso);
const LEAD = 120;
const now = at('2022-05-10T00:00:00Z');

function stance(value: StatedConfirmation['stance'], statedAt: string): StatedConfirmation {
  return { partyId: UKRAINE, stance: value, statedAt: at(statedAt) };
}

function announced(day: string, change: Partial<AnnouncedWindowFacts> = {}): AnnouncedWindowFacts {
  return {
    window: { startsAt: at(`${day}T05:00:00Z`), endsAt: at(`${day}T15:00:00Z`) },
    requiredPartyIds: [UKRAINE],
    confirmations: [],
    hasEvacuationReports: false,
    isCancelled: false,
    ...change,
  };
}

describe("an announcing party's track record", () => {
  it('turns "many previous assurances have fallen through" into numbers', () => {
    const record = partyTrackRecord(
      [
        announced('2022-04-21'), // never confirmed, nobody got out
        announced('2022-04-22', { confirmations: [stance('confirmed', '2022-04-22T10:00:00Z')] }), // confirmed too late for the deadline, during the window
        announced('2022-04-30', {
          confirmations: [stance('confirmed', '2022-04-29T20:00:00Z')],
          hasEvacuationReports: true,
        }), // kept
        announced('2022-05-05', {
          confirmations: [stance('conditional', '2022-05-04T20:00:00Z')],
          hasEvacuationReports: true,
        }),
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
      keptRatio: 2 / 4,
    });
  });

  it('has no kept ratio while none of its windows has ended', () => {
    expect(partyTrackRecord([announced('2022-05-20')], LEAD, now)).toEqual({
      windowsAnnounced: 1,
      confirmedInTime: 0,
      neverConfirmed: 0,
      withEvacuations: 0,
      keptRatio: null,
    });
    expect(partyTrackRecord([], LEAD, now).keptRatio).toBeNull();
  });

  it('does not let evacuations from a window still running raise the kept ratio', () => {
    const record = partyTrackRecord(
      [announced('2022-04-21'), announced('2022-05-09', { hasEvacuationReports: true })],
      LEAD,
      at('2022-05-09T10:00:00Z'),
    );
    expect(record.withEvacuations).toBe(1);
    expect(record.keptRatio).toBe(0);
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
  });

  it('counts a cancelled window as announced and, once over without evacuations, as not kept, but not as never confirmed', () => {
    const record = partyTrackRecord(
      [
        announced('2022-05-01', { isCancelled: true }),
        announced('2022-05-02', { hasEvacuationReports: true }),
      ],
      LEAD,
      now,
    );
    expect(record).toEqual({
      windowsAnnounced: 2,
      confirmedInTime: 0,
      neverConfirmed: 1,
      withEvacuations: 1,
      keptRatio: 1 / 2,
    });
  });
});
