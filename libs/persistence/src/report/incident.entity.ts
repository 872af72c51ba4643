import { Entity, ForeignKey, Index } from 'typeorm';
import type { Credibility, IncidentKind, Reliability } from '#cw/domain';
import { CorridorEntity } from '../corridor/corridor.entity.js';
import { LocationEntity } from '../location/location.entity.js';
import { OrganisationEntity } from '../organisation/organisation.entity.js';
import { PartyEntity } from '../party/party.entity.js';
import {
  CredibilityColumn,
  IdColumn,
  InstantColumn,
  IntColumn,
  RefColumn,
  ReliabilityColumn,
  TextColumn,
  EmbargoedUntilColumn,
  EmbargoLiftedAtColumn,
  EmbargoUntilWindowsEndColumn,
} from '../shared/columns.js';
import { UserEntity } from '../user/user.entity.js';

@Entity('incident')
@Index('ix_incident_corridor', ['corridorId', 'occurredAt'])
export class IncidentEntity {
  @IdColumn() id: string;
  @ForeignKey(() => CorridorEntity, { onDelete: 'CASCADE' }) @RefColumn('corridor_id') corridorId: string;
  @TextColumn('kind', 16) kind: IncidentKind;
  @InstantColumn('occurred_at') occurredAt: Date;
  @TextColumn('description') description: string;
  /** Where it happened, when the source says (a checkpoint, a stop): the map's marker. */
  @ForeignKey(() => LocationEntity) @RefColumn('place_id', { nullable: true }) placeId: string | null;
  @ForeignKey(() => PartyEntity) @RefColumn('source_party_id', { nullable: true }) sourcePartyId:
    string | null;
  @TextColumn('source_url', 2048, { nullable: true }) sourceUrl: string | null;
  /** Its source's reliability when it was entered (kept: a party's later grade does not rewrite it). */
  @ReliabilityColumn('source_reliability') sourceReliability: Reliability;
  @CredibilityColumn('credibility') credibility: Credibility;
  @Index('ux_incident_fingerprint', { unique: true }) @TextColumn('fingerprint', 64) fingerprint: string;
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
