import { Injectable } from '@nestjs/common';
import { Database, SqlRunner } from '../database/database.js';

export interface PendingEvaluation {
  seq: number;
  corridorId: string;
  createdAt: Date;
}

export interface OutboxBacklog {
  pending: number;
  oldestCreatedAt: Date | null;
}

/** Corridors whose facts changed, written in the transaction of the change; relayed to the queue later. */
@Injectable()
export class EvaluationOutboxRepository {
  constructor(private readonly db: Database) {}

  async insert(corridorId: string, createdAt: Date, tx: SqlRunner): Promise<void> {
    await tx.run('INSERT INTO evaluation_outbox (corridor_id, created_at) VALUES (:corridorId, :createdAt)', {
      corridorId,
      createdAt,
    });
  }

  /** The oldest rows not yet relayed, in the order they were written. */
  async findPending(limit: number, tx: SqlRunner = this.db): Promise<PendingEvaluation[]> {
    const rows = await tx.all<{ seq: number | string; corridor_id: string; created_at: number | string }>(
      `SELECT seq, corridor_id, created_at FROM evaluation_outbox WHERE relayed_at IS NULL ORDER BY seq LIMIT :limit`,
      { limit },
    );
    return rows.map((row) => ({
      seq: Number(row.seq),
      corridorId: row.corridor_id,
      createdAt: new Date(Number(row.created_at)),
    }));
  }

  /** Rows after a sequence number, relayed or not, in the order they were written (webhooks follow them). */
  async findAfter(afterSeq: number, limit: number, tx: SqlRunner = this.db): Promise<PendingEvaluation[]> {
    const rows = await tx.all<{ seq: number | string; corridor_id: string; created_at: number | string }>(
      'SELECT seq, corridor_id, created_at FROM evaluation_outbox WHERE seq > :afterSeq ORDER BY seq LIMIT :limit',
      { afterSeq, limit },
    );
    return rows.map((row) => ({
      seq: Number(row.seq),
      corridorId: row.corridor_id,
      createdAt: new Date(Number(row.created_at)),
    }));
  }

  /** Conditional: a row relayed by two workers at once is counted once. */
  async markRelayed(seqs: readonly number[], at: Date, tx: SqlRunner = this.db): Promise<number> {
    if (seqs.length === 0) return 0;
    return tx.run(
      'UPDATE evaluation_outbox SET relayed_at = :at WHERE seq IN (:...seqs) AND relayed_at IS NULL',
      { seqs, at },
    );
  }

  async purgeRelayedBefore(cutoff: Date, tx: SqlRunner = this.db): Promise<number> {
    return tx.run('DELETE FROM evaluation_outbox WHERE relayed_at IS NOT NULL AND relayed_at < :cutoff', {
      cutoff,
    });
  }

  async backlog(tx: SqlRunner = this.db): Promise<OutboxBacklog> {
    const row = await tx.get<{ n: number | string; oldest: number | string | null }>(
      'SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM evaluation_outbox WHERE relayed_at IS NULL',
    );
    return {
      pending: Number(row?.n ?? 0),
      oldestCreatedAt: row?.oldest == null ? null : new Date(Number(row.oldest)),
    };
  }
}
