import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { uk } from './uk';

export const LANGUAGES = ['en', 'uk'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'cw.language';

/** The person's own choice, else the browser's language, else English. */
export function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'uk') return stored;
  const preferred = globalThis.navigator?.languages ?? [globalThis.navigator?.language ?? 'en'];
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'uk') return 'uk';
    if (base === 'en') return 'en';
  }
  return 'en';
}

export function setLanguage(language: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  void i18next.changeLanguage(language);
}

export function initI18n(language: Language = initialLanguage()) {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, uk: { translation: uk } },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  const syncLang = (lng: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  };
  syncLang(language);
  i18next.on('languageChanged', syncLang);
  return i18next;
}
