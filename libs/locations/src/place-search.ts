/**
 * A name as `GET /locations?q=` compares it: composed (NFC) and lower-cased by JS, which knows every script's
 * case (SQLite's LOWER knows only ASCII, so "Запоріжжя" must be folded before it is stored or searched).
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** What a place is found by: its name, its local names and its aliases, folded, one per line. */
export function placeSearchText(place: {
  name: string;
  names?: Record<string, string> | null;
  aliases?: readonly string[] | null;
}): string {
  const all = [place.name, ...Object.values(place.names ?? {}), ...(place.aliases ?? [])];
  return [...new Set(all.map(foldForSearch))].join('\n');
}
