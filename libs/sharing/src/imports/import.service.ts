import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Principal } from '#cw/accounts';
import { AuditService } from '#cw/audit';
import { Clock } from '#cw/clock';
import { AppError, AppErrorCode, newId, validationErrorsOf } from '#cw/common';
import { AppConfig } from '#cw/config';
import { CorridorService, readInstant } from '#cw/corridors';
import { DomainError, DomainErrorCode, parseInstant } from '#cw/domain';
import { hashRequest } from '#cw/idempotency';
import { EvaluationTrigger } from '#cw/jobs';
import {
  Database,
  ForeignKeyViolation,
  ImportLookupRepository,
  ImportRowRepository,
  UniqueViolation,
  type NamedRecord,
  type NamedTable,
} from '#cw/persistence';
import { ReportService } from '#cw/reports';
import { isFormula, unneutralised } from '../csv/csv-cell.js';
import { CellProblem, type CsvColumn, type CsvReading, type RowBody } from '../csv/csv-column.js';
import { csvHead, csvLines } from '../csv/csv-file.js';
import type { ImportKindName, ImportResultDto } from './dto/import-result.dto.js';
import { readUpload, type UploadedRow } from './csv-upload.js';
import { IMPORT_KIND, type FieldProblem, type ImportKind } from './import-kinds.js';
import { ImportProblems } from './import-problems.js';

/** A reference cell waiting for the lookup of the names (or ids) it holds. */
interface PendingReference {
  column: CsvColumn<never>;
  reading: CsvReading;
  cells: string[];
}

/** A data row as the import reads it: the request body it builds, and what it names. */
interface RowDraft {
  row: number;
  body: RowBody;
  references: PendingReference[];
  dto?: object;
  key?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WHAT: Record<NamedTable, string> = { party: 'party', location: 'place', corridor: 'corridor' };

/**
 * CSV imports of corridors, windows and evacuation reports. Every row goes through the request DTO and the
 * service the API uses for it, in one unit of work: a commit stores every row or none, a dry run checks them
 * all and stores nothing. Rows imported before (the same cells, in this file or another) are left as they are.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly db: Database,
    private readonly lookup: ImportLookupRepository,
    private readonly importRows: ImportRowRepository,
    private readonly corridors: CorridorService,
    private readonly reports: ReportService,
    private readonly audit: AuditService,
    private readonly evaluations: EvaluationTrigger,
  ) {}

  /** The header row, the HXL hashtag row and one example row of the columns an import reads. */
  template(kindName: ImportKindName): string {
    const columns = IMPORT_KIND[kindName].columns.filter((c) => c.read);
    const examples = columns.map((c) => ({ ...c, write: () => c.read?.example }));
    return csvHead(columns) + csvLines(examples, [undefined as never]);
  }

  async run(
    principal: Principal,
    kindName: ImportKindName,
    bytes: Buffer,
    dryRun: boolean,
  ): Promise<ImportResultDto> {
    const kind = IMPORT_KIND[kindName];
    const problems = new ImportProblems();
    const result = { kind: kindName, dryRun, rows: 0, valid: 0, stored: 0, unchanged: 0 };
    let headers: string[] = [];
    const answer = (): ImportResultDto => {
      const valid = problems.isFileWide ? 0 : result.rows - problems.rowCount;
      const outcome = { ...result, valid, errorCount: problems.count, errors: problems.sortedBy(headers) };
      if (dryRun || problems.count === 0) return outcome;
      throw new AppError(
        AppErrorCode.ImportRefused,
        `Nothing was stored: ${problems.count} problem${problems.count === 1 ? '' : 's'} (see errors); a dry run lists them without storing.`,
        undefined,
        outcome,
      );
    };

    const reading = readUpload(bytes, this.config.IMPORT_MAX_ROWS);
    if ('problems' in reading) {
      problems.addAll(reading.problems);
      return answer();
    }
    const { rows } = reading.table;
    headers = reading.table.headers;
    result.rows = rows.length;
    const columns = this.columnsOf(kind, headers, problems);
    if (problems.count) return answer();

    const drafts = rows
      .map((row) => this.readRow(headers, columns, row, problems))
      .filter((draft): draft is RowDraft => draft !== undefined);
    await this.resolve(kind, principal, drafts, problems);
    await this.validateAll(kind, drafts, problems);
    const toStore = await this.newRows(kind, drafts, problems);
    result.unchanged = drafts.filter((d) => !problems.has(d.row)).length - toStore.length;
    if (toStore.length === 0) return answer();

    const stored = await this.db.unitOfWork(
      async (tx) => {
        const ids: string[] = [];
        for (const draft of toStore) {
          try {
            ids.push((await this.store(kind, principal, draft)).id);
          } catch (error) {
            const refused = refusal(error);
            if (!refused) throw error;
            problems.add(draft.row, columnOf(kind, refused.field), refused.message);
          }
        }
        if (problems.count) return ids.length;
        const now = this.clock.now();
        for (const [index, draft] of toStore.entries()) {
          await this.importRows.insert(
            {
              kind: kind.name,
              rowKey: draft.key as string,
              recordId: ids[index],
              organisationId: principal.organisationId,
              createdById: principal.userId,
              createdAt: now,
            },
            tx,
          );
        }
        await this.audit.record(tx, {
          actor: principal,
          action: 'import.commit',
          entity: 'import',
          entityId: newId(),
          after: {
            kind: kind.name,
            rows: result.rows,
            stored: ids.length,
            unchanged: result.unchanged,
            fileSha256: createHash('sha256').update(bytes).digest('hex'),
          },
        });
        return ids.length;
      },
      { rollBack: () => dryRun || problems.count > 0 },
    );
    if (!dryRun && problems.count === 0) {
      result.stored = stored;
      this.evaluations.corridorChanged();
    }
    return answer();
  }

  /** The grain's column under each header; an unknown, repeated or missing column is a problem of row 1. */
  private columnsOf(
    kind: ImportKind,
    headers: string[],
    problems: ImportProblems,
  ): (CsvColumn<never> | undefined)[] {
    const byHeader = new Map(kind.columns.map((c) => [c.header.toLowerCase(), c]));
    const columns = headers.map((header) => byHeader.get(header.toLowerCase()));
    const known = kind.columns.map((c) => `"${c.header}"`).join(', ');
    headers.forEach((header, index) => {
      if (!columns[index]) {
        problems.add(
          1,
          header,
          header
            ? `Unknown column "${header}". A ${kind.name} file has the columns ${known}.`
            : `Column ${index + 1} has no header.`,
        );
      } else if (headers.findIndex((h) => h.toLowerCase() === header.toLowerCase()) !== index) {
        problems.add(1, header, `The column "${header}" appears twice.`);
      }
    });
    for (const column of kind.columns) {
      if (column.read?.required && !columns.includes(column))
        problems.add(1, column.header, `The column "${column.header}" is missing; it is required.`);
    }
    return columns;
  }

  /** A row's cells into its request body; names wait for the lookup. Undefined when the row cannot be read. */
  private readRow(
    headers: string[],
    columns: (CsvColumn<never> | undefined)[],
    { row, cells }: UploadedRow,
    problems: ImportProblems,
  ): RowDraft | undefined {
    if (cells.length !== headers.length) {
      problems.add(row, null, `The row has ${cells.length} cells; the header has ${headers.length}.`);
      return undefined;
    }
    const draft: RowDraft = { row, body: {}, references: [] };
    columns.forEach((column, index) => {
      const reading = column?.read;
      if (!column || !reading) return; // a column the export writes and the import does not read
      const raw = cells[index];
      if (isFormula(raw)) {
        problems.add(
          row,
          column.header,
          `The cell begins with "${raw[0] === '\t' ? 'a tab' : raw[0] === '\r' ? 'a carriage return' : raw[0]}", which spreadsheets run as a formula; write an apostrophe before it to keep it as text.`,
        );
        return;
      }
      const cell = unneutralised(raw).trim();
      if (cell === '') {
        if (reading.required) problems.add(row, column.header, `"${column.header}" is required.`);
        return;
      }
      if (reading.refers) {
        const names = reading.isList
          ? cell
              .split(';')
              .map((n) => n.trim())
              .filter(Boolean)
          : [cell];
        draft.references.push({ column, reading, cells: names });
        return;
      }
      try {
        setField(draft.body, reading.field, reading.parse ? reading.parse(cell) : cell);
      } catch (error) {
        if (!(error instanceof CellProblem)) throw error;
        problems.add(row, column.header, error.message);
      }
    });
    return draft;
  }

  /** Names and ids into the ids the request takes, with one query per kind of record named. */
  private async resolve(
    kind: ImportKind,
    principal: Principal,
    drafts: RowDraft[],
    problems: ImportProblems,
  ): Promise<void> {
    const found = await this.lookUp(drafts);
    for (const draft of drafts) {
      for (const reference of draft.references) {
        const table = reference.reading.refers;
        if (table === 'window') continue;
        const ids: string[] = [];
        for (const cell of reference.cells) {
          const records = found[table as NamedTable].get(
            UUID.test(cell) ? cell.toLowerCase() : cell.toLowerCase(),
          );
          const what = WHAT[table as NamedTable];
          if (!records?.length) {
            problems.add(
              draft.row,
              reference.column.header,
              UUID.test(cell) ? `No ${what} has the id ${cell}.` : `No ${what} is named "${cell}".`,
            );
          } else if (records.length > 1) {
            problems.add(
              draft.row,
              reference.column.header,
              `${records.length} ${what === 'party' ? 'parties' : `${what}s`} are named "${cell}": write the id of the one you mean.`,
            );
          } else if (
            table === 'corridor' &&
            kind.isOwnCorridorOnly &&
            principal.role !== 'admin' &&
            records[0].organisationId !== principal.organisationId
          ) {
            problems.add(
              draft.row,
              reference.column.header,
              `The corridor "${records[0].name}" belongs to another organisation: only its own organisation adds windows to it.`,
            );
          } else {
            ids.push(records[0].id);
          }
        }
        if (ids.length === reference.cells.length)
          setField(draft.body, reference.reading.field, reference.reading.isList ? ids : ids[0]);
      }
    }
    await this.resolveWindows(drafts, problems);
  }

  private async lookUp(drafts: RowDraft[]): Promise<Record<NamedTable, Map<string, NamedRecord[]>>> {
    const wanted: Record<NamedTable, { names: Set<string>; ids: Set<string> }> = {
      party: { names: new Set(), ids: new Set() },
      location: { names: new Set(), ids: new Set() },
      corridor: { names: new Set(), ids: new Set() },
    };
    for (const draft of drafts) {
      for (const { reading, cells } of draft.references) {
        if (reading.refers === 'window' || !reading.refers) continue;
        for (const cell of cells) wanted[reading.refers][UUID.test(cell) ? 'ids' : 'names'].add(cell);
      }
    }
    const found = {} as Record<NamedTable, Map<string, NamedRecord[]>>;
    for (const table of Object.keys(wanted) as NamedTable[]) {
      const map = new Map<string, NamedRecord[]>();
      const add = (key: string, record: NamedRecord) => map.set(key, [...(map.get(key) ?? []), record]);
      for (const record of await this.lookup.named(table, [...wanted[table].names]))
        add(record.name.toLowerCase(), record);
      for (const record of await this.lookup.byIds(table, [...wanted[table].ids])) add(record.id, record);
      found[table] = map;
    }
    return found;
  }

  /** A window is named by its start: the window of the row's corridor that starts at that instant. */
  private async resolveWindows(drafts: RowDraft[], problems: ImportProblems): Promise<void> {
    const named = drafts.flatMap((draft) =>
      draft.references
        .filter((r) => r.reading.refers === 'window' && typeof draft.body.corridorId === 'string')
        .map((reference) => ({ draft, reference })),
    );
    if (named.length === 0) return;
    const corridorIds = [...new Set(named.map(({ draft }) => String(draft.body.corridorId)))];
    const windows = await this.lookup.windowsOf(corridorIds);
    for (const { draft, reference } of named) {
      const [cell] = reference.cells;
      let startsAt: Date;
      try {
        const zone = typeof draft.body.timezone === 'string' ? draft.body.timezone : undefined;
        startsAt = readInstant(cell, reference.column.header, zone);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        problems.add(draft.row, reference.column.header, error.message);
        continue;
      }
      const ofCorridor = windows.filter((w) => w.corridorId === draft.body.corridorId);
      const window = ofCorridor.find((w) => w.startsAt.getTime() === startsAt.getTime());
      if (window) setField(draft.body, reference.reading.field, window.id);
      else {
        const starts = ofCorridor.map((w) => w.startsAt.toISOString()).join(', ') || 'none';
        problems.add(
          draft.row,
          reference.column.header,
          `No window of this corridor starts at ${startsAt.toISOString()} (its windows start at: ${starts}).`,
        );
      }
    }
  }

  /**
   * The kind's own rules, then the API's request DTO, each problem against the column of its field; on every row
   * read, so a dry run names all of a row's problems (but not twice a cell already named).
   */
  private async validateAll(kind: ImportKind, drafts: RowDraft[], problems: ImportProblems): Promise<void> {
    for (const draft of drafts) {
      const own: FieldProblem[] = [...(kind.check?.(draft.body) ?? []), ...instantProblems(kind, draft.body)];
      const dtoBody = Object.fromEntries(
        Object.entries(draft.body).filter(([f]) => !kind.outside.includes(f)),
      );
      const dto = plainToInstance(kind.dto, dtoBody);
      const invalid = validationErrorsOf(
        await validate(dto, { whitelist: true, forbidNonWhitelisted: true }),
      );
      for (const { field, message } of [...own, ...invalid]) {
        const column = columnOf(kind, field);
        if (!problems.hasAt(draft.row, column)) problems.add(draft.row, column, message);
      }
      draft.dto = dto;
    }
  }

  /**
   * Rows to store: a row repeating an earlier one of the file is a problem; one imported before (its key is
   * stored) is unchanged.
   */
  private async newRows(kind: ImportKind, drafts: RowDraft[], problems: ImportProblems): Promise<RowDraft[]> {
    const firstRowOf = new Map<string, number>();
    const fresh: RowDraft[] = [];
    for (const draft of drafts) {
      if (problems.has(draft.row)) continue;
      draft.key = rowKey(kind, draft.body);
      const first = firstRowOf.get(draft.key);
      if (first !== undefined) {
        problems.add(draft.row, null, `The row repeats row ${first}.`);
        continue;
      }
      firstRowOf.set(draft.key, draft.row);
      fresh.push(draft);
    }
    const stored = await this.importRows.storedKeys(
      kind.name,
      fresh.map((d) => d.key as string),
    );
    return fresh.filter((draft) => !stored.has(draft.key as string));
  }

  private store(kind: ImportKind, principal: Principal, draft: RowDraft): Promise<{ id: string }> {
    const dto = draft.dto as never;
    switch (kind.name) {
      case 'corridors':
        return this.corridors.create(principal, dto);
      case 'windows':
        return this.corridors.addWindow(principal, String(draft.body.corridorId), dto);
      case 'evacuations':
        return this.reports.addEvacuation(principal, String(draft.body.corridorId), dto);
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

/**
 * Times that cannot be read, found with the row's other problems (the service reads them again, with the rules
 * that need what is stored: not in the future, a window's end after its start).
 */
function instantProblems(kind: ImportKind, body: RowBody): FieldProblem[] {
  const zone = typeof body.timezone === 'string' ? body.timezone : undefined;
  return kind.columns.flatMap(({ read }) => {
    const value = read?.isInstant ? body[read.field] : undefined;
    if (typeof value !== 'string') return [];
    try {
      parseInstant(value, read?.field ?? '', zone);
      return [];
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const isCorridorZone =
        kind.hasCorridorZone && !zone && error.code === DomainErrorCode.TimeWithoutOffset;
      return isCorridorZone ? [] : [{ field: error.field ?? read?.field ?? '', message: error.message }];
    }
  });
}

/** The column whose reading fills a request field (or a field inside it, or the object it is in). */
function columnOf(kind: ImportKind, field: string | undefined): string | null {
  if (!field) return null;
  const readable = kind.columns.filter((c) => c.read);
  const column =
    readable.find((c) => c.read?.field === field) ??
    readable.find((c) => c.read?.field.startsWith(`${field}.`)) ??
    readable.find((c) => field.startsWith(`${c.read?.field}.`));
  return column?.header ?? null;
}

function setField(body: RowBody, field: string, value: unknown): void {
  const path = field.split('.');
  let target = body;
  for (const part of path.slice(0, -1)) target = (target[part] ??= {}) as RowBody;
  target[path[path.length - 1]] = value;
}

/** What a row says, whatever its file or position: its kind and its body (the hash of a request's body). */
function rowKey(kind: ImportKind, body: RowBody): string {
  return hashRequest('IMPORT', kind.name, body);
}
