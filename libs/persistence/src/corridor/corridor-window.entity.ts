import { Entity, ForeignKey, Index } from 'typeorm';
import { BoolColumn, IdColumn, InstantColumn, IntColumn, RefColumn } from '../shared/columns.js';
import { UserEntity } from '../user/user.entity.js';
import { CorridorEntity } from './corridor.entity.js';

@Entity('corridor_window')
@Index('ix_corridor_window_corridor', ['corridorId', 'startsAt'])
@Index('ix_corridor_window_span', ['startsAt', 'endsAt'])
@Index('ix_corridor_window_ends', ['endsAt'])
@Index('ix_corridor_window_next_evaluation', ['nextEvaluationAt'])
export class CorridorWindowEntity {
  @IdColumn() id: string;
  @ForeignKey(() => CorridorEntity, { onDelete: 'CASCADE' }) @RefColumn('corridor_id') corridorId: string;
  @InstantColumn('starts_at') startsAt: Date;
  /** The end the rules read: the announced end, or for an open-ended window its start + OPEN_ENDED_REVIEW_HOURS. */
  @InstantColumn('ends_at') endsAt: Date;
  /** Announced with no end: the API shows `endsAt: null` until an edit closes it. */
  @BoolColumn('is_open_ended', { default: false }) isOpenEnded: boolean;
  /** Raised by each edit of the window (closing it): an edit names the version it read. */
  @IntColumn('version', { default: 1 }) version: number;
  @ForeignKey(() => UserEntity) @RefColumn('created_by_id') createdById: string;
  @InstantColumn('created_at') createdAt: Date;
  /** When the flag rules must look at this window again (its next deadline); null once nothing is due. */
  @InstantColumn('next_evaluation_at', { nullable: true }) nextEvaluationAt: Date | null;
  @InstantColumn('evaluated_at', { nullable: true }) evaluatedAt: Date | null;
}
