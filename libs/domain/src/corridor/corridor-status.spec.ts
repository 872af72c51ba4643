import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from '../errors/domain-error.js';
import {
  assertReportedByAnother,
  CONFIRMATION_STANCES,
  CORRIDOR_STATUSES,
  deriveCorridorStatus,
  latestStances,
  type CorridorFacts,
  type StatedConfirmation,
} from './corridor-status.js';

const UKRAINE = 'ukraine';
const RUSSIA = 'russia';
const at = (iso: string) => new Date(iso);

// "From 08:00 to 18:00 Moscow time, Thursday through Saturday", announced by Russia, needing Ukraine's confirmation.
const thursday = { startsAt: at('2022-05-05T05:00:00Z'), endsAt: at('2022-05-05T15:00:00Z') };
const saturday = { startsAt: at('2022-05-07T05:00:00Z'), endsAt: at('2022-05-07T15:00:00Z') };

function corridor(change: Partial<CorridorFacts> = {}): CorridorFacts {
  return {
    isCancelled: false,
    windows: [thursday, saturday],
    requiredPartyIds: [UKRAINE],
    confirmations: [],
    hasEvacuationReports: false,
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

describe("a party's latest stance", () => {
  const history = [
    stance(UKRAINE, 'rejected', '2022-05-03T10:00:00Z'),
    stance(RUSSIA, 'confirmed', '2022-05-03T09:00:00Z'),
    stance(UKRAINE, 'confirmed', '2022-05-04T10:00:00Z'),
  ];

  it('is the one stated last, whatever order the confirmations were entered in', () => {
    const latest = latestStances(history);
    expect(latest.get(UKRAINE)?.stance).toBe('confirmed');
    expect(latest.get(RUSSIA)?.stance).toBe('confirmed');
    expect(latestStances([...history].reverse()).get(UKRAINE)?.stance).toBe('confirmed');
  });

  it('ignores what was stated after the moment asked about, and counts what was stated exactly then', () => {
    expect(latestStances(history, at('2022-05-04T09:59:59Z')).get(UKRAINE)?.stance).toBe('rejected');
    expect(latestStances(history, at('2022-05-04T10:00:00Z')).get(UKRAINE)?.stance).toBe('confirmed');
    expect(latestStances(history, at('2022-05-03T08:00:00Z')).size).toBe(0);
  });

  it('takes the more cautious stance when a party stated two at the same moment', () => {
    const tie = [
      stance(UKRAINE, 'confirmed', '2022-05-04T10:00:00Z'),
      stance(UKRAINE, 'rejected', '2022-05-04T10:00:00Z'),
    ];
    expect(latestStances(tie).get(UKRAINE)?.stance).toBe('rejected');
    expect(latestStances([...tie].reverse()).get(UKRAINE)?.stance).toBe('rejected');
  });
});

describe('a stance reported by another party', () => {
  const UN = 'un-hc';

  it('counts as the party\'s stance: the facilitator\'s "with the agreement of the parties"', () => {
    const latest = latestStances([stance(UKRAINE, 'confirmed', '2022-05-04T09:00:00Z', UN)]);
    expect(latest.get(UKRAINE)).toMatchObject({ stance: 'confirmed', reportedById: UN });
    expect(latest.has(UN)).toBe(false);
  });

  it("is superseded by the party's own later statement, and supersedes the party's own earlier one", () => {
    const reported = stance(UKRAINE, 'confirmed', '2022-05-04T09:00:00Z', UN);
    const ownLater = stance(UKRAINE, 'rejected', '2022-05-04T10:00:00Z');
    const ownEarlier = stance(UKRAINE, 'rejected', '2022-05-04T08:00:00Z');
    expect(latestStances([reported, ownLater]).get(UKRAINE)?.stance).toBe('rejected');
    expect(latestStances([ownEarlier, reported]).get(UKRAINE)?.stance).toBe('confirmed');
  });

  it("gives way to the party's own statement of the same instant, even a less cautious one", () => {
    const tie = [
      stance(UKRAINE, 'rejected', '2022-05-04T10:00:00Z', UN),
      stance(UKRAINE, 'confirmed', '2022-05-04T10:00:00Z'),
    ];
    expect(latestStances(tie).get(UKRAINE)).toMatchObject({ stance: 'confirmed', reportedById: null });
    expect(latestStances([...tie].reverse()).get(UKRAINE)).toMatchObject({ stance: 'confirmed' });
  });

  it('is refused when the reporter is the party itself, naming reportedById', () => {
    expect(() => assertReportedByAnother(UKRAINE, UKRAINE)).toThrow(DomainError);
    try {
      assertReportedByAnother(UKRAINE, UKRAINE);
    } catch (error) {
      expect(error).toMatchObject({ code: 'reported-by-itself', field: 'reportedById' });
    }
    expect(() => assertReportedByAnother(UKRAINE, UN)).not.toThrow();
    expect(() => assertReportedByAnother(UKRAINE, null)).not.toThrow();
  });

  const statement = fc.record({
    partyId: fc.constantFrom(UKRAINE, RUSSIA),
    stance: fc.constantFrom(...CONFIRMATION_STANCES),
    statedAt: fc.integer({ min: 0, max: 4 }).map((h) => new Date(Date.UTC(2022, 4, 4, h))),
    reportedById: fc.constantFrom(null, UN, 'icrc'),
  });

  it('whatever the order they were entered in, the latest stances are the same (property)', () => {
    fc.assert(
      fc.property(
        fc
          .array(statement, { maxLength: 8 })
          .chain((list) =>
            fc.tuple(
              fc.constant(list),
              fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
            ),
          ),
        ([list, shuffled]) => {
          expect(latestStances(shuffled)).toEqual(latestStances(list));
        },
      ),
    );
  });

  it('a party with any statement of its own at the latest instant is never represented by a reported one (property)', () => {
    fc.assert(
      fc.property(fc.array(statement, { maxLength: 8 }), (list) => {
        for (const [partyId, latest] of latestStances(list)) {
          const last = Math.max(
            ...list.filter((c) => c.partyId === partyId).map((c) => c.statedAt.getTime()),
          );
          expect(latest.statedAt.getTime()).toBe(last);
          const ownAtLast = list.some(
            (c) => c.partyId === partyId && c.statedAt.getTime() === last && c.reportedById === null,
          );
          if (ownAtLast) expect(latest.reportedById).toBeNull();
        }
      }),
    );
  });
});

describe('corridor status, derived and never typed in', () => {
  const before = at('2022-05-04T12:00:00Z');

  it('lists every status and stance the product speaks of', () => {
    expect(CORRIDOR_STATUSES).toEqual([
      'announced',
      'confirmed',
      'disputed',
      'open',
      'completed',
      'failed',
      'cancelled',
    ]);
    expect(CONFIRMATION_STANCES).toEqual(['confirmed', 'rejected', 'conditional']);
  });

  it('a corridor announced by one party and not yet confirmed by the other is announced', () => {
    expect(deriveCorridorStatus(corridor(), before)).toBe('announced');
  });

  it('a corridor confirmed by every required party is confirmed before its first window', () => {
    expect(
      deriveCorridorStatus(
        corridor({ confirmations: [stance(UKRAINE, 'confirmed', '2022-05-04T08:00:00Z')] }),
        before,
      ),
    ).toBe('confirmed');
  });

  it('a conditional stance is not a confirmation', () => {
    expect(
      deriveCorridorStatus(
        corridor({ confirmations: [stance(UKRAINE, 'conditional', '2022-05-04T08:00:00Z')] }),
        before,
      ),
    ).toBe('announced');
  });

  it('a confirmation stated after now does not count yet', () => {
    expect(
      deriveCorridorStatus(
        corridor({ confirmations: [stance(UKRAINE, 'confirmed', '2022-05-04T18:00:00Z')] }),
        before,
      ),
    ).toBe('announced');
  });

  it("is confirmed when it needs no one else's confirmation", () => {
    expect(deriveCorridorStatus(corridor({ requiredPartyIds: [] }), before)).toBe('confirmed');
  });

  it('is announced while only some required parties have confirmed', () => {
    const facts = corridor({
      requiredPartyIds: [UKRAINE, 'dnr'],
      confirmations: [stance(UKRAINE, 'confirmed', '2022-05-04T08:00:00Z')],
    });
    expect(deriveCorridorStatus(facts, before)).toBe('announced');
  });

  it('a corridor a required party rejected is disputed', () => {
    expect(
      deriveCorridorStatus(
        corridor({ confirmations: [stance(UKRAINE, 'rejected', '2022-05-04T08:00:00Z')] }),
        before,
      ),
    ).toBe('disputed');
  });

  it('a rejection by a party that is not required does not dispute the corridor', () => {
    expect(
      deriveCorridorStatus(
        corridor({ confirmations: [stance('icrc', 'rejected', '2022-05-04T08:00:00Z')] }),
        before,
      ),
    ).toBe('announced');
  });

  it('a rejected corridor is shown disputed, never open, while its window is running: buses must not be sent on it', () => {
    expect(
      deriveCorridorStatus(
        corridor({ confirmations: [stance(UKRAINE, 'rejected', '2022-05-04T08:00:00Z')] }),
        at('2022-05-05T10:00:00Z'),
      ),
    ).toBe('disputed');
  });

  it('a later confirmation supersedes an earlier rejection', () => {
    const facts = corridor({
      confirmations: [
        stance(UKRAINE, 'rejected', '2022-05-03T08:00:00Z'),
        stance(UKRAINE, 'confirmed', '2022-05-04T08:00:00Z'),
      ],
    });
    expect(deriveCorridorStatus(facts, before)).toBe('confirmed');
    expect(deriveCorridorStatus(facts, at('2022-05-03T12:00:00Z'))).toBe('disputed');
  });

  it('a later rejection supersedes an earlier confirmation', () => {
    const facts = corridor({
      confirmations: [
        stance(UKRAINE, 'confirmed', '2022-05-03T08:00:00Z'),
        stance(UKRAINE, 'rejected', '2022-05-04T08:00:00Z'),
      ],
    });
    expect(deriveCorridorStatus(facts, before)).toBe('disputed');
  });

  it('is open exactly at the start of a window, even if no one confirmed it', () => {
    expect(deriveCorridorStatus(corridor(), thursday.startsAt)).toBe('open');
  });

  it('is no longer open exactly at the end of a window, and goes back to announced until the next one', () => {
    expect(deriveCorridorStatus(corridor(), thursday.endsAt)).toBe('announced');
  });

  it('is open during its last window', () => {
    expect(deriveCorridorStatus(corridor(), at('2022-05-07T14:59:59Z'))).toBe('open');
  });

  it('is completed once every window is over and evacuations were reported', () => {
    expect(deriveCorridorStatus(corridor({ hasEvacuationReports: true }), saturday.endsAt)).toBe('completed');
  });

  it('has failed once every window is over and nothing was reported', () => {
    expect(deriveCorridorStatus(corridor(), saturday.endsAt)).toBe('failed');
  });

  it('ends completed or failed whether or not it was disputed', () => {
    const disputed = { confirmations: [stance(UKRAINE, 'rejected', '2022-05-04T08:00:00Z')] };
    expect(
      deriveCorridorStatus(corridor({ ...disputed, hasEvacuationReports: true }), at('2022-05-08T00:00:00Z')),
    ).toBe('completed');
    expect(deriveCorridorStatus(corridor(disputed), at('2022-05-08T00:00:00Z'))).toBe('failed');
  });

  it('a cancelled corridor is cancelled, whatever else is true', () => {
    expect(deriveCorridorStatus(corridor({ isCancelled: true }), at('2022-05-05T10:00:00Z'))).toBe(
      'cancelled',
    );
    expect(
      deriveCorridorStatus(
        corridor({ isCancelled: true, hasEvacuationReports: true }),
        at('2022-05-08T00:00:00Z'),
      ),
    ).toBe('cancelled');
  });

  it('a corridor with no windows yet is announced, confirmed or disputed by its stances alone', () => {
    expect(deriveCorridorStatus(corridor({ windows: [] }), before)).toBe('announced');
    expect(
      deriveCorridorStatus(
        corridor({ windows: [], confirmations: [stance(UKRAINE, 'confirmed', '2022-05-04T08:00:00Z')] }),
        before,
      ),
    ).toBe('confirmed');
    expect(
      deriveCorridorStatus(
        corridor({ windows: [], confirmations: [stance(UKRAINE, 'rejected', '2022-05-04T08:00:00Z')] }),
        before,
      ),
    ).toBe('disputed');
  });
});
