import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity.js';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../shared/columns.js';
import { UserEntity } from '../user/user.entity.js';

/** Corridors that are stages of one operation (a ceasefire corridor and the convoy that carried its people). */
@Entity('operation')
@Index('ix_operation_created', ['createdAt', 'id'])
export class OperationEntity {
  @IdColumn() id: string;
  @TextColumn('name', 300) name: string;
  @TextColumn('source_url', 2048, { nullable: true }) sourceUrl: string | null;
  @TextColumn('note', undefined, { nullable: true }) note: string | null;
  @Column({ name: 'version', type: 'integer', default: 1 }) version: number;
  @Index('ix_operation_organisation')
  @ForeignKey(() => OrganisationEntity)
  @RefColumn('organisation_id')
  organisationId: string;
  @ForeignKey(() => UserEntity) @RefColumn('created_by_id') createdById: string;
  @InstantColumn('created_at') createdAt: Date;
  @InstantColumn('updated_at') updatedAt: Date;
}
