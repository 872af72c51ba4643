import { Injectable } from '@nestjs/common';
import {
  COUNT_QUALIFIERS,
  CREDIBILITIES,
  EVACUATION_MEASURES,
  oneOf,
  POPULATION_CATEGORIES,
  RELIABILITIES,
  type CountQualifier,
  type Credibility,
  type EvacuationMeasure,
  type PopulationCategory,
  type Reliability,
} from '#cw/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, ObjectLiteral } from 'typeorm';
import { PUBLIC_VIEWER } from '#cw/domain';
import { Database, SqlRunner } from '../database/database.js';
import { Table } from '../database/table.js';
import { embargoVisibleSql, holdIfEmbargoed } from '../embargo/embargo-visibility.js';
import { ConfirmationEntity } from './confirmation.entity.js';
import { EvacuationReportEntity } from './evacuation-report.entity.js';
import { IncidentEntity } from './incident.entity.js';
import { RemainingReportEntity } from './remaining-report.entity.js';

/** The part of an evacuation report that the figures read: what it counted, where, of whom, how graded. */
export interface EvacuationFigure {
  id: string;
  corridorId: string;
  windowId: string | null;
  sourcePartyId: string;
  reportedAt: Date;
  qualifier: CountQualifier;
  value: number;
  max: number | null;
  measure: EvacuationMeasure;
  countedAtId: string | null;
  category: PopulationCategory;
  sourceReliability: Reliability;
  credibility: Credibility;
}

/** A corridor's claims of one measure in one window (or in none), as the database aggregates them. */
export interface FigureGroup {
  measure: EvacuationMeasure;
  windowId: string | null;
  low: number;
  high: number;
  claims: number;
}

/** The records a report names; each is checked only when given. */
export interface ReportReferences {
  corridorId: string;
  partyId?: string;
  /** The party that reported a confirmation's stance. */
  reportedById?: string;
  windowId?: string;
  locationId?: string;
  /** A second place a report may name (where people were counted, or wait). */
  placeId?: string;
}

// The lowest and highest figure of a claim, as statedFigures (libs/domain) reads its count: "more than N" states
// N+1, "fewer than N" N-1. corridor-figures-sql.spec pins these to the domain.
const CLAIM_LOW_SQL = `CASE r.qualifier WHEN 'more_than' THEN r.value + 1 WHEN 'fewer_than' THEN r.value - 1 ELSE r.value END`;
const CLAIM_HIGH_SQL = `CASE r.qualifier WHEN 'more_than' THEN r.value + 1 WHEN 'fewer_than' THEN r.value - 1 ELSE COALESCE(r.max, r.value) END`;
// Figures every organisation shares count no claim under embargo: a claim counts from its lift, as if entered then.
const PUBLIC_CLAIM = embargoVisibleSql('r', PUBLIC_VIEWER, {});

/** The kinds of report that can be corrected after entry, each its own table. */
export const REPORT_KINDS = ['confirmation', 'evacuation', 'remaining', 'incident'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Each kind's stored row. */
export interface ReportRows {
  confirmation: ConfirmationEntity;
  evacuation: EvacuationReportEntity;
  remaining: RemainingReportEntity;
  incident: IncidentEntity;
}

/** The instant each kind's claim is about: when it was stated, reported or happened. */
const STATED_AT_COLUMN: Record<ReportKind, string> = {
  confirmation: 'stated_at',
  evacuation: 'reported_at',
  remaining: 'reported_at',
  incident: 'occurred_at',
};

/** The range of one group of a corridor's claims (a measure, in a window or in none); a plan test pins its index. */
export function figureGroupSql(namesWindow: boolean): string {
  return `SELECT MIN(${CLAIM_LOW_SQL}) AS lo, MAX(${CLAIM_HIGH_SQL}) AS hi, COUNT(*) AS n
    FROM evacuation_report r
    WHERE r.corridor_id = :corridorId AND r.measure = :measure
      AND ${namesWindow ? 'r.window_id = :windowId' : 'r.window_id IS NULL'} AND ${PUBLIC_CLAIM}`;
}

/** Confirmations, evacuation reports, remaining-population reports and incidents of corridors. */
@Injectable()
export class ReportRepository {
  private readonly confirmations: Table<ConfirmationEntity>;
  private readonly evacuations: Table<EvacuationReportEntity>;
  private readonly remaining: Table<RemainingReportEntity>;
  private readonly incidents: Table<IncidentEntity>;
  private readonly tables: { [K in ReportKind]: Table<ReportRows[K]> };

  constructor(
    private readonly db: Database,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.confirmations = new Table(dataSource, ConfirmationEntity);
    this.evacuations = new Table(dataSource, EvacuationReportEntity);
    this.remaining = new Table(dataSource, RemainingReportEntity);
    this.incidents = new Table(dataSource, IncidentEntity);
    this.tables = {
      confirmation: this.confirmations,
      evacuation: this.evacuations,
      remaining: this.remaining,
      incident: this.incidents,
    };
  }

  private tableOf<K extends ReportKind>(kind: K): Table<ReportRows[K]> {
    return this.tables[kind] as unknown as Table<ReportRows[K]>;
  }

  /** One report of a corridor; a report of another corridor is not found through this one. */
  async findOne<K extends ReportKind>(
    kind: K,
    corridorId: string,
    id: string,
    tx: SqlRunner = this.db,
  ): Promise<ReportRows[K] | undefined> {
    const table = this.tableOf(kind);
    const row = await tx.get(
      `SELECT ${table.selectList} FROM "${table.name}" WHERE id = :id AND corridor_id = :corridorId`,
      { id, corridorId },
    );
    return row && table.hydrate(row);
  }

  /** The organisation that entered a report, for the access policy's object rule. */
  async organisationOf(kind: ReportKind, id: string): Promise<string | undefined> {
    const row = await this.db.get<{ organisation_id: string }>(
      `SELECT organisation_id FROM "${this.tableOf(kind).name}" WHERE id = :id`,
      { id },
    );
    return row?.organisation_id;
  }

  /** Optimistic concurrency: false when `expectedVersion` is no longer the stored one. */
  async update<K extends ReportKind>(
    kind: K,
    id: string,
    expectedVersion: number,
    fields: Partial<ReportRows[K]>,
    tx: SqlRunner,
  ): Promise<boolean> {
    const table = this.tableOf(kind);
    const { assignments, params } = table.assignmentsOf(fields);
    const changed = await tx.run(
      `UPDATE "${table.name}" SET ${[...assignments, 'version = version + 1'].join(', ')}
       WHERE id = :id AND version = :expectedVersion`,
      { ...params, id, expectedVersion },
    );
    return changed > 0;
  }

  /** Removes a retracted report (its audit entry keeps what it said); false when `expectedVersion` is stale. */
  async delete(kind: ReportKind, id: string, expectedVersion: number, tx: SqlRunner): Promise<boolean> {
    const changed = await tx.run(
      `DELETE FROM "${this.tableOf(kind).name}" WHERE id = :id AND version = :expectedVersion`,
      { id, expectedVersion },
    );
    return changed > 0;
  }

  /** Stores one report; one under embargo is put on the lift job's list in the same transaction. */
  async insert<K extends ReportKind>(kind: K, row: ReportRows[K], tx: SqlRunner): Promise<number> {
    const table = this.tableOf(kind);
    const inserted = await tx.run(table.insertSql, table.toParams(row));
    await holdIfEmbargoed(kind, row, tx);
    return inserted;
  }

  /** Every report of one kind of a corridor, in the time order of what it states. */
  findAll<K extends ReportKind>(
    kind: K,
    corridorId: string,
    tx: SqlRunner = this.db,
  ): Promise<ReportRows[K][]> {
    return this.allOf(this.tableOf(kind), STATED_AT_COLUMN[kind], corridorId, tx);
  }

  insertConfirmation(row: ConfirmationEntity, tx: SqlRunner): Promise<number> {
    return this.insert('confirmation', row, tx);
  }

  insertEvacuation(row: EvacuationReportEntity, tx: SqlRunner): Promise<number> {
    return this.insert('evacuation', row, tx);
  }

  insertRemaining(row: RemainingReportEntity, tx: SqlRunner): Promise<number> {
    return this.insert('remaining', row, tx);
  }

  insertIncident(row: IncidentEntity, tx: SqlRunner): Promise<number> {
    return this.insert('incident', row, tx);
  }

  findConfirmations(corridorId: string, tx: SqlRunner = this.db): Promise<ConfirmationEntity[]> {
    return this.allOf(this.confirmations, 'stated_at', corridorId, tx);
  }

  findEvacuations(corridorId: string, tx: SqlRunner = this.db): Promise<EvacuationReportEntity[]> {
    return this.allOf(this.evacuations, 'reported_at', corridorId, tx);
  }

  findRemaining(corridorId: string, tx: SqlRunner = this.db): Promise<RemainingReportEntity[]> {
    return this.allOf(this.remaining, 'reported_at', corridorId, tx);
  }

  findIncidents(corridorId: string, tx: SqlRunner = this.db): Promise<IncidentEntity[]> {
    return this.allOf(this.incidents, 'occurred_at', corridorId, tx);
  }

  /**
   * The figures of these corridors (one corridor's, or an operation's stages') that every organisation shares:
   * claims under embargo are left out until lifted.
   */
  async findEvacuationFigures(
    corridorIds: readonly string[],
    tx: SqlRunner = this.db,
  ): Promise<EvacuationFigure[]> {
    if (corridorIds.length === 0) return [];
    const rows = await tx.all<Record<string, unknown>>(
      `SELECT id, corridor_id, window_id, source_party_id, reported_at, qualifier, value, max, measure,
              counted_at_id, category, source_reliability, credibility
       FROM evacuation_report r WHERE corridor_id IN (:...corridorIds) AND ${PUBLIC_CLAIM}`,
      { corridorIds: [...corridorIds] },
    );
    return rows.map((row) => ({
      id: String(row.id),
      corridorId: String(row.corridor_id),
      windowId: (row.window_id as string | null) ?? null,
      sourcePartyId: String(row.source_party_id),
      reportedAt: new Date(Number(row.reported_at)),
      qualifier: oneOf(COUNT_QUALIFIERS, row.qualifier, 'count qualifier'),
      value: Number(row.value),
      max: row.max == null ? null : Number(row.max),
      measure: oneOf(EVACUATION_MEASURES, row.measure, 'measure'),
      countedAtId: (row.counted_at_id as string | null) ?? null,
      category: oneOf(POPULATION_CATEGORIES, row.category, 'category'),
      sourceReliability: oneOf(RELIABILITIES, row.source_reliability, 'reliability'),
      credibility: oneOf(CREDIBILITIES, Number(row.credibility), 'credibility'),
    }));
  }

  /**
   * A corridor's claims every organisation shares grouped by measure and window, each group's lowest and highest
   * stated figure: what summarizeEvacuations (libs/domain) sums, read from the covering index alone.
   */
  async figureGroups(corridorId: string, tx: SqlRunner = this.db): Promise<FigureGroup[]> {
    const rows = await tx.all<Record<string, unknown>>(
      `SELECT measure, window_id, MIN(${CLAIM_LOW_SQL}) AS lo, MAX(${CLAIM_HIGH_SQL}) AS hi, COUNT(*) AS n
       FROM evacuation_report r WHERE r.corridor_id = :corridorId AND ${PUBLIC_CLAIM}
       GROUP BY r.measure, r.window_id`,
      { corridorId },
    );
    return rows.map((row) => ({
      measure: oneOf(EVACUATION_MEASURES, row.measure, 'measure'),
      windowId: (row.window_id as string | null) ?? null,
      low: Number(row.lo),
      high: Number(row.hi),
      claims: Number(row.n),
    }));
  }

  /**
   * One group (measure and window, or no window) of a corridor's claims: the range a new claim joins. A range of
   * the covering index, read from the index alone: its cost follows the group, not the corridor.
   */
  async figureGroup(
    corridorId: string,
    measure: EvacuationMeasure,
    windowId: string | null,
    tx: SqlRunner,
  ): Promise<{ low: number; high: number } | null> {
    const row = await tx.get<Record<string, unknown>>(figureGroupSql(windowId !== null), {
      corridorId,
      measure,
      ...(windowId === null ? {} : { windowId }),
    });
    return row && Number(row.n) > 0 ? { low: Number(row.lo), high: Number(row.hi) } : null;
  }

  /** A party's reliability now: what a claim it is the source of is graded by, unless it says otherwise. */
  async reliabilityOf(partyId: string, tx: SqlRunner = this.db): Promise<Reliability | undefined> {
    const row = await tx.get<{ reliability: string }>('SELECT reliability FROM party WHERE id = :partyId', {
      partyId,
    });
    return row && oneOf(RELIABILITIES, row.reliability, 'reliability');
  }

  /** Which of the named records do not exist, in one query: the hot path of report entry. */
  async missingReferences(
    refs: ReportReferences,
    tx: SqlRunner = this.db,
  ): Promise<(keyof ReportReferences)[]> {
    const checks = [`EXISTS (SELECT 1 FROM corridor WHERE id = :corridorId) AS "corridorId"`];
    if (refs.partyId) checks.push(`EXISTS (SELECT 1 FROM party WHERE id = :partyId) AS "partyId"`);
    if (refs.reportedById)
      checks.push(`EXISTS (SELECT 1 FROM party WHERE id = :reportedById) AS "reportedById"`);
    if (refs.windowId) {
      checks.push(
        `EXISTS (SELECT 1 FROM corridor_window WHERE id = :windowId AND corridor_id = :corridorId) AS "windowId"`,
      );
    }
    if (refs.locationId)
      checks.push(`EXISTS (SELECT 1 FROM location WHERE id = :locationId) AS "locationId"`);
    if (refs.placeId) checks.push(`EXISTS (SELECT 1 FROM location WHERE id = :placeId) AS "placeId"`);
    const row = await tx.get<Record<keyof ReportReferences, number | boolean>>(
      `SELECT ${checks.join(', ')}`,
      { ...refs },
    );
    return (Object.keys(row ?? {}) as (keyof ReportReferences)[]).filter((key) => !row?.[key]);
  }

  private async allOf<E extends ObjectLiteral>(
    table: Table<E>,
    timeColumn: string,
    corridorId: string,
    tx: SqlRunner,
  ): Promise<E[]> {
    const rows = await tx.all(
      `SELECT ${table.selectList} FROM "${table.name}" WHERE corridor_id = :corridorId ORDER BY ${timeColumn}, id`,
      { corridorId },
    );
    return rows.map((row) => table.hydrate(row));
  }
}
