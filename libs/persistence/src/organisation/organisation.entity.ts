import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, TextColumn } from '../shared/columns.js';

@Entity('organisation')
export class OrganisationEntity {
  @IdColumn() id: string;
  @Index('ux_organisation_name', { unique: true }) @TextColumn('name', 200) name: string;
  /** en | uk: the language its people's subscriptions are written in unless they choose another. */
  @TextColumn('language', 8, { default: 'en' }) language: string;
  @InstantColumn('created_at') createdAt: Date;
}
