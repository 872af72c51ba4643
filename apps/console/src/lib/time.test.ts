import { describe, expect, it } from 'vitest';
import { formatWhen, whenParts } from './time';

// 5 May 2022, 06:00 UTC: 09:00 in Kyiv, 07:00 in London.
const AT = '2022-05-05T06:00:00Z';

describe('a time in the place’s zone and the viewer’s', () => {
  it('gives the date and time in the place’s zone, and the viewer’s time beside it, each named', () => {
    const parts = whenParts(AT, 'Europe/Kyiv', 'en', 'Europe/London');
    expect(parts).toEqual({
      place: { text: 'May 5, 2022, 09:00', zone: 'Europe/Kyiv' },
      viewer: { text: '07:00', zone: 'Europe/London' },
    });
    expect(formatWhen(parts, 'yours')).toBe('May 5, 2022, 09:00 Europe/Kyiv (07:00 Europe/London, yours)');
  });

  it('says it once when the viewer is in the place’s zone, whatever name either zone was given by', () => {
    expect(formatWhen(whenParts(AT, 'Europe/Kiev', 'en', 'Europe/Kyiv'), 'yours')).toBe(
      'May 5, 2022, 09:00 Europe/Kyiv',
    );
  });

  it('names Kyiv Europe/Kyiv even where the browser says Europe/Kiev', () => {
    expect(whenParts(AT, 'Europe/Kiev', 'en', 'America/New_York').place.zone).toBe('Europe/Kyiv');
  });

  it('gives the viewer’s date too when their day is another', () => {
    const parts = whenParts('2022-05-05T22:30:00Z', 'Europe/Kyiv', 'en', 'America/New_York');
    expect(formatWhen(parts, 'yours')).toBe(
      'May 6, 2022, 01:30 Europe/Kyiv (May 5, 2022, 18:30 America/New_York, yours)',
    );
  });

  it('shows a time of no place in the viewer’s zone, named', () => {
    expect(formatWhen(whenParts(AT, null, 'uk', 'Europe/London'), 'ваш час')).toBe(
      '5 трав. 2022 р., 07:00 Europe/London',
    );
  });
});
