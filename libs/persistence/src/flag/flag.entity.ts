import { Entity, ForeignKey, Index } from 'typeorm';
import { CorridorWindowEntity } from '../corridor/corridor-window.entity.js';
import { CorridorEntity } from '../corridor/corridor.entity.js';
import type { Credibility, Reliability } from '#cw/domain';
import {
  CredibilityColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  ReliabilityColumn,
  TextColumn,
} from '../shared/columns.js';
import { UserEntity } from '../user/user.entity.js';

/** A machine-raised alert on a window; one row per window and rule, however often jobs run. */
@Entity('flag')
@Index('ux_flag_window_rule', ['windowId', 'rule'], { unique: true })
@Index('ix_flag_open', ['resolvedAt', 'raisedAt'])
@Index('ix_flag_corridor', ['corridorId', 'raisedAt'])
// The flags awaiting a coordinator, counted per corridor by the corridor list without reading the table.
@Index('ix_flag_awaiting', ['corridorId', 'severity'], {
  where: 'resolved_at IS NULL AND acknowledged_at IS NULL',
})
export class FlagEntity {
  @IdColumn() id: string;
  @ForeignKey(() => CorridorEntity, { onDelete: 'CASCADE' }) @RefColumn('corridor_id') corridorId: string;
  @ForeignKey(() => CorridorWindowEntity, { onDelete: 'CASCADE' }) @RefColumn('window_id') windowId: string;
  @TextColumn('rule', 32) rule: string;
  @TextColumn('severity', 16) severity: string;
  @InstantColumn('raised_at') raisedAt: Date;
  @InstantColumn('resolved_at', { nullable: true }) resolvedAt: Date | null;
  @InstantColumn('acknowledged_at', { nullable: true }) acknowledgedAt: Date | null;
  @ForeignKey(() => UserEntity) @RefColumn('acknowledged_by_id', { nullable: true }) acknowledgedById:
    string | null;
  @TextColumn('acknowledge_note', undefined, { nullable: true }) acknowledgeNote: string | null;
  /** JSON: for count_discrepancy, the like group and the claims at its two ends. */
  @TextColumn('detail', undefined, { nullable: true }) detail: string | null;
  /** The weaker grade of the claims it rests on; null for a flag raised by an absence. */
  @ReliabilityColumn('evidence_reliability', { nullable: true }) evidenceReliability: Reliability | null;
  @CredibilityColumn('evidence_credibility', { nullable: true }) evidenceCredibility: Credibility | null;
}
