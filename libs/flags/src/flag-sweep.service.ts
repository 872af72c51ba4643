import { Injectable } from '@nestjs/common';
import { Clock } from '#cw/clock';
import { AppConfig } from '#cw/config';
import { FlagFactsRepository } from '#cw/persistence';
import { FlagEvaluationService, type WindowDue } from './flag-evaluation.service.js';

/** One sweep job stops after this long; the next one (a minute later at most) goes on where it stopped. */
const SWEEP_BUDGET_MS = 20_000;

export interface SweepOutcome {
  batches: number;
  windows: number;
  corridors: number;
  raised: number;
  reopened: number;
  resolved: number;
  /** The next instant of each swept window still ahead, to schedule. */
  next: WindowDue[];
  isComplete: boolean;
}

/**
 * The safety net: windows whose next evaluation is due (worker down, Redis flushed, a past promise entered
 * after the fact), read by one bounded, ordered query per batch and evaluated in-process, a transaction a batch.
 */
@Injectable()
export class FlagSweepService {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly facts: FlagFactsRepository,
    private readonly evaluation: FlagEvaluationService,
  ) {}

  async sweep(shouldStop: () => boolean = () => false): Promise<SweepOutcome> {
    const startedAt = Date.now();
    const batchSize = this.config.SWEEP_BATCH_SIZE;
    const total: SweepOutcome = {
      batches: 0,
      windows: 0,
      corridors: 0,
      raised: 0,
      reopened: 0,
      resolved: 0,
      next: [],
      isComplete: false,
    };
    for (;;) {
      const due = await this.facts.findDueWindows(this.clock.now(), batchSize);
      if (due.length === 0) {
        total.isComplete = true;
        break;
      }
      const corridorIds = [...new Set(due.map((d) => d.corridorId))];
      const outcome = await this.evaluation.evaluate(corridorIds, new Set(due.map((d) => d.windowId)));
      total.batches += 1;
      total.windows += outcome.windows;
      total.corridors += corridorIds.length;
      total.raised += outcome.raised;
      total.reopened += outcome.reopened;
      total.resolved += outcome.resolved;
      total.next.push(...outcome.next);
      if (due.length < batchSize) {
        total.isComplete = true;
        break;
      }
      // Stop between batches (shutdown, time budget): what is left stays due for the next sweep.
      if (outcome.windows === 0 || shouldStop() || Date.now() - startedAt > SWEEP_BUDGET_MS) break;
    }
    return total;
  }
}
