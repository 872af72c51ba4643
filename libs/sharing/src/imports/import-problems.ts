import type { ImportProblemDto } from './dto/import-result.dto.js';

/** The answer lists this many problems at most (a file of wrong columns has one per cell); it counts them all. */
export const LISTED_PROBLEMS = 5000;

/** The problems an import found, by row and column. */
export class ImportProblems {
  readonly listed: ImportProblemDto[] = [];
  private readonly rows = new Set<number | null>();
  count = 0;

  add(row: number | null, column: string | null, message: string): void {
    this.count += 1;
    this.rows.add(row);
    if (this.listed.length < LISTED_PROBLEMS) this.listed.push({ row, column, message });
  }

  addAll(problems: readonly ImportProblemDto[]): void {
    for (const p of problems) this.add(p.row, p.column, p.message);
  }

  /** A problem of the file or its header: no row can be read as it should. */
  get isFileWide(): boolean {
    return this.rows.has(null) || this.rows.has(1);
  }

  has(row: number): boolean {
    return this.rows.has(row);
  }

  /** Rows with at least one problem (a problem of the whole file counts as none of them). */
  get rowCount(): number {
    return [...this.rows].filter((row) => row !== null && row > 1).length;
  }
}
