import { Injectable } from '@nestjs/common';
import type { SqlRunner } from '../database/database.js';

/** How far a consumer has read a table by sequence number (alert e-mails and webhooks read flag_event this way). */
export interface ReadCursor {
  seq: number;
  /** When a gap in the sequence after `seq` was first seen: a transaction still committing, or a deleted row. */
  gapSeenAt: Date | null;
}

/** The rows after the cursor that may be read now, and what the cursor keeps of a gap. */
export interface ContiguousRows<T> {
  usable: T[];
  gapSeenAt: Date | null;
  /** Nothing is left to read at once: a short batch, or a gap still in its grace. */
  isComplete: boolean;
}

/**
 * Rows of a sequence after the cursor, up to the first gap: a gap is a transaction still committing unless it
 * lasts `graceMs` (a deleted row), after which it is read past. `rows` were read in order, at most `batch` of them.
 */
export function contiguousAfter<T extends { seq: number }>(
  rows: readonly T[],
  cursor: ReadCursor,
  now: Date,
  graceMs: number,
  batch: number,
): ContiguousRows<T> {
  let usable = rows.slice();
  let gapSeenAt: Date | null = null;
  const gapAt = rows.findIndex((row, i) => row.seq !== (i === 0 ? cursor.seq : rows[i - 1].seq) + 1);
  if (gapAt >= 0) {
    const seenAt = cursor.gapSeenAt ?? now;
    if (now.getTime() - seenAt.getTime() < graceMs) {
      usable = rows.slice(0, gapAt);
      gapSeenAt = usable.length ? now : seenAt;
    }
  }
  return { usable, gapSeenAt, isComplete: rows.length < batch || usable.length < rows.length };
}

/** Named read positions, one row each in `alert_cursor`, moved in the transaction that consumes the rows. */
@Injectable()
export class ReadCursorRepository {
  /** The cursor row, locked until the transaction ends on PostgreSQL (SQLite's write transactions are serial). */
  async read(name: string, tx: SqlRunner): Promise<ReadCursor> {
    await tx.run('INSERT INTO alert_cursor (name, seq) VALUES (:name, 0) ON CONFLICT DO NOTHING', { name });
    const row = await tx.get<{ seq: number | string; gap_seen_at: number | string | null }>(
      `SELECT seq, gap_seen_at FROM alert_cursor WHERE name = :name${tx.dialect === 'postgres' ? ' FOR UPDATE' : ''}`,
      { name },
    );
    return {
      seq: Number(row?.seq ?? 0),
      gapSeenAt: row?.gap_seen_at == null ? null : new Date(Number(row.gap_seen_at)),
    };
  }

  async save(name: string, cursor: ReadCursor, tx: SqlRunner): Promise<void> {
    await tx.run('UPDATE alert_cursor SET seq = :seq, gap_seen_at = :gapSeenAt WHERE name = :name', {
      name,
      seq: cursor.seq,
      gapSeenAt: cursor.gapSeenAt,
    });
  }
}
