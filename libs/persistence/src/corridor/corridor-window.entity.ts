import { Entity, ForeignKey, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn } from '../shared/columns.js';
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
  @InstantColumn('ends_at') endsAt: Date;
  @ForeignKey(() => UserEntity) @RefColumn('created_by_id') createdById: string;
  @InstantColumn('created_at') createdAt: Date;
  /** When the flag rules must look at this window again (its next deadline); null once nothing is due. */
  @InstantColumn('next_evaluation_at', { nullable: true }) nextEvaluationAt: Date | null;
  @InstantColumn('evaluated_at', { nullable: true }) evaluatedAt: Date | null;
}
