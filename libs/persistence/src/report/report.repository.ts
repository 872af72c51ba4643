import { Injectable } from '@nestjs/common';
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

/** The part of an evacuation report that reconciliation reads. */
export interface EvacuationFigure {
  corridorId: string;
  windowId: string | null;
  sourcePartyId: string;
  reportedAt: Date;
  qualifier: string;
  value: number;
  max: number | null;
}

/** Totals of a corridor's evacuation reports, as kept on the corridor row. */
export interface EvacuationTotals {
  reportCount: number;
  low: number | null;
  high: number | null;
}

/** The records a report names; each is checked only when given. */
export interface ReportReferences {
  corridorId: string;
  partyId?: string;
  /** The party that reported a confirmation's stance. */
  reportedById?: string;
  windowId?: string;
  locationId?: string;
}

// Figures every organisation shares count no claim under embargo: a claim counts from its lift, as if entered then.
const PUBLIC_CLAIM = embargoVisibleSql('r', PUBLIC_VIEWER, {});

/** The total range of a corridor's evacuation reports, used by evacuationTotals and the corridor row's update. */
export const EVACUATION_TOTALS_SQL = `SELECT COALESCE(SUM(n), 0) AS n, SUM(lo) AS low, SUM(hi) AS high FROM (
  SELECT COUNT(*) AS n, MIN(r.value) AS lo, MAX(COALESCE(r.max, r.value)) AS hi
  FROM evacuation_report r WHERE r.corridor_id = :corridorId AND ${PUBLIC_CLAIM} GROUP BY r.window_id) g`;

/** The kinds of report that can be corrected after entry, each its own table. */
export const REPORT_KINDS = ['confirmation', 'evacuation', 'remaining', 'incident'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

interface ReportRows {
  confirmation: ConfirmationEntity;
  evacuation: EvacuationReportEntity;
  remaining: RemainingReportEntity;
  incident: IncidentEntity;
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

  async insertConfirmation(row: ConfirmationEntity, tx: SqlRunner): Promise<number> {
    const inserted = await tx.run(this.confirmations.insertSql, this.confirmations.toParams(row));
    await holdIfEmbargoed('confirmation', row, tx);
    return inserted;
  }

  async insertEvacuation(row: EvacuationReportEntity, tx: SqlRunner): Promise<number> {
    const inserted = await tx.run(this.evacuations.insertSql, this.evacuations.toParams(row));
    await holdIfEmbargoed('evacuation', row, tx);
    return inserted;
  }

  async insertRemaining(row: RemainingReportEntity, tx: SqlRunner): Promise<number> {
    const inserted = await tx.run(this.remaining.insertSql, this.remaining.toParams(row));
    await holdIfEmbargoed('remaining', row, tx);
    return inserted;
  }

  async insertIncident(row: IncidentEntity, tx: SqlRunner): Promise<number> {
    const inserted = await tx.run(this.incidents.insertSql, this.incidents.toParams(row));
    await holdIfEmbargoed('incident', row, tx);
    return inserted;
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
      `SELECT corridor_id, window_id, source_party_id, reported_at, qualifier, value, max FROM evacuation_report r
       WHERE corridor_id IN (:...corridorIds) AND ${PUBLIC_CLAIM}`,
      { corridorIds: [...corridorIds] },
    );
    return rows.map((row) => ({
      corridorId: String(row.corridor_id),
      windowId: (row.window_id as string | null) ?? null,
      sourcePartyId: String(row.source_party_id),
      reportedAt: new Date(Number(row.reported_at)),
      qualifier: String(row.qualifier),
      value: Number(row.value),
      max: row.max == null ? null : Number(row.max),
    }));
  }

  /**
   * The total range of reconcileCounts (libs/domain) computed in one aggregate row: per window, the lowest and
   * highest stated figure; summed over windows. corridor-figures-sql.spec pins it to the domain function.
   */
  async evacuationTotals(corridorId: string, tx: SqlRunner = this.db): Promise<EvacuationTotals> {
    const row = await tx.get<{
      n: number | string;
      low: number | string | null;
      high: number | string | null;
    }>(EVACUATION_TOTALS_SQL, { corridorId });
    const count = Number(row?.n ?? 0);
    return {
      reportCount: count,
      low: count ? Number(row?.low) : null,
      high: count ? Number(row?.high) : null,
    };
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
