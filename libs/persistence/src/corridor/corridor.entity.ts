import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { LocationEntity } from '../location/location.entity.js';
import { OrganisationEntity } from '../organisation/organisation.entity.js';
import { PartyEntity } from '../party/party.entity.js';
import {
  IdColumn,
  InstantColumn,
  IntColumn,
  RefColumn,
  TextColumn,
  EmbargoedUntilColumn,
  EmbargoLiftedAtColumn,
  EmbargoUntilWindowsEndColumn,
} from '../shared/columns.js';
import { UserEntity } from '../user/user.entity.js';

@Entity('corridor')
@Index('ix_corridor_announced', ['announcedAt', 'id'])
export class CorridorEntity {
  @IdColumn() id: string;
  @TextColumn('name', 300) name: string;
  @Index('ix_corridor_origin') @ForeignKey(() => LocationEntity) @RefColumn('origin_id') originId: string;
  @Index('ix_corridor_destination')
  @ForeignKey(() => LocationEntity)
  @RefColumn('destination_id', { nullable: true })
  destinationId: string | null;
  @Index('ix_corridor_announced_by')
  @ForeignKey(() => PartyEntity)
  @RefColumn('announced_by_id')
  announcedById: string;
  @InstantColumn('announced_at') announcedAt: Date;
  @TextColumn('timezone', 64) timezone: string;
  @TextColumn('source_url', 2048, { nullable: true }) sourceUrl: string | null;
  @TextColumn('source_note', undefined, { nullable: true }) sourceNote: string | null;
  /** GeoJSON LineString, serialised. */
  @TextColumn('route', undefined, { nullable: true }) route: string | null;
  @InstantColumn('cancelled_at', { nullable: true }) cancelledAt: Date | null;
  @TextColumn('cancel_reason', undefined, { nullable: true }) cancelReason: string | null;
  @ForeignKey(() => UserEntity) @RefColumn('cancelled_by_id', { nullable: true }) cancelledById:
    string | null;
  // Derived from windows, confirmations and reports in the same transaction that changes them,
  // so the list filters and sorts without joining every report.
  @TextColumn('confirmation_state', 16) confirmationState: string;
  @InstantColumn('first_starts_at', { nullable: true }) firstStartsAt: Date | null;
  @InstantColumn('last_ends_at', { nullable: true }) lastEndsAt: Date | null;
  @IntColumn('evacuation_report_count', { default: 0 }) evacuationReportCount: number;
  @IntColumn('evacuation_low', { nullable: true }) evacuationLow: number | null;
  @IntColumn('evacuation_high', { nullable: true }) evacuationHigh: number | null;
  /**
   * What the stances make of the promise, were people reported moved (kept, unconfirmed, broken): kept with the
   * confirmations; null until computed (rows from before the promise, filled at start).
   */
  @TextColumn('stance_promise', 16, { nullable: true }) stancePromise: string | null;
  /** The promise once the windows are over (kept, unconfirmed, broken), kept with its inputs like the figures. */
  @Column({ name: 'settled_promise', type: 'varchar', length: 16, default: 'broken' }) settledPromise: string;
  @Column({ name: 'version', type: 'integer', default: 1 }) version: number;
  @Index('ix_corridor_organisation')
  @ForeignKey(() => OrganisationEntity)
  @RefColumn('organisation_id')
  organisationId: string;
  @ForeignKey(() => UserEntity) @RefColumn('created_by_id') createdById: string;
  @InstantColumn('created_at') createdAt: Date;
  @InstantColumn('updated_at') updatedAt: Date;
  /** Embargo (issue 14): seen by its organisation and admins only until lifted (libs/domain embargo.ts). */
  @EmbargoedUntilColumn() embargoedUntil: Date | null;
  @EmbargoUntilWindowsEndColumn() embargoUntilWindowsEnd: boolean;
  @EmbargoLiftedAtColumn() embargoLiftedAt: Date | null;
}
