import { Injectable } from '@nestjs/common';
import { PUBLIC_VIEWER } from '#cw/domain';
import { Database, SqlRunner } from '../database/database.js';
import { chunked } from '../shared/chunked.js';
import { embargoVisibleSql } from '../embargo/embargo-visibility.js';

/** What the flag rules read about one corridor, loaded for many corridors at once. */
export interface CorridorFlagFacts {
  corridorId: string;
  isCancelled: boolean;
  requiredPartyIds: string[];
  windows: { id: string; startsAt: Date; endsAt: Date; nextEvaluationAt: Date | null }[];
  confirmations: { partyId: string; stance: string; statedAt: Date; reportedById: string | null }[];
  evacuations: {
    windowId: string | null;
    sourcePartyId: string;
    reportedAt: Date;
    qualifier: string;
    value: number;
    max: number | null;
  }[];
  flags: { id: string; windowId: string; rule: string; resolvedAt: Date | null }[];
}

export interface DueWindow {
  windowId: string;
  corridorId: string;
}

export interface WindowEvaluation {
  windowId: string;
  nextEvaluationAt: Date | null;
}

const instant = (value: unknown): Date => new Date(Number(value));

// The rules judge what every organisation knows: a claim under embargo counts from its lift, as if entered then.
// (The worker lifts the embargoes due on a corridor before it evaluates the corridor.)
const SHARED_CLAIM = embargoVisibleSql('t', PUBLIC_VIEWER, {});

const DUE_OR_ATTRIBUTING = `AND (next_evaluation_at <= :dueAt OR corridor_id IN (
  SELECT corridor_id FROM evacuation_report WHERE corridor_id IN (:...ids) AND window_id IS NULL))`;

/** The reads and writes of flag evaluation that are about corridors and windows rather than flags. */
@Injectable()
export class FlagFactsRepository {
  constructor(private readonly db: Database) {}

  /**
   * The sweep's one query: windows whose next evaluation is due, oldest first, bounded. It reads the
   * next_evaluation_at index only, so its cost follows the number of due windows, not of all windows.
   */
  async findDueWindows(now: Date, limit: number, tx: SqlRunner = this.db): Promise<DueWindow[]> {
    const rows = await tx.all<{ id: string; corridor_id: string }>(
      `SELECT id, corridor_id FROM corridor_window
       WHERE next_evaluation_at <= :now ORDER BY next_evaluation_at, id LIMIT :limit`,
      { now, limit },
    );
    return rows.map((row) => ({ windowId: row.id, corridorId: row.corridor_id }));
  }

  /**
   * Holds the corridors' rows until the evaluation commits: a report entered meanwhile (it updates its corridor
   * row) waits, then its own evaluation reads it. SQLite's write transactions are already serial.
   */
  async lockCorridors(corridorIds: readonly string[], tx: SqlRunner): Promise<void> {
    if (tx.dialect !== 'postgres' || corridorIds.length === 0) return;
    for (const ids of chunked([...corridorIds].sort(), 1000)) {
      await tx.all('SELECT id FROM corridor WHERE id IN (:...ids) ORDER BY id FOR UPDATE', { ids });
    }
  }

  /**
   * Six set-based queries whatever the number of corridors (in chunks of 1000 ids). With `dueAt` (the sweep) only
   * the windows due then are read, with their flags; and every window of a corridor holding a report that names
   * no window, which the rules attribute by time.
   */
  async load(
    corridorIds: readonly string[],
    tx: SqlRunner = this.db,
    dueAt?: Date,
  ): Promise<CorridorFlagFacts[]> {
    const facts = new Map<string, CorridorFlagFacts>();
    for (const ids of chunked([...new Set(corridorIds)], 1000)) {
      const corridors = await tx.all<{ id: string; cancelled_at: unknown }>(
        'SELECT id, cancelled_at FROM corridor WHERE id IN (:...ids)',
        { ids },
      );
      for (const row of corridors) {
        facts.set(row.id, {
          corridorId: row.id,
          isCancelled: row.cancelled_at != null,
          requiredPartyIds: [],
          windows: [],
          confirmations: [],
          evacuations: [],
          flags: [],
        });
      }
      const of = (corridorId: string) => facts.get(corridorId);
      const required = await tx.all<{ corridor_id: string; party_id: string }>(
        'SELECT corridor_id, party_id FROM corridor_required_party WHERE corridor_id IN (:...ids) ORDER BY party_id',
        { ids },
      );
      for (const row of required) of(row.corridor_id)?.requiredPartyIds.push(row.party_id);
      const windows = await tx.all<{
        id: string;
        corridor_id: string;
        starts_at: unknown;
        ends_at: unknown;
        next_evaluation_at: unknown;
      }>(
        `SELECT id, corridor_id, starts_at, ends_at, next_evaluation_at FROM corridor_window
         WHERE corridor_id IN (:...ids) ${dueAt ? DUE_OR_ATTRIBUTING : ''} ORDER BY starts_at, id`,
        { ids, dueAt },
      );
      for (const row of windows) {
        of(row.corridor_id)?.windows.push({
          id: row.id,
          startsAt: instant(row.starts_at),
          endsAt: instant(row.ends_at),
          nextEvaluationAt: row.next_evaluation_at == null ? null : instant(row.next_evaluation_at),
        });
      }
      const confirmations = await tx.all<{
        corridor_id: string;
        party_id: string;
        stance: string;
        stated_at: unknown;
        reported_by_id: string | null;
      }>(
        `SELECT t.corridor_id, t.party_id, t.stance, t.stated_at, t.reported_by_id FROM confirmation t
         WHERE t.corridor_id IN (:...ids) AND ${SHARED_CLAIM}`,
        { ids },
      );
      for (const row of confirmations) {
        of(row.corridor_id)?.confirmations.push({
          partyId: row.party_id,
          stance: row.stance,
          statedAt: instant(row.stated_at),
          reportedById: row.reported_by_id ?? null,
        });
      }
      const evacuations = await tx.all<{
        corridor_id: string;
        window_id: string | null;
        source_party_id: string;
        reported_at: unknown;
        qualifier: string;
        value: number | string;
        max: number | string | null;
      }>(
        `SELECT t.corridor_id, t.window_id, t.source_party_id, t.reported_at, t.qualifier, t.value, t.max
         FROM evacuation_report t WHERE t.corridor_id IN (:...ids) AND ${SHARED_CLAIM}`,
        { ids },
      );
      for (const row of evacuations) {
        of(row.corridor_id)?.evacuations.push({
          windowId: row.window_id ?? null,
          sourcePartyId: row.source_party_id,
          reportedAt: instant(row.reported_at),
          qualifier: row.qualifier,
          value: Number(row.value),
          max: row.max == null ? null : Number(row.max),
        });
      }
      if (!dueAt) await this.loadFlags('corridor_id', ids, facts, tx);
    }
    if (dueAt) {
      const due = [...facts.values()].flatMap((f) =>
        f.windows
          .filter((w) => w.nextEvaluationAt && w.nextEvaluationAt.getTime() <= dueAt.getTime())
          .map((w) => w.id),
      );
      for (const ids of chunked(due, 1000)) await this.loadFlags('window_id', ids, facts, tx);
    }
    return [...facts.values()];
  }

  private async loadFlags(
    by: 'corridor_id' | 'window_id',
    ids: readonly string[],
    facts: Map<string, CorridorFlagFacts>,
    tx: SqlRunner,
  ): Promise<void> {
    const flags = await tx.all<{
      id: string;
      corridor_id: string;
      window_id: string;
      rule: string;
      resolved_at: unknown;
    }>(`SELECT id, corridor_id, window_id, rule, resolved_at FROM flag WHERE ${by} IN (:...ids)`, { ids });
    for (const row of flags) {
      facts.get(row.corridor_id)?.flags.push({
        id: row.id,
        windowId: row.window_id,
        rule: row.rule,
        resolvedAt: row.resolved_at == null ? null : instant(row.resolved_at),
      });
    }
  }

  /**
   * When each window must be looked at again, and that it was looked at now: one statement per 2000 windows, a
   * join (a correlated subquery per row cost three times as much).
   */
  async saveWindowEvaluations(
    evaluations: readonly WindowEvaluation[],
    now: Date,
    tx: SqlRunner,
  ): Promise<void> {
    for (const part of chunked(evaluations, 2000)) {
      const params: Record<string, string | Date | null> = { now };
      const values = part.map((e, i) => {
        params[`w${i}`] = e.windowId;
        params[`n${i}`] = e.nextEvaluationAt;
        return `(:w${i}, CAST(:n${i} AS bigint))`;
      });
      await tx.run(
        `WITH v(id, next_at) AS (VALUES ${values.join(', ')})
         UPDATE corridor_window SET next_evaluation_at = v.next_at, evaluated_at = :now
         FROM v WHERE v.id = corridor_window.id`,
        params,
      );
    }
  }
}
