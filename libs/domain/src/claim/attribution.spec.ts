import { describe, expect, it } from '@jest/globals';
import { attributeClaims } from './attribution.js';

const at = (iso: string) => new Date(iso);
const windows = [
  { id: 'thursday', startsAt: at('2022-05-05T05:00:00Z'), endsAt: at('2022-05-05T15:00:00Z') },
  { id: 'friday', startsAt: at('2022-05-06T05:00:00Z'), endsAt: at('2022-05-06T15:00:00Z') },
];

describe('attributing claims to windows', () => {
  it('counts a claim that names its window for that window, whenever it was reported', () => {
    const claim = { windowId: 'thursday', reportedAt: at('2022-05-09T12:00:00Z') };
    expect(attributeClaims(windows, [claim], 6).get('thursday')).toEqual([claim]);
  });

  it('counts a claim naming none for the latest-starting window whose end plus the grace holds it', () => {
    const lateThursday = { windowId: null, reportedAt: at('2022-05-05T20:00:00Z') };
    const fridayMorning = { windowId: null, reportedAt: at('2022-05-06T06:00:00Z') };
    const byWindow = attributeClaims(windows, [lateThursday, fridayMorning], 6);
    expect(byWindow.get('thursday')).toEqual([lateThursday]);
    expect(byWindow.get('friday')).toEqual([fridayMorning]);
  });

  it('counts a claim naming none and reported outside every window and its grace for no window', () => {
    const byWindow = attributeClaims(
      windows,
      [{ windowId: null, reportedAt: at('2022-05-10T00:00:00Z') }],
      6,
    );
    expect([...byWindow.values()].flat()).toEqual([]);
    expect([...byWindow.keys()]).toEqual(['thursday', 'friday']);
  });
});
