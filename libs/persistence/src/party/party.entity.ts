import { Entity, ForeignKey, Index } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity.js';
import { UserEntity } from '../user/user.entity.js';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../shared/columns.js';

@Entity('party')
export class PartyEntity {
  @IdColumn() id: string;
  @Index('ux_party_name', { unique: true }) @TextColumn('name', 200) name: string;
  @TextColumn('short_name', 64, { nullable: true }) shortName: string | null;
  @Index('ix_party_kind') @TextColumn('kind', 16) kind: string;
  /** The side of the front line (`Russia`, `Ukraine`): a party is not asked to confirm its own side's corridor. */
  @TextColumn('side', 64, { nullable: true }) side: string | null;
  @ForeignKey(() => OrganisationEntity) @RefColumn('organisation_id') organisationId: string;
  @ForeignKey(() => UserEntity) @RefColumn('created_by_id') createdById: string;
  @InstantColumn('created_at') createdAt: Date;
}
