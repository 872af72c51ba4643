import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PUBLIC_VIEWER } from '#cw/domain';
import {
  corridorFilterSql,
  CORRIDOR_PROMISE_SQL,
  CORRIDOR_STATUS_SQL,
  type CorridorFilter,
} from '../corridor/corridor.repository.js';
import { CorridorEntity } from '../corridor/corridor.entity.js';
import { Database } from '../database/database.js';
import { embargoVisibleSql } from '../embargo/embargo-visibility.js';
import type { SqlParams } from '../database/named-parameters.js';
import { Table } from '../database/table.js';
import { FlagEntity } from '../flag/flag.entity.js';
import { LocationEntity } from '../location/location.entity.js';
import type { ReportKind } from '../report/report.repository.js';

/** A corridor as the exports write it: its row, derived status and the names and places it points at. */
export interface ExportCorridorRow extends CorridorEntity {
  status: string;
  promise: string;
  originName: string;
  originLat: number | null;
  originLon: number | null;
  destinationName: string | null;
  destinationLat: number | null;
  destinationLon: number | null;
  announcedByName: string;
  organisationName: string;
}

/** A window with what a reader of windows needs of its corridor. */
export interface ExportWindowRow {
  id: string;
  corridorId: string;
  startsAt: Date;
  /** The end the rules read: for an open-ended window, the end of its review period. */
  endsAt: Date;
  isOpenEnded: boolean;
  corridorName: string;
  corridorStatus: string;
  corridorPromise: string;
  timezone: string;
  isCancelled: boolean;
  originName: string;
  destinationName: string | null;
  announcedById: string;
  announcedByName: string;
  organisationName: string;
}

/** A claim of any kind, one row each: the columns a kind lacks are null. */
export interface ExportClaimRow {
  kind: ReportKind;
  id: string;
  corridorId: string;
  corridorName: string;
  windowId: string | null;
  windowStartsAt: Date | null;
  sourcePartyId: string | null;
  sourceName: string | null;
  /** When it was stated or reported; null for an incident, which has `occurredAt`. */
  reportedAt: Date | null;
  occurredAt: Date | null;
  stance: string | null;
  category: string | null;
  qualifier: string | null;
  value: number | null;
  max: number | null;
  arrivedAtName: string | null;
  incidentKind: string | null;
  note: string | null;
  sourceUrl: string | null;
  organisationName: string;
  createdAt: Date;
}

export interface ExportFlagRow extends FlagEntity {
  corridorName: string;
  windowStartsAt: Date;
  windowEndsAt: Date;
}

export interface RequiredPartyRow {
  corridorId: string;
  partyId: string;
  partyName: string;
}

/** A stop on a corridor's way, in order, with its position when known. */
export interface StopRow {
  corridorId: string;
  name: string;
  lat: number | null;
  lon: number | null;
}

export interface StanceRow {
  corridorId: string;
  partyId: string;
  stance: string;
  statedAt: Date;
  reportedById: string | null;
}

// Each claim kind read into the common row shape; `t` is the kind's table.
const CLAIM_SELECT: Record<ReportKind, { table: string; columns: string; joins: string }> = {
  confirmation: {
    table: 'confirmation',
    columns: `t.party_id AS source_party_id, t.stated_at AS reported_at, NULL AS occurred_at, t.stance,
      NULL AS category, NULL AS qualifier, NULL AS value, NULL AS max, NULL AS window_id, NULL AS window_starts_at,
      NULL AS arrived_at_name, NULL AS incident_kind, t.note`,
    joins: 'LEFT JOIN party p ON p.id = t.party_id',
  },
  evacuation: {
    table: 'evacuation_report',
    columns: `t.source_party_id, t.reported_at, NULL AS occurred_at, NULL AS stance, t.category, t.qualifier,
      t.value, t.max, t.window_id, w.starts_at AS window_starts_at, a.name AS arrived_at_name,
      NULL AS incident_kind, t.note`,
    joins: `LEFT JOIN party p ON p.id = t.source_party_id
      LEFT JOIN corridor_window w ON w.id = t.window_id LEFT JOIN location a ON a.id = t.arrived_at_id`,
  },
  remaining: {
    table: 'remaining_report',
    columns: `t.source_party_id, t.reported_at, NULL AS occurred_at, NULL AS stance, NULL AS category,
      t.qualifier, t.value, t.max, NULL AS window_id, NULL AS window_starts_at, NULL AS arrived_at_name,
      NULL AS incident_kind, t.note`,
    joins: 'LEFT JOIN party p ON p.id = t.source_party_id',
  },
  incident: {
    table: 'incident',
    columns: `t.source_party_id, NULL AS reported_at, t.occurred_at, NULL AS stance, NULL AS category,
      NULL AS qualifier, NULL AS value, NULL AS max, NULL AS window_id, NULL AS window_starts_at,
      NULL AS arrived_at_name, t.kind AS incident_kind, t.description AS note`,
    joins: 'LEFT JOIN party p ON p.id = t.source_party_id',
  },
};

const instant = (value: unknown): Date | null => (value == null ? null : new Date(Number(value)));
const numberOrNull = (value: unknown): number | null => (value == null ? null : Number(value));
const textOrNull = (value: unknown): string | null => (value == null ? null : String(value));

/**
 * The reads behind exports and feeds: records of the corridors a `GET /corridors` filter selects, in batches
 * of `batchSize` rows, each batch one query that resumes after the last row of the one before (keyset), so a
 * reader holds one batch at a time however many rows there are.
 */
@Injectable()
export class ExportRepository {
  private readonly corridors: Table<CorridorEntity>;
  private readonly flags: Table<FlagEntity>;
  private readonly locations: Table<LocationEntity>;

  constructor(
    private readonly db: Database,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.corridors = new Table(dataSource, CorridorEntity);
    this.flags = new Table(dataSource, FlagEntity);
    this.locations = new Table(dataSource, LocationEntity);
  }

  /** Corridors newest announcement first, as the list shows them. */
  async *corridorBatches(
    filter: CorridorFilter,
    now: Date,
    batchSize: number,
  ): AsyncGenerator<ExportCorridorRow[]> {
    let after: ExportCorridorRow | undefined;
    do {
      const params: SqlParams = { now, limit: batchSize };
      const where = corridorFilterSql(filter, params);
      if (after) {
        where.push('(c.announced_at < :afterAt OR (c.announced_at = :afterAt AND c.id < :afterId))');
        Object.assign(params, { afterAt: after.announcedAt, afterId: after.id });
      }
      const rows = await this.db.all<Record<string, unknown>>(
        `SELECT ${this.corridors.qualified('c')}, ${CORRIDOR_STATUS_SQL} AS status, ${CORRIDOR_PROMISE_SQL} AS promise,
                o.name AS origin_name, o.lat AS origin_lat, o.lon AS origin_lon,
                d.name AS destination_name, d.lat AS destination_lat, d.lon AS destination_lon,
                p.name AS announced_by_name, org.name AS organisation_name
         FROM corridor c
         JOIN location o ON o.id = c.origin_id
         LEFT JOIN location d ON d.id = c.destination_id
         JOIN party p ON p.id = c.announced_by_id
         JOIN organisation org ON org.id = c.organisation_id
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY c.announced_at DESC, c.id DESC
         LIMIT :limit`,
        params,
      );
      const batch = rows.map((row) => ({
        ...this.corridors.hydrate(row),
        status: String(row.status),
        promise: String(row.promise),
        originName: String(row.origin_name),
        originLat: numberOrNull(row.origin_lat),
        originLon: numberOrNull(row.origin_lon),
        destinationName: textOrNull(row.destination_name),
        destinationLat: numberOrNull(row.destination_lat),
        destinationLon: numberOrNull(row.destination_lon),
        announcedByName: String(row.announced_by_name),
        organisationName: String(row.organisation_name),
      }));
      if (batch.length) yield batch;
      after = batch.length === batchSize ? batch[batch.length - 1] : undefined;
    } while (after);
  }

  /** Windows of the selected corridors, in time order. */
  async *windowBatches(
    filter: CorridorFilter,
    now: Date,
    batchSize: number,
  ): AsyncGenerator<ExportWindowRow[]> {
    let after: ExportWindowRow | undefined;
    do {
      const params: SqlParams = { now, limit: batchSize };
      const where = corridorFilterSql(filter, params);
      if (after) {
        where.push('(w.starts_at > :afterAt OR (w.starts_at = :afterAt AND w.id > :afterId))');
        Object.assign(params, { afterAt: after.startsAt, afterId: after.id });
      }
      const rows = await this.db.all<Record<string, unknown>>(
        `SELECT w.id, w.corridor_id, w.starts_at, w.ends_at, w.is_open_ended, c.name AS corridor_name,
                ${CORRIDOR_STATUS_SQL} AS status, ${CORRIDOR_PROMISE_SQL} AS promise,
                c.timezone, c.cancelled_at, c.announced_by_id, o.name AS origin_name, d.name AS destination_name,
                p.name AS announced_by_name, org.name AS organisation_name
         FROM corridor_window w
         JOIN corridor c ON c.id = w.corridor_id
         JOIN location o ON o.id = c.origin_id
         LEFT JOIN location d ON d.id = c.destination_id
         JOIN party p ON p.id = c.announced_by_id
         JOIN organisation org ON org.id = c.organisation_id
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY w.starts_at, w.id
         LIMIT :limit`,
        params,
      );
      const batch = rows.map((row) => ({
        id: String(row.id),
        corridorId: String(row.corridor_id),
        startsAt: new Date(Number(row.starts_at)),
        endsAt: new Date(Number(row.ends_at)),
        // PostgreSQL answers a boolean, SQLite 0 or 1.
        isOpenEnded: row.is_open_ended === true || Number(row.is_open_ended) === 1,
        corridorName: String(row.corridor_name),
        corridorStatus: String(row.status),
        corridorPromise: String(row.promise),
        timezone: String(row.timezone),
        isCancelled: row.cancelled_at != null,
        originName: String(row.origin_name),
        destinationName: textOrNull(row.destination_name),
        announcedById: String(row.announced_by_id),
        announcedByName: String(row.announced_by_name),
        organisationName: String(row.organisation_name),
      }));
      if (batch.length) yield batch;
      after = batch.length === batchSize ? batch[batch.length - 1] : undefined;
    } while (after);
  }

  /** Claims of one kind on the selected corridors; no index orders them by time, so they come by id. */
  async *claimBatches(
    kind: ReportKind,
    filter: CorridorFilter,
    now: Date,
    batchSize: number,
  ): AsyncGenerator<ExportClaimRow[]> {
    const { table, columns, joins } = CLAIM_SELECT[kind];
    let afterId: string | undefined;
    do {
      const params: SqlParams = { now, limit: batchSize };
      const where = this.selectedCorridors(filter, params, 't.corridor_id');
      if (!filter.viewer.seesEverything) where.push(embargoVisibleSql('t', filter.viewer, params));
      if (afterId) {
        where.push('t.id > :afterId');
        params.afterId = afterId;
      }
      const rows = await this.db.all<Record<string, unknown>>(
        `SELECT t.id, t.corridor_id, k.name AS corridor_name, p.name AS source_name, t.source_url,
                org.name AS organisation_name, t.created_at, ${columns}
         FROM "${table}" t
         JOIN corridor k ON k.id = t.corridor_id
         JOIN organisation org ON org.id = t.organisation_id
         ${joins}
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY t.id
         LIMIT :limit`,
        params,
      );
      const batch: ExportClaimRow[] = rows.map((row) => ({
        kind,
        id: String(row.id),
        corridorId: String(row.corridor_id),
        corridorName: String(row.corridor_name),
        windowId: textOrNull(row.window_id),
        windowStartsAt: instant(row.window_starts_at),
        sourcePartyId: textOrNull(row.source_party_id),
        sourceName: textOrNull(row.source_name),
        reportedAt: instant(row.reported_at),
        occurredAt: instant(row.occurred_at),
        stance: textOrNull(row.stance),
        category: textOrNull(row.category),
        qualifier: textOrNull(row.qualifier),
        value: numberOrNull(row.value),
        max: numberOrNull(row.max),
        arrivedAtName: textOrNull(row.arrived_at_name),
        incidentKind: textOrNull(row.incident_kind),
        note: textOrNull(row.note),
        sourceUrl: textOrNull(row.source_url),
        organisationName: String(row.organisation_name),
        createdAt: new Date(Number(row.created_at)),
      }));
      if (batch.length) yield batch;
      afterId = batch.length === batchSize ? batch[batch.length - 1].id : undefined;
    } while (afterId);
  }

  /** Flags on windows of the selected corridors, by id. */
  async *flagBatches(filter: CorridorFilter, now: Date, batchSize: number): AsyncGenerator<ExportFlagRow[]> {
    let afterId: string | undefined;
    do {
      const params: SqlParams = { now, limit: batchSize };
      const where = this.selectedCorridors(filter, params, 'f.corridor_id');
      if (afterId) {
        where.push('f.id > :afterId');
        params.afterId = afterId;
      }
      const rows = await this.db.all<Record<string, unknown>>(
        `SELECT ${this.flags.qualified('f')}, k.name AS corridor_name, w.starts_at AS window_starts_at,
                w.ends_at AS window_ends_at
         FROM flag f JOIN corridor k ON k.id = f.corridor_id JOIN corridor_window w ON w.id = f.window_id
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY f.id
         LIMIT :limit`,
        params,
      );
      const batch = rows.map((row) => ({
        ...this.flags.hydrate(row),
        corridorName: String(row.corridor_name),
        windowStartsAt: new Date(Number(row.window_starts_at)),
        windowEndsAt: new Date(Number(row.window_ends_at)),
      }));
      if (batch.length) yield batch;
      afterId = batch.length === batchSize ? batch[batch.length - 1].id : undefined;
    } while (afterId);
  }

  /** The places the selected corridors start or end at, by id. */
  async *placeBatches(
    filter: CorridorFilter,
    now: Date,
    batchSize: number,
  ): AsyncGenerator<LocationEntity[]> {
    let afterId: string | undefined;
    do {
      const params: SqlParams = { now, limit: batchSize };
      const where = corridorFilterSql(filter, params);
      const rows = await this.db.all<Record<string, unknown>>(
        `SELECT ${this.locations.qualified('l')} FROM location l
         WHERE EXISTS (SELECT 1 FROM corridor c WHERE (c.origin_id = l.id OR c.destination_id = l.id OR
                         EXISTS (SELECT 1 FROM corridor_stop s WHERE s.corridor_id = c.id AND s.location_id = l.id))
                       ${where.length ? `AND ${where.join(' AND ')}` : ''})
           ${afterId ? 'AND l.id > :afterId' : ''}
         ORDER BY l.id
         LIMIT :limit`,
        { ...params, ...(afterId ? { afterId } : {}) },
      );
      const batch = rows.map((row) => this.locations.hydrate(row));
      if (batch.length) yield batch;
      afterId = batch.length === batchSize ? batch[batch.length - 1].id : undefined;
    } while (afterId);
  }

  /** The stops of these corridors, each corridor's in order. */
  async stops(corridorIds: readonly string[]): Promise<StopRow[]> {
    if (corridorIds.length === 0) return [];
    const rows = await this.db.all<Record<string, unknown>>(
      `SELECT s.corridor_id, l.name, l.lat, l.lon FROM corridor_stop s JOIN location l ON l.id = s.location_id
       WHERE s.corridor_id IN (:...corridorIds) ORDER BY s.corridor_id, s.position`,
      { corridorIds },
    );
    return rows.map((row) => ({
      corridorId: String(row.corridor_id),
      name: String(row.name),
      lat: numberOrNull(row.lat),
      lon: numberOrNull(row.lon),
    }));
  }

  /** The parties whose confirmation each of these corridors needs, with their names. */
  async requiredParties(corridorIds: readonly string[]): Promise<RequiredPartyRow[]> {
    if (corridorIds.length === 0) return [];
    const rows = await this.db.all<Record<string, unknown>>(
      `SELECT rp.corridor_id, rp.party_id, p.name FROM corridor_required_party rp JOIN party p ON p.id = rp.party_id
       WHERE rp.corridor_id IN (:...corridorIds) ORDER BY rp.corridor_id, p.name`,
      { corridorIds },
    );
    return rows.map((row) => ({
      corridorId: String(row.corridor_id),
      partyId: String(row.party_id),
      partyName: String(row.name),
    }));
  }

  /**
   * Every stance stated on these corridors, oldest first: the shared ones, which windows' states are derived from
   * (a stance under embargo counts from its lift, for everyone alike: a feed's events are the same in every feed).
   */
  async stances(corridorIds: readonly string[]): Promise<StanceRow[]> {
    if (corridorIds.length === 0) return [];
    const rows = await this.db.all<Record<string, unknown>>(
      `SELECT t.corridor_id, t.party_id, t.stance, t.stated_at, t.reported_by_id FROM confirmation t
       WHERE t.corridor_id IN (:...corridorIds) AND ${embargoVisibleSql('t', PUBLIC_VIEWER, {})}
       ORDER BY t.stated_at, t.id`,
      { corridorIds },
    );
    return rows.map((row) => ({
      corridorId: String(row.corridor_id),
      partyId: String(row.party_id),
      stance: String(row.stance),
      statedAt: new Date(Number(row.stated_at)),
      reportedById: textOrNull(row.reported_by_id),
    }));
  }

  /** `column IN (the selected corridors)`, or nothing when the filter selects every corridor. */
  private selectedCorridors(filter: CorridorFilter, params: SqlParams, column: string): string[] {
    const where = corridorFilterSql(filter, params);
    return where.length ? [`${column} IN (SELECT c.id FROM corridor c WHERE ${where.join(' AND ')})`] : [];
  }
}
