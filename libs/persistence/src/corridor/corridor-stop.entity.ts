import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { LocationEntity } from '../location/location.entity.js';
import { RefColumn } from '../shared/columns.js';
import { CorridorEntity } from './corridor.entity.js';

/** A place on the way, in the order the announcement names them (Berdiansk, Tokmak, Vasylivka). */
@Entity('corridor_stop')
export class CorridorStopEntity {
  @ForeignKey(() => CorridorEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'corridor_id', type: 'varchar', length: 36 })
  corridorId: string;

  @PrimaryColumn({ name: 'position', type: 'integer' }) position: number;

  @Index('ix_corridor_stop_location')
  @ForeignKey(() => LocationEntity)
  @RefColumn('location_id')
  locationId: string;
}
