import type { ClassConstructor } from 'class-transformer';
import type { Principal } from '#cw/accounts';
import { CorridorCreateDto, WindowCreateDto } from '#cw/corridors';
import { EvacuationCreateDto } from '#cw/reports';
import type { CsvColumn, RowBody } from '../csv/csv-column.js';
import { CLAIM_COLUMNS } from '../grains/claim-columns.js';
import { CORRIDOR_COLUMNS } from '../grains/corridor-columns.js';
import { WINDOW_COLUMNS } from '../grains/window-columns.js';
import type { ImportKindName } from './dto/import-result.dto.js';

/** A problem of a row found by a rule of its kind, against the request field it concerns. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Stores one checked row through the service the API uses for it; answers the new record's id. */
export type StoreRow = (principal: Principal, body: RowBody, dto: object) => Promise<{ id: string }>;

/** What can be imported: the grain whose columns the file has, the API's request DTO, and its own rules. */
export interface ImportKind {
  name: ImportKindName;
  columns: readonly CsvColumn<never>[];
  dto: ClassConstructor<object>;
  /** Fields a row names that are not the DTO's: where the record goes (the corridor), what the row is. */
  outside: readonly string[];
  /** Windows are added to corridors of the importer's own organisation only (as the API's object rule says). */
  isOwnCorridorOnly?: boolean;
  /** A local time with no `timezone` in its row is read in its corridor's zone (the service knows it). */
  hasCorridorZone?: boolean;
  /** Rules across the row's columns that the DTO cannot state; may tidy the body. */
  check?: (body: RowBody) => FieldProblem[];
}

/** A claims.csv row holds every kind of claim: the evacuation import takes evacuations, its range as stated. */
function checkEvacuation(body: RowBody): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (body.kind !== undefined && body.kind !== 'evacuation') {
    problems.push({
      field: 'kind',
      message: `This row is a ${String(body.kind)}: this import takes evacuation reports (export claims.csv?kind=evacuation).`,
    });
  }
  const count = body.count as { qualifier?: unknown; value?: unknown; max?: unknown } | undefined;
  if (count && count.qualifier !== 'range' && count.max !== undefined) {
    // An export writes the one figure of "at least 300" as both low and high.
    if (count.max !== count.value) {
      problems.push({
        field: 'count.max',
        message: `Only a range has a high figure other than its low one; this count is "${String(count.qualifier)}".`,
      });
    }
    delete count.max;
  }
  return problems;
}

export const IMPORT_KIND: Record<ImportKindName, ImportKind> = {
  corridors: { name: 'corridors', columns: CORRIDOR_COLUMNS, dto: CorridorCreateDto, outside: [] },
  windows: {
    name: 'windows',
    columns: WINDOW_COLUMNS,
    dto: WindowCreateDto,
    outside: ['corridorId'],
    isOwnCorridorOnly: true,
    hasCorridorZone: true,
  },
  evacuations: {
    name: 'evacuations',
    columns: CLAIM_COLUMNS,
    dto: EvacuationCreateDto,
    outside: ['corridorId', 'kind'],
    check: checkEvacuation,
  },
};

/** The column whose reading fills a request field (or a field inside it, or the object it is in). */
export function columnOf(kind: ImportKind, field: string | undefined): string | null {
  if (!field) return null;
  const readable = kind.columns.filter((c) => c.read);
  const column =
    readable.find((c) => c.read?.field === field) ??
    readable.find((c) => c.read?.field.startsWith(`${field}.`)) ??
    readable.find((c) => field.startsWith(`${c.read?.field}.`));
  return column?.header ?? null;
}
