import { Entity, ForeignKey, Index } from 'typeorm';
import type {
  CountQualifier,
  Credibility,
  EvacuationMeasure,
  PopulationCategory,
  Reliability,
} from '#cw/domain';
import { CorridorEntity } from '../corridor/corridor.entity.js';
import { CorridorWindowEntity } from '../corridor/corridor-window.entity.js';
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

@Entity('evacuation_report')
// Covers the per-corridor figures aggregate (per measure and window, claims under embargo left out), so it reads
// the index alone, and a new claim's own group (corridor, measure, window) is a range of it. Every read of reports names the corridor;
// windows and parties are never deleted, so their keys need no index of their own (one less to write per
// report, the hot insert).
@Index('ix_evacuation_report_corridor', [
  'corridorId',
  'measure',
  'windowId',
  'qualifier',
  'value',
  'max',
  'embargoLiftedAt',
  'embargoedUntil',
  'embargoUntilWindowsEnd',
])
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
  @TextColumn('qualifier', 16) qualifier: CountQualifier;
  @IntColumn('value') value: number;
  @IntColumn('max', { nullable: true }) max: number | null;
  @TextColumn('category', 32) category: PopulationCategory;
  /** What was counted: left the origin, joined on the way, arrived, or (unsaid) evacuated. */
  @TextColumn('measure', 16, { default: 'evacuated' }) measure: EvacuationMeasure;
  /** Where the people were counted: the plant, a stop, the destination. */
  @ForeignKey(() => LocationEntity) @RefColumn('counted_at_id', { nullable: true }) countedAtId:
    string | null;
  /** Who they were, when the source says (JSON: men, women, minors, elderly, wounded). */
  @TextColumn('breakdown', undefined, { nullable: true }) breakdown: string | null;
  @ForeignKey(() => LocationEntity) @RefColumn('arrived_at_id', { nullable: true }) arrivedAtId:
    string | null;
  @TextColumn('source_url', 2048, { nullable: true }) sourceUrl: string | null;
  @TextColumn('note', undefined, { nullable: true }) note: string | null;
  /** Its source's reliability when it was entered (kept: a party's later grade does not rewrite it). */
  @ReliabilityColumn('source_reliability') sourceReliability: Reliability;
  @CredibilityColumn('credibility') credibility: Credibility;
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
