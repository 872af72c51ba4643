/**
 * Spreadsheets run a cell that begins with one of these as a formula (CSV injection, OWASP): `=`, `+`, `-`, `@`,
 * and a tab or carriage return before one of them. Exports write such text with a leading apostrophe, which
 * spreadsheets show as text; imports take the apostrophe off again and refuse such a cell without it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEUTRALISED = /^'[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Text as an exported cell: a formula-like start is neutralised. */
export function neutralised(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Would a spreadsheet run this imported cell as a formula? A plain number (-37.5) is a number. */
export function isFormula(cell: string): boolean {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell.trim());
}

/** An imported cell as it was before an export neutralised it. */
export function unneutralised(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

/** Instants are written in UTC, as the API answers them. */
export function instantCell(at: Date | null | undefined): string | null {
  return at ? at.toISOString() : null;
}
