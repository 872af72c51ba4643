import { Injectable } from '@nestjs/common';
import { Clock } from '#cw/clock';
import { IdempotencyRepository } from '#cw/persistence';

/** A retry comes within minutes or hours; after a day a key is only weight. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3_600_000;
const BATCH = 5_000;

@Injectable()
export class IdempotencyPurgeService {
  constructor(
    private readonly clock: Clock,
    private readonly records: IdempotencyRepository,
  ) {}

  /** Deletes expired records in small batches, so the api's writes are never held up for long. */
  async purgeExpired(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - IDEMPOTENCY_RETENTION_MS);
    let purged = 0;
    for (;;) {
      const deleted = await this.records.purgeCreatedBefore(cutoff, BATCH);
      purged += deleted;
      if (deleted < BATCH) return purged;
    }
  }
}
