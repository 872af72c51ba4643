import type { ExportFlagRow } from '#cw/persistence';
import { instantCell } from '../csv/csv-cell.js';
import type { CsvColumn } from '../csv/csv-column.js';

/** flags.csv (flags are raised by the worker: there is no import of them). */
export const FLAG_COLUMNS: readonly CsvColumn<ExportFlagRow>[] = [
  { header: 'id', hxl: '#meta+id', write: (f) => f.id },
  { header: 'corridor id', hxl: '#event+id', write: (f) => f.corridorId },
  { header: 'corridor', hxl: '#event+name', write: (f) => f.corridorName },
  { header: 'window start', hxl: '#date+start', write: (f) => instantCell(f.windowStartsAt) },
  { header: 'window end', hxl: '#date+end', write: (f) => instantCell(f.windowEndsAt) },
  { header: 'rule', hxl: '#meta+rule', write: (f) => f.rule },
  { header: 'severity', hxl: '#severity', write: (f) => f.severity },
  { header: 'state', hxl: '#status', write: (f) => (f.resolvedAt ? 'resolved' : 'open') },
  { header: 'raised at', hxl: '#date+raised', write: (f) => instantCell(f.raisedAt) },
  { header: 'resolved at', hxl: '#date+resolved', write: (f) => instantCell(f.resolvedAt) },
  { header: 'acknowledged at', hxl: '#date+acknowledged', write: (f) => instantCell(f.acknowledgedAt) },
  { header: 'acknowledge note', hxl: '#description', write: (f) => f.acknowledgeNote },
];
