import { geoJSONToWkt, wktToGeoJSON } from 'betterknown';
import type { ExportCorridorRow, StopRow } from '#cw/persistence';
import { instantCell } from '../csv/csv-cell.js';
import { CellProblem, type CsvColumn } from '../csv/csv-column.js';

/** A corridor as its CSV row reads it: the stored row with the names of the parties that must confirm it. */
export interface CorridorCsvRow extends ExportCorridorRow {
  requiredPartyNames: string[];
  /** The places on the way, in order (the map draws through them when no route was drawn). */
  stops: StopRow[];
}

/** `;` separates the names of a list in one cell (names hold commas: "Mariupol, Donetsk Oblast"). */
export const LIST_SEPARATOR = '; ';

/** The drawn route as Well-Known Text, which QGIS reads from a CSV column; null when none was drawn. */
function routeCell(route: string | null): string | null {
  return route ? geoJSONToWkt(JSON.parse(route) as Parameters<typeof geoJSONToWkt>[0]) : null;
}

function readRoute(cell: string): unknown {
  let geometry;
  try {
    geometry = wktToGeoJSON(cell);
  } catch {
    throw new CellProblem('not Well-Known Text: write LINESTRING (lon lat, lon lat, …), longitude first.');
  }
  if (geometry?.type !== 'LineString')
    throw new CellProblem('a route is a LINESTRING (lon lat, lon lat, …).');
  return { type: 'LineString', coordinates: geometry.coordinates };
}

/** corridors.csv, and the corridor import. */
export const CORRIDOR_COLUMNS: readonly CsvColumn<CorridorCsvRow>[] = [
  { header: 'id', hxl: '#event+id', write: (c) => c.id },
  {
    header: 'name',
    hxl: '#event+name',
    write: (c) => c.name,
    read: { field: 'name', required: true, example: 'Azovstal: ceasefire and corridor 5–7 May' },
  },
  { header: 'status', hxl: '#status', write: (c) => c.status },
  // Beside the status: a completed corridor may have kept its promise or not.
  { header: 'promise', hxl: '#status+promise', write: (c) => c.promise },
  {
    header: 'origin',
    hxl: '#loc+origin+name',
    write: (c) => c.originName,
    read: { field: 'originId', required: true, refers: 'location', example: 'Azovstal Iron and Steel Works' },
  },
  { header: 'origin latitude', hxl: '#geo+lat+origin', write: (c) => c.originLat },
  { header: 'origin longitude', hxl: '#geo+lon+origin', write: (c) => c.originLon },
  {
    header: 'destination',
    hxl: '#loc+dest+name',
    write: (c) => c.destinationName,
    read: { field: 'destinationId', refers: 'location', example: 'Zaporizhzhia' },
  },
  { header: 'destination latitude', hxl: '#geo+lat+dest', write: (c) => c.destinationLat },
  { header: 'destination longitude', hxl: '#geo+lon+dest', write: (c) => c.destinationLon },
  {
    header: 'announced by',
    hxl: '#org+announcer+name',
    write: (c) => c.announcedByName,
    read: {
      field: 'announcedById',
      required: true,
      refers: 'party',
      example: 'Ministry of Defence of the Russian Federation',
    },
  },
  {
    header: 'announced at',
    hxl: '#date+announced',
    write: (c) => instantCell(c.announcedAt),
    read: { field: 'announcedAt', required: true, isInstant: true, example: '2022-05-04T20:00:00+03:00' },
  },
  {
    header: 'timezone',
    hxl: '#meta+timezone',
    write: (c) => c.timezone,
    read: { field: 'timezone', required: true, example: 'Europe/Moscow' },
  },
  {
    header: 'required confirmations',
    hxl: '#org+required+name',
    write: (c) => c.requiredPartyNames.join(LIST_SEPARATOR),
    read: {
      field: 'requiredConfirmationIds',
      refers: 'party',
      isList: true,
      example: 'Government of Ukraine',
    },
  },
  { header: 'first window start', hxl: '#date+start', write: (c) => instantCell(c.firstStartsAt) },
  { header: 'last window end', hxl: '#date+end', write: (c) => instantCell(c.lastEndsAt) },
  { header: 'confirmation', hxl: '#status+confirmation', write: (c) => c.confirmationState },
  { header: 'evacuated low', hxl: '#affected+evacuated+min', write: (c) => c.evacuationLow },
  { header: 'evacuated high', hxl: '#affected+evacuated+max', write: (c) => c.evacuationHigh },
  { header: 'evacuation reports', hxl: '#meta+reports+num', write: (c) => c.evacuationReportCount },
  {
    header: 'source url',
    hxl: '#meta+url',
    write: (c) => c.sourceUrl,
    read: {
      field: 'sourceUrl',
      example: 'https://www.reuters.com/world/europe/russia-says-it-will-open-azovstal-corridor-2022-05-04/',
    },
  },
  {
    header: 'source note',
    hxl: '#description',
    write: (c) => c.sourceNote,
    read: {
      field: 'sourceNote',
      example: 'A corridor from the plant during certain hours, Thursday to Saturday.',
    },
  },
  {
    header: 'route',
    hxl: '#geo+route+wkt',
    write: (c) => routeCell(c.route),
    read: { field: 'route', parse: readRoute, example: 'LINESTRING (37.61 47.098, 35.139 47.838)' },
  },
  { header: 'cancelled at', hxl: '#date+cancelled', write: (c) => instantCell(c.cancelledAt) },
  { header: 'cancel reason', hxl: '#description+cancelled', write: (c) => c.cancelReason },
  { header: 'organisation', hxl: '#org+reporting+name', write: (c) => c.organisationName },
];
