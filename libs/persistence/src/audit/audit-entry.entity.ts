import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn, RefColumn, TextColumn } from '../shared/columns.js';

/** One write, as it happened: who, for which organisation, what, on which record, before and after. Append-only. */
@Entity('audit_entry')
@Index('ix_audit_entry_record', ['entity', 'entityId', 'seq'])
@Index('ix_audit_entry_actor', ['actorUserId', 'seq'])
@Index('ix_audit_entry_corridor', ['corridorId', 'seq'])
@Index('ix_audit_entry_at', ['at'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ name: 'seq', type: 'integer' }) seq: number;
  @InstantColumn('at') at: Date;
  /** null for the system itself (background jobs). */
  @RefColumn('actor_user_id', { nullable: true }) actorUserId: string | null;
  @TextColumn('actor_credential', 16, { nullable: true }) actorCredential: string | null;
  @RefColumn('actor_credential_id', { nullable: true }) actorCredentialId: string | null;
  @RefColumn('organisation_id', { nullable: true }) organisationId: string | null;
  @TextColumn('action', 48) action: string;
  @TextColumn('entity', 32) entity: string;
  @RefColumn('entity_id') entityId: string;
  /** The corridor the record belongs to, so the audit shows on its timeline. */
  @RefColumn('corridor_id', { nullable: true }) corridorId: string | null;
  /** JSON of the changed fields before and after; null for a create's before or a delete's after. */
  @Column({ name: 'before', type: 'text', nullable: true }) before: string | null;
  @Column({ name: 'after', type: 'text', nullable: true }) after: string | null;
  @TextColumn('request_id', 100, { nullable: true }) requestId: string | null;
  @TextColumn('outcome', 16) outcome: string;
}
