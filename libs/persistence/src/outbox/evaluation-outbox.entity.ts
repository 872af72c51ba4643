import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn, RefColumn } from '../shared/columns.js';

/**
 * A corridor whose facts changed and must be evaluated, written in the transaction of the change so that
 * nothing is lost while Redis is down; relayed to BullMQ when it answers.
 */
@Entity('evaluation_outbox')
@Index('ix_evaluation_outbox_pending', ['relayedAt', 'seq'])
export class EvaluationOutboxEntity {
  @PrimaryGeneratedColumn({ name: 'seq', type: 'integer' }) seq: number;
  @RefColumn('corridor_id') corridorId: string;
  @InstantColumn('created_at') createdAt: Date;
  @InstantColumn('relayed_at', { nullable: true }) relayedAt: Date | null;
}
