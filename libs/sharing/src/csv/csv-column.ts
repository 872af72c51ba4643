/** A cell as a column writes it: text (neutralised against formulas when written), a number, or empty. */
export type CsvValue = string | number | null | undefined;

/** A cell an import could not read; its message is shown against the cell's row and column. */
export class CellProblem extends Error {
  override name = 'CellProblem';
}

/** The request body an import row builds, field by field, before it is validated as the API's DTO. */
export type RowBody = Record<string, unknown>;

/** What a column's cell names, looked up by name (or id) once the whole row is read. */
export type Reference = 'party' | 'location' | 'corridor' | 'window';

/** How an import reads a column. */
export interface CsvReading {
  /** The request field it fills (dotted when nested): a refusal naming the field is shown against this column. */
  field: string;
  required?: boolean;
  /** A name or id of this kind of record, resolved to the id the field takes. */
  refers?: Reference;
  /** A list of names or ids, separated by `;`. */
  isList?: boolean;
  /** An instant: with an offset, or a local time in the row's `timezone` (checked before the row is stored). */
  isInstant?: boolean;
  /** The field's value when the cell is empty (an open-ended window's `endsAt`: null); else an empty cell leaves it out. */
  emptyAs?: null;
  /** Turns the (non-empty) cell into the field's value; throws CellProblem when it cannot. Text as it is when absent. */
  parse?: (cell: string) => unknown;
  /** The template's example row. */
  example: string;
}

/**
 * One column of an export, and of the import of the same records: its header, its HXL 1.1 hashtag, how the
 * export writes it from a row and, when it can be imported, how an import reads it. A grain's columns are one
 * table, so a new field is one entry.
 */
export interface CsvColumn<Row> {
  header: string;
  hxl: string;
  write: (row: Row) => CsvValue;
  read?: CsvReading;
}

/** An integer at least zero. */
export function countCell(cell: string): number {
  if (!/^\d+$/.test(cell.trim())) throw new CellProblem(`"${cell}" is not a whole number of people.`);
  return Number(cell.trim());
}
