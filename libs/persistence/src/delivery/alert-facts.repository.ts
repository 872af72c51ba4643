import { Injectable } from '@nestjs/common';
import { PUBLIC_VIEWER, type EmbargoState } from '#cw/domain';
import { CORRIDOR_PROMISE_SQL, CORRIDOR_STATUS_SQL } from '../corridor/corridor.repository.js';
import { Database, SqlRunner } from '../database/database.js';
import { embargoVisibleSql } from '../embargo/embargo-visibility.js';
import { chunked } from '../shared/chunked.js';

const instant = (value: unknown): Date => new Date(Number(value));
const instantOrNull = (value: unknown): Date | null => (value == null ? null : instant(value));
/**
 * E-mails carry what every organisation may see of a corridor: stances and figures under embargo are left out
 * (a report under embargo is in the digest of the day it is lifted). Whether a subscriber hears of a corridor
 * under embargo at all is the subscription filter's decision (libs/alerts).
 */
const SHARED = (alias: string) => embargoVisibleSql(alias, PUBLIC_VIEWER, {});
// PostgreSQL answers a boolean, SQLite 0 or 1.
const isTrue = (value: unknown): boolean => value === true || Number(value) === 1;
// A place's names, stored as JSON text (null: none).
const namesOf = (value: unknown): Record<string, string> =>
  value == null ? {} : (JSON.parse(String(value)) as Record<string, string>);

/** A corridor as the alert e-mails name it, with the parties its filters match on. */
export interface AlertCorridor extends EmbargoState {
  id: string;
  /** Who recorded it: under embargo, the only organisation whose subscribers hear of it. */
  organisationId: string;
  name: string;
  timezone: string;
  announcedById: string;
  announcedByName: string;
  announcedAt: Date;
  /** The origin's zone, else the corridor's: the e-mails give its times in it, beside the subscriber's. */
  placeTimezone: string;
  originName: string;
  destinationName: string | null;
  /** The places' names in other languages, by BCP 47 tag (`uk`, `ru`). */
  originNames: Record<string, string>;
  destinationNames: Record<string, string>;
  sourceUrl: string | null;
  sourceNote: string | null;
  isCancelled: boolean;
  /** Its status and promise at the instant the facts were read for: a mail never shows one without the other. */
  status: string;
  promise: string;
  evacuationLow: number | null;
  evacuationHigh: number | null;
  requiredParties: { id: string; name: string }[];
  confirmations: {
    partyId: string;
    partyName: string;
    stance: string;
    statedAt: Date;
    /** The party that reported the stance ("as reported by"); null when the party stated it itself. */
    reportedById: string | null;
    reportedByName: string | null;
    note: string | null;
    sourceUrl: string | null;
  }[];
}

export interface AlertFlag {
  id: string;
  corridorId: string;
  windowId: string;
  rule: string;
  severity: string;
  raisedAt: Date;
  resolvedAt: Date | null;
  windowStartsAt: Date;
  windowEndsAt: Date;
  /** Announced with no end: windowEndsAt is the end of its review period. */
  windowIsOpenEnded: boolean;
}

export interface DigestWindow {
  id: string;
  corridorId: string;
  startsAt: Date;
  endsAt: Date;
  isOpenEnded: boolean;
}

export interface DigestFlagEvent {
  seq: number;
  kind: string;
  flagId: string;
  corridorId: string;
  rule: string;
  severity: string;
  at: Date;
  windowStartsAt: Date;
  windowEndsAt: Date;
  windowIsOpenEnded: boolean;
}

export interface DigestEvacuation {
  corridorId: string;
  sourcePartyName: string;
  reportedAt: Date;
  qualifier: string;
  value: number;
  max: number | null;
  category: string;
  note: string | null;
}

/** A digest period's facts, for every corridor: each subscriber's filters pick from them. */
export interface DigestFacts {
  windows: DigestWindow[];
  flagEvents: DigestFlagEvent[];
  evacuations: DigestEvacuation[];
  corridors: Map<string, AlertCorridor>;
}

/** The reads that alert e-mails are written from. */
@Injectable()
export class AlertFactsRepository {
  constructor(private readonly db: Database) {}

  async findFlag(flagId: string, tx: SqlRunner = this.db): Promise<AlertFlag | undefined> {
    const row = await tx.get<Record<string, unknown>>(
      `SELECT f.id, f.corridor_id, f.window_id, f.rule, f.severity, f.raised_at, f.resolved_at,
              w.starts_at, w.ends_at, w.is_open_ended
       FROM flag f JOIN corridor_window w ON w.id = f.window_id WHERE f.id = :flagId`,
      { flagId },
    );
    if (!row) return undefined;
    return {
      id: String(row.id),
      corridorId: String(row.corridor_id),
      windowId: String(row.window_id),
      rule: String(row.rule),
      severity: String(row.severity),
      raisedAt: instant(row.raised_at),
      resolvedAt: instantOrNull(row.resolved_at),
      windowStartsAt: instant(row.starts_at),
      windowEndsAt: instant(row.ends_at),
      windowIsOpenEnded: isTrue(row.is_open_ended),
    };
  }

  /** Of these windows, those entered more than `lateByMs` after they ended: history recorded after the fact. */
  async findEnteredAfterEnd(
    windowIds: readonly string[],
    lateByMs: number,
    tx: SqlRunner = this.db,
  ): Promise<Set<string>> {
    const found = new Set<string>();
    for (const part of chunked([...new Set(windowIds)], 500)) {
      const rows = await tx.all<{ id: string }>(
        'SELECT id FROM corridor_window WHERE id IN (:...part) AND created_at - ends_at > :lateByMs',
        { part, lateByMs },
      );
      for (const row of rows) found.add(row.id);
    }
    return found;
  }

  /**
   * Corridors with their announcer, required parties and confirmations, and their status and promise at `asOf`:
   * a fixed number of queries per 500.
   */
  async findCorridors(
    ids: readonly string[],
    asOf: Date,
    tx: SqlRunner = this.db,
  ): Promise<Map<string, AlertCorridor>> {
    const corridors = new Map<string, AlertCorridor>();
    for (const part of chunked([...new Set(ids)], 500)) {
      const rows = await tx.all<Record<string, unknown>>(
        `SELECT c.id, c.name, c.timezone, c.announced_by_id, p.name AS announced_by_name, c.announced_at,
                o.name AS origin_name, d.name AS destination_name, c.source_url, c.source_note, c.cancelled_at,
                COALESCE(o.timezone, c.timezone) AS place_timezone, o.names AS origin_names, d.names AS destination_names,
                c.evacuation_low, c.evacuation_high, c.organisation_id, c.embargoed_until,
                c.embargo_until_windows_end, c.embargo_lifted_at,
                ${CORRIDOR_STATUS_SQL} AS status, ${CORRIDOR_PROMISE_SQL} AS promise
         FROM corridor c JOIN party p ON p.id = c.announced_by_id JOIN location o ON o.id = c.origin_id
         LEFT JOIN location d ON d.id = c.destination_id WHERE c.id IN (:...part)`,
        { part, now: asOf },
      );
      for (const row of rows) {
        corridors.set(String(row.id), {
          id: String(row.id),
          name: String(row.name),
          timezone: String(row.timezone),
          announcedById: String(row.announced_by_id),
          announcedByName: String(row.announced_by_name),
          announcedAt: instant(row.announced_at),
          placeTimezone: String(row.place_timezone),
          originName: String(row.origin_name),
          destinationName: row.destination_name == null ? null : String(row.destination_name),
          originNames: namesOf(row.origin_names),
          destinationNames: namesOf(row.destination_names),
          sourceUrl: row.source_url == null ? null : String(row.source_url),
          sourceNote: row.source_note == null ? null : String(row.source_note),
          isCancelled: row.cancelled_at != null,
          status: String(row.status),
          promise: String(row.promise),
          evacuationLow: row.evacuation_low == null ? null : Number(row.evacuation_low),
          evacuationHigh: row.evacuation_high == null ? null : Number(row.evacuation_high),
          organisationId: String(row.organisation_id),
          embargoedUntil: instantOrNull(row.embargoed_until),
          embargoUntilWindowsEnd: [true, 1, '1'].includes(row.embargo_until_windows_end as never),
          embargoLiftedAt: instantOrNull(row.embargo_lifted_at),
          requiredParties: [],
          confirmations: [],
        });
      }
      const required = await tx.all<{ corridor_id: string; party_id: string; name: string }>(
        `SELECT r.corridor_id, r.party_id, p.name FROM corridor_required_party r JOIN party p ON p.id = r.party_id
         WHERE r.corridor_id IN (:...part) ORDER BY p.name`,
        { part },
      );
      for (const row of required)
        corridors.get(row.corridor_id)?.requiredParties.push({ id: row.party_id, name: row.name });
      const confirmations = await tx.all<Record<string, unknown>>(
        `SELECT c.corridor_id, c.party_id, p.name, c.stance, c.stated_at, c.reported_by_id, rb.name AS reported_by_name,
                c.note, c.source_url
         FROM confirmation c JOIN party p ON p.id = c.party_id LEFT JOIN party rb ON rb.id = c.reported_by_id
         WHERE c.corridor_id IN (:...part) AND ${SHARED('c')}
         ORDER BY c.stated_at, c.id`,
        { part },
      );
      for (const row of confirmations) {
        corridors.get(String(row.corridor_id))?.confirmations.push({
          partyId: String(row.party_id),
          partyName: String(row.name),
          stance: String(row.stance),
          statedAt: instant(row.stated_at),
          reportedById: row.reported_by_id == null ? null : String(row.reported_by_id),
          reportedByName: row.reported_by_name == null ? null : String(row.reported_by_name),
          note: row.note == null ? null : String(row.note),
          sourceUrl: row.source_url == null ? null : String(row.source_url),
        });
      }
    }
    return corridors;
  }

  /**
   * What a digest covering [from, to) reports: windows in the 24 hours after `to`, flags raised and resolved in
   * the period, evacuation figures entered in it. Bounded by time, not by the number of subscribers.
   */
  async digestFacts(from: Date, to: Date, tx: SqlRunner = this.db): Promise<DigestFacts> {
    const until = new Date(to.getTime() + 24 * 3_600_000);
    const windows = (
      await tx.all<Record<string, unknown>>(
        `SELECT w.id, w.corridor_id, w.starts_at, w.ends_at, w.is_open_ended FROM corridor_window w
         JOIN corridor c ON c.id = w.corridor_id
         WHERE w.starts_at < :until AND w.ends_at > :to AND c.cancelled_at IS NULL ORDER BY w.starts_at, w.id`,
        { to, until },
      )
    ).map((row) => ({
      id: String(row.id),
      corridorId: String(row.corridor_id),
      startsAt: instant(row.starts_at),
      endsAt: instant(row.ends_at),
      isOpenEnded: isTrue(row.is_open_ended),
    }));
    const flagEvents = (
      await tx.all<Record<string, unknown>>(
        `SELECT e.seq, e.kind, e.flag_id, e.corridor_id, e.rule, e.severity, e.at, w.starts_at, w.ends_at, w.is_open_ended
         FROM flag_event e JOIN corridor_window w ON w.id = e.window_id
         WHERE e.at >= :from AND e.at < :to AND e.kind IN ('raised', 'resolved') ORDER BY e.seq`,
        { from, to },
      )
    ).map((row) => ({
      seq: Number(row.seq),
      kind: String(row.kind),
      flagId: String(row.flag_id),
      corridorId: String(row.corridor_id),
      rule: String(row.rule),
      severity: String(row.severity),
      at: instant(row.at),
      windowStartsAt: instant(row.starts_at),
      windowEndsAt: instant(row.ends_at),
      windowIsOpenEnded: isTrue(row.is_open_ended),
    }));
    const evacuations = (
      await tx.all<Record<string, unknown>>(
        `SELECT r.corridor_id, p.name AS source_name, r.reported_at, r.qualifier, r.value, r.max, r.category, r.note
         FROM evacuation_report r JOIN party p ON p.id = r.source_party_id
         WHERE COALESCE(r.embargo_lifted_at, r.created_at) >= :from AND COALESCE(r.embargo_lifted_at, r.created_at) < :to
           AND ${SHARED('r')}
         ORDER BY r.reported_at, r.id`,
        { from, to },
      )
    ).map((row) => ({
      corridorId: String(row.corridor_id),
      sourcePartyName: String(row.source_name),
      reportedAt: instant(row.reported_at),
      qualifier: String(row.qualifier),
      value: Number(row.value),
      max: row.max == null ? null : Number(row.max),
      category: String(row.category),
      note: row.note == null ? null : String(row.note),
    }));
    const corridorIds = [
      ...windows.map((w) => w.corridorId),
      ...flagEvents.map((e) => e.corridorId),
      ...evacuations.map((e) => e.corridorId),
    ];
    return { windows, flagEvents, evacuations, corridors: await this.findCorridors(corridorIds, to, tx) };
  }
}
