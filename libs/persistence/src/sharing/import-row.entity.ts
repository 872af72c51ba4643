import { Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity.js';
import { InstantColumn, RefColumn } from '../shared/columns.js';
import { UserEntity } from '../user/user.entity.js';

/** A CSV row already stored: the same row imported again (the same file twice) stores nothing new. */
@Entity('import_row')
export class ImportRowEntity {
  @PrimaryColumn({ name: 'kind', type: 'varchar', length: 16 }) kind: string;
  /** SHA-256 of the row as the import read it (names resolved to ids), whatever its file or position. */
  @PrimaryColumn({ name: 'row_key', type: 'varchar', length: 64 }) rowKey: string;
  @RefColumn('record_id') recordId: string;
  @ForeignKey(() => OrganisationEntity) @RefColumn('organisation_id') organisationId: string;
  @ForeignKey(() => UserEntity) @RefColumn('created_by_id') createdById: string;
  @InstantColumn('created_at') createdAt: Date;
}
