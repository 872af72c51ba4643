import { CsvError, parse } from 'csv-parse/sync';
import type { ImportProblemDto } from './dto/import-result.dto.js';

/** A data row of an uploaded file: its number as a spreadsheet shows it, and its cells by header. */
export interface UploadedRow {
  row: number;
  cells: string[];
}

export interface UploadedTable {
  headers: string[];
  rows: UploadedRow[];
}

export type UploadReading = { table: UploadedTable } | { problems: ImportProblemDto[] };

const fileProblem = (message: string): { problems: ImportProblemDto[] } => ({
  problems: [{ row: null, column: null, message }],
});

/**
 * Reads an uploaded CSV file (csv-parse): UTF-8 (a byte-order mark is skipped), the header row, an HXL hashtag
 * row under it when there is one (every filled cell a `#hashtag`), then the data rows. A file that cannot be
 * read as a table (not UTF-8, a quote never closed, too many rows) is one problem naming where it stopped.
 */
export function readUpload(bytes: Buffer, maxRows: number): UploadReading {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fileProblem(
      `The file is not UTF-8 text (the first byte that is not is on line ${firstBadLine(bytes)}): save it as "CSV UTF-8".`,
    );
  }
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const at = (error as CsvError & { lines?: number }).lines;
      return fileProblem(
        `The file is not CSV that can be read${at ? ` (line ${at})` : ''}: ${error.message}`,
      );
    }
    throw error;
  }
  if (records.length === 0)
    return fileProblem('The file is empty: it needs a header row, then one row per record.');
  const [headers, ...rest] = records;
  const hasHashtagRow = rest.length > 0 && isHashtagRow(rest[0]);
  const rows = rest
    .map((cells, index) => ({ row: index + 2, cells }))
    .slice(hasHashtagRow ? 1 : 0)
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
  if (rows.length === 0) return fileProblem('The file has a header but no rows under it.');
  if (rows.length > maxRows) {
    return fileProblem(
      `The file has ${rows.length.toLocaleString('en')} rows; an import takes at most ${maxRows.toLocaleString('en')}: split it into several files.`,
    );
  }
  return { table: { headers: headers.map((h) => h.trim()), rows } };
}

/** HXL: a row whose every filled cell is a hashtag with its attributes (`#loc +origin`). */
function isHashtagRow(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  return filled.length > 0 && filled.every((c) => /^#[a-z][\w]*(\s*\+[a-z][\w]*)*$/i.test(c));
}

/** The line of the first byte that does not decode, for the user to find it. */
function firstBadLine(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i += 1) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line += 1;
      start = i + 1;
    }
  }
  return line;
}
