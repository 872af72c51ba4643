import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity.js';
import { UserEntity } from '../user/user.entity.js';
import { IdColumn, InstantColumn, JsonTextColumn, RefColumn, TextColumn } from '../shared/columns.js';

@Entity('location')
export class LocationEntity {
  @IdColumn() id: string;
  @Index('ix_location_name') @TextColumn('name', 200) name: string;
  /** Local names by BCP 47 tag (`uk`, `ru`). */
  @JsonTextColumn('names') names: Record<string, string> | null;
  /** Other spellings sources use (Mangush, Zaporizhia). */
  @JsonTextColumn('aliases') aliases: string[] | null;
  /**
   * The name, the local names and the aliases, lower-cased in JS (SQLite's LOWER knows only ASCII), one per line:
   * `GET /locations?q=` is one LIKE on both databases.
   */
  @Column({ name: 'search_text', type: 'text', default: '' }) searchText: string;
  // Both or neither: a place may be known by name alone.
  @Column({ name: 'lat', type: 'double precision', nullable: true }) lat: number | null;
  @Column({ name: 'lon', type: 'double precision', nullable: true }) lon: number | null;
  @TextColumn('admin_area', 200, { nullable: true }) adminArea: string | null;
  @TextColumn('country_code', 2, { nullable: true }) countryCode: string | null;
  /** IANA zone the place keeps (Europe/Kyiv): its corridors' times are shown in it. Null while unknown. */
  @TextColumn('timezone', 64, { nullable: true }) timezone: string | null;
  @ForeignKey(() => OrganisationEntity) @RefColumn('organisation_id') organisationId: string;
  @ForeignKey(() => UserEntity) @RefColumn('created_by_id') createdById: string;
  @InstantColumn('created_at') createdAt: Date;
}
