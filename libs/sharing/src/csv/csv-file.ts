import { stringify } from 'csv-stringify/sync';
import { neutralised } from './csv-cell.js';
import type { CsvColumn, CsvValue } from './csv-column.js';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';
const BOM = '\ufeff';

// RFC 4180: CRLF between records, fields quoted when they hold a comma, a quote or a line break (csv-stringify
// quotes the first two itself; a lone CR or LF inside a field needs quoted_match).
const OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

/** The start of a file: a byte-order mark (so Excel reads UTF-8), the header row and the HXL hashtag row. */
export function csvHead(columns: readonly CsvColumn<never>[]): string {
  return BOM + stringify([columns.map((c) => c.header), columns.map((c) => c.hxl)], OPTIONS);
}

/** Records as CSV lines, text neutralised against formulas. */
export function csvLines<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  return stringify(
    rows.map((row) => columns.map((column) => cell(column.write(row)))),
    OPTIONS,
  );
}

function cell(value: CsvValue): string | number | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'number' ? value : neutralised(value);
}
