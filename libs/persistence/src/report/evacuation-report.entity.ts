import { Entity, ForeignKey, Index } from 'typeorm';
import { CorridorEntity } from '../corridor/corridor.entity.js';
import { CorridorWindowEntity } from '../corridor/corridor-window.entity.js';
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

@Entity('evacuation_report')
// Covers the per-corridor figures aggregate, so it reads the index alone. Every read of reports names the
// corridor; windows and parties are never deleted, so their keys need no index of their own (one less to
// write per report, the hot insert).
@Index('ix_evacuation_report_corridor', ['corridorId', 'windowId', 'value', 'max'])
export class EvacuationReportEntity {
  @IdColumn() id: string;
  @ForeignKey(() => CorridorEntity, { onDelete: 'CASCADE' }) @RefColumn('corridor_id') corridorId: string;
  @ForeignKey(() => CorridorWindowEntity, { onDelete: 'SET NULL' })
  @RefColumn('window_id', { nullable: true })
  windowId: string | null;
  @ForeignKey(() => PartyEntity)
  @RefColumn('source_party_id')
  sourcePartyId: string;
  @InstantColumn('reported_at') reportedAt: Date;
  @TextColumn('qualifier', 16) qualifier: string;
  @IntColumn('value') value: number;
  @IntColumn('max', { nullable: true }) max: number | null;
  @TextColumn('category', 16) category: string;
  @ForeignKey(() => LocationEntity) @RefColumn('arrived_at_id', { nullable: true }) arrivedAtId:
    string | null;
  @TextColumn('source_url', 2048, { nullable: true }) sourceUrl: string | null;
  @TextColumn('note', undefined, { nullable: true }) note: string | null;
  /** Same corridor, window, source, instant, category and figure: the same claim entered twice. */
  @Index('ux_evacuation_report_fingerprint', { unique: true })
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
