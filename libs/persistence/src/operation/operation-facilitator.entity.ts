import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { PartyEntity } from '../party/party.entity.js';
import { OperationEntity } from './operation.entity.js';

/** A party that facilitated the operation (OCHA, the ICRC). */
@Entity('operation_facilitator')
export class OperationFacilitatorEntity {
  @ForeignKey(() => OperationEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'operation_id', type: 'varchar', length: 36 })
  operationId: string;

  @Index('ix_operation_facilitator_party')
  @ForeignKey(() => PartyEntity)
  @PrimaryColumn({ name: 'party_id', type: 'varchar', length: 36 })
  partyId: string;
}
