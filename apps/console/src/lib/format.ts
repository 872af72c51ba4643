import { describePeople } from '@domain/language/people';
import { POPULATION_CATEGORIES, type PopulationCategory } from '@domain/claim/report-words';
import type { Count } from '../api/types';

type T = (key: string, options?: Record<string, unknown>) => string;

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** "344", "about 300", "more than 300", "at most 50", "300–344". */
export function formatCount(count: Count, t: T, locale: string): string {
  const value = formatNumber(count.value, locale);
  switch (count.qualifier) {
    case 'exact':
      return value;
    case 'range':
      return `${value}–${formatNumber(count.max ?? count.value, locale)}`;
    default:
      return t(`count.says.${count.qualifier}`, { value });
  }
}

/** The spread of claims, "300–344", or one figure when every source agrees. */
export function formatRange(
  low: number | null | undefined,
  high: number | null | undefined,
  locale: string,
): string {
  if (low === null || low === undefined) return '—';
  if (high === null || high === undefined || high === low) return formatNumber(low, locale);
  return `${formatNumber(low, locale)}–${formatNumber(high, locale)}`;
}

const isPopulationCategory = (category: string | undefined): category is PopulationCategory =>
  (POPULATION_CATEGORIES as readonly (string | undefined)[]).includes(category);

/**
 * People counted, the noun in the form the number takes in the reader's language (the domain's words, as the
 * e-mails say them): "300 цивільних", "1 цивільний", "more than 300 civilians"; a count of no known kind of people as
 * formatCount says it.
 */
export function formatPeople(count: Count, category: string | undefined, t: T, locale: string): string {
  const language = locale.split('-')[0] === 'uk' ? 'uk' : 'en';
  return isPopulationCategory(category)
    ? describePeople(count, category, language)
    : formatCount(count, t, locale);
}
