import { Entity, ForeignKey, Index } from 'typeorm';
import { IdColumn, InstantColumn, IntColumn, RefColumn, TextColumn } from '../shared/columns.js';
import { WebhookEndpointEntity } from './webhook-endpoint.entity.js';
import { WebhookEventEntity } from './webhook-event.entity.js';

/**
 * One event for one endpoint, written before it is sent; its unique key makes it exactly one per endpoint and
 * event. Each attempt updates it; a replay starts a new round on the same row.
 */
@Entity('webhook_delivery')
@Index('ux_webhook_delivery_event', ['endpointId', 'eventId'], { unique: true })
@Index('ix_webhook_delivery_log', ['endpointId', 'createdAt', 'id'])
@Index('ix_webhook_delivery_due', ['status', 'nextAttemptAt'])
export class WebhookDeliveryEntity {
  @IdColumn() id: string;
  @ForeignKey(() => WebhookEndpointEntity, { onDelete: 'CASCADE' })
  @RefColumn('endpoint_id')
  endpointId: string;
  @ForeignKey(() => WebhookEventEntity, { onDelete: 'CASCADE' }) @RefColumn('event_id') eventId: string;
  /** pending | sending | retrying | delivered | failed */
  @TextColumn('status', 16) status: string;
  @IntColumn('attempts', { default: 0 }) attempts: number;
  /** Raised by each replay: a job of an earlier round finds nothing to do. */
  @IntColumn('round', { default: 0 }) round: number;
  @InstantColumn('next_attempt_at', { nullable: true }) nextAttemptAt: Date | null;
  /** While sending: after this instant the attempt is taken for lost (its worker died). */
  @InstantColumn('lease_until', { nullable: true }) leaseUntil: Date | null;
  @InstantColumn('last_attempt_at', { nullable: true }) lastAttemptAt: Date | null;
  @IntColumn('last_status_code', { nullable: true }) lastStatusCode: number | null;
  @IntColumn('last_latency_ms', { nullable: true }) lastLatencyMs: number | null;
  @TextColumn('last_error', 500, { nullable: true }) lastError: string | null;
  /** The first characters of the last answer's body, never more. */
  @TextColumn('response_excerpt', 300, { nullable: true }) responseExcerpt: string | null;
  @InstantColumn('delivered_at', { nullable: true }) deliveredAt: Date | null;
  @InstantColumn('created_at') createdAt: Date;
}
