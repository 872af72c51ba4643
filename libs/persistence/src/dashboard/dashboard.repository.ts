import { Injectable } from '@nestjs/common';
import {
  corridorWay,
  COUNT_QUALIFIERS,
  EVACUATION_MEASURES,
  oneOf,
  POPULATION_CATEGORIES,
  PUBLIC_VIEWER,
  type CorridorWay,
  type EmbargoViewer,
  type LonLat,
  type Period,
} from '#cw/domain';
import { Database } from '../database/database.js';
import type { SqlParams } from '../database/named-parameters.js';
import { embargoVisibleSql } from '../embargo/embargo-visibility.js';
import { FLAG_SEVERITY_RANK_SQL } from '../flag/flag-severity-sql.js';
import type { EvacuationFigure } from '../report/report.repository.js';

const instant = (value: unknown): Date => new Date(Number(value));
const text = (value: unknown): string | null => (value == null ? null : String(value));
const position = (lat: unknown, lon: unknown) => ({
  lat: lat == null ? null : Number(lat),
  lon: lon == null ? null : Number(lon),
});

export interface DashboardWindowRow {
  id: string;
  corridorId: string;
  corridorName: string;
  timezone: string;
  /** The origin's zone, else the corridor's. */
  placeTimezone: string;
  startsAt: Date;
  endsAt: Date;
  isOpenEnded: boolean;
}

export interface DashboardPartyRow {
  corridorId: string;
  partyId: string;
  name: string;
  shortName: string | null;
}

export interface DashboardConfirmationRow {
  corridorId: string;
  partyId: string;
  stance: string;
  statedAt: Date;
  reportedById: string | null;
}

export interface DashboardFlagRow {
  id: string;
  corridorId: string;
  corridorName: string;
  windowId: string;
  rule: string;
  severity: string;
  raisedAt: Date;
  isOpen: boolean;
  isAcknowledged: boolean;
}

/** Flags of one severity: all in scope, and those still open that no coordinator has acknowledged. */
export interface DashboardFlagCount {
  all: number;
  awaiting: number;
}

export interface DashboardFigureRow extends Omit<
  EvacuationFigure,
  'id' | 'sourceReliability' | 'credibility'
> {
  corridorId: string;
  timezone: string;
  /** The operation the corridor is a stage of: its claims are counted with the other stages', once. */
  operationId: string | null;
}

const FIGURE_COLUMNS = `e.corridor_id, c.timezone, oc.operation_id, e.window_id, e.source_party_id, e.reported_at,
  e.qualifier, e.value, e.max, e.measure, e.counted_at_id, e.category`;

/** Open flags now; or, for a period, every flag (open or resolved since) of a window that overlaps it. */
function flagScope(
  viewer: EmbargoViewer,
  period?: Period,
): { join: string; where: string; params: SqlParams } {
  const params: SqlParams = period ? { from: period.from, to: period.to } : {};
  const visible = embargoVisibleSql('c', viewer, params);
  if (!period) return { join: '', where: `f.resolved_at IS NULL AND ${visible}`, params };
  return {
    join: 'JOIN corridor_window fw ON fw.id = f.window_id',
    where: `fw.ends_at > :from AND fw.starts_at < :to AND ${visible}`,
    params,
  };
}

// The dashboard's figures are the ones every organisation shares: claims under embargo count from their lift.
const PUBLIC_CLAIM = embargoVisibleSql('e', PUBLIC_VIEWER, {});

/**
 * The dashboard's reads: a fixed number of set-based queries whatever the number of corridors (never one per
 * corridor), each bounded by time or by a limit.
 */
@Injectable()
export class DashboardRepository {
  constructor(private readonly db: Database) {}

  /** Windows not over by `from` that start before `until`, of corridors not cancelled, soonest first. */
  async findWindowsBetween(
    from: Date,
    until: Date,
    limit: number,
    viewer: EmbargoViewer,
  ): Promise<DashboardWindowRow[]> {
    const params: SqlParams = { from, until, limit };
    const rows = await this.db.all<Record<string, unknown>>(
      `SELECT w.id, w.corridor_id, c.name, c.timezone, COALESCE(o.timezone, c.timezone) AS place_timezone,
              w.starts_at, w.ends_at, w.is_open_ended
       FROM corridor_window w JOIN corridor c ON c.id = w.corridor_id JOIN location o ON o.id = c.origin_id
       WHERE w.ends_at > :from AND w.starts_at < :until AND c.cancelled_at IS NULL
         AND ${embargoVisibleSql('c', viewer, params)}
       ORDER BY w.starts_at, w.id
       LIMIT :limit`,
      params,
    );
    return rows.map((row) => ({
      id: String(row.id),
      corridorId: String(row.corridor_id),
      corridorName: String(row.name),
      timezone: String(row.timezone),
      placeTimezone: String(row.place_timezone),
      startsAt: instant(row.starts_at),
      endsAt: instant(row.ends_at),
      // PostgreSQL answers a boolean, SQLite 0 or 1.
      isOpenEnded: row.is_open_ended === true || Number(row.is_open_ended) === 1,
    }));
  }

  /** The local names of these places by id (`{}` for a place with none), so the console names them in its reader's language. */
  async findPlaceNames(placeIds: readonly string[]): Promise<Map<string, Record<string, string>>> {
    if (placeIds.length === 0) return new Map();
    const rows = await this.db.all<{ id: string; names: unknown }>(
      'SELECT id, names FROM location WHERE id IN (:...placeIds)',
      { placeIds: [...placeIds] },
    );
    return new Map(
      rows.map((row) => [
        row.id,
        row.names == null ? {} : (JSON.parse(String(row.names)) as Record<string, string>),
      ]),
    );
  }

  /** Each corridor's way for the overview map, from two queries (corridors with their ends, then the stops). */
  async findWays(corridorIds: readonly string[]): Promise<Map<string, CorridorWay | null>> {
    if (corridorIds.length === 0) return new Map();
    const ids = { corridorIds: [...corridorIds] };
    const [corridors, stops] = await Promise.all([
      this.db.all<Record<string, unknown>>(
        `SELECT c.id, c.route, o.lat AS origin_lat, o.lon AS origin_lon, d.lat AS destination_lat, d.lon AS destination_lon
         FROM corridor c JOIN location o ON o.id = c.origin_id LEFT JOIN location d ON d.id = c.destination_id
         WHERE c.id IN (:...corridorIds)`,
        ids,
      ),
      this.db.all<Record<string, unknown>>(
        `SELECT s.corridor_id, l.lat, l.lon FROM corridor_stop s JOIN location l ON l.id = s.location_id
         WHERE s.corridor_id IN (:...corridorIds) ORDER BY s.corridor_id, s.position`,
        ids,
      ),
    ]);
    return new Map(
      corridors.map((row) => {
        const route = row.route
          ? (JSON.parse(String(row.route)) as { coordinates: LonLat[] }).coordinates
          : null;
        const onTheWay = stops
          .filter((stop) => stop.corridor_id === row.id)
          .map((stop) => position(stop.lat, stop.lon));
        const places = [
          position(row.origin_lat, row.origin_lon),
          ...onTheWay,
          position(row.destination_lat, row.destination_lon),
        ];
        return [String(row.id), corridorWay(route, places)];
      }),
    );
  }

  /** The parties whose confirmation each corridor needs, with their names. */
  async findRequiredParties(corridorIds: readonly string[]): Promise<DashboardPartyRow[]> {
    if (corridorIds.length === 0) return [];
    const rows = await this.db.all<Record<string, unknown>>(
      `SELECT r.corridor_id, r.party_id, p.name, p.short_name
       FROM corridor_required_party r JOIN party p ON p.id = r.party_id
       WHERE r.corridor_id IN (:...corridorIds)
       ORDER BY r.corridor_id, p.name, p.id`,
      { corridorIds: [...corridorIds] },
    );
    return rows.map((row) => ({
      corridorId: String(row.corridor_id),
      partyId: String(row.party_id),
      name: String(row.name),
      shortName: text(row.short_name),
    }));
  }

  /** The stances the windows' states are derived from: the shared ones (a stance under embargo counts from its lift). */
  async findConfirmations(corridorIds: readonly string[]): Promise<DashboardConfirmationRow[]> {
    if (corridorIds.length === 0) return [];
    const rows = await this.db.all<Record<string, unknown>>(
      `SELECT e.corridor_id, e.party_id, e.stance, e.stated_at, e.reported_by_id FROM confirmation e
       WHERE e.corridor_id IN (:...corridorIds) AND ${PUBLIC_CLAIM} ORDER BY e.stated_at, e.id`,
      { corridorIds: [...corridorIds] },
    );
    return rows.map((row) => ({
      corridorId: String(row.corridor_id),
      partyId: String(row.party_id),
      stance: String(row.stance),
      statedAt: instant(row.stated_at),
      reportedById: text(row.reported_by_id),
    }));
  }

  /**
   * Flags by severity, one aggregate: the open ones, or (with a period) those of the windows in it; and of those,
   * the ones awaiting a coordinator (open, not acknowledged), as the corridor list and the flags page count them.
   */
  async countFlags(viewer: EmbargoViewer, period?: Period): Promise<Map<string, DashboardFlagCount>> {
    const scope = flagScope(viewer, period);
    const rows = await this.db.all<{ severity: string; n: unknown; awaiting: unknown }>(
      `SELECT f.severity, COUNT(*) AS n,
         SUM(CASE WHEN f.resolved_at IS NULL AND f.acknowledged_at IS NULL THEN 1 ELSE 0 END) AS awaiting
       FROM flag f JOIN corridor c ON c.id = f.corridor_id ${scope.join}
       WHERE ${scope.where} GROUP BY f.severity`,
      scope.params,
    );
    return new Map(rows.map((row) => [row.severity, { all: Number(row.n), awaiting: Number(row.awaiting) }]));
  }

  async findMostSevereFlags(
    limit: number,
    viewer: EmbargoViewer,
    period?: Period,
  ): Promise<DashboardFlagRow[]> {
    const scope = flagScope(viewer, period);
    const rows = await this.db.all<Record<string, unknown>>(
      `SELECT f.id, f.corridor_id, c.name, f.window_id, f.rule, f.severity, f.raised_at, f.resolved_at,
         f.acknowledged_at
       FROM flag f JOIN corridor c ON c.id = f.corridor_id ${scope.join}
       WHERE ${scope.where}
       ORDER BY ${FLAG_SEVERITY_RANK_SQL}, f.raised_at DESC, f.id DESC
       LIMIT :limit`,
      { ...scope.params, limit },
    );
    return rows.map((row) => ({
      id: String(row.id),
      corridorId: String(row.corridor_id),
      corridorName: String(row.name),
      windowId: String(row.window_id),
      rule: String(row.rule),
      severity: String(row.severity),
      raisedAt: instant(row.raised_at),
      isOpen: row.resolved_at == null,
      isAcknowledged: row.acknowledged_at != null,
    }));
  }

  /**
   * Every evacuation figure of the `corridors` most recently announced corridors that have any, and of the other
   * stages of their operations (an operation is counted whole): three queries, the last over the evacuation
   * reports' corridor index.
   */
  async findRecentEvacuationFigures(corridors: number, viewer: EmbargoViewer): Promise<DashboardFigureRow[]> {
    const params: SqlParams = { corridors };
    const recent = await this.db.all<{ id: string }>(
      `SELECT c.id FROM corridor c WHERE c.evacuation_report_count > 0
         AND ${embargoVisibleSql('c', viewer, params)}
       ORDER BY c.announced_at DESC, c.id DESC LIMIT :corridors`,
      params,
    );
    if (recent.length === 0) return [];
    const ids = recent.map((row) => String(row.id));
    const stages = await this.db.all<{ corridor_id: string }>(
      `SELECT corridor_id FROM operation_corridor WHERE operation_id IN (
         SELECT operation_id FROM operation_corridor WHERE corridor_id IN (:...ids))`,
      { ids },
    );
    const figureParams: SqlParams = {
      ids: [...new Set([...ids, ...stages.map((row) => String(row.corridor_id))])],
    };
    const rows = await this.db.all<Record<string, unknown>>(
      `SELECT ${FIGURE_COLUMNS}
       FROM evacuation_report e JOIN corridor c ON c.id = e.corridor_id
       LEFT JOIN operation_corridor oc ON oc.corridor_id = e.corridor_id
       WHERE e.corridor_id IN (:...ids) AND ${PUBLIC_CLAIM} AND ${embargoVisibleSql('c', viewer, figureParams)}`,
      figureParams,
    );
    return rows.map(toFigure);
  }

  /** Every evacuation figure reported within `period` (at most `limit`, oldest first), with its corridor's zone. */
  async findEvacuationFiguresReportedBetween(
    period: Period,
    limit: number,
    viewer: EmbargoViewer,
  ): Promise<DashboardFigureRow[]> {
    const params: SqlParams = { from: period.from, to: period.to, limit };
    const rows = await this.db.all<Record<string, unknown>>(
      `SELECT ${FIGURE_COLUMNS}
       FROM evacuation_report e JOIN corridor c ON c.id = e.corridor_id
       LEFT JOIN operation_corridor oc ON oc.corridor_id = e.corridor_id
       WHERE e.reported_at >= :from AND e.reported_at < :to AND ${PUBLIC_CLAIM}
         AND ${embargoVisibleSql('c', viewer, params)}
       ORDER BY e.reported_at, e.id
       LIMIT :limit`,
      params,
    );
    return rows.map(toFigure);
  }
}

function toFigure(row: Record<string, unknown>): DashboardFigureRow {
  return {
    corridorId: String(row.corridor_id),
    timezone: String(row.timezone),
    operationId: text(row.operation_id),
    windowId: text(row.window_id),
    sourcePartyId: String(row.source_party_id),
    reportedAt: instant(row.reported_at),
    qualifier: oneOf(COUNT_QUALIFIERS, row.qualifier, 'count qualifier'),
    value: Number(row.value),
    max: row.max == null ? null : Number(row.max),
    measure: oneOf(EVACUATION_MEASURES, row.measure, 'measure'),
    countedAtId: text(row.counted_at_id),
    category: oneOf(POPULATION_CATEGORIES, row.category, 'category'),
  };
}
