import { describe, expect, it } from '@jest/globals';
import { NO_EMBARGO } from '#cw/domain';
import { filterOf, matchesCorridor } from './subscription-filter.js';

const ICRC = 'org-icrc';
const UN = 'org-un';
const subscription = (organisationId: string, corridorIds: string[] | null = null) => ({
  organisationId,
  corridorIds: corridorIds && JSON.stringify(corridorIds),
  partyIds: null,
});
const corridor = {
  id: 'convoy',
  announcedById: 'ru-mod',
  requiredParties: [{ id: 'ua-gov', name: 'Government of Ukraine' }],
  organisationId: ICRC,
  ...NO_EMBARGO,
};
const held = { ...corridor, embargoUntilWindowsEnd: true };

describe('which subscriptions hear of a corridor (immediate alerts and digests alike)', () => {
  it('every matching subscription, when the corridor is under no embargo', () => {
    expect(matchesCorridor(filterOf(subscription(UN)), corridor)).toBe(true);
    expect(matchesCorridor(filterOf(subscription(UN, ['another'])), corridor)).toBe(false);
  });

  it("only its own organisation's subscriptions while it is under embargo, every one once lifted", () => {
    expect(matchesCorridor(filterOf(subscription(ICRC)), held)).toBe(true);
    expect(matchesCorridor(filterOf(subscription(UN)), held)).toBe(false);
    expect(matchesCorridor(filterOf(subscription(UN, ['convoy'])), held)).toBe(false);
    const lifted = { ...held, embargoLiftedAt: new Date('2022-05-05T15:00:00Z') };
    expect(matchesCorridor(filterOf(subscription(UN)), lifted)).toBe(true);
  });
});
