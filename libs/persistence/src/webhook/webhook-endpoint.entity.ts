import { Entity, ForeignKey, Index } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity.js';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../shared/columns.js';
import { UserEntity } from '../user/user.entity.js';

/** An organisation's receiver of webhook events: where they go, which ones, and how it has been answering. */
@Entity('webhook_endpoint')
@Index('ix_webhook_endpoint_organisation', ['organisationId', 'createdAt'])
export class WebhookEndpointEntity {
  @IdColumn() id: string;
  @ForeignKey(() => OrganisationEntity) @RefColumn('organisation_id') organisationId: string;
  @TextColumn('url', 2048) url: string;
  @TextColumn('description', 500, { nullable: true }) description: string | null;
  /** JSON array of the event types it receives. */
  @TextColumn('events', 500) events: string;
  /** The signing secret, encrypted with a key derived from APP_SECRET (it is needed in plain to sign). */
  @TextColumn('secret', 300) secret: string;
  /** The first failed attempt since the last success; a success clears it. */
  @InstantColumn('failing_since', { nullable: true }) failingSince: Date | null;
  @InstantColumn('disabled_at', { nullable: true }) disabledAt: Date | null;
  @TextColumn('disabled_reason', 500, { nullable: true }) disabledReason: string | null;
  /** Set when the worker disabled it: the id of the e-mail to the organisation, sent once. */
  @RefColumn('notice_id', { nullable: true }) noticeId: string | null;
  @InstantColumn('notice_sent_at', { nullable: true }) noticeSentAt: Date | null;
  @ForeignKey(() => UserEntity) @RefColumn('created_by_id') createdById: string;
  @InstantColumn('created_at') createdAt: Date;
  @InstantColumn('updated_at') updatedAt: Date;
}
