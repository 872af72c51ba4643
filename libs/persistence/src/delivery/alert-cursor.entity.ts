import { Column, Entity } from 'typeorm';
import { InstantColumn } from '../shared/columns.js';

/** How far the immediate alerts have read flag_event, by sequence number. */
@Entity('alert_cursor')
export class AlertCursorEntity {
  @Column({ name: 'name', type: 'varchar', length: 32, primary: true }) name: string;
  @Column({ name: 'seq', type: 'integer', default: 0 }) seq: number;
  /** When a gap in the sequence after `seq` was first seen: a transaction still committing, or a deleted row. */
  @InstantColumn('gap_seen_at', { nullable: true }) gapSeenAt: Date | null;
}
