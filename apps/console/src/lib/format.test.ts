import { describe, expect, it } from 'vitest';
import { COUNT_QUALIFIERS } from '@domain/count/count';
import { translate } from '../i18n';
import { formatCount, formatPeople } from './format';

describe('people counted, in the reader’s language', () => {
  const uk = (key: string, options?: Record<string, unknown>) => translate('uk', key, options);
  const en = (key: string, options?: Record<string, unknown>) => translate('en', key, options);

  it('puts the Ukrainian noun in the form its number takes', () => {
    const said = [1, 2, 4, 5, 21, 300].map((value) =>
      formatPeople({ qualifier: 'exact', value }, 'civilians', uk, 'uk'),
    );
    expect(said).toEqual([
      '1 цивільний',
      '2 цивільних',
      '4 цивільних',
      '5 цивільних',
      '21 цивільний',
      '300 цивільних',
    ]);
    expect(formatPeople({ qualifier: 'about', value: 300 }, 'civilians', uk, 'uk')).toBe(
      'близько 300 цивільних',
    );
  });

  it('says it in English for an English reader, and the count alone when it counted no known kind of people', () => {
    expect(formatPeople({ qualifier: 'exact', value: 1 }, 'civilians', en, 'en')).toBe('1 civilian');
    expect(formatPeople({ qualifier: 'at_least', value: 320 }, undefined, en, 'en')).toBe('at least 320');
  });
});

describe('every count qualifier the API may answer', () => {
  it.each(['en', 'uk'] as const)('has its words in %s, never a raw key', (lng) => {
    const t = (key: string, options?: Record<string, unknown>) => translate(lng, key, options);
    for (const qualifier of COUNT_QUALIFIERS) {
      const said = formatCount({ qualifier, value: 300, max: 344 }, t, lng);
      expect(said, qualifier).toMatch(/300/);
      expect(said, qualifier).not.toMatch(/count\./);
    }
  });
});
