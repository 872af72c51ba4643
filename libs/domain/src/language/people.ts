import type { PopulationCategory } from '../claim/report-words.js';
import type { Count } from '../count/count.js';
import type { Language } from './language.js';

type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

// "{n}" is the figure as said ("more than 300"). A group of several kinds of people has no number of its own in
// Ukrainian ("21 жінок і дітей" is wrong whatever the form), so it is named beside the figure instead.
const PEOPLE: Record<Language, Record<PopulationCategory, PluralForms>> = {
  en: {
    civilians: { one: '{n} civilian', other: '{n} civilians' },
    women_children: { other: '{n} women and children' },
    women_children_elderly: { other: '{n} women, children and elderly people' },
    children: { one: '{n} child', other: '{n} children' },
    wounded: { other: '{n} wounded' },
    fighters: { one: '{n} fighter', other: '{n} fighters' },
    other: { one: '{n} other person', other: '{n} other people' },
  },
  uk: {
    civilians: { one: '{n} цивільний', few: '{n} цивільних', many: '{n} цивільних', other: '{n} цивільного' },
    women_children: { other: '{n} (жінки й діти)' },
    women_children_elderly: { other: '{n} (жінки, діти й літні люди)' },
    children: { one: '{n} дитина', few: '{n} дитини', many: '{n} дітей', other: '{n} дитини' },
    wounded: { one: '{n} поранений', few: '{n} поранених', many: '{n} поранених', other: '{n} пораненого' },
    fighters: { one: '{n} боєць', few: '{n} бійці', many: '{n} бійців', other: '{n} бійця' },
    other: { one: '{n} інша особа', few: '{n} інші особи', many: '{n} інших осіб', other: '{n} іншої особи' },
  },
};

const QUALIFIED: Record<Language, Record<Exclude<Count['qualifier'], 'exact' | 'range'>, string>> = {
  en: {
    about: 'about {n}',
    at_least: 'at least {n}',
    more_than: 'more than {n}',
    at_most: 'at most {n}',
    fewer_than: 'fewer than {n}',
  },
  uk: {
    about: 'близько {n}',
    at_least: 'щонайменше {n}',
    more_than: 'понад {n}',
    at_most: 'щонайбільше {n}',
    fewer_than: 'менше ніж {n}',
  },
};

const numberFormats = new Map<Language, Intl.NumberFormat>();
const pluralRules = new Map<Language, Intl.PluralRules>();

function numberOf(value: number, language: Language): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
    numberFormats.set(language, format);
  }
  return format.format(value);
}

/** A count as its source said it, in `language`: "344", "more than 300", "понад 300", "130–150". */
export function describeCountIn(count: Count, language: Language): string {
  const value = numberOf(count.value, language);
  if (count.qualifier === 'exact') return value;
  if (count.qualifier === 'range') return `${value}–${numberOf(count.max ?? count.value, language)}`;
  return QUALIFIED[language][count.qualifier].replace('{n}', value);
}

/**
 * A count of people with the noun in the form its number takes (Intl.PluralRules): "1 цивільний", "3 цивільних",
 * "понад 300 цивільних", "21 цивільний". The number that decides is the last one said (150 of "130–150").
 */
export function describePeople(count: Count, category: PopulationCategory, language: Language): string {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  const forms = PEOPLE[language][category] ?? PEOPLE[language].other;
  const form = rules.select(count.qualifier === 'range' ? (count.max ?? count.value) : count.value);
  return (forms[form] ?? forms.other).replace('{n}', describeCountIn(count, language));
}
