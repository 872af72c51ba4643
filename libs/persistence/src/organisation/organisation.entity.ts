import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, TextColumn } from '../shared/columns.js';

@Entity('organisation')
export class OrganisationEntity {
  @IdColumn() id: string;
  @Index('ux_organisation_name', { unique: true }) @TextColumn('name', 200) name: string;
  @InstantColumn('created_at') createdAt: Date;
}
