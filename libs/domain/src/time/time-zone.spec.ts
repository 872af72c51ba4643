import { describe, expect, it } from '@jest/globals';
import { isValidTimeZone } from './instant.js';
import { canonicalTimeZone, RENAMED_CLDR_ZONES } from './time-zone.js';

const cldrIdOf = (zone: string) =>
  new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;

describe('canonical zone names', () => {
  it('names Kyiv Europe/Kyiv, whether given as Chromium says it (Europe/Kiev), in any case, or by a merged zone', () => {
    for (const given of ['Europe/Kiev', 'Europe/Kyiv', 'europe/kyiv', 'EUROPE/KIEV', 'Europe/Zaporozhye']) {
      expect([given, canonicalTimeZone(given)]).toEqual([given, 'Europe/Kyiv']);
    }
  });

  it('gives an old alias its current IANA name, and leaves a current name as it is', () => {
    expect(canonicalTimeZone('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('US/Eastern')).toBe('America/New_York');
    expect(canonicalTimeZone('Europe/Moscow')).toBe('Europe/Moscow');
    expect(canonicalTimeZone('America/New_York')).toBe('America/New_York');
    expect(canonicalTimeZone('Europe/Amsterdam')).toBe('Europe/Amsterdam');
    expect(canonicalTimeZone('Etc/UTC')).toBe('UTC');
  });

  it('returns a name no zone has as it was given, for validation to refuse', () => {
    expect(canonicalTimeZone('Europe/Mariupol')).toBe('Europe/Mariupol');
    expect(canonicalTimeZone('')).toBe('');
  });

  it('renames only what this platform calls by the old name, to a name it reads as the same zone', () => {
    for (const old of RENAMED_CLDR_ZONES) {
      const renamed = canonicalTimeZone(old);
      expect([old, renamed === old, isValidTimeZone(renamed), cldrIdOf(renamed)]).toEqual([
        old,
        false,
        true,
        old,
      ]);
    }
  });

  it('gives every zone the platform knows a name that names itself again', () => {
    const zones = (Intl as unknown as { supportedValuesOf(key: string): string[] }).supportedValuesOf(
      'timeZone',
    );
    for (const zone of zones) {
      const name = canonicalTimeZone(zone);
      expect([zone, canonicalTimeZone(name)]).toEqual([zone, name]);
    }
  });
});
