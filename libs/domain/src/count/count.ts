import { DomainError, DomainErrorCode } from '../errors/domain-error.js';

export type CountQualifier = 'exact' | 'about' | 'at_least' | 'at_most' | 'range';
export const COUNT_QUALIFIERS: readonly CountQualifier[] = ['exact', 'about', 'at_least', 'at_most', 'range'];

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
      `A count is exact, about, at least, at most or a range, not "${String(count.qualifier)}".`,
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

export function statedFigures(count: Count): number[] {
  return count.qualifier === 'range' && count.max !== undefined && count.max !== null
    ? [count.value, count.max]
    : [count.value];
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
    case 'at_most':
      return `at most ${value}`;
    case 'range':
      return `${value}–${figureFormat.format(count.max ?? count.value)}`;
  }
}

function isWholeNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}
