/**
 * Zone names stored before canonical names were, and the current IANA name of each (Chromium sent Europe/Kiev).
 * A copy of the renames as they stood when the migration was written, not an import: a migration must keep doing
 * what it did.
 */
export const ZONE_RENAMES: readonly (readonly [old: string, current: string])[] = [
  ['Europe/Kiev', 'Europe/Kyiv'],
  ['Europe/Zaporozhye', 'Europe/Kyiv'],
  ['Europe/Uzhgorod', 'Europe/Kyiv'],
  ['Africa/Asmera', 'Africa/Asmara'],
  ['America/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
  ['America/Catamarca', 'America/Argentina/Catamarca'],
  ['America/Coral_Harbour', 'America/Atikokan'],
  ['America/Cordoba', 'America/Argentina/Cordoba'],
  ['America/Godthab', 'America/Nuuk'],
  ['America/Indianapolis', 'America/Indiana/Indianapolis'],
  ['America/Jujuy', 'America/Argentina/Jujuy'],
  ['America/Louisville', 'America/Kentucky/Louisville'],
  ['America/Mendoza', 'America/Argentina/Mendoza'],
  ['Asia/Calcutta', 'Asia/Kolkata'],
  ['Asia/Katmandu', 'Asia/Kathmandu'],
  ['Asia/Rangoon', 'Asia/Yangon'],
  ['Asia/Saigon', 'Asia/Ho_Chi_Minh'],
  ['Atlantic/Faeroe', 'Atlantic/Faroe'],
  ['Pacific/Enderbury', 'Pacific/Kanton'],
  ['Pacific/Ponape', 'Pacific/Pohnpei'],
  ['Pacific/Truk', 'Pacific/Chuuk'],
];

/** Statements that give a place its zone from what is known, both databases alike. */
export const PLACE_ZONE_BACKFILL: readonly string[] = [
  // Ukraine keeps one zone, Crimea aside (Europe/Simferopol): the demo data's places, all in Donetsk and
  // Zaporizhzhia oblasts, are in Europe/Kyiv.
  `UPDATE "location" SET "timezone" = 'Europe/Kyiv' WHERE "timezone" IS NULL AND "country_code" = 'UA'
     AND LOWER(COALESCE("admin_area", '')) NOT LIKE '%crimea%' AND LOWER(COALESCE("admin_area", '')) NOT LIKE '%sevastopol%'`,
  // Else the zone of the first corridor recorded as starting there; else none (the corridor's own zone is shown).
  `UPDATE "location" SET "timezone" = (SELECT c."timezone" FROM "corridor" c WHERE c."origin_id" = "location"."id"
     ORDER BY c."created_at", c."id" LIMIT 1) WHERE "timezone" IS NULL`,
];
