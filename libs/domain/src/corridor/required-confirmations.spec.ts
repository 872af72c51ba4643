import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import {
  PARTY_KINDS,
  corridorConfirmationState,
  defaultRequiredConfirmations,
  type SidedParty,
} from './required-confirmations.js';

const parties: SidedParty[] = [
  { id: 'ru-mod', kind: 'belligerent', side: 'Russia' },
  { id: 'un-ocha', kind: 'humanitarian' },
  { id: 'ua-gov', kind: 'belligerent', side: 'Ukraine' },
  { id: 'mariupol-council', kind: 'government', side: 'Ukraine' },
  { id: 'kremlin', kind: 'belligerent', side: 'Russia' },
  { id: 'azov', kind: 'belligerent', side: 'ukraine ' },
  { id: 'press', kind: 'other' },
];
const byId = (id: string) => parties.find((p) => p.id === id)!;

describe('who must confirm a corridor by default', () => {
  it('knows the four kinds of party', () => {
    expect(PARTY_KINDS).toEqual(['belligerent', 'government', 'humanitarian', 'other']);
  });

  it('a corridor announced by the Russian MoD needs every belligerent of the other side, not the Kremlin', () => {
    expect(defaultRequiredConfirmations(parties, byId('ru-mod'))).toEqual(['ua-gov', 'azov']);
  });

  it('a corridor announced by Ukraine needs the Russian side, whatever case or spacing the side is written in', () => {
    expect(defaultRequiredConfirmations(parties, byId('ua-gov'))).toEqual(['ru-mod', 'kremlin']);
  });

  it('a corridor announced by the UN (no side) needs every party to the fighting', () => {
    expect(defaultRequiredConfirmations(parties, byId('un-ocha'))).toEqual([
      'ru-mod',
      'ua-gov',
      'kremlin',
      'azov',
    ]);
  });

  it('without sides, needs every belligerent but the announcer, in the order they are listed', () => {
    const unsided = parties.map(({ id, kind }) => ({ id, kind }));
    expect(defaultRequiredConfirmations(unsided, { id: 'ru-mod' })).toEqual(['ua-gov', 'kremlin', 'azov']);
  });

  it('needs no one when no party of another side is known (the caller refuses such a corridor)', () => {
    expect(defaultRequiredConfirmations([byId('ru-mod'), byId('kremlin')], byId('ru-mod'))).toEqual([]);
    expect(defaultRequiredConfirmations([byId('ru-mod')], { id: 'ru-mod' })).toEqual([]);
  });

  it('names a party listed twice only once', () => {
    expect(defaultRequiredConfirmations([...parties, byId('ua-gov')], byId('ru-mod'))).toEqual([
      'ua-gov',
      'azov',
    ]);
  });

  const party = fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    kind: fc.constantFrom(...PARTY_KINDS),
    side: fc.constantFrom(null, 'Russia', 'Ukraine', 'russia'),
  });

  it('never asks the announcer, its own side or a party not at war; asks every other belligerent (property)', () => {
    fc.assert(
      fc.property(fc.array(party, { maxLength: 8 }), party, (list, announcer) => {
        const required = defaultRequiredConfirmations(list, announcer);
        const side = (s: string | null | undefined) => s?.trim().toLowerCase() || null;
        for (const p of list) {
          const isOwnSide = side(announcer.side) !== null && side(p.side) === side(announcer.side);
          const isAsked = p.kind === 'belligerent' && p.id !== announcer.id && !isOwnSide;
          // A party listed twice is asked when either listing says so.
          if (isAsked) expect(required).toContain(p.id);
        }
        expect(required).not.toContain(announcer.id);
        expect(new Set(required).size).toBe(required.length);
      }),
    );
  });
});

describe("a corridor's confirmation state", () => {
  const stances = (entries: [string, string][]) => new Map(entries.map(([id, stance]) => [id, { stance }]));

  it('is confirmed when every required party confirmed, pending while one has not, disputed once one rejected', () => {
    expect(corridorConfirmationState(['ua'], stances([['ua', 'confirmed']]))).toBe('confirmed');
    expect(corridorConfirmationState(['ua', 'ru'], stances([['ua', 'confirmed']]))).toBe('pending');
    expect(corridorConfirmationState(['ua'], stances([['ua', 'conditional']]))).toBe('pending');
    expect(
      corridorConfirmationState(
        ['ua', 'ru'],
        stances([
          ['ua', 'confirmed'],
          ['ru', 'rejected'],
        ]),
      ),
    ).toBe('disputed');
  });

  it('ignores the stances of parties it does not need', () => {
    expect(
      corridorConfirmationState(
        ['ua'],
        stances([
          ['ua', 'confirmed'],
          ['icrc', 'rejected'],
        ]),
      ),
    ).toBe('confirmed');
  });
});
