import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { CorridorEntity } from '../corridor/corridor.entity.js';
import { IntColumn, RefColumn } from '../shared/columns.js';
import { OperationEntity } from './operation.entity.js';

/**
 * A corridor as a stage of an operation. The corridor is the key: it belongs to at most one operation, and the
 * database says so (two operations claiming it at once cannot both win). A table of its own rather than a column
 * on the corridor keeps the stages' order and leaves the corridor row alone.
 */
@Entity('operation_corridor')
@Index('ix_operation_corridor_operation', ['operationId', 'position'])
export class OperationCorridorEntity {
  @ForeignKey(() => CorridorEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'corridor_id', type: 'varchar', length: 36 })
  corridorId: string;

  @ForeignKey(() => OperationEntity, { onDelete: 'CASCADE' })
  @RefColumn('operation_id')
  operationId: string;

  @IntColumn('position') position: number;
}
