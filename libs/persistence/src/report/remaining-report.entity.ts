import { Entity, ForeignKey, Index } from 'typeorm';
import { CorridorEntity } from '../corridor/corridor.entity.js';
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

@Entity('remaining_report')
@Index('ix_remaining_report_corridor', ['corridorId', 'reportedAt'])
export class RemainingReportEntity {
  @IdColumn() id: string;
  @ForeignKey(() => CorridorEntity, { onDelete: 'CASCADE' }) @RefColumn('corridor_id') corridorId: string;
  @ForeignKey(() => PartyEntity) @RefColumn('source_party_id') sourcePartyId: string;
  @InstantColumn('reported_at') reportedAt: Date;
  @TextColumn('qualifier', 16) qualifier: string;
  @IntColumn('value') value: number;
  @IntColumn('max', { nullable: true }) max: number | null;
  @TextColumn('source_url', 2048, { nullable: true }) sourceUrl: string | null;
  @TextColumn('note', undefined, { nullable: true }) note: string | null;
  @Index('ux_remaining_report_fingerprint', { unique: true })
  @TextColumn('fingerprint', 64)
  fingerprint: string;
  @ForeignKey(() => OrganisationEntity) @RefColumn('organisation_id') organisationId: string;
  @ForeignKey(() => UserEntity) @RefColumn('created_by_id') createdById: string;
  @InstantColumn('created_at') createdAt: Date;
  /** Raised by each correction: an edit names the version it read (optimistic concurrency). */
  @IntColumn('version', { default: 1 }) version: number;
  /** Embargo (issue 14): seen by its organisation and admins only until lifted (libs/domain embargo.ts). */
  @EmbargoedUntilColumn() embargoedUntil: Date | null;
  @EmbargoUntilWindowsEndColumn() embargoUntilWindowsEnd: boolean;
  @EmbargoLiftedAtColumn() embargoLiftedAt: Date | null;
}
