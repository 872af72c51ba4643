import type { Breakdown } from '#cw/domain';
import type { ExportClaimRow } from '#cw/persistence';
import { instantCell } from '../csv/csv-cell.js';
import { CellProblem, countCell, type CsvColumn } from '../csv/csv-column.js';

/** A claim's figure as a range: the lowest and highest it states (a range gives both ends, at least N only N). */
const low = (c: ExportClaimRow) => c.value;
const high = (c: ExportClaimRow) => (c.value === null ? null : (c.max ?? c.value));
/** A part of a breakdown: its header, HXL attributes and the template's example (within the example's count). */
const BREAKDOWN_COLUMNS: readonly [part: keyof Breakdown, hxl: string, example: string][] = [
  ['men', '#affected+evacuated+m', '10'],
  ['women', '#affected+evacuated+f', '20'],
  ['minors', '#affected+evacuated+children', '15'],
  ['elderly', '#affected+evacuated+elderly', '5'],
  ['wounded', '#affected+evacuated+injured', '2'],
];

/** A claim's credibility, 1 to 6. */
function credibilityCell(cell: string): number {
  if (!/^[1-6]$/.test(cell.trim())) throw new CellProblem(`"${cell}" is not a credibility from 1 to 6.`);
  return Number(cell.trim());
}

const isKind = (kind: ExportClaimRow['kind']) => (c: ExportClaimRow) => c.kind === kind;
const evacuation = isKind('evacuation');
const remaining = isKind('remaining');

/**
 * claims.csv, one row per claim of any kind (confirmation, evacuation, remaining, incident), and the import of
 * evacuation reports. HXL tags a column, not a row: evacuated and remaining people have columns of their own.
 */
export const CLAIM_COLUMNS: readonly CsvColumn<ExportClaimRow>[] = [
  {
    header: 'kind',
    hxl: '#meta+type',
    write: (c) => c.kind,
    read: { field: 'kind', example: 'evacuation' },
  },
  { header: 'id', hxl: '#meta+id', write: (c) => c.id },
  { header: 'corridor id', hxl: '#event+id', write: (c) => c.corridorId },
  {
    header: 'corridor',
    hxl: '#event+name',
    write: (c) => c.corridorName,
    read: {
      field: 'corridorId',
      required: true,
      refers: 'corridor',
      example: 'Azovstal: Russian ceasefire corridor 08:00-18:00 Moscow time, 5-7 May',
    },
  },
  { header: 'window id', hxl: '#meta+window+id', write: (c) => c.windowId },
  {
    header: 'window start',
    hxl: '#date+start',
    write: (c) => instantCell(c.windowStartsAt),
    read: { field: 'windowId', refers: 'window', example: '2022-05-07T08:00:00+03:00' },
  },
  {
    header: 'source',
    hxl: '#meta+source',
    write: (c) => c.sourceName,
    read: {
      field: 'sourcePartyId',
      required: true,
      refers: 'party',
      example: 'UN Office for the Coordination of Humanitarian Affairs',
    },
  },
  {
    header: 'reported at',
    hxl: '#date+reported',
    write: (c) => instantCell(c.reportedAt),
    read: { field: 'reportedAt', required: true, isInstant: true, example: '2022-05-07T21:00' },
  },
  {
    header: 'timezone',
    hxl: '#meta+timezone',
    // Exported instants carry their offset (UTC); the column is there for imported local times.
    write: () => null,
    read: { field: 'timezone', example: 'Europe/Kyiv' },
  },
  { header: 'occurred at', hxl: '#date+occurred', write: (c) => instantCell(c.occurredAt) },
  { header: 'stance', hxl: '#status+stance', write: (c) => c.stance },
  {
    header: 'category',
    hxl: '#meta+category',
    write: (c) => c.category,
    read: { field: 'category', required: true, example: 'civilians' },
  },
  {
    header: 'qualifier',
    hxl: '#meta+qualifier',
    write: (c) => c.qualifier,
    read: { field: 'count.qualifier', required: true, example: 'range' },
  },
  {
    header: 'evacuated low',
    hxl: '#affected+evacuated+min',
    write: (c) => (evacuation(c) ? low(c) : null),
    read: { field: 'count.value', required: true, parse: countCell, example: '40' },
  },
  {
    header: 'evacuated high',
    hxl: '#affected+evacuated+max',
    write: (c) => (evacuation(c) ? high(c) : null),
    read: { field: 'count.max', parse: countCell, example: '51' },
  },
  { header: 'remaining low', hxl: '#affected+remaining+min', write: (c) => (remaining(c) ? low(c) : null) },
  { header: 'remaining high', hxl: '#affected+remaining+max', write: (c) => (remaining(c) ? high(c) : null) },
  {
    header: 'arrived at',
    hxl: '#loc+dest+name',
    write: (c) => c.arrivedAtName,
    read: { field: 'arrivedAtId', refers: 'location', example: 'Zaporizhzhia' },
  },
  {
    header: 'measure',
    hxl: '#meta+measure',
    write: (c) => c.measure,
    read: { field: 'measure', example: 'arrived' },
  },
  {
    header: 'counted at',
    hxl: '#loc+counted+name',
    write: (c) => c.countedAtName,
    read: { field: 'countedAtId', refers: 'location', example: 'Zaporizhzhia' },
  },
  ...BREAKDOWN_COLUMNS.map(([part, hxl, example]): CsvColumn<ExportClaimRow> => ({
    header: part,
    hxl,
    write: (c) => c.breakdown?.[part] ?? null,
    read: { field: `breakdown.${part}`, parse: countCell, example },
  })),
  { header: 'waiting at', hxl: '#loc+remaining+name', write: (c) => c.placeName },
  {
    header: 'source reliability',
    hxl: '#meta+reliability',
    write: (c) => c.sourceReliability,
    read: { field: 'sourceReliability', example: 'A' },
  },
  {
    header: 'credibility',
    hxl: '#meta+credibility',
    write: (c) => c.credibility,
    read: { field: 'credibility', parse: credibilityCell, example: '2' },
  },
  { header: 'incident', hxl: '#access+type', write: (c) => c.incidentKind },
  {
    header: 'note',
    hxl: '#description',
    write: (c) => c.note,
    read: { field: 'note', example: 'Between 40 and 51 people left the plant on 7 May, by two counts.' },
  },
  {
    header: 'source url',
    hxl: '#meta+url',
    write: (c) => c.sourceUrl,
    read: { field: 'sourceUrl', example: 'https://news.un.org/en/story/2022/05/1117542' },
  },
  { header: 'organisation', hxl: '#org+reporting+name', write: (c) => c.organisationName },
];
