import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../shared/columns.js';

/**
 * Something that happened, as webhooks announce it: written in the transaction that made it happen (a report) or
 * that read it (flag events, corridor changes), then fanned out to the endpoints once.
 */
@Entity('webhook_event')
@Index('ix_webhook_event_pending', ['fannedOutAt', 'occurredAt', 'id'])
@Index('ux_webhook_event_source', ['sourceKey'], { unique: true })
@Index('ix_webhook_event_held', ['heldBy'])
export class WebhookEventEntity {
  /** Also the `webhook-id` of every delivery of it: the receiver's idempotency key. */
  @IdColumn() id: string;
  @TextColumn('type', 40) type: string;
  @InstantColumn('occurred_at') occurredAt: Date;
  @RefColumn('corridor_id', { nullable: true }) corridorId: string | null;
  /** The payload's `data`, JSON. */
  @TextColumn('data') data: string;
  /** What it was made from (`flag_event:<seq>`, `evacuation:<id>`): the same source never makes two events. */
  @TextColumn('source_key', 80, { nullable: true }) sourceKey: string | null;
  @InstantColumn('fanned_out_at', { nullable: true }) fannedOutAt: Date | null;
  /**
   * The record under embargo (`corridor:<id>`, `evacuation:<id>`) whose organisation alone has had it so far: its
   * lift sends it on to the others, as the same event (the same `webhook-id`).
   */
  @TextColumn('held_by', 60, { nullable: true }) heldBy: string | null;
}
