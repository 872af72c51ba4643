/** A position as GeoJSON (RFC 7946) has it: longitude first. */
export type LonLat = [lon: number, lat: number];

/** A place on the way; its position may not be known (a place known only by name). */
export interface WayPlace {
  lat: number | null;
  lon: number | null;
}

/** What a map draws for a corridor: the route as drawn, or the line through its places in order. */
export interface CorridorWay {
  coordinates: LonLat[];
  /** True for a route someone drew; false for the line through the places, which says nothing of the roads. */
  isDrawn: boolean;
}

/**
 * The way a corridor takes: its drawn route; else origin → stops in order → destination, leaving out the places
 * whose position is not known. A single known place is a way of one position; none is null.
 */
export function corridorWay(
  route: readonly LonLat[] | null | undefined,
  placesInOrder: readonly (WayPlace | null | undefined)[],
): CorridorWay | null {
  if (route && route.length >= 2)
    return { coordinates: route.map(([lon, lat]) => [lon, lat]), isDrawn: true };
  const coordinates = placesInOrder.flatMap((place): LonLat[] =>
    place && place.lat !== null && place.lon !== null ? [[place.lon, place.lat]] : [],
  );
  return coordinates.length ? { coordinates, isDrawn: false } : null;
}
