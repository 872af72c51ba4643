import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '#cw/clock';
import { AppError, AppErrorCode } from '#cw/common';
import { Database, IdempotencyRepository, SqlRunner } from '#cw/persistence';

/** An `Idempotency-Key` header with what it must match: the same caller, route and body. */
export interface IdempotencyRequest {
  principalId: string;
  key: string;
  requestHash: string;
}

export function hashRequest(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonicalJson(body)}`)
    .digest('hex');
}

/** Key order must not make two equal bodies look different. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

@Injectable()
export class IdempotencyService {
  constructor(
    private readonly clock: Clock,
    private readonly db: Database,
    private readonly records: IdempotencyRepository,
  ) {}

  /**
   * Runs a create in one transaction with the record of its answer. A retry with the same key and body
   * gets the first answer and creates nothing; the same key with another body is refused.
   */
  async create<T>(request: IdempotencyRequest | undefined, work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    if (!request) return this.db.transaction(work);
    try {
      return await this.db.transaction(async (tx) => {
        const result = await work(tx);
        await this.records.insert(
          {
            principalId: request.principalId,
            idempotencyKey: request.key,
            requestHash: request.requestHash,
            statusCode: 201,
            responseBody: JSON.stringify(result),
            createdAt: this.clock.now(),
          },
          tx,
        );
        return result;
      });
    } catch (error) {
      // The first request with this key committed before: its record makes the work fail (on the key itself,
      // or earlier on a uniquely fingerprinted report, or on a rule the stored facts now break) and rolls the
      // retry back. The happy path never reads first: a retry is rare, a first request is not.
      const replay = await this.replay<T>(request);
      if (replay.found) return replay.value;
      throw error;
    }
  }

  private async replay<T>(
    request: IdempotencyRequest,
  ): Promise<{ found: true; value: T } | { found: false }> {
    const stored = await this.records.find(request.principalId, request.key);
    if (!stored) return { found: false };
    if (stored.requestHash !== request.requestHash) {
      throw new AppError(
        AppErrorCode.IdempotencyKeyReused,
        'This Idempotency-Key was already used for a different request; use a new key for a new report.',
        'Idempotency-Key',
      );
    }
    return { found: true, value: JSON.parse(stored.responseBody) as T };
  }
}
