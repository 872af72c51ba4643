import { Injectable } from '@nestjs/common';
import { Clock } from '#cw/clock';
import { newId } from '#cw/common';
import { AppConfig } from '#cw/config';
import { isVisibleTo } from '#cw/domain';
import {
  contiguousAfter,
  Database,
  EmbargoRepository,
  EvaluationOutboxRepository,
  FlagRepository,
  ReadCursorRepository,
  WebhookCorridorStateRepository,
  WebhookDeliveryRepository,
  WebhookEndpointRepository,
  WebhookEventRepository,
  type HeldRecord,
  type SqlRunner,
  type WebhookDeliveryEntity,
  type WebhookEventEntity,
} from '#cw/persistence';
import { corridorAnnouncements } from './corridor-announcements.js';
import { toWebhookEventRow, type NewWebhookEvent } from './webhook-event-recorder.js';

const FLAG_CURSOR = 'webhooks.flag_event';
const CORRIDOR_CURSOR = 'webhooks.evaluation_outbox';
const BATCH = 500;
const EVENT_BATCH = 200;
/** A gap in a sequence is a transaction still committing, unless it lasts this long (a deleted row). */
const GAP_GRACE_MS = 30_000;
const FLAG_EVENT_TYPES: Record<string, 'flag.raised' | 'flag.resolved'> = {
  raised: 'flag.raised',
  reopened: 'flag.raised',
  resolved: 'flag.resolved',
};

export interface StepOutcome {
  count: number;
  isComplete: boolean;
}

/**
 * Turns what happened into webhook events and each event into one delivery row per endpoint that wants it. Each
 * step runs in one transaction with the read position it moves: a retry or a second worker writes nothing twice
 * (unique keys, the cursor rows' locks) and nothing is skipped.
 */
@Injectable()
export class WebhookFanOutService {
  constructor(
    private readonly config: AppConfig,
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly cursors: ReadCursorRepository,
    private readonly flags: FlagRepository,
    private readonly outbox: EvaluationOutboxRepository,
    private readonly corridorStates: WebhookCorridorStateRepository,
    private readonly events: WebhookEventRepository,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly embargoes: EmbargoRepository,
  ) {}

  /** flag_event by sequence, as the alert e-mails read it: raised and reopened flags, and resolved ones. */
  followFlagEvents(): Promise<StepOutcome> {
    return this.db.transaction(async (tx) => {
      const now = this.clock.now();
      const cursor = await this.cursors.read(FLAG_CURSOR, tx);
      const rows = await this.flags.findEventsAfter(cursor.seq, BATCH, tx);
      const { usable, gapSeenAt, isComplete } = contiguousAfter(rows, cursor, now, GAP_GRACE_MS, BATCH);
      const announced = usable.filter((e) => FLAG_EVENT_TYPES[e.kind]);
      const windows = await this.events.flagEventWindows(
        announced.map((e) => e.windowId),
        tx,
      );
      const events: NewWebhookEvent[] = announced.map((e) => {
        const window = windows.get(e.windowId);
        return {
          type: FLAG_EVENT_TYPES[e.kind],
          occurredAt: e.at,
          corridorId: e.corridorId,
          sourceKey: `flag_event:${e.seq}`,
          data: {
            flagId: e.flagId,
            rule: e.rule,
            severity: e.severity,
            at: e.at.toISOString(),
            isReopened: e.kind === 'reopened',
            corridorId: e.corridorId,
            corridorName: window?.corridorName ?? null,
            windowId: e.windowId,
            windowStartsAt: window?.startsAt.toISOString() ?? null,
            windowEndsAt: window?.endsAt.toISOString() ?? null,
          },
        };
      });
      if (events.length) await this.events.insertMany(events.map(toWebhookEventRow), tx);
      const last = usable.at(-1);
      await this.cursors.save(FLAG_CURSOR, { seq: last ? last.seq : cursor.seq, gapSeenAt }, tx);
      return { count: events.length, isComplete };
    });
  }

  /**
   * Corridors whose facts changed (the evaluation outbox, by sequence) and those whose next window start or end has
   * come: their status and promise now, against what was announced last. The state row moves with the event.
   */
  followCorridors(): Promise<StepOutcome> {
    return this.db.transaction(async (tx) => {
      const now = this.clock.now();
      const cursor = await this.cursors.read(CORRIDOR_CURSOR, tx);
      const rows = await this.outbox.findAfter(cursor.seq, BATCH, tx);
      const changed = contiguousAfter(rows, cursor, now, GAP_GRACE_MS, BATCH);
      const due = await this.corridorStates.findDue(now, BATCH, tx);
      const corridorIds = [...new Set([...changed.usable.map((r) => r.corridorId), ...due])];
      const events: NewWebhookEvent[] = [];
      if (corridorIds.length) {
        const announced = await this.corridorStates.findStates(corridorIds, tx);
        for (const reading of await this.corridorStates.read(corridorIds, now, tx)) {
          events.push(...corridorAnnouncements(announced.get(reading.corridorId), reading, now));
          await this.corridorStates.save(
            {
              corridorId: reading.corridorId,
              status: reading.status,
              promise: reading.promise,
              nextCheckAt: reading.nextCheckAt,
            },
            tx,
          );
        }
      }
      if (events.length) await this.events.insertMany(events.map(toWebhookEventRow), tx);
      const last = changed.usable.at(-1);
      await this.cursors.save(
        CORRIDOR_CURSOR,
        { seq: last ? last.seq : cursor.seq, gapSeenAt: changed.gapSeenAt },
        tx,
      );
      return { count: events.length, isComplete: changed.isComplete && due.length < BATCH };
    });
  }

  /**
   * Events not yet fanned out become one delivery row each per enabled endpoint that asked for their type and
   * existed when they happened. Returns the rows written, for their jobs.
   */
  async fanOutEvents(): Promise<StepOutcome & { deliveries: Pick<WebhookDeliveryEntity, 'id' | 'round'>[] }> {
    return this.db.transaction(async (tx) => {
      const now = this.clock.now();
      const pending = await this.events.findPending(EVENT_BATCH, tx);
      if (pending.length === 0) return { count: 0, isComplete: true, deliveries: [] };
      const endpoints = (await this.endpoints.findEnabled(tx)).map((endpoint) => ({
        ...endpoint,
        types: new Set(JSON.parse(endpoint.events) as string[]),
      }));
      const holds = await this.holdsOf(pending, tx);
      const rows: WebhookDeliveryEntity[] = [];
      for (const event of pending) {
        const held = holds.get(event.id) ?? [];
        for (const endpoint of endpoints) {
          if (!endpoint.types.has(event.type) || endpoint.createdAt.getTime() > event.occurredAt.getTime())
            continue;
          // An event about a record under embargo goes to its organisation's endpoints alone, until the lift.
          if (
            held.some(
              (record) =>
                !isVisibleTo(record, { organisationId: endpoint.organisationId, seesEverything: false }),
            )
          )
            continue;
          rows.push({
            id: newId(),
            endpointId: endpoint.id,
            eventId: event.id,
            status: 'pending',
            attempts: 0,
            round: 0,
            nextAttemptAt: now,
            leaseUntil: null,
            lastAttemptAt: null,
            lastStatusCode: null,
            lastLatencyMs: null,
            lastError: null,
            responseExcerpt: null,
            deliveredAt: null,
            createdAt: now,
          });
        }
      }
      const deliveries = rows.length ? await this.deliveries.insertMany(rows, tx) : [];
      await this.events.markFannedOut(
        pending.filter((e) => !holds.has(e.id)).map((e) => e.id),
        now,
        tx,
      );
      await this.events.markHeld(
        pending.flatMap((e) => {
          const held = holds.get(e.id);
          return held ? [{ id: e.id, heldBy: `${held[0].kind}:${held[0].id}` }] : [];
        }),
        now,
        tx,
      );
      return { count: pending.length, isComplete: pending.length < EVENT_BATCH, deliveries };
    });
  }

  /**
   * The records under embargo each event is about: its evacuation report, then its corridor. The first one named
   * holds the event; its lift releases it, and the fan-out looks again (the corridor may still be under embargo).
   */
  private async holdsOf(
    events: readonly WebhookEventEntity[],
    tx: SqlRunner,
  ): Promise<Map<string, HeldRecord[]>> {
    const reportOf = (e: WebhookEventEntity) =>
      e.sourceKey?.startsWith('evacuation:') ? e.sourceKey.slice('evacuation:'.length) : undefined;
    const held = await this.embargoes.findHeld(
      {
        corridor: events.flatMap((e) => (e.corridorId ? [e.corridorId] : [])),
        evacuation: events.flatMap((e) => reportOf(e) ?? []),
      },
      tx,
    );
    const byKey = new Map(held.map((r) => [`${r.kind}:${r.id}`, r]));
    const holds = new Map<string, HeldRecord[]>();
    for (const event of events) {
      const records = [
        byKey.get(`evacuation:${reportOf(event)}`),
        byKey.get(`corridor:${event.corridorId}`),
      ].filter((r) => r !== undefined);
      if (records.length) holds.set(event.id, records);
    }
    return holds;
  }

  /** Deliveries due or abandoned by a dead worker: their jobs are added again (deduplicated while one waits). */
  findDue(): Promise<Pick<WebhookDeliveryEntity, 'id' | 'round'>[]> {
    return this.deliveries.findDue(this.clock.now(), BATCH);
  }

  /** Events older than WEBHOOK_RETENTION_DAYS go, with their delivery log. */
  purge(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.config.WEBHOOK_RETENTION_DAYS * 24 * 3_600_000);
    return this.events.purgeBefore(cutoff);
  }
}
