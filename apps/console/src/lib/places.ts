import type { Location } from '../api/types';

/** The place's name in the reader's language when it has one (`uk` for a Ukrainian reader), else its name. */
export function localName(
  place: { name: string; names?: Record<string, string> | null } | undefined,
  language: string,
): string | undefined {
  if (!place) return undefined;
  const base = language.split('-')[0];
  return place.names?.[language] ?? place.names?.[base] ?? place.name;
}

/** A place with a known position, which a map or a route can use. */
export function isPositioned(place: Location): place is Location & { lat: number; lon: number } {
  return place.lat !== null && place.lon !== null;
}
