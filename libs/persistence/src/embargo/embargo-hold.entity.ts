import { Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { CorridorEntity } from '../corridor/corridor.entity.js';
import { InstantColumn, RefColumn } from '../shared/columns.js';

/**
 * A record under an embargo not yet lifted: written with the record, deleted by its lift. The lift job reads
 * this table, whose size follows the embargoes in force, instead of scanning every corridor and claim.
 */
@Entity('embargo_hold')
export class EmbargoHoldEntity {
  /** `corridor`, `confirmation`, `evacuation`, `remaining` or `incident`. */
  @PrimaryColumn({ name: 'record_kind', type: 'varchar', length: 16 }) recordKind: string;
  @PrimaryColumn({ name: 'record_id', type: 'varchar', length: 36 }) recordId: string;
  @ForeignKey(() => CorridorEntity, { onDelete: 'CASCADE' }) @RefColumn('corridor_id') corridorId: string;
  /** Null: until the corridor's last window ends. */
  @InstantColumn('embargoed_until', { nullable: true }) embargoedUntil: Date | null;
  @InstantColumn('created_at') createdAt: Date;
}
