import { Entity, ForeignKey, Index } from 'typeorm';
import { FlagEntity } from '../flag/flag.entity.js';
import { IdColumn, InstantColumn, IntColumn, RefColumn, TextColumn } from '../shared/columns.js';
import { SubscriptionEntity } from '../subscription/subscription.entity.js';

/**
 * One e-mail to send, written before it is sent. Its unique keys make it exactly one per subscription and flag,
 * and one per subscription and digest day, however often the jobs that write it run.
 */
@Entity('alert_delivery')
@Index('ux_alert_delivery_flag', ['subscriptionId', 'flagId'], { unique: true })
@Index('ux_alert_delivery_digest', ['subscriptionId', 'digestOn'], { unique: true })
@Index('ix_alert_delivery_due', ['status', 'nextAttemptAt'])
@Index('ix_alert_delivery_created', ['createdAt', 'id'])
export class AlertDeliveryEntity {
  @IdColumn() id: string;
  @ForeignKey(() => SubscriptionEntity, { onDelete: 'CASCADE' })
  @RefColumn('subscription_id')
  subscriptionId: string;
  /** immediate | digest */
  @TextColumn('kind', 16) kind: string;
  @ForeignKey(() => FlagEntity, { onDelete: 'CASCADE' }) @RefColumn('flag_id', { nullable: true }) flagId:
    string | null;
  /** Digest: the subscriber's local date (YYYY-MM-DD) and the period it covers. */
  @TextColumn('digest_on', 10, { nullable: true }) digestOn: string | null;
  @InstantColumn('period_from', { nullable: true }) periodFrom: Date | null;
  @InstantColumn('period_to', { nullable: true }) periodTo: Date | null;
  @TextColumn('email', 320) email: string;
  /** pending | sending | sent | failed | cancelled */
  @TextColumn('status', 16) status: string;
  @IntColumn('attempts', { default: 0 }) attempts: number;
  @InstantColumn('next_attempt_at') nextAttemptAt: Date;
  /** While sending: the instant after which another worker may take it over (its sender died). */
  @InstantColumn('lease_until', { nullable: true }) leaseUntil: Date | null;
  @TextColumn('last_error', undefined, { nullable: true }) lastError: string | null;
  @InstantColumn('created_at') createdAt: Date;
  @InstantColumn('sent_at', { nullable: true }) sentAt: Date | null;
}
