import { Injectable } from '@nestjs/common';
import { FLAG_SEVERITIES, oneOf, type Grade } from '#cw/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EmbargoViewer } from '#cw/domain';
import { Database, SqlRunner } from '../database/database.js';
import { SqlParams } from '../database/named-parameters.js';
import { Table } from '../database/table.js';
import { embargoVisibleSql } from '../embargo/embargo-visibility.js';
import { chunked } from '../shared/chunked.js';
import { decodeCursor, Page, toPage } from '../shared/page.js';
import { FlagEventEntity } from './flag-event.entity.js';
import type { FlagEvidence } from './flag-facts.repository.js';
import { FLAG_SEVERITY_RANK, FLAG_SEVERITY_RANK_SQL } from './flag-severity-sql.js';
import { FlagEntity } from './flag.entity.js';

export type FlagEventKind = 'raised' | 'resolved' | 'reopened' | 'acknowledged';

/** A flag to raise; the unique key (window, rule) decides whether it is new. */
export interface NewFlag {
  id: string;
  corridorId: string;
  windowId: string;
  rule: string;
  severity: string;
  /** What it rests on; none (a flag raised by an absence) when not given. */
  evidence?: FlagEvidence;
}

export interface FlagListFilter {
  /** Flags of corridors under embargo are their organisation's only. */
  viewer: EmbargoViewer;
  isOpen?: boolean;
  /** true: acknowledged by someone; false: nobody has yet. */
  isAcknowledged?: boolean;
  /** `raised`: newest raise first; `severity`: most severe first, then newest raise. */
  order?: 'raised' | 'severity';
  /** Only flags whose evidence is of this grade or better, and flags raised by an absence (no evidence). */
  minGrade?: Grade;
  rule?: string;
  severity?: string;
  corridorId?: string;
  limit: number;
  cursor?: string;
}

/** Who acknowledged a flag, as lists show it. */
export interface FlagAcknowledger {
  id: string;
  displayName: string;
  email: string;
  organisationId: string;
}

/** A flag with the window and corridor it is about, and who acknowledged it, as lists show it. */
export interface FlagListRow extends FlagEntity {
  corridorName: string;
  windowStartsAt: Date;
  windowEndsAt: Date;
  /** The origin's zone, else the corridor's: the zone its times are shown in. */
  placeTimezone: string;
  acknowledgedBy: FlagAcknowledger | null;
}

export interface FlagChanges {
  raised: number;
  reopened: number;
  resolved: number;
}

const EVENT_COLUMNS = 'flag_id, corridor_id, window_id, rule, severity, kind, at, actor_user_id';

/**
 * Flags and their events. Every change is conditional (unique key, `resolved_at IS NULL`) and writes its event
 * only for the rows it really changed, so retries and concurrent workers record each transition once.
 */
@Injectable()
export class FlagRepository {
  private readonly flags: Table<FlagEntity>;
  private readonly events: Table<FlagEventEntity>;

  constructor(
    private readonly db: Database,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.flags = new Table(dataSource, FlagEntity);
    this.events = new Table(dataSource, FlagEventEntity);
  }

  /**
   * INSERT … ON CONFLICT DO NOTHING RETURNING: only the rows really inserted get a 'raised' event. The rows travel
   * as one JSON parameter: binding five named parameters a row cost more than the insert itself.
   */
  async raise(flags: readonly NewFlag[], at: Date, tx: SqlRunner): Promise<number> {
    const rows =
      tx.dialect === 'postgres'
        ? 'json_array_elements(CAST(:rows AS json)) AS j(value)'
        : 'json_each(:rows) AS j';
    let raised = 0;
    for (const part of chunked(flags, 2000)) {
      const inserted = await tx.all<{ id: string }>(
        `INSERT INTO flag (id, corridor_id, window_id, rule, severity, raised_at, detail, evidence_reliability,
           evidence_credibility)
         SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, CAST(:at AS bigint),
           j.value ->> 5, j.value ->> 6, CAST(j.value ->> 7 AS integer)
         FROM ${rows} WHERE true
         ON CONFLICT (window_id, rule) DO NOTHING RETURNING id`,
        {
          at,
          rows: JSON.stringify(
            part.map((f) => [
              f.id,
              f.corridorId,
              f.windowId,
              f.rule,
              f.severity,
              f.evidence?.detail ?? null,
              f.evidence?.reliability ?? null,
              f.evidence?.credibility ?? null,
            ]),
          ),
        },
      );
      raised += await this.recordEvents(
        inserted.map((row) => row.id),
        'raised',
        at,
        null,
        tx,
      );
    }
    return raised;
  }

  /** What flags that still hold now rest on (the claims at a discrepancy's ends changed, or their grades). */
  async updateEvidence(
    changes: readonly { id: string; evidence: FlagEvidence }[],
    tx: SqlRunner,
  ): Promise<void> {
    for (const { id, evidence } of changes) {
      await tx.run(
        `UPDATE flag SET detail = :detail, evidence_reliability = :reliability, evidence_credibility = :credibility
         WHERE id = :id`,
        { id, ...evidence },
      );
    }
  }

  /** A resolved flag whose condition holds again. */
  async reopen(flagIds: readonly string[], at: Date, tx: SqlRunner): Promise<number> {
    return this.transition(flagIds, 'resolved_at = NULL', 'resolved_at IS NOT NULL', 'reopened', at, tx);
  }

  async resolve(flagIds: readonly string[], at: Date, tx: SqlRunner): Promise<number> {
    return this.transition(flagIds, 'resolved_at = :at', 'resolved_at IS NULL', 'resolved', at, tx);
  }

  /**
   * Acknowledges the flags not acknowledged yet (the first acknowledgement stands) and answers their ids: those
   * already acknowledged are left as they are, with no event.
   */
  async acknowledge(
    flagIds: readonly string[],
    byUserId: string,
    note: string | null,
    at: Date,
    tx: SqlRunner,
  ): Promise<string[]> {
    if (flagIds.length === 0) return [];
    const changed = await tx.all<{ id: string }>(
      `UPDATE flag SET acknowledged_at = :at, acknowledged_by_id = :byUserId, acknowledge_note = :note
       WHERE id IN (:...flagIds) AND acknowledged_at IS NULL RETURNING id`,
      { flagIds: [...flagIds], byUserId, note, at },
    );
    const ids = changed.map((row) => row.id);
    await this.recordEvents(ids, 'acknowledged', at, byUserId, tx);
    return ids;
  }

  /** One flag; with a viewer, only when its corridor is visible to them. */
  async findById(
    id: string,
    tx: SqlRunner = this.db,
    viewer?: EmbargoViewer,
  ): Promise<FlagListRow | undefined> {
    const params: SqlParams = { id };
    const visible = viewer ? ` AND ${embargoVisibleSql('c', viewer, params)}` : '';
    const rows = await this.select(`WHERE f.id = :id${visible}`, params, '', tx);
    return rows[0];
  }

  /** Flags by id, in no particular order; with a viewer, only those whose corridor is visible to them. */
  async findByIds(
    ids: readonly string[],
    tx: SqlRunner = this.db,
    viewer?: EmbargoViewer,
  ): Promise<FlagListRow[]> {
    if (ids.length === 0) return [];
    const params: SqlParams = { ids: [...ids] };
    const visible = viewer ? ` AND ${embargoVisibleSql('c', viewer, params)}` : '';
    return this.select(`WHERE f.id IN (:...ids)${visible}`, params, '', tx);
  }

  /** A corridor's flags, for its windows in GET /corridors/:id. */
  async findByCorridor(corridorId: string, tx: SqlRunner = this.db): Promise<FlagEntity[]> {
    const rows = await tx.all(
      `SELECT ${this.flags.selectList} FROM flag WHERE corridor_id = :corridorId ORDER BY raised_at, rule`,
      { corridorId },
    );
    return rows.map((row) => this.flags.hydrate(row));
  }

  /** A corridor's flag events in order, for its timeline. */
  async findEventsByCorridor(corridorId: string, tx: SqlRunner = this.db): Promise<FlagEventEntity[]> {
    const rows = await tx.all(
      `SELECT ${this.events.selectList} FROM flag_event WHERE corridor_id = :corridorId ORDER BY seq`,
      { corridorId },
    );
    return rows.map((row) => this.events.hydrate(row));
  }

  /** Every event after `afterSeq`, in order: what the alert e-mails consume. */
  async findEventsAfter(
    afterSeq: number,
    limit: number,
    tx: SqlRunner = this.db,
  ): Promise<FlagEventEntity[]> {
    const rows = await tx.all(
      `SELECT ${this.events.selectList} FROM flag_event WHERE seq > :afterSeq ORDER BY seq LIMIT :limit`,
      { afterSeq, limit },
    );
    return rows.map((row) => this.events.hydrate(row));
  }

  /** Newest raise first, or most severe first; one query with the window, corridor and acknowledger joined. */
  async list(filter: FlagListFilter): Promise<Page<FlagListRow>> {
    const params: SqlParams = { limit: filter.limit + 1 };
    const where: string[] = [embargoVisibleSql('c', filter.viewer, params)];
    const bySeverity = filter.order === 'severity';
    if (filter.cursor) {
      // A cursor carries the sort key of its order: one of the other order does not decode (400).
      const after = '(f.raised_at < :cursorAt OR (f.raised_at = :cursorAt AND f.id < :cursorId))';
      if (bySeverity) {
        const [rank, raisedAt, id] = decodeCursor(filter.cursor, 3);
        where.push(
          `(${FLAG_SEVERITY_RANK_SQL} > :cursorRank OR (${FLAG_SEVERITY_RANK_SQL} = :cursorRank AND ${after}))`,
        );
        Object.assign(params, { cursorRank: Number(rank), cursorAt: Number(raisedAt), cursorId: String(id) });
      } else {
        const [raisedAt, id] = decodeCursor(filter.cursor, 2);
        where.push(after);
        Object.assign(params, { cursorAt: Number(raisedAt), cursorId: String(id) });
      }
    }
    if (filter.isOpen !== undefined) where.push(`f.resolved_at IS ${filter.isOpen ? '' : 'NOT '}NULL`);
    if (filter.isAcknowledged !== undefined) {
      where.push(`f.acknowledged_at IS ${filter.isAcknowledged ? 'NOT ' : ''}NULL`);
    }
    if (filter.rule) {
      where.push('f.rule = :rule');
      params.rule = filter.rule;
    }
    if (filter.severity) {
      where.push('f.severity = :severity');
      params.severity = filter.severity;
    }
    if (filter.corridorId) {
      where.push('f.corridor_id = :corridorId');
      params.corridorId = filter.corridorId;
    }
    if (filter.minGrade) {
      // Grades order as their letters and digits do (A before F, 1 before 6): meetsGrade (libs/domain) in SQL.
      where.push(`(f.evidence_reliability IS NULL
        OR (f.evidence_reliability <= :minReliability AND f.evidence_credibility <= :minCredibility))`);
      Object.assign(params, {
        minReliability: filter.minGrade.reliability,
        minCredibility: filter.minGrade.credibility,
      });
    }
    const rows = await this.select(
      `WHERE ${where.join(' AND ')}`,
      params,
      `ORDER BY ${bySeverity ? `${FLAG_SEVERITY_RANK_SQL}, ` : ''}f.raised_at DESC, f.id DESC LIMIT :limit`,
    );
    return toPage(rows, filter.limit, (last) =>
      bySeverity
        ? [
            FLAG_SEVERITY_RANK[oneOf(FLAG_SEVERITIES, last.severity, 'severity')],
            last.raisedAt.getTime(),
            last.id,
          ]
        : [last.raisedAt.getTime(), last.id],
    );
  }

  private async select(
    where: string,
    params: SqlParams,
    tail: string,
    tx: SqlRunner = this.db,
  ): Promise<FlagListRow[]> {
    const rows = await tx.all<Record<string, unknown>>(
      `SELECT ${this.flags.qualified('f')}, c.name AS corridor_name, w.starts_at AS window_starts_at,
              w.ends_at AS window_ends_at, COALESCE(o.timezone, c.timezone) AS place_timezone,
              u.display_name AS acknowledger_name, u.email AS acknowledger_email,
              u.organisation_id AS acknowledger_organisation_id
       FROM flag f JOIN corridor c ON c.id = f.corridor_id JOIN corridor_window w ON w.id = f.window_id
       JOIN location o ON o.id = c.origin_id
       LEFT JOIN app_user u ON u.id = f.acknowledged_by_id
       ${where} ${tail}`,
      params,
    );
    return rows.map((row) => {
      const flag = this.flags.hydrate(row);
      return {
        ...flag,
        corridorName: String(row.corridor_name),
        windowStartsAt: new Date(Number(row.window_starts_at)),
        windowEndsAt: new Date(Number(row.window_ends_at)),
        placeTimezone: String(row.place_timezone),
        acknowledgedBy:
          flag.acknowledgedById === null || row.acknowledger_name == null
            ? null
            : {
                id: flag.acknowledgedById,
                displayName: String(row.acknowledger_name),
                email: String(row.acknowledger_email),
                organisationId: String(row.acknowledger_organisation_id),
              },
      };
    });
  }

  private async transition(
    flagIds: readonly string[],
    assignment: string,
    condition: string,
    kind: FlagEventKind,
    at: Date,
    tx: SqlRunner,
  ): Promise<number> {
    let changed = 0;
    for (const ids of chunked(flagIds, 500)) {
      const rows = await tx.all<{ id: string }>(
        `UPDATE flag SET ${assignment} WHERE id IN (:...ids) AND ${condition} RETURNING id`,
        { ids, at },
      );
      changed += await this.recordEvents(
        rows.map((row) => row.id),
        kind,
        at,
        null,
        tx,
      );
    }
    return changed;
  }

  private async recordEvents(
    flagIds: readonly string[],
    kind: FlagEventKind,
    at: Date,
    actorUserId: string | null,
    tx: SqlRunner,
  ): Promise<number> {
    if (flagIds.length === 0) return 0;
    await tx.run(
      `INSERT INTO flag_event (${EVENT_COLUMNS})
       SELECT id, corridor_id, window_id, rule, severity, CAST(:kind AS varchar(16)), CAST(:at AS bigint),
              CAST(:actorUserId AS varchar(36)) FROM flag WHERE id IN (:...flagIds)
       ORDER BY raised_at, id`,
      { flagIds, kind, at, actorUserId },
    );
    return flagIds.length;
  }
}
