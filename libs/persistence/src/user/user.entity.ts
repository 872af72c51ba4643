import { Entity, ForeignKey, Index } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity.js';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../shared/columns.js';

@Entity('app_user')
export class UserEntity {
  @IdColumn() id: string;
  @Index('ux_app_user_email', { unique: true }) @TextColumn('email', 320) email: string;
  @TextColumn('display_name', 200) displayName: string;
  @Index('ix_app_user_organisation')
  @ForeignKey(() => OrganisationEntity)
  @RefColumn('organisation_id')
  organisationId: string;
  @TextColumn('role', 16) role: string;
  @TextColumn('password_hash', undefined, { nullable: true }) passwordHash: string | null;
  @InstantColumn('disabled_at', { nullable: true }) disabledAt: Date | null;
  /** SHA-256 of the one-time invitation token that lets a new user set a password. */
  @Index('ux_app_user_invite', { unique: true })
  @TextColumn('invite_token_hash', 64, { nullable: true })
  inviteTokenHash: string | null;
  @InstantColumn('invite_expires_at', { nullable: true }) inviteExpiresAt: Date | null;
  @InstantColumn('created_at') createdAt: Date;
  @InstantColumn('updated_at') updatedAt: Date;
}
