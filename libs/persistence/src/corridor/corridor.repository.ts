import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  EVACUATION_MEASURES,
  FLAG_SEVERITIES,
  oneOf,
  PUBLIC_VIEWER,
  type EmbargoViewer,
  type FlagSeverity,
  type Headline,
} from '#cw/domain';
import { Database, SqlRunner } from '../database/database.js';
import { SqlParams } from '../database/named-parameters.js';
import { Table } from '../database/table.js';
import { embargoVisibleSql, holdIfEmbargoed } from '../embargo/embargo-visibility.js';
import { likeContaining } from '../shared/like.js';
import { decodeCursor, Page, toPage } from '../shared/page.js';
import { CorridorWindowEntity } from './corridor-window.entity.js';
import { CorridorEntity } from './corridor.entity.js';

/** Which corridors: the filters of `GET /corridors`, shared by its list, the exports and the feeds. */
export interface CorridorFilter {
  /** Who reads: corridors under embargo are another organisation's only (libs/domain `isVisibleTo`). */
  viewer: EmbargoViewer;
  /** One corridor (an export or a feed of the corridor page). */
  corridorId?: string;
  status?: string;
  partyId?: string;
  locationId?: string;
  from?: Date;
  to?: Date;
  q?: string;
  /** pending, kept, unconfirmed, broken or cancelled: what CORRIDOR_PROMISE_SQL says of it now. */
  promise?: string;
}

export interface CorridorListFilter extends CorridorFilter {
  limit: number;
  cursor?: string;
}

/** What the list shows of a corridor (not its source, note, route or who entered it), with status and names. */
export interface CorridorListRow extends Pick<
  CorridorEntity,
  | 'id'
  | 'name'
  | 'originId'
  | 'destinationId'
  | 'announcedById'
  | 'announcedAt'
  | 'timezone'
  | 'cancelledAt'
  | 'firstStartsAt'
  | 'lastEndsAt'
  | 'evacuationReportCount'
  | 'evacuationLow'
  | 'evacuationHigh'
  | 'headlineMeasure'
  | 'version'
  | 'embargoedUntil'
  | 'embargoUntilWindowsEnd'
  | 'embargoLiftedAt'
> {
  status: string;
  promise: string;
  operationId: string | null;
  originName: string;
  destinationName: string | null;
  announcedByName: string;
  /** The origin's zone, else the corridor's: the zone its times are shown in. */
  placeTimezone: string;
  /** Flags neither resolved nor acknowledged, by severity: what awaits a coordinator. */
  openFlags: Record<FlagSeverity, number>;
}

/** The evacuation figures kept on the corridor row: how many claims, and the headline (null: none). */
export interface CorridorEvacuationFigures {
  reportCount: number;
  headline: Headline | null;
}
// An instant column as read: epoch milliseconds (a string on PostgreSQL's bigint), or null.
const instantOf = (value: unknown): Date => new Date(Number(value));
const optionalInstantOf = (value: unknown): Date | null => (value == null ? null : new Date(Number(value)));

/** Kept on the corridor row, in the transaction that changes their inputs, so the list needs no joins. */
export interface CorridorConfirmationState {
  confirmationState: 'confirmed' | 'disputed' | 'pending';
  firstStartsAt: Date | null;
  lastEndsAt: Date | null;
  /** What the stances make of the promise, were people reported moved (libs/domain stancePromise). */
  stancePromise: 'kept' | 'unconfirmed' | 'broken';
}

export type CorridorEditableFields = Partial<
  Pick<
    CorridorEntity,
    | 'name'
    | 'originId'
    | 'destinationId'
    | 'announcedById'
    | 'announcedAt'
    | 'timezone'
    | 'sourceUrl'
    | 'sourceNote'
    | 'route'
  >
>;

// The status rule of libs/domain (deriveCorridorStatus) in SQL, so the list can filter on it;
// corridor-status-sql.spec pins the two together.
export const CORRIDOR_STATUS_SQL = `CASE
  WHEN c.cancelled_at IS NOT NULL THEN 'cancelled'
  WHEN c.confirmation_state = 'disputed' AND (c.last_ends_at IS NULL OR c.last_ends_at > :now) THEN 'disputed'
  WHEN EXISTS (SELECT 1 FROM corridor_window w WHERE w.corridor_id = c.id AND w.starts_at <= :now AND w.ends_at > :now) THEN 'open'
  WHEN c.last_ends_at IS NOT NULL AND c.last_ends_at <= :now THEN
    CASE WHEN c.evacuation_report_count > 0 THEN 'completed' ELSE 'failed' END
  WHEN c.confirmation_state = 'confirmed' THEN 'confirmed'
  ELSE 'announced'
END`;

/**
 * The promise now (libs/domain derivePromise): cancelled, pending until every window is over, then the settled
 * promise kept on the row. corridor-promise-sql.spec pins it to the domain.
 */
export const CORRIDOR_PROMISE_SQL = `CASE
  WHEN c.cancelled_at IS NOT NULL THEN 'cancelled'
  WHEN c.last_ends_at IS NOT NULL AND c.last_ends_at <= :now THEN c.settled_promise
  ELSE 'pending'
END`;

const PROMISE_FILTER: Record<string, string> = {
  cancelled: 'c.cancelled_at IS NOT NULL',
  pending: 'c.cancelled_at IS NULL AND (c.last_ends_at IS NULL OR c.last_ends_at > :now)',
  kept: "c.cancelled_at IS NULL AND c.last_ends_at <= :now AND c.settled_promise = 'kept'",
  unconfirmed: "c.cancelled_at IS NULL AND c.last_ends_at <= :now AND c.settled_promise = 'unconfirmed'",
  broken: "c.cancelled_at IS NULL AND c.last_ends_at <= :now AND c.settled_promise = 'broken'",
};

// Figures every organisation shares count no claim under embargo: the promise neither (it counts from the lift).
const SHARED_CLAIM = embargoVisibleSql('e', PUBLIC_VIEWER, {});

// A claim says someone moved when a figure it states is above zero (libs/domain statesSomeoneMoved).
const STATES_SOMEONE_MOVED = `(CASE e.qualifier WHEN 'range' THEN e.max WHEN 'more_than' THEN e.value + 1
  WHEN 'fewer_than' THEN e.value - 1 ELSE e.value END) > 0`;

/** One claim just added to corridor :corridorId: whether it says someone moved, the window it names, its time. */
export interface AddedClaim {
  isMoving: boolean;
  windowId: string | null;
  reportedAt: Date;
}

/**
 * The settled promise after one claim is added, from the one kept before (report entry's hot path: no scan of
 * the corridor's reports). Kept unless it was broken for want of anyone moving and this claim, attributed to a
 * window as settledPromiseSql attributes it, says someone moved.
 */
const SETTLED_PROMISE_AFTER_CLAIM_SQL = `CASE
  WHEN COALESCE(stance_promise, 'broken') = 'broken' THEN 'broken'
  WHEN settled_promise <> 'broken' THEN settled_promise
  WHEN :isMoving = 1 AND (:isNamed = 1 OR EXISTS (SELECT 1 FROM corridor_window w WHERE w.corridor_id = :corridorId
    AND w.starts_at <= :reportedAt AND :reportedAt < w.ends_at + :graceMs)) THEN stance_promise
  ELSE 'broken'
END`;

/**
 * The settled promise of corridor :corridorId (libs/domain settledPromise), from what its stances make of it
 * (`stance`, an SQL expression) and whether a claim attributed to its windows says someone moved: a claim
 * naming a window, or one whose time falls in a window or the :graceMs after it (the flag rules' attribution).
 * Bounded by the corridor's reports and windows, read through their corridor indexes.
 */
function settledPromiseSql(stance: string): string {
  return `CASE WHEN ${stance} = 'broken' OR NOT EXISTS (
    SELECT 1 FROM evacuation_report e WHERE e.corridor_id = :corridorId AND ${STATES_SOMEONE_MOVED}
      AND ${SHARED_CLAIM} AND (e.window_id IS NOT NULL OR EXISTS (SELECT 1 FROM corridor_window w WHERE w.corridor_id = :corridorId
        AND w.starts_at <= e.reported_at AND e.reported_at < w.ends_at + :graceMs))
  ) THEN 'broken' ELSE COALESCE(${stance}, 'broken') END`;
}

const OPEN_WINDOW_NOW = `EXISTS (SELECT 1 FROM corridor_window w WHERE w.corridor_id = c.id AND w.starts_at <= :now AND w.ends_at > :now)`;
const WINDOWS_NOT_OVER = '(c.last_ends_at IS NULL OR c.last_ends_at > :now)';

// The same rule as CORRIDOR_STATUS_SQL, one predicate per status, so a filtered list reads only the columns it needs
// (completed and failed never look at windows). corridor-status-sql.spec checks the list against the domain.
const STATUS_FILTER: Record<string, string> = {
  cancelled: 'c.cancelled_at IS NOT NULL',
  disputed: `c.cancelled_at IS NULL AND c.confirmation_state = 'disputed' AND ${WINDOWS_NOT_OVER}`,
  open: `c.cancelled_at IS NULL AND NOT (c.confirmation_state = 'disputed' AND ${WINDOWS_NOT_OVER}) AND ${OPEN_WINDOW_NOW}`,
  completed: 'c.cancelled_at IS NULL AND c.last_ends_at <= :now AND c.evacuation_report_count > 0',
  failed: 'c.cancelled_at IS NULL AND c.last_ends_at <= :now AND c.evacuation_report_count = 0',
  confirmed: `c.cancelled_at IS NULL AND c.confirmation_state = 'confirmed' AND ${WINDOWS_NOT_OVER} AND NOT ${OPEN_WINDOW_NOW}`,
  announced: `c.cancelled_at IS NULL AND c.confirmation_state = 'pending' AND ${WINDOWS_NOT_OVER} AND NOT ${OPEN_WINDOW_NOW}`,
};

/**
 * How a corridor passes a place (`locationId`): as its origin, its destination or one of its stops. The places its
 * claims were counted at join this list with the claims' `counted_at_id` (issue 13, point 1).
 */
function placeOfCorridorSql(viewer: EmbargoViewer, params: SqlParams): string {
  return [
    'c.origin_id = :locationId',
    'c.destination_id = :locationId',
    'EXISTS (SELECT 1 FROM corridor_stop s WHERE s.corridor_id = c.id AND s.location_id = :locationId)',
    // A place people of the corridor were counted at, by a claim this viewer may see.
    `EXISTS (SELECT 1 FROM evacuation_report er WHERE er.corridor_id = c.id AND er.counted_at_id = :locationId
      AND ${embargoVisibleSql('er', viewer, params)})`,
  ].join(' OR ');
}

/**
 * The conditions of a corridor filter on the corridor aliased `c`, their parameters added to `params`
 * (a status filter reads `:now`, which the caller binds).
 */
export function corridorFilterSql(filter: CorridorFilter, params: SqlParams): string[] {
  const where: string[] = [];
  if (!filter.viewer.seesEverything) where.push(embargoVisibleSql('c', filter.viewer, params));
  if (filter.corridorId) {
    where.push('c.id = :corridorId');
    params.corridorId = filter.corridorId;
  }
  if (filter.partyId) {
    where.push(`(c.announced_by_id = :partyId OR EXISTS (
      SELECT 1 FROM corridor_required_party rp WHERE rp.corridor_id = c.id AND rp.party_id = :partyId))`);
    params.partyId = filter.partyId;
  }
  if (filter.locationId) {
    where.push(`(${placeOfCorridorSql(filter.viewer, params)})`);
    params.locationId = filter.locationId;
  }
  if (filter.from || filter.to) {
    where.push(`EXISTS (SELECT 1 FROM corridor_window fw WHERE fw.corridor_id = c.id
      ${filter.from ? 'AND fw.ends_at > :from' : ''} ${filter.to ? 'AND fw.starts_at < :to' : ''})`);
    Object.assign(params, filter.from ? { from: filter.from } : {}, filter.to ? { to: filter.to } : {});
  }
  if (filter.q) {
    where.push("LOWER(c.name) LIKE :q ESCAPE '\\'");
    params.q = likeContaining(filter.q.toLowerCase());
  }
  if (filter.status) {
    const predicate = STATUS_FILTER[filter.status];
    if (!predicate) throw new Error(`unknown corridor status ${filter.status}`);
    where.push(`(${predicate})`);
  }
  if (filter.promise) {
    const predicate = PROMISE_FILTER[filter.promise];
    if (!predicate) throw new Error(`unknown corridor promise ${filter.promise}`);
    where.push(`(${predicate})`);
  }
  return where;
}

@Injectable()
export class CorridorRepository {
  private readonly corridors: Table<CorridorEntity>;
  private readonly windows: Table<CorridorWindowEntity>;

  constructor(
    private readonly db: Database,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.corridors = new Table(dataSource, CorridorEntity);
    this.windows = new Table(dataSource, CorridorWindowEntity);
  }

  async insert(corridor: CorridorEntity, requiredPartyIds: readonly string[], tx: SqlRunner): Promise<void> {
    await tx.run(this.corridors.insertSql, this.corridors.toParams(corridor));
    await holdIfEmbargoed('corridor', { ...corridor, corridorId: corridor.id }, tx);
    await this.replaceRequiredParties(corridor.id, requiredPartyIds, tx);
  }

  async replaceRequiredParties(
    corridorId: string,
    partyIds: readonly string[],
    tx: SqlRunner,
  ): Promise<void> {
    await tx.run('DELETE FROM corridor_required_party WHERE corridor_id = :corridorId', { corridorId });
    for (const partyId of new Set(partyIds)) {
      await tx.run(
        'INSERT INTO corridor_required_party (corridor_id, party_id) VALUES (:corridorId, :partyId)',
        {
          corridorId,
          partyId,
        },
      );
    }
  }

  /** The stops on the way, in the order given. */
  async replaceStops(corridorId: string, locationIds: readonly string[], tx: SqlRunner): Promise<void> {
    await tx.run('DELETE FROM corridor_stop WHERE corridor_id = :corridorId', { corridorId });
    for (const [position, locationId] of locationIds.entries()) {
      await tx.run(
        'INSERT INTO corridor_stop (corridor_id, position, location_id) VALUES (:corridorId, :position, :locationId)',
        { corridorId, position, locationId },
      );
    }
  }

  async findStopIds(corridorId: string, tx: SqlRunner = this.db): Promise<string[]> {
    const rows = await tx.all<{ location_id: string }>(
      'SELECT location_id FROM corridor_stop WHERE corridor_id = :corridorId ORDER BY position',
      { corridorId },
    );
    return rows.map((row) => row.location_id);
  }

  /** The operation the corridor is a stage of, if any. */
  async findOperationId(corridorId: string, tx: SqlRunner = this.db): Promise<string | null> {
    const row = await tx.get<{ operation_id: string }>(
      'SELECT operation_id FROM operation_corridor WHERE corridor_id = :corridorId',
      { corridorId },
    );
    return row?.operation_id ?? null;
  }

  async insertWindows(windows: readonly CorridorWindowEntity[], tx: SqlRunner): Promise<void> {
    for (const window of windows) await tx.run(this.windows.insertSql, this.windows.toParams(window));
  }

  async findById(id: string, tx: SqlRunner = this.db): Promise<CorridorEntity | undefined> {
    const row = await tx.get(`SELECT ${this.corridors.selectList} FROM corridor WHERE id = :id`, { id });
    return row && this.corridors.hydrate(row);
  }

  /** The organisation that recorded the corridor, for the object-level access rule. */
  async organisationOf(id: string): Promise<string | undefined> {
    const row = await this.db.get<{ organisation_id: string }>(
      'SELECT organisation_id FROM corridor WHERE id = :id',
      { id },
    );
    return row?.organisation_id;
  }

  async exists(id: string, tx: SqlRunner = this.db): Promise<boolean> {
    return (await tx.get('SELECT 1 AS found FROM corridor WHERE id = :id', { id })) !== undefined;
  }

  async findWindows(corridorId: string, tx: SqlRunner = this.db): Promise<CorridorWindowEntity[]> {
    const rows = await tx.all(
      `SELECT ${this.windows.selectList} FROM corridor_window WHERE corridor_id = :corridorId ORDER BY starts_at, id`,
      { corridorId },
    );
    return rows.map((row) => this.windows.hydrate(row));
  }

  /** The windows of these corridors (an operation's stages), in start order. */
  async findWindowsOf(
    corridorIds: readonly string[],
    tx: SqlRunner = this.db,
  ): Promise<CorridorWindowEntity[]> {
    if (corridorIds.length === 0) return [];
    const rows = await tx.all(
      `SELECT ${this.windows.selectList} FROM corridor_window WHERE corridor_id IN (:...corridorIds)
       ORDER BY starts_at, id`,
      { corridorIds: [...corridorIds] },
    );
    return rows.map((row) => this.windows.hydrate(row));
  }

  async findWindow(
    corridorId: string,
    windowId: string,
    tx: SqlRunner = this.db,
  ): Promise<CorridorWindowEntity | undefined> {
    const row = await tx.get(
      `SELECT ${this.windows.selectList} FROM corridor_window WHERE id = :windowId AND corridor_id = :corridorId`,
      { corridorId, windowId },
    );
    return row && this.windows.hydrate(row);
  }

  async findRequiredPartyIds(corridorId: string, tx: SqlRunner = this.db): Promise<string[]> {
    const rows = await tx.all<{ party_id: string }>(
      'SELECT party_id FROM corridor_required_party WHERE corridor_id = :corridorId ORDER BY party_id',
      { corridorId },
    );
    return rows.map((row) => row.party_id);
  }

  /**
   * What the corridor derives from its windows and stances, with its settled promise: `graceMs` is how long after
   * a window a report naming none still counts for it. Windows are stored before this runs.
   */
  async saveConfirmationState(
    corridorId: string,
    state: CorridorConfirmationState,
    graceMs: number,
    tx: SqlRunner,
  ): Promise<void> {
    await tx.run(
      `UPDATE corridor SET confirmation_state = :confirmationState, first_starts_at = :firstStartsAt, last_ends_at = :lastEndsAt,
         stance_promise = :stancePromise, settled_promise = ${settledPromiseSql('CAST(:stancePromise AS varchar(16))')}
       WHERE id = :corridorId`,
      { corridorId, ...state, graceMs: Math.round(graceMs) },
    );
  }

  /**
   * The evacuation figures kept on the corridor row, its row locked until the transaction ends (PostgreSQL; on
   * SQLite a write transaction holds the database): figures are read, changed and written back, and two reports
   * at once must not both start from the same figures.
   */
  async lockEvacuationFigures(
    corridorId: string,
    tx: SqlRunner,
  ): Promise<CorridorEvacuationFigures | undefined> {
    const row = await tx.get<Record<string, unknown>>(
      `SELECT evacuation_report_count, headline_measure, evacuation_low, evacuation_high FROM corridor
       WHERE id = :corridorId${tx.dialect === 'postgres' ? ' FOR NO KEY UPDATE' : ''}`,
      { corridorId },
    );
    if (!row) return undefined;
    const measure =
      row.headline_measure == null ? null : oneOf(EVACUATION_MEASURES, row.headline_measure, 'measure');
    return {
      reportCount: Number(row.evacuation_report_count),
      headline:
        measure === null
          ? null
          : { measure, low: Number(row.evacuation_low), high: Number(row.evacuation_high) },
    };
  }

  /**
   * Writes the evacuation figures kept on the corridor row (the count of claims and the headline's range) with its
   * settled promise, in one statement: from every claim, or, when one claim was `added`, from the promise kept
   * before and that claim. `graceMs`: how long after a window a report naming none still counts for it.
   */
  async saveEvacuationFigures(
    corridorId: string,
    figures: CorridorEvacuationFigures,
    graceMs: number,
    tx: SqlRunner,
    added?: AddedClaim,
  ): Promise<void> {
    const settled = added ? SETTLED_PROMISE_AFTER_CLAIM_SQL : settledPromiseSql('stance_promise');
    await tx.run(
      `UPDATE corridor SET evacuation_report_count = :reportCount, headline_measure = :measure,
         evacuation_low = :low, evacuation_high = :high, settled_promise = ${settled}
       WHERE id = :corridorId`,
      {
        corridorId,
        reportCount: figures.reportCount,
        measure: figures.headline?.measure ?? null,
        low: figures.headline?.low ?? null,
        high: figures.headline?.high ?? null,
        graceMs: Math.round(graceMs),
        ...(added && {
          isMoving: added.isMoving,
          isNamed: added.windowId !== null,
          reportedAt: added.reportedAt,
        }),
      },
    );
  }

  /** Corridors whose promise was never computed (recorded before it was kept), a batch at a time. */
  async findWithoutPromise(limit: number, tx: SqlRunner = this.db): Promise<string[]> {
    const rows = await tx.all<{ id: string }>(
      'SELECT id FROM corridor WHERE stance_promise IS NULL ORDER BY id LIMIT :limit',
      { limit },
    );
    return rows.map((row) => row.id);
  }

  /**
   * A window's end, announced (or corrected): optimistic concurrency on the window's version; false when stale.
   * The flag rules look at it again from `nextEvaluationAt`.
   */
  async updateWindowEnd(
    windowId: string,
    expectedVersion: number,
    endsAt: Date,
    nextEvaluationAt: Date,
    tx: SqlRunner,
  ): Promise<boolean> {
    const changed = await tx.run(
      `UPDATE corridor_window SET ends_at = :endsAt, is_open_ended = :isOpenEnded, version = version + 1,
         next_evaluation_at = :nextEvaluationAt
       WHERE id = :windowId AND version = :expectedVersion`,
      { windowId, expectedVersion, endsAt, isOpenEnded: false, nextEvaluationAt },
    );
    return changed > 0;
  }

  /** Optimistic concurrency: returns false when `version` is no longer the stored one. */
  async updateFields(
    corridorId: string,
    expectedVersion: number,
    fields: CorridorEditableFields,
    updatedAt: Date,
    tx: SqlRunner,
  ): Promise<boolean> {
    const { assignments, params } = this.corridors.assignmentsOf(fields);
    const changed = await tx.run(
      `UPDATE corridor SET ${[...assignments, 'version = version + 1', 'updated_at = :updatedAt'].join(', ')}
       WHERE id = :corridorId AND version = :expectedVersion`,
      { ...params, updatedAt, corridorId, expectedVersion },
    );
    return changed > 0;
  }

  async cancel(
    corridorId: string,
    reason: string,
    byUserId: string,
    at: Date,
    tx: SqlRunner,
  ): Promise<boolean> {
    const changed = await tx.run(
      `UPDATE corridor SET cancelled_at = :at, cancel_reason = :reason, cancelled_by_id = :byUserId, version = version + 1,
         updated_at = :at
       WHERE id = :corridorId AND cancelled_at IS NULL`,
      { corridorId, reason, byUserId, at },
    );
    return changed > 0;
  }

  /**
   * How many windows the corridor holds, before one is added. On PostgreSQL the corridor's row stays locked to the
   * end of the transaction, so two additions beside each other count one after the other.
   */
  async countWindowsForAdding(corridorId: string, tx: SqlRunner): Promise<number> {
    if (tx.dialect === 'postgres') {
      await tx.get('SELECT id FROM corridor WHERE id = :corridorId FOR UPDATE', { corridorId });
    }
    const row = await tx.get<{ n: number | string }>(
      'SELECT COUNT(*) AS n FROM corridor_window WHERE corridor_id = :corridorId',
      { corridorId },
    );
    return Number(row?.n ?? 0);
  }

  async touch(corridorId: string, at: Date, tx: SqlRunner): Promise<void> {
    await tx.run('UPDATE corridor SET version = version + 1, updated_at = :at WHERE id = :corridorId', {
      corridorId,
      at,
    });
  }

  async statusOf(corridorId: string, now: Date, tx: SqlRunner = this.db): Promise<string | undefined> {
    const row = await tx.get<{ status: string }>(
      `SELECT ${CORRIDOR_STATUS_SQL} AS status FROM corridor c WHERE c.id = :corridorId`,
      {
        corridorId,
        now,
      },
    );
    return row?.status;
  }

  /** The corridor list: one query, newest announcement first, with status and figures. */
  async list(filter: CorridorListFilter, now: Date): Promise<Page<CorridorListRow>> {
    const where: string[] = [];
    const params: SqlParams = { now, limit: filter.limit + 1 };
    if (filter.cursor) {
      const [announcedAt, id] = decodeCursor(filter.cursor, 2);
      where.push('(c.announced_at < :cursorAt OR (c.announced_at = :cursorAt AND c.id < :cursorId))');
      Object.assign(params, { cursorAt: Number(announcedAt), cursorId: String(id) });
    }
    where.push(...corridorFilterSql(filter, params));
    // Only the columns the list shows, mapped field by field: selecting every column and hydrating them through the
    // entity's column table cost ~1/5 more CPU per list request (medians of three alternating runs, 1,226 against 1,000 µs, 2026-12-06).
    // The page first, then the open flags of its rows alone, counted through the partial index ix_flag_awaiting
    // (never one query per row); the outer ORDER BY keeps the page's order, read again without sorting on both.
    const awaiting = (severity: FlagSeverity) =>
      `(SELECT COUNT(*) FROM flag f WHERE f.corridor_id = t.id AND f.severity = '${severity}'
          AND f.resolved_at IS NULL AND f.acknowledged_at IS NULL) AS open_${severity}`;
    const rows = await this.db.all<Record<string, unknown>>(
      `SELECT t.*, ${FLAG_SEVERITIES.map(awaiting).join(', ')}
       FROM (
         SELECT c.id, c.name, c.origin_id, c.destination_id, c.announced_by_id, c.announced_at, c.timezone,
                c.cancelled_at, c.first_starts_at, c.last_ends_at, c.evacuation_report_count, c.evacuation_low,
                c.evacuation_high, c.headline_measure, c.version, c.embargoed_until, c.embargo_until_windows_end, c.embargo_lifted_at,
                ${CORRIDOR_STATUS_SQL} AS status, ${CORRIDOR_PROMISE_SQL} AS promise,
                o.name AS origin_name, d.name AS destination_name, p.name AS announced_by_name,
                COALESCE(o.timezone, c.timezone) AS place_timezone,
                oc.operation_id AS operation_id
         FROM corridor c
         JOIN location o ON o.id = c.origin_id
         LEFT JOIN location d ON d.id = c.destination_id
         JOIN party p ON p.id = c.announced_by_id
         LEFT JOIN operation_corridor oc ON oc.corridor_id = c.id
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY c.announced_at DESC, c.id DESC
         LIMIT :limit
       ) t
       ORDER BY t.announced_at DESC, t.id DESC`,
      params,
    );
    const items = rows.map((row): CorridorListRow => ({
      id: row.id as string,
      name: row.name as string,
      originId: row.origin_id as string,
      destinationId: (row.destination_id as string | null) ?? null,
      announcedById: row.announced_by_id as string,
      announcedAt: instantOf(row.announced_at),
      timezone: row.timezone as string,
      cancelledAt: optionalInstantOf(row.cancelled_at),
      firstStartsAt: optionalInstantOf(row.first_starts_at),
      lastEndsAt: optionalInstantOf(row.last_ends_at),
      evacuationReportCount: Number(row.evacuation_report_count),
      evacuationLow: row.evacuation_low == null ? null : Number(row.evacuation_low),
      evacuationHigh: row.evacuation_high == null ? null : Number(row.evacuation_high),
      headlineMeasure:
        row.headline_measure == null ? null : oneOf(EVACUATION_MEASURES, row.headline_measure, 'measure'),
      version: Number(row.version),
      embargoedUntil: optionalInstantOf(row.embargoed_until),
      // A boolean column: 0/1 on SQLite, true/false on PostgreSQL.
      embargoUntilWindowsEnd:
        row.embargo_until_windows_end === true || Number(row.embargo_until_windows_end) === 1,
      embargoLiftedAt: optionalInstantOf(row.embargo_lifted_at),
      status: row.status as string,
      promise: row.promise as string,
      operationId: (row.operation_id as string | null) ?? null,
      originName: row.origin_name as string,
      destinationName: (row.destination_name as string | null) ?? null,
      announcedByName: row.announced_by_name as string,
      placeTimezone: row.place_timezone as string,
      openFlags: {
        critical: Number(row.open_critical),
        warning: Number(row.open_warning),
        info: Number(row.open_info),
      },
    }));
    return toPage(items, filter.limit, (last) => [last.announcedAt.getTime(), last.id]);
  }
}
