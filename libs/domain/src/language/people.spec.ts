import { describe, expect, it } from '@jest/globals';
import { describeCountIn, describePeople } from './people.js';

const exact = (value: number) => ({ qualifier: 'exact' as const, value });

describe("people counted, in the reader's language", () => {
  it('puts a Ukrainian noun in the form its number takes: 1 цивільний, 2–4 and 300 цивільних, 21 цивільний', () => {
    const said = [1, 2, 4, 5, 11, 21, 22, 300].map((n) => describePeople(exact(n), 'civilians', 'uk'));
    expect(said).toEqual([
      '1 цивільний',
      '2 цивільних',
      '4 цивільних',
      '5 цивільних',
      '11 цивільних',
      '21 цивільний',
      '22 цивільних',
      '300 цивільних',
    ]);
  });

  it('chooses the form of children by the number too: 1 дитина, 3 дитини, 12 дітей', () => {
    expect([1, 3, 12].map((n) => describePeople(exact(n), 'children', 'uk'))).toEqual([
      '1 дитина',
      '3 дитини',
      '12 дітей',
    ]);
  });

  it('keeps what the source said: "more than 300" is "понад 300 цивільних", a range takes the form of its top', () => {
    expect(describePeople({ qualifier: 'more_than', value: 300 }, 'civilians', 'uk')).toBe(
      'понад 300 цивільних',
    );
    expect(describePeople({ qualifier: 'range', value: 130, max: 151 }, 'civilians', 'uk')).toBe(
      '130–151 цивільний',
    );
    expect(describePeople({ qualifier: 'about', value: 1 }, 'civilians', 'en')).toBe('about 1 civilian');
    expect(describePeople({ qualifier: 'fewer_than', value: 20 }, 'children', 'en')).toBe(
      'fewer than 20 children',
    );
  });

  it('names a group of several kinds of people beside the figure, which has no one number form', () => {
    expect(describePeople(exact(21), 'women_children', 'uk')).toBe('21 (жінки й діти)');
    expect(describePeople(exact(21), 'women_children', 'en')).toBe('21 women and children');
  });

  it('writes a figure as the language groups its digits', () => {
    expect(describeCountIn(exact(1200), 'en')).toBe('1,200');
    expect(describeCountIn(exact(1200), 'uk')).toBe('1\u00a0200');
    expect(describeCountIn({ qualifier: 'at_most', value: 50 }, 'uk')).toBe('щонайбільше 50');
  });
});
