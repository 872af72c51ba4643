import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { PartyEntity } from '../party/party.entity.js';
import { CorridorEntity } from './corridor.entity.js';

@Entity('corridor_required_party')
export class CorridorRequiredPartyEntity {
  @ForeignKey(() => CorridorEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'corridor_id', type: 'varchar', length: 36 })
  corridorId: string;

  @Index('ix_corridor_required_party_party')
  @ForeignKey(() => PartyEntity)
  @PrimaryColumn({ name: 'party_id', type: 'varchar', length: 36 })
  partyId: string;
}
