import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { viewerOf, type Principal } from '#cw/accounts';
import { validationErrorsOf } from '#cw/common';
import { AppConfig } from '#cw/config';
import { readInstant } from '#cw/corridors';
import { DomainError, DomainErrorCode, parseInstant, type EmbargoViewer } from '#cw/domain';
import { hashRequest } from '#cw/idempotency';
import {
  ImportLookupRepository,
  ImportRowRepository,
  type NamedRecord,
  type NamedTable,
} from '#cw/persistence';
import { isFormula, unneutralised } from '../csv/csv-cell.js';
import { CellProblem, type CsvColumn, type CsvReading, type RowBody } from '../csv/csv-column.js';
import { readUpload, type UploadedRow } from './csv-upload.js';
import { columnOf, type FieldProblem, type ImportKind } from './import-kinds.js';
import type { ImportProblems } from './import-problems.js';

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

/** A row ready for its service: its request body (names resolved), the API's DTO, and the key of what it says. */
export interface CheckedRow {
  row: number;
  body: RowBody;
  dto: object;
  key: string;
}

/** An uploaded file, read: its header, how many rows, those to store, and those imported before. */
export interface ReadFile {
  headers: string[];
  rows: number;
  toStore: CheckedRow[];
  unchanged: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WHAT: Record<NamedTable, string> = { party: 'party', location: 'place', corridor: 'corridor' };

/**
 * Reads an import's file and checks every row with what needs no service: UTF-8, the header, formula cells,
 * numbers, names looked up (one query per kind of record), times, the API's request DTO, repeated rows, rows
 * imported before. A dry run so names all of a row's problems at once.
 */
@Injectable()
export class ImportRowReader {
  constructor(
    private readonly config: AppConfig,
    private readonly lookup: ImportLookupRepository,
    private readonly importRows: ImportRowRepository,
  ) {}

  async read(
    kind: ImportKind,
    principal: Principal,
    bytes: Buffer,
    problems: ImportProblems,
  ): Promise<ReadFile> {
    const reading = readUpload(bytes, this.config.IMPORT_MAX_ROWS);
    if ('problems' in reading) {
      problems.addAll(reading.problems);
      return { headers: [], rows: 0, toStore: [], unchanged: 0 };
    }
    const { headers, rows } = reading.table;
    const columns = this.columnsOf(kind, headers, problems);
    if (problems.count) return { headers, rows: rows.length, toStore: [], unchanged: 0 };
    const drafts = rows
      .map((row) => this.readRow(headers, columns, row, problems))
      .filter((draft): draft is RowDraft => draft !== undefined);
    await this.resolve(kind, principal, drafts, problems);
    await this.validateAll(kind, drafts, problems);
    const toStore = await this.newRows(kind, drafts, problems);
    const unchanged = drafts.filter((d) => !problems.has(d.row)).length - toStore.length;
    return { headers, rows: rows.length, toStore, unchanged };
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
        else if (reading.emptyAs !== undefined) setField(draft.body, reading.field, reading.emptyAs);
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
    const found = await this.lookUp(drafts, viewerOf(principal));
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

  private async lookUp(
    drafts: RowDraft[],
    viewer: EmbargoViewer,
  ): Promise<Record<NamedTable, Map<string, NamedRecord[]>>> {
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
      for (const record of await this.lookup.named(table, [...wanted[table].names], viewer))
        add(record.name.toLowerCase(), record);
      for (const record of await this.lookup.byIds(table, [...wanted[table].ids], viewer))
        add(record.id, record);
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
  private async newRows(
    kind: ImportKind,
    drafts: RowDraft[],
    problems: ImportProblems,
  ): Promise<CheckedRow[]> {
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
    return fresh
      .filter((draft) => !stored.has(draft.key as string))
      .map(({ row, body, dto, key }) => ({ row, body, dto: dto as object, key: key as string }));
  }
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
