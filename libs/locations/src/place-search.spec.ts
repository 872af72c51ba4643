import { describe, expect, it } from '@jest/globals';
import { isLanguageTag } from './dto/place-names.validator.js';
import { foldForSearch, placeSearchText } from './place-search.js';

describe('finding a place by any of its names', () => {
  it('folds Cyrillic and Latin alike, as SQLite cannot', () => {
    expect(foldForSearch('ЗАПОРОЖЬЕ')).toBe('запорожье');
    expect(foldForSearch('Запоріжжя')).toBe('запоріжжя');
    expect(foldForSearch('MANGUSH')).toBe('mangush');
  });

  it('composes letters typed as a base and a combining mark, so "й" matches "й"', () => {
    expect(foldForSearch('Васи\u0438\u0306лівка')).toBe(foldForSearch('Васийлівка'));
  });

  it('searches the name, each local name and each alias, one per line, each once', () => {
    expect(
      placeSearchText({
        name: 'Zaporizhzhia',
        names: { uk: 'Запоріжжя', ru: 'Запорожье' },
        aliases: ['Zaporizhia', 'ZAPORIZHZHIA'],
      }),
    ).toBe('zaporizhzhia\nзапоріжжя\nзапорожье\nzaporizhia');
    expect(placeSearchText({ name: 'Bezimenne', names: null, aliases: null })).toBe('bezimenne');
  });

  it('takes BCP 47 language tags as local-name keys, and nothing else', () => {
    expect(['uk', 'ru', 'crh-Latn', 'en-GB'].map(isLanguageTag)).toEqual([true, true, true, true]);
    expect(['not a tag', '', 'x', 'uk_UA'].map(isLanguageTag)).toEqual([false, false, false, false]);
  });
});
