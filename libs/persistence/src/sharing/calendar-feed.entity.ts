import { Entity, ForeignKey, Index } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity.js';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../shared/columns.js';
import { UserEntity } from '../user/user.entity.js';

/** A private iCalendar feed of windows: a corridor filter read by whoever holds its URL's token. */
@Entity('calendar_feed')
@Index('ix_calendar_feed_user', ['userId', 'createdAt'])
export class CalendarFeedEntity {
  @IdColumn() id: string;
  @TextColumn('name', 200) name: string;
  /** The corridor filter (JSON of the `GET /corridors` query, without paging). */
  @TextColumn('filter') filter: string;
  // SHA-256 of a 256-bit random secret, as for API keys: the URL itself is shown once.
  @Index('ux_calendar_feed_token_hash', { unique: true }) @TextColumn('token_hash', 64) tokenHash: string;
  @ForeignKey(() => UserEntity) @RefColumn('user_id') userId: string;
  @ForeignKey(() => OrganisationEntity) @RefColumn('organisation_id') organisationId: string;
  @InstantColumn('created_at') createdAt: Date;
  @InstantColumn('revoked_at', { nullable: true }) revokedAt: Date | null;
}
