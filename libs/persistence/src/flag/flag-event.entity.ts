import { Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn, RefColumn, TextColumn } from '../shared/columns.js';
import { FlagEntity } from './flag.entity.js';

/**
 * Every raise, resolve, reopen and acknowledgement of a flag, in order. The corridor timeline shows them and the
 * alert e-mails consume them by sequence number.
 */
@Entity('flag_event')
@Index('ix_flag_event_corridor', ['corridorId', 'seq'])
@Index('ix_flag_event_flag', ['flagId', 'seq'])
export class FlagEventEntity {
  @PrimaryGeneratedColumn({ name: 'seq', type: 'integer' }) seq: number;
  @ForeignKey(() => FlagEntity, { onDelete: 'CASCADE' }) @RefColumn('flag_id') flagId: string;
  @RefColumn('corridor_id') corridorId: string;
  @RefColumn('window_id') windowId: string;
  @TextColumn('rule', 32) rule: string;
  @TextColumn('severity', 16) severity: string;
  @TextColumn('kind', 16) kind: string;
  @InstantColumn('at') at: Date;
  @RefColumn('actor_user_id', { nullable: true }) actorUserId: string | null;
}
