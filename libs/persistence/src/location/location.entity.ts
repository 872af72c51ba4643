import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity.js';
import { UserEntity } from '../user/user.entity.js';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../shared/columns.js';

@Entity('location')
export class LocationEntity {
  @IdColumn() id: string;
  @Index('ix_location_name') @TextColumn('name', 200) name: string;
  @Column({ name: 'lat', type: 'double precision' }) lat: number;
  @Column({ name: 'lon', type: 'double precision' }) lon: number;
  @TextColumn('admin_area', 200, { nullable: true }) adminArea: string | null;
  @TextColumn('country_code', 2, { nullable: true }) countryCode: string | null;
  @ForeignKey(() => OrganisationEntity) @RefColumn('organisation_id') organisationId: string;
  @ForeignKey(() => UserEntity) @RefColumn('created_by_id') createdById: string;
  @InstantColumn('created_at') createdAt: Date;
}
