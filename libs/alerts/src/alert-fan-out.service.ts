import { Injectable } from '@nestjs/common';
import { Clock } from '#cw/clock';
import { newId } from '#cw/common';
import {
  AlertDeliveryRepository,
  AlertFactsRepository,
  contiguousAfter,
  Database,
  FlagRepository,
  ReadCursorRepository,
  SubscriptionRepository,
  type AlertDeliveryEntity,
  type FlagEventEntity,
  type SqlRunner,
  type SubscriptionEntity,
} from '#cw/persistence';
import { digestDayOf, nextDigestAt, previousDigestAt } from './digest-schedule.js';
import { reachesSeverity } from './severity.js';
import { filterOf, matchesCorridor } from './subscription-filter.js';

const CURSOR = 'immediate';
const EVENT_BATCH = 100;
const SUBSCRIBER_PAGE = 1000;
const DIGEST_BATCH = 500;
/**
 * Flags of a window entered this long after it ended are history recorded after the fact (a past schedule entered
 * today raises three flags a day): the daily digest reports them, not one immediate e-mail each.
 */
const HISTORY_AFTER_MS = 24 * 3_600_000;
/** A gap in flag_event's sequence is a transaction still committing, unless it lasts this long (a deleted row). */
const GAP_GRACE_MS = 30_000;

export interface FanOutOutcome {
  events: number;
  deliveries: number;
  isComplete: boolean;
}

/**
 * Turns new flags and due digests into delivery rows, in the transaction that moves the read position: a retry
 * or a second worker writes nothing twice (the unique keys), and nothing is skipped (the cursor moves with them).
 */
@Injectable()
export class AlertFanOutService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly flags: FlagRepository,
    private readonly facts: AlertFactsRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly deliveries: AlertDeliveryRepository,
    private readonly cursors: ReadCursorRepository,
  ) {}

  /** One batch of flag events after the cursor; call again while it is not complete. */
  fanOutFlagEvents(): Promise<FanOutOutcome> {
    return this.db.transaction(async (tx) => {
      const now = this.clock.now();
      const cursor = await this.cursors.read(CURSOR, tx);
      const events = await this.flags.findEventsAfter(cursor.seq, EVENT_BATCH, tx);
      const { usable, gapSeenAt, isComplete } = contiguousAfter(
        events,
        cursor,
        now,
        GAP_GRACE_MS,
        EVENT_BATCH,
      );
      let raised = usable.filter((e) => e.kind === 'raised');
      if (raised.length) {
        const history = await this.facts.findEnteredAfterEnd(
          raised.map((e) => e.windowId),
          HISTORY_AFTER_MS,
          tx,
        );
        raised = raised.filter((e) => !history.has(e.windowId));
      }
      const deliveries = raised.length ? await this.fanOut(raised, now, tx) : 0;
      const last = usable.at(-1);
      await this.cursors.save(CURSOR, { seq: last ? last.seq : cursor.seq, gapSeenAt }, tx);
      return { events: usable.length, deliveries, isComplete };
    });
  }

  /** Daily subscriptions whose hour has come: one digest row each, and their next digest instant. */
  scheduleDigests(): Promise<FanOutOutcome> {
    return this.db.transaction(async (tx) => {
      const now = this.clock.now();
      const due = await this.subscriptions.findDueDigests(now, DIGEST_BATCH, tx);
      const rows: AlertDeliveryEntity[] = [];
      for (const subscription of due) {
        const hour = subscription.digestHour ?? 7;
        let dueAt = subscription.nextDigestAt!;
        // A worker that was down for days sends one digest for the latest day, covering everything since the last.
        for (let next = nextDigestAt(hour, subscription.timezone, dueAt); next <= now;) {
          dueAt = next;
          next = nextDigestAt(hour, subscription.timezone, dueAt);
        }
        const isMoved = await this.subscriptions.advanceDigest(
          subscription.id,
          subscription.nextDigestAt!,
          dueAt,
          nextDigestAt(hour, subscription.timezone, dueAt),
          tx,
        );
        if (!isMoved) continue;
        const from = subscription.lastDigestAt ?? previousDigestAt(dueAt, subscription.timezone);
        rows.push(
          this.delivery(subscription, now, {
            kind: 'digest',
            digestOn: digestDayOf(dueAt, subscription.timezone),
            periodFrom: from,
            periodTo: dueAt,
          }),
        );
      }
      const deliveries = await this.deliveries.insertMany(rows, tx);
      return { events: due.length, deliveries, isComplete: due.length < DIGEST_BATCH };
    });
  }

  /**
   * At a corridor's lift, in its transaction: its open flags reach the subscriptions that could not hear of them
   * while it was under embargo, as if raised now. Those that did hear keep their one e-mail (the unique key).
   */
  async releaseCorridor(corridorId: string, tx: SqlRunner): Promise<number> {
    const open = new Set(
      (await this.flags.findByCorridor(corridorId, tx)).filter((f) => !f.resolvedAt).map((f) => f.id),
    );
    const raised = (await this.flags.findEventsByCorridor(corridorId, tx)).filter(
      (e) => e.kind === 'raised' && open.has(e.flagId),
    );
    return raised.length ? this.fanOut(raised, this.clock.now(), tx) : 0;
  }

  private async fanOut(events: FlagEventEntity[], now: Date, tx: SqlRunner): Promise<number> {
    const corridors = await this.facts.findCorridors(
      events.map((e) => e.corridorId),
      now,
      tx,
    );
    let inserted = 0;
    for (let afterId = ''; ;) {
      const page = await this.subscriptions.pageImmediate(afterId, SUBSCRIBER_PAGE, tx);
      const rows: AlertDeliveryEntity[] = [];
      for (const subscription of page) {
        const filter = filterOf(subscription);
        for (const event of events) {
          const corridor = corridors.get(event.corridorId);
          // A subscription hears of flags raised after it began, not of the history before it.
          if (!corridor || event.at.getTime() < subscription.createdAt.getTime()) continue;
          if (
            !reachesSeverity(event.severity, subscription.minSeverity) ||
            !matchesCorridor(filter, corridor)
          )
            continue;
          rows.push(this.delivery(subscription, now, { kind: 'immediate', flagId: event.flagId }));
        }
      }
      inserted += await this.deliveries.insertMany(rows, tx);
      if (page.length < SUBSCRIBER_PAGE) return inserted;
      afterId = page[page.length - 1].id;
    }
  }

  private delivery(
    subscription: SubscriptionEntity,
    now: Date,
    what: Partial<AlertDeliveryEntity> & { kind: string },
  ): AlertDeliveryEntity {
    return {
      id: newId(),
      subscriptionId: subscription.id,
      flagId: null,
      digestOn: null,
      periodFrom: null,
      periodTo: null,
      email: subscription.email,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      leaseUntil: null,
      lastError: null,
      createdAt: now,
      sentAt: null,
      ...what,
    };
  }
}
