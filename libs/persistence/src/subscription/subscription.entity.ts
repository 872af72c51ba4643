import { Entity, ForeignKey, Index } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity.js';
import { IdColumn, InstantColumn, IntColumn, RefColumn, TextColumn } from '../shared/columns.js';
import { UserEntity } from '../user/user.entity.js';

/** An e-mail address that receives alerts: each new flag at once, or a daily digest at a local hour. */
@Entity('subscription')
@Index('ix_subscription_organisation', ['organisationId', 'createdAt'])
@Index('ix_subscription_mode', ['mode', 'endedAt', 'id'])
// The digest sweep's query: daily subscriptions whose next digest is due.
@Index('ix_subscription_next_digest', ['nextDigestAt'])
export class SubscriptionEntity {
  @IdColumn() id: string;
  @ForeignKey(() => OrganisationEntity) @RefColumn('organisation_id') organisationId: string;
  @TextColumn('email', 320) email: string;
  /** immediate | daily */
  @TextColumn('mode', 16) mode: string;
  @IntColumn('digest_hour', { nullable: true }) digestHour: number | null;
  @TextColumn('timezone', 64) timezone: string;
  /** en | uk: the language of its e-mails and of its unsubscribe page. */
  @TextColumn('language', 8, { default: 'en' }) language: string;
  /** info | warning | critical */
  @TextColumn('min_severity', 16) minSeverity: string;
  /** JSON arrays of ids; null: every corridor, every party. */
  @TextColumn('corridor_ids', undefined, { nullable: true }) corridorIds: string | null;
  @TextColumn('party_ids', undefined, { nullable: true }) partyIds: string | null;
  /** Daily mode: the instant of the next digest, the subscriber's local hour in UTC. */
  @InstantColumn('next_digest_at', { nullable: true }) nextDigestAt: Date | null;
  /** Daily mode: the instant the previous digest covered up to (its period's end). */
  @InstantColumn('last_digest_at', { nullable: true }) lastDigestAt: Date | null;
  @ForeignKey(() => UserEntity) @RefColumn('created_by_id', { nullable: true }) createdById: string | null;
  @InstantColumn('created_at') createdAt: Date;
  /** Deleted or unsubscribed: no further e-mail; the row stays for its deliveries' history. */
  @InstantColumn('ended_at', { nullable: true }) endedAt: Date | null;
  /** unsubscribed | deleted */
  @TextColumn('end_reason', 16, { nullable: true }) endReason: string | null;
}
