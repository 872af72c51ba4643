import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { CONFIRMATION_STANCES, type StatedConfirmation } from '../corridor/corridor-status.js';
import { COUNT_QUALIFIERS, type Count } from '../count/count.js';
import {
  CORRIDOR_PROMISES,
  derivePromise,
  settledPromise,
  statesSomeoneMoved,
  windowPromise,
  type PromiseFacts,
  type PromiseWindow,
  type SettledPromise,
} from './promise.js';

const RUSSIA = 'ru-mod';
const UKRAINE = 'ua-gov';
const UN = 'un-hc';
const at = (iso: string) => new Date(iso);
const people = (value: number): Count => ({ qualifier: 'exact', value });

// The Russian ceasefire corridor of 5-7 May 2022, 08:00-18:00 Moscow time, needing Ukraine's confirmation.
const may5: PromiseWindow = {
  startsAt: at('2022-05-05T05:00:00Z'),
  endsAt: at('2022-05-05T15:00:00Z'),
  claims: [],
};
const may6: PromiseWindow = {
  startsAt: at('2022-05-06T05:00:00Z'),
  endsAt: at('2022-05-06T15:00:00Z'),
  claims: [],
};
const may7: PromiseWindow = {
  startsAt: at('2022-05-07T05:00:00Z'),
  endsAt: at('2022-05-07T15:00:00Z'),
  claims: [],
};

function stance(
  partyId: string,
  value: StatedConfirmation['stance'],
  statedAt: string,
  reportedById: string | null = null,
): StatedConfirmation {
  return { partyId, stance: value, statedAt: at(statedAt), reportedById };
}

function corridor(change: Partial<PromiseFacts> = {}): PromiseFacts {
  return {
    windows: [may5, { ...may6, claims: [people(50)] }, { ...may7, claims: [people(51)] }],
    requiredPartyIds: [UKRAINE],
    confirmations: [stance('kremlin', 'confirmed', '2022-05-05T09:00:00Z')],
    ...change,
  };
}

describe('the promise of a corridor once its windows are over', () => {
  it('lists the five outcomes the contract names', () => {
    expect(CORRIDOR_PROMISES).toEqual(['pending', 'kept', 'unconfirmed', 'broken', 'cancelled']);
  });

  it('the Russian 5-7 May corridor: people got out, Ukraine never confirmed, so it is unconfirmed, not kept', () => {
    expect(settledPromise(corridor())).toBe('unconfirmed');
  });

  it('is kept when every required party confirmed before the last window ended and people moved', () => {
    expect(
      settledPromise(corridor({ confirmations: [stance(UKRAINE, 'confirmed', '2022-05-06T09:00:00Z')] })),
    ).toBe('kept');
  });

  it('is kept on the word of a facilitator: "with the agreement of the parties"', () => {
    expect(
      settledPromise(corridor({ confirmations: [stance(UKRAINE, 'confirmed', '2022-05-04T09:00:00Z', UN)] })),
    ).toBe('kept');
  });

  it('a confirmation stated once every window was over comes too late to keep it', () => {
    expect(
      settledPromise(corridor({ confirmations: [stance(UKRAINE, 'confirmed', '2022-05-07T15:00:00Z')] })),
    ).toBe('unconfirmed');
  });

  it('the 25 April unilateral ceasefire: rejected by Ukraine, used by nobody, is broken', () => {
    const openEnded: PromiseWindow = {
      startsAt: at('2022-04-25T11:00:00Z'),
      endsAt: at('2022-04-26T11:00:00Z'),
      isOpenEnded: true,
      claims: [people(0)],
    };
    expect(
      settledPromise({
        windows: [openEnded],
        requiredPartyIds: [UKRAINE],
        confirmations: [stance(UKRAINE, 'rejected', '2022-04-25T09:00:00Z')],
      }),
    ).toBe('broken');
  });

  it('is broken when a required party rejected it, even though people moved', () => {
    const rejected = [
      stance(UKRAINE, 'confirmed', '2022-05-04T09:00:00Z'),
      stance(UKRAINE, 'rejected', '2022-05-06T20:00:00Z'),
    ];
    expect(settledPromise(corridor({ confirmations: rejected }))).toBe('broken');
  });

  it("the party's own rejection supersedes a confirmation a facilitator reported before it", () => {
    const confirmations = [
      stance(UKRAINE, 'confirmed', '2022-05-04T09:00:00Z', UN),
      stance(UKRAINE, 'rejected', '2022-05-05T09:00:00Z'),
    ];
    expect(settledPromise(corridor({ confirmations }))).toBe('broken');
  });

  it('a rejection withdrawn before the end no longer breaks it', () => {
    const confirmations = [
      stance(UKRAINE, 'rejected', '2022-05-04T09:00:00Z'),
      stance(UKRAINE, 'confirmed', '2022-05-05T09:00:00Z'),
    ];
    expect(settledPromise(corridor({ confirmations }))).toBe('kept');
  });

  it('is broken when nobody is reported to have moved: no claim, or only zeros', () => {
    const confirmed = [stance(UKRAINE, 'confirmed', '2022-05-04T09:00:00Z')];
    expect(settledPromise(corridor({ confirmations: confirmed, windows: [may5, may6, may7] }))).toBe(
      'broken',
    );
    const zeros = [may5, { ...may6, claims: [people(0), { qualifier: 'at_most', value: 0 } as Count] }];
    expect(settledPromise(corridor({ confirmations: confirmed, windows: zeros }))).toBe('broken');
  });

  it('a corridor with no window has nobody moving through it', () => {
    expect(settledPromise(corridor({ windows: [], requiredPartyIds: [] }))).toBe('broken');
  });
});

describe('a claim saying someone moved', () => {
  it('is any stated figure above zero', () => {
    expect(statesSomeoneMoved(people(0))).toBe(false);
    expect(statesSomeoneMoved(people(1))).toBe(true);
    expect(statesSomeoneMoved({ qualifier: 'about', value: 40 })).toBe(true);
    expect(statesSomeoneMoved({ qualifier: 'range', value: 0, max: 10 })).toBe(true);
    expect(statesSomeoneMoved({ qualifier: 'at_most', value: 0 })).toBe(false);
  });
});

describe('the promise now', () => {
  const windows = [may5, may7];
  it('is pending until the last window is over, then what it settled to', () => {
    expect(
      derivePromise({ isCancelled: false, windows, settled: 'unconfirmed' }, at('2022-05-07T14:59:59Z')),
    ).toBe('pending');
    expect(derivePromise({ isCancelled: false, windows, settled: 'unconfirmed' }, may7.endsAt)).toBe(
      'unconfirmed',
    );
  });

  it('is pending while no window is known', () => {
    expect(
      derivePromise({ isCancelled: false, windows: [], settled: 'broken' }, at('2030-01-01T00:00:00Z')),
    ).toBe('pending');
  });

  it('is cancelled when the corridor is, whatever happened', () => {
    expect(derivePromise({ isCancelled: true, windows, settled: 'kept' }, at('2022-05-01T00:00:00Z'))).toBe(
      'cancelled',
    );
    expect(derivePromise({ isCancelled: true, windows, settled: 'kept' }, at('2022-06-01T00:00:00Z'))).toBe(
      'cancelled',
    );
  });
});

describe('the promise of one window', () => {
  it('is judged on its own claims and the stances before its own end', () => {
    const facts = corridor();
    const of = (window: PromiseWindow) =>
      windowPromise(
        {
          window,
          isCancelled: false,
          requiredPartyIds: facts.requiredPartyIds,
          confirmations: facts.confirmations,
        },
        at('2022-05-10T00:00:00Z'),
      );
    expect(facts.windows.map(of)).toEqual(['broken', 'unconfirmed', 'unconfirmed']);
  });
});

// Properties: whatever the facts, the outcome only moves the right way when a fact is added.
const PARTIES = [RUSSIA, UKRAINE, 'azov'];
const hour = (h: number) => new Date(Date.UTC(2022, 4, 5, h));
const count: fc.Arbitrary<Count> = fc
  .record({
    qualifier: fc.constantFrom(...COUNT_QUALIFIERS),
    value: fc.integer({ min: 0, max: 3 }),
    extra: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ qualifier, value, extra }) =>
    qualifier === 'range' ? { qualifier, value, max: value + extra } : { qualifier, value },
  );
const promiseWindow: fc.Arbitrary<PromiseWindow> = fc
  .record({
    start: fc.integer({ min: 0, max: 10 }),
    hours: fc.integer({ min: 1, max: 6 }),
    claims: fc.array(count, { maxLength: 3 }),
  })
  .map(({ start, hours, claims }) => ({ startsAt: hour(start), endsAt: hour(start + hours), claims }));
const statement: fc.Arbitrary<StatedConfirmation> = fc.record({
  partyId: fc.constantFrom(...PARTIES),
  stance: fc.constantFrom(...CONFIRMATION_STANCES),
  statedAt: fc.integer({ min: 0, max: 18 }).map(hour),
  reportedById: fc.constantFrom(null, UN),
});
const facts: fc.Arbitrary<PromiseFacts> = fc.record({
  windows: fc.array(promiseWindow, { minLength: 1, maxLength: 3 }),
  requiredPartyIds: fc.uniqueArray(fc.constantFrom(...PARTIES), { maxLength: 2 }),
  confirmations: fc.array(statement, { maxLength: 6 }),
});
const RANK: Record<SettledPromise, number> = { broken: 0, unconfirmed: 1, kept: 2 };

describe('the promise rule, over any facts (properties)', () => {
  it('never calls kept or unconfirmed a promise through which nobody is reported to have moved', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const moved = f.windows.some((w) => w.claims.some(statesSomeoneMoved));
        if (!moved) expect(settledPromise(f)).toBe('broken');
      }),
    );
  });

  it('never calls kept a promise a required party did not confirm before the end', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const end = Math.max(...f.windows.map((w) => w.endsAt.getTime()));
        const confirmedBy = new Set(
          f.confirmations
            .filter((c) => c.stance === 'confirmed' && c.statedAt.getTime() < end)
            .map((c) => c.partyId),
        );
        if (f.requiredPartyIds.some((p) => !confirmedBy.has(p))) expect(settledPromise(f)).not.toBe('kept');
      }),
    );
  });

  it('a claim of someone moving never makes the outcome worse', () => {
    fc.assert(
      fc.property(facts, fc.nat(), (f, pick) => {
        const index = pick % f.windows.length;
        const more = f.windows.map((w, i) => (i === index ? { ...w, claims: [...w.claims, people(5)] } : w));
        expect(RANK[settledPromise({ ...f, windows: more })]).toBeGreaterThanOrEqual(RANK[settledPromise(f)]);
      }),
    );
  });

  it('what was said after the last window ended changes nothing', () => {
    fc.assert(
      fc.property(facts, statement, (f, late) => {
        const end = Math.max(...f.windows.map((w) => w.endsAt.getTime()));
        const after = { ...late, statedAt: new Date(end + (late.statedAt.getTime() % 3_600_000)) };
        expect(settledPromise({ ...f, confirmations: [...f.confirmations, after] })).toBe(settledPromise(f));
      }),
    );
  });

  it('is pending exactly while a window is not over, unless cancelled', () => {
    fc.assert(
      fc.property(facts, fc.boolean(), fc.integer({ min: 0, max: 20 }), (f, isCancelled, h) => {
        const now = hour(h);
        const promise = derivePromise({ isCancelled, windows: f.windows, settled: settledPromise(f) }, now);
        const isOver = f.windows.every((w) => w.endsAt.getTime() <= now.getTime());
        expect(promise).toBe(isCancelled ? 'cancelled' : isOver ? settledPromise(f) : 'pending');
      }),
    );
  });
});
