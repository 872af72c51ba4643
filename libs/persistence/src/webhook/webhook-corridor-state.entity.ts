import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { CorridorEntity } from '../corridor/corridor.entity.js';
import { InstantColumn, TextColumn } from '../shared/columns.js';

/**
 * The status and promise of a corridor as webhooks last announced them: a change is announced when what the
 * corridor derives now differs from this row, and this row moves with the announcement in one transaction.
 */
@Entity('webhook_corridor_state')
@Index('ix_webhook_corridor_state_check', ['nextCheckAt'])
export class WebhookCorridorStateEntity {
  @ForeignKey(() => CorridorEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'corridor_id', type: 'varchar', length: 36 })
  corridorId: string;
  /** Null: a corridor that existed before webhooks; its first reading is taken without an announcement. */
  @TextColumn('status', 16, { nullable: true }) status: string | null;
  @TextColumn('promise', 16, { nullable: true }) promise: string | null;
  /** The next instant time alone may change its status (a window starting or ending). */
  @InstantColumn('next_check_at', { nullable: true }) nextCheckAt: Date | null;
}
