import { describe, it, expect } from '@jest/globals';
import { DomainError, DomainErrorCode } from '../errors/domain-error.js';
import {
  COUNT_QUALIFIERS,
  assertValidCount,
  countUpperBound,
  describeCount,
  statedFigures,
  type Count,
} from './count.js';

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

describe('a count with its precision', () => {
  it('knows the seven precisions a source can state', () => {
    expect(COUNT_QUALIFIERS).toEqual([
      'exact',
      'about',
      'at_least',
      'more_than',
      'at_most',
      'fewer_than',
      'range',
    ]);
  });

  it.each<[string, Count]>([
    ['344 exactly (the UN count of 4 May 2022)', { qualifier: 'exact', value: 344 }],
    ['about 100', { qualifier: 'about', value: 100, max: null }],
    ['"more than 320"', { qualifier: 'at_least', value: 320 }],
    ['at most 1,000', { qualifier: 'at_most', value: 1000 }],
    ['130 to 150', { qualifier: 'range', value: 130, max: 150 }],
    ['a range whose ends are equal', { qualifier: 'range', value: 150, max: 150 }],
    ['nobody at all', { qualifier: 'exact', value: 0 }],
    ['"more than 300", as said', { qualifier: 'more_than', value: 300 }],
    ['"fewer than 20"', { qualifier: 'fewer_than', value: 20 }],
  ])('accepts %s', (_what, count) => {
    expect(() => assertValidCount(count)).not.toThrow();
  });

  it.each<[string, Count, string]>([
    ['a count below zero', { qualifier: 'exact', value: -1 }, 'count.value'],
    ['a fraction of a person', { qualifier: 'about', value: 2.5 }, 'count.value'],
    ['a figure that is not a number', { qualifier: 'exact', value: Number.NaN }, 'count.value'],
    ['a range without its top', { qualifier: 'range', value: 130 }, 'count.max'],
    ['a range with a null top', { qualifier: 'range', value: 130, max: null }, 'count.max'],
    ['a range whose top is below its bottom', { qualifier: 'range', value: 150, max: 130 }, 'count.max'],
    ['a range whose top is a fraction', { qualifier: 'range', value: 130, max: 150.5 }, 'count.max'],
    [
      'a maximum on something that is not a range',
      { qualifier: 'at_least', value: 300, max: 400 },
      'count.max',
    ],
    ['fewer than nobody', { qualifier: 'fewer_than', value: 0 }, 'count.value'],
    ['an unknown precision', { qualifier: 'roughly' as Count['qualifier'], value: 300 }, 'count.qualifier'],
  ])('refuses %s, naming the field', (_what, count, field) => {
    const error = errorOf(() => assertValidCount(count));
    expect(error.code).toBe(DomainErrorCode.InvalidCount);
    expect(error.field).toBe(field);
  });

  it('names the field under the prefix the caller gives', () => {
    expect(errorOf(() => assertValidCount({ qualifier: 'exact', value: -5 }, 'remaining.count')).field).toBe(
      'remaining.count.value',
    );
  });

  it('states one figure, or both ends of a range', () => {
    expect(statedFigures({ qualifier: 'exact', value: 344 })).toEqual([344]);
    expect(statedFigures({ qualifier: 'at_least', value: 300 })).toEqual([300]);
    expect(statedFigures({ qualifier: 'at_most', value: 1000, max: null })).toEqual([1000]);
    expect(statedFigures({ qualifier: 'range', value: 130, max: 150 })).toEqual([130, 150]);
  });

  it('states N+1 for "more than N" and N-1 for "fewer than N"', () => {
    expect(statedFigures({ qualifier: 'more_than', value: 300 })).toEqual([301]);
    expect(statedFigures({ qualifier: 'fewer_than', value: 20 })).toEqual([19]);
  });

  it('knows the figure a count cannot exceed, when it has one', () => {
    expect(countUpperBound({ qualifier: 'exact', value: 100 })).toBe(100);
    expect(countUpperBound({ qualifier: 'at_most', value: 100 })).toBe(100);
    expect(countUpperBound({ qualifier: 'fewer_than', value: 100 })).toBe(99);
    expect(countUpperBound({ qualifier: 'range', value: 80, max: 121 })).toBe(121);
    expect(countUpperBound({ qualifier: 'about', value: 100 })).toBeNull();
    expect(countUpperBound({ qualifier: 'at_least', value: 100 })).toBeNull();
    expect(countUpperBound({ qualifier: 'more_than', value: 100 })).toBeNull();
  });

  it('reads as a coordinator would write it', () => {
    expect(describeCount({ qualifier: 'exact', value: 344 })).toBe('344');
    expect(describeCount({ qualifier: 'about', value: 500 })).toBe('about 500');
    expect(describeCount({ qualifier: 'at_least', value: 300 })).toBe('at least 300');
    expect(describeCount({ qualifier: 'at_most', value: 1000 })).toBe('at most 1,000');
    expect(describeCount({ qualifier: 'more_than', value: 300 })).toBe('more than 300');
    expect(describeCount({ qualifier: 'fewer_than', value: 20 })).toBe('fewer than 20');
    expect(describeCount({ qualifier: 'range', value: 130, max: 150 })).toBe('130–150');
    expect(describeCount({ qualifier: 'range', value: 1200, max: 1500 })).toBe('1,200–1,500');
  });
});
