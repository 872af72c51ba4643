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

@Entity('confirmation')
@Index('ix_confirmation_corridor', ['corridorId', 'statedAt'])
export class ConfirmationEntity {
  @IdColumn() id: string;
  @ForeignKey(() => CorridorEntity, { onDelete: 'CASCADE' }) @RefColumn('corridor_id') corridorId: string;
  @Index('ix_confirmation_party') @ForeignKey(() => PartyEntity) @RefColumn('party_id') partyId: string;
  @TextColumn('stance', 16) stance: string;
  /** The party that reported the stance (a facilitator's "with the agreement of the parties"); null: its own. */
  @ForeignKey(() => PartyEntity) @RefColumn('reported_by_id', { nullable: true }) reportedById: string | null;
  @InstantColumn('stated_at') statedAt: Date;
  @TextColumn('source_url', 2048, { nullable: true }) sourceUrl: string | null;
  @TextColumn('note', undefined, { nullable: true }) note: string | null;
  /** Same corridor, party, stance and instant: the same statement entered twice. */
  @Index('ux_confirmation_fingerprint', { unique: true }) @TextColumn('fingerprint', 64) fingerprint: string;
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
