import { Entity, ForeignKey, Index } from 'typeorm';
import { UserEntity } from '../user/user.entity.js';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../shared/columns.js';

@Entity('user_session')
export class SessionEntity {
  @IdColumn() id: string;
  @Index('ux_user_session_token', { unique: true }) @TextColumn('token_hash', 64) tokenHash: string;
  @Index('ix_user_session_user') @ForeignKey(() => UserEntity) @RefColumn('user_id') userId: string;
  @InstantColumn('created_at') createdAt: Date;
  /** Absolute expiry: the session ends then however active it is. */
  @InstantColumn('expires_at') expiresAt: Date;
  /** Idle expiry counts from here. */
  @InstantColumn('last_seen_at') lastSeenAt: Date;
  @InstantColumn('revoked_at', { nullable: true }) revokedAt: Date | null;
}
