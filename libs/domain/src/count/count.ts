import { DomainError, DomainErrorCode } from '../errors/domain-error.js';

export type CountQualifier =
  'exact' | 'about' | 'at_least' | 'more_than' | 'at_most' | 'fewer_than' | 'range';
export const COUNT_QUALIFIERS: readonly CountQualifier[] = [
  'exact',
  'about',
  'at_least',
  'more_than',
  'at_most',
  'fewer_than',
  'range',
];

export interface Count {
  qualifier: CountQualifier;
  value: number;
  max?: number | null;
}

const figureFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

export function assertValidCount(count: Count, field = 'count'): void {
  if (!COUNT_QUALIFIERS.includes(count.qualifier)) {
    throw new DomainError(
      DomainErrorCode.InvalidCount,
      `A count is exact, about, at least, more than, at most, fewer than or a range, not "${String(count.qualifier)}".`,
      `${field}.qualifier`,
    );
  }
  if (!isWholeNumber(count.value)) {
    throw new DomainError(
      DomainErrorCode.InvalidCount,
      `A count must be a whole number of people, zero or more, not ${String(count.value)}.`,
      `${field}.value`,
    );
  }
  if (count.qualifier === 'fewer_than' && count.value === 0) {
    throw new DomainError(
      DomainErrorCode.InvalidCount,
      'Fewer than 0 people is no count; "nobody" is exactly 0.',
      `${field}.value`,
    );
  }
  const hasMax = count.max !== undefined && count.max !== null;
  if (count.qualifier !== 'range') {
    if (hasMax) {
      throw new DomainError(
        DomainErrorCode.InvalidCount,
        'Only a range has a maximum; leave it out for other counts.',
        `${field}.max`,
      );
    }
    return;
  }
  if (!hasMax || !isWholeNumber(count.max)) {
    throw new DomainError(
      DomainErrorCode.InvalidCount,
      'A range needs a maximum: a whole number of people, zero or more.',
      `${field}.max`,
    );
  }
  if ((count.max as number) < count.value) {
    throw new DomainError(
      DomainErrorCode.InvalidCount,
      `The top of a range (${String(count.max)}) cannot be below its bottom (${count.value}).`,
      `${field}.max`,
    );
  }
}

/**
 * The figures a count states, for low and high: one, or both ends of a range. "More than 300" states 301 and
 * "fewer than 20" states 19: the nearest whole numbers the words allow.
 */
export function statedFigures(count: Count): number[] {
  switch (count.qualifier) {
    case 'more_than':
      return [count.value + 1];
    case 'fewer_than':
      return [Math.max(0, count.value - 1)];
    case 'range':
      return count.max !== undefined && count.max !== null ? [count.value, count.max] : [count.value];
    default:
      return [count.value];
  }
}

/** The figure a count cannot exceed (exact, at most, fewer than, a range's top); null when it has none. */
export function countUpperBound(count: Count): number | null {
  switch (count.qualifier) {
    case 'exact':
    case 'at_most':
      return count.value;
    case 'fewer_than':
      return Math.max(0, count.value - 1);
    case 'range':
      return count.max ?? count.value;
    default:
      return null;
  }
}

export function describeCount(count: Count): string {
  const value = figureFormat.format(count.value);
  switch (count.qualifier) {
    case 'exact':
      return value;
    case 'about':
      return `about ${value}`;
    case 'at_least':
      return `at least ${value}`;
    case 'more_than':
      return `more than ${value}`;
    case 'at_most':
      return `at most ${value}`;
    case 'fewer_than':
      return `fewer than ${value}`;
    case 'range':
      return `${value}–${figureFormat.format(count.max ?? count.value)}`;
  }
}

function isWholeNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}
