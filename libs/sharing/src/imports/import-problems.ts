import type { ImportProblemDto } from './dto/import-result.dto.js';

/** The answer lists this many problems at most (a file of wrong columns has one per cell); it counts them all. */
export const LISTED_PROBLEMS = 5000;

/** The problems an import found, by row and column. */
export class ImportProblems {
  readonly listed: ImportProblemDto[] = [];
  private readonly rows = new Set<number | null>();
  private readonly cells = new Set<string>();
  count = 0;

  add(row: number | null, column: string | null, message: string): void {
    this.count += 1;
    this.rows.add(row);
    this.cells.add(`${row}\t${column}`);
    if (this.listed.length < LISTED_PROBLEMS) this.listed.push({ row, column, message });
  }

  addAll(problems: readonly ImportProblemDto[]): void {
    for (const p of problems) this.add(p.row, p.column, p.message);
  }

  /** A problem of the file or its header: no row can be read as it should. */
  get isFileWide(): boolean {
    return this.rows.has(null) || this.rows.has(1);
  }

  /** By row (the file's own problems first), then in the order of the file's columns. */
  sortedBy(headers: readonly string[]): ImportProblemDto[] {
    const position = (column: string | null) => (column === null ? headers.length : headers.indexOf(column));
    return [...this.listed].sort(
      (a, b) => (a.row ?? 0) - (b.row ?? 0) || position(a.column) - position(b.column),
    );
  }

  /** A cell already named: what follows from it (its field absent) is not a problem of its own. */
  hasAt(row: number, column: string | null): boolean {
    return this.cells.has(`${row}\t${column}`);
  }

  has(row: number): boolean {
    return this.rows.has(row);
  }

  /** Rows with at least one problem (a problem of the whole file counts as none of them). */
  get rowCount(): number {
    return [...this.rows].filter((row) => row !== null && row > 1).length;
  }
}
