import { describe, expect, it } from '@jest/globals';
import { corridorConfirmationState, latestStances } from './corridor-status.js';

const stated = (partyId: string, stance: 'confirmed' | 'rejected' | 'conditional', iso: string) => ({
  partyId,
  stance,
  statedAt: new Date(iso),
  reportedById: null,
});

describe("a corridor's confirmation state", () => {
  it('is confirmed when every required party confirmed, disputed when one rejected, pending otherwise', () => {
    const both = latestStances([
      stated('ru', 'confirmed', '2022-05-04T10:00:00Z'),
      stated('ua', 'confirmed', '2022-05-04T11:00:00Z'),
    ]);
    expect(corridorConfirmationState(['ru', 'ua'], both)).toBe('confirmed');
    const rejected = latestStances([
      stated('ru', 'confirmed', '2022-05-04T10:00:00Z'),
      stated('ua', 'rejected', '2022-05-04T11:00:00Z'),
    ]);
    expect(corridorConfirmationState(['ru', 'ua'], rejected)).toBe('disputed');
    const one = latestStances([stated('ru', 'confirmed', '2022-05-04T10:00:00Z')]);
    expect(corridorConfirmationState(['ru', 'ua'], one)).toBe('pending');
  });

  it("reads each party's latest stance: a later confirmation replaces a rejection", () => {
    const stances = latestStances([
      stated('ua', 'rejected', '2022-05-04T10:00:00Z'),
      stated('ua', 'confirmed', '2022-05-05T10:00:00Z'),
    ]);
    expect(corridorConfirmationState(['ua'], stances)).toBe('confirmed');
  });
});
