import { Injectable } from '@nestjs/common';
import type { Principal } from '#cw/accounts';
import { Clock } from '#cw/clock';
import { AppError } from '#cw/common';
import { CorridorService } from '#cw/corridors';
import { DomainError } from '#cw/domain';
import { ForeignKeyViolation, ImportRowRepository, UniqueViolation, type SqlRunner } from '#cw/persistence';
import { ReportService } from '#cw/reports';
import { columnOf, type ImportKind } from './import-kinds.js';
import type { ImportProblems } from './import-problems.js';
import type { CheckedRow } from './import-row-reader.service.js';

/** Stores checked rows through the services the API uses for them, inside the caller's unit of work. */
@Injectable()
export class ImportRowWriter {
  constructor(
    private readonly clock: Clock,
    private readonly importRows: ImportRowRepository,
    private readonly corridors: CorridorService,
    private readonly reports: ReportService,
  ) {}

  /**
   * Each row through its service; a row a service refuses is a problem of its own, and the others go on (its
   * savepoint undone). When every row was stored, their keys are kept: the same rows again store nothing.
   */
  async storeAll(
    kind: ImportKind,
    principal: Principal,
    rows: readonly CheckedRow[],
    problems: ImportProblems,
    tx: SqlRunner,
  ): Promise<number> {
    const ids: string[] = [];
    for (const row of rows) {
      try {
        ids.push((await this.store(kind, principal, row)).id);
      } catch (error) {
        const refused = refusal(error);
        if (!refused) throw error;
        problems.add(row.row, columnOf(kind, refused.field), refused.message);
      }
    }
    if (problems.count) return ids.length;
    const now = this.clock.now();
    for (const [index, row] of rows.entries()) {
      await this.importRows.insert(
        {
          kind: kind.name,
          rowKey: row.key,
          recordId: ids[index],
          organisationId: principal.organisationId,
          createdById: principal.userId,
          createdAt: now,
        },
        tx,
      );
    }
    return ids.length;
  }

  private store(kind: ImportKind, principal: Principal, row: CheckedRow): Promise<{ id: string }> {
    const dto = row.dto as never;
    switch (kind.name) {
      case 'corridors':
        return this.corridors.create(principal, dto);
      case 'windows':
        return this.corridors.addWindow(principal, String(row.body.corridorId), dto);
      case 'evacuations':
        return this.reports.add('evacuation', principal, String(row.body.corridorId), dto);
    }
  }
}

/** A refusal a service answers bad input with, as a problem of the row; undefined for anything else. */
function refusal(error: unknown): { field?: string; message: string } | undefined {
  if (error instanceof AppError || error instanceof DomainError)
    return { field: error.field, message: error.message };
  if (error instanceof UniqueViolation) return { message: 'The row repeats a record already stored.' };
  if (error instanceof ForeignKeyViolation) return { message: 'The row names a record that does not exist.' };
  return undefined;
}
