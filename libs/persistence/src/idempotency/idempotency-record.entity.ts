import { Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, IntColumn, TextColumn } from '../shared/columns.js';

/** The first answer to a create, replayed when a client retries with the same Idempotency-Key. */
@Entity('idempotency_record')
export class IdempotencyRecordEntity {
  @PrimaryColumn({ name: 'principal_id', type: 'varchar', length: 36 }) principalId: string;
  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar', length: 255 }) idempotencyKey: string;
  @TextColumn('request_hash', 64) requestHash: string;
  @IntColumn('status_code') statusCode: number;
  @TextColumn('response_body') responseBody: string;
  @Index('ix_idempotency_record_created') @InstantColumn('created_at') createdAt: Date;
}
