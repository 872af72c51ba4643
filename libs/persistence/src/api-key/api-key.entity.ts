import { Entity, ForeignKey, Index } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity.js';
import { UserEntity } from '../user/user.entity.js';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../shared/columns.js';

@Entity('api_key')
export class ApiKeyEntity {
  @IdColumn() id: string;
  @TextColumn('name', 200) name: string;
  @Index('ix_api_key_organisation')
  @ForeignKey(() => OrganisationEntity)
  @RefColumn('organisation_id')
  organisationId: string;
  @ForeignKey(() => UserEntity) @RefColumn('user_id') userId: string;
  // SHA-256 of a 256-bit random secret: a slow hash adds nothing to a key nobody can guess.
  @Index('ux_api_key_hash', { unique: true }) @TextColumn('key_hash', 64) keyHash: string;
  @TextColumn('key_prefix', 16) keyPrefix: string;
  @TextColumn('scopes', 32) scopes: string;
  @InstantColumn('created_at') createdAt: Date;
  @InstantColumn('last_used_at', { nullable: true }) lastUsedAt: Date | null;
  @InstantColumn('revoked_at', { nullable: true }) revokedAt: Date | null;
  // The key that minted this one (null: a signed-in person did); revoking it revokes this one. No foreign key:
  // keys are never deleted, and SQLite could add one only by copying the table.
  @Index('ix_api_key_parent') @RefColumn('parent_key_id', { nullable: true }) parentKeyId: string | null;
}
