/*
 * Intl (ICU, CLDR) folds every alias of a zone into one identifier, but CLDR keeps the first name it adopted: it
 * says Europe/Kiev where the IANA database has said Europe/Kyiv since 2022. These are the zones whose IANA name
 * was changed after CLDR fixed its identifier (CLDR's `iana` attribute, tzdata's `backward` file); Intl has no
 * way to give the new name, so the few renames are listed here. Nothing else is renamed: zones IANA merged into
 * another (Europe/Amsterdam into Brussels) keep their own name, as CLDR does.
 */
const IANA_NAME_OF_CLDR_ID: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** The CLDR identifiers above, for a test to hold against the platform's Intl. */
export const RENAMED_CLDR_ZONES: readonly string[] = Object.keys(IANA_NAME_OF_CLDR_ID);

const canonical = new Map<string, string>();

/**
 * A zone's current IANA name: Europe/Kiev, Europe/Zaporozhye and europe/kyiv are all Europe/Kyiv, US/Eastern is
 * America/New_York. A name Intl does not know is returned as given, for the caller's validation to refuse.
 */
export function canonicalTimeZone(zone: string): string {
  let found = canonical.get(zone);
  if (found === undefined) {
    let cldr: string;
    try {
      cldr = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
    } catch {
      return zone;
    }
    found = IANA_NAME_OF_CLDR_ID[cldr] ?? cldr;
    if (canonical.size < 1000) canonical.set(zone, found);
  }
  return found;
}
