import { describe, it, expect } from '@jest/globals';
import { PARTY_KINDS, defaultRequiredConfirmations, type PartyKind } from './required-confirmations.js';

const parties: { id: string; kind: PartyKind }[] = [
  { id: 'russia', kind: 'belligerent' },
  { id: 'un-ocha', kind: 'humanitarian' },
  { id: 'ukraine', kind: 'belligerent' },
  { id: 'mariupol-council', kind: 'government' },
  { id: 'dnr', kind: 'belligerent' },
  { id: 'press', kind: 'other' },
];

describe('who must confirm a corridor by default', () => {
  it('knows the four kinds of party', () => {
    expect(PARTY_KINDS).toEqual(['belligerent', 'government', 'humanitarian', 'other']);
  });

  it('a corridor announced by Russia needs every other party to the fighting, in the order they are listed', () => {
    expect(defaultRequiredConfirmations(parties, 'russia')).toEqual(['ukraine', 'dnr']);
  });

  it('a corridor announced by the UN needs every party to the fighting', () => {
    expect(defaultRequiredConfirmations(parties, 'un-ocha')).toEqual(['russia', 'ukraine', 'dnr']);
  });

  it('needs no one when no other party to the fighting is known', () => {
    expect(defaultRequiredConfirmations([{ id: 'russia', kind: 'belligerent' }], 'russia')).toEqual([]);
  });

  it('names a party listed twice only once', () => {
    expect(
      defaultRequiredConfirmations([...parties, { id: 'ukraine', kind: 'belligerent' }], 'russia'),
    ).toEqual(['ukraine', 'dnr']);
  });
});
