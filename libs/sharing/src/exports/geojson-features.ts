import type { Feature, Geometry, Position } from 'geojson';
import type { LocationEntity } from '#cw/persistence';
import type { CorridorCsvRow } from '../grains/corridor-columns.js';

export const GEOJSON_CONTENT_TYPE = 'application/geo+json';

/** RFC 7946 positions are longitude first; a place whose coordinates are not known has none. */
function position(lat: number | null, lon: number | null): Position | null {
  return lat === null || lon === null ? null : [lon, lat];
}

/**
 * The drawn route, else the line from origin through the stops to destination (places without a known position
 * left out); one known place is a point, none is null.
 */
export function corridorGeometry(corridor: CorridorCsvRow): Geometry | null {
  if (corridor.route) {
    const route = JSON.parse(corridor.route) as { coordinates: Position[] };
    return { type: 'LineString', coordinates: route.coordinates };
  }
  const positions = [
    position(corridor.originLat, corridor.originLon),
    ...corridor.stops.map((stop) => position(stop.lat, stop.lon)),
    position(corridor.destinationLat, corridor.destinationLon),
  ].filter((p): p is Position => p !== null);
  if (positions.length >= 2) return { type: 'LineString', coordinates: positions };
  return positions.length === 1 ? { type: 'Point', coordinates: positions[0] } : null;
}

/** A corridor with its public fields as properties (the names beside the ids, for a map's labels). */
export function corridorFeature(corridor: CorridorCsvRow): Feature<Geometry | null> {
  return {
    type: 'Feature',
    id: corridor.id,
    geometry: corridorGeometry(corridor),
    properties: {
      kind: 'corridor',
      name: corridor.name,
      status: corridor.status,
      promise: corridor.promise,
      originId: corridor.originId,
      originName: corridor.originName,
      destinationId: corridor.destinationId,
      destinationName: corridor.destinationName,
      stopNames: corridor.stops.map((stop) => stop.name),
      announcedById: corridor.announcedById,
      announcedByName: corridor.announcedByName,
      announcedAt: corridor.announcedAt.toISOString(),
      timezone: corridor.timezone,
      requiredConfirmations: corridor.requiredPartyNames,
      confirmationState: corridor.confirmationState,
      firstStartsAt: corridor.firstStartsAt?.toISOString() ?? null,
      lastEndsAt: corridor.lastEndsAt?.toISOString() ?? null,
      evacuation: {
        low: corridor.evacuationLow,
        high: corridor.evacuationHigh,
        reportCount: corridor.evacuationReportCount,
      },
      sourceUrl: corridor.sourceUrl,
      sourceNote: corridor.sourceNote,
      cancelledAt: corridor.cancelledAt?.toISOString() ?? null,
      cancelReason: corridor.cancelReason,
      organisation: corridor.organisationName,
    },
  };
}

export function placeFeature(place: LocationEntity): Feature<Geometry | null> {
  const at = position(place.lat, place.lon);
  return {
    type: 'Feature',
    id: place.id,
    geometry: at ? { type: 'Point', coordinates: at } : null,
    properties: {
      kind: 'place',
      name: place.name,
      adminArea: place.adminArea,
      countryCode: place.countryCode,
      timezone: place.timezone,
    },
  };
}
