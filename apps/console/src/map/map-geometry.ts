import { corridorWay, type CorridorWay, type LonLat } from '@domain/corridor/corridor-way';

export type { CorridorWay, LonLat };

/** A GeoJSON position as the map draws it: longitude and latitude (an altitude after them is not drawn). */
export const lonLat = (position: readonly number[]): LonLat => [position[0], position[1]];

/** [[west, south], [east, north]] in degrees. */
export type Extent = [[number, number], [number, number]];

/** A place with a position, as a map pins it. */
export interface PositionedPlace {
  id: string;
  name: string;
  lat: number;
  lon: number;
}

export type PinRole = 'origin' | 'stop' | 'destination';

export interface MapPin extends PositionedPlace {
  role: PinRole;
}

/** Incidents reported at one place: one marker, with how many and of which kinds. */
export interface IncidentMarker extends PositionedPlace {
  count: number;
  kinds: string[];
}

interface PlaceLike {
  id: string;
  name: string;
  lat?: number | null;
  lon?: number | null;
}

const isPositioned = (place: PlaceLike | undefined): place is PlaceLike & { lat: number; lon: number } =>
  place !== undefined && typeof place.lat === 'number' && typeof place.lon === 'number';

/**
 * A corridor's places in the order travelled, and its way (the domain's rule, as the API's exports and dashboard
 * draw it): the drawn route, else origin → stops → destination through the places with a known position.
 */
export function corridorPlaces(
  route: LonLat[] | null | undefined,
  origin: PlaceLike | undefined,
  stops: (PlaceLike | undefined)[],
  destination: PlaceLike | undefined,
  nameOf: (place: PlaceLike) => string = (place) => place.name,
): { way: CorridorWay | null; pins: MapPin[] } {
  const inOrder: [PlaceLike | undefined, PinRole][] = [
    [origin, 'origin'],
    ...stops.map((stop): [PlaceLike | undefined, PinRole] => [stop, 'stop']),
    [destination, 'destination'],
  ];
  const pins = inOrder.flatMap(([place, role]): MapPin[] =>
    isPositioned(place) ? [{ id: place.id, name: nameOf(place), lat: place.lat, lon: place.lon, role }] : [],
  );
  const way = corridorWay(
    route,
    inOrder.map(([place]) => (place ? { lat: place.lat ?? null, lon: place.lon ?? null } : null)),
  );
  return { way, pins };
}

/** Incidents that name a place with a known position, one marker per place. */
export function incidentMarkers(
  incidents: readonly { placeId?: string | null; incidentKind?: string }[],
  placeById: ReadonlyMap<string, PlaceLike>,
  nameOf: (place: PlaceLike) => string = (place) => place.name,
): IncidentMarker[] {
  const markers = new Map<string, IncidentMarker>();
  for (const incident of incidents) {
    const place = incident.placeId ? placeById.get(incident.placeId) : undefined;
    if (!isPositioned(place)) continue;
    const marker = markers.get(place.id) ?? {
      id: place.id,
      name: nameOf(place),
      lat: place.lat,
      lon: place.lon,
      count: 0,
      kinds: [],
    };
    marker.count += 1;
    if (incident.incidentKind && !marker.kinds.includes(incident.incidentKind))
      marker.kinds.push(incident.incidentKind);
    markers.set(place.id, marker);
  }
  return [...markers.values()];
}

/**
 * The area to show around these positions: their bounds, widened by 40% of their size and at least `minPad`
 * degrees on each side, so a short corridor still shows the coast and towns around it.
 */
export function viewExtent(positions: readonly LonLat[], minPad: number): Extent | null {
  if (positions.length === 0) return null;
  const lons = positions.map((p) => p[0]);
  const lats = positions.map((p) => p[1]);
  const [west, east, south, north] = [
    Math.min(...lons),
    Math.max(...lons),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const pad = Math.max(minPad, (east - west) * 0.4, (north - south) * 0.4);
  return [
    [Math.max(-180, west - pad), Math.max(-85, south - pad)],
    [Math.min(180, east + pad), Math.min(85, north + pad)],
  ];
}

/**
 * The grid cells (by their south-west corner, "30_40") of `degrees`-wide tiles that cover an extent, or null when it
 * needs more than `maxTiles`: a view that wide is drawn from the coarser world map instead.
 */
export function tilesCovering(extent: Extent, degrees: number, maxTiles: number): string[] | null {
  const [[west, south], [east, north]] = extent;
  const first = (v: number) => Math.floor(v / degrees) * degrees;
  const cells: string[] = [];
  for (let x = first(west); x < east; x += degrees) {
    for (let y = first(south); y < north; y += degrees) {
      if (x < -180 || x >= 180 || y < -90 || y >= 90) continue;
      cells.push(`${x}_${y}`);
      if (cells.length > maxTiles) return null;
    }
  }
  return cells;
}

/** Where a way's number goes: its middle (ways that share an origin keep their numbers apart). */
export function wayMiddle(coordinates: readonly LonLat[]): LonLat {
  const half = Math.floor(coordinates.length / 2);
  if (coordinates.length % 2 === 1) return coordinates[half];
  const [a, b] = [coordinates[half - 1], coordinates[half]];
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}
