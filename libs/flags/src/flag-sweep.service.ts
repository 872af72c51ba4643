import { Injectable } from '@nestjs/common';
import { Clock } from '#cw/clock';
import { AppConfig } from '#cw/config';
import { Database, FlagFactsRepository, type SqlRunner } from '#cw/persistence';
import { FlagEvaluationService, type WindowDue } from './flag-evaluation.service.js';

/** One sweep job stops after this long; the next one (a minute later at most) goes on where it stopped. */
const SWEEP_BUDGET_MS = 20_000;
/**
 * A transaction evaluates up to this many batches' worth of windows: on SQLite each commit costs about as much as
 * evaluating a few thousand windows, so fewer, larger ones go faster; the bound keeps the write lock short.
 */
const BATCHES_PER_TRANSACTION = 10;

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
 * after the fact), found by one bounded, ordered query per batch; each batch's corridors are evaluated in-process
 * with all their due windows, several batches a transaction.
 */
@Injectable()
export class FlagSweepService {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly db: Database,
    private readonly facts: FlagFactsRepository,
    private readonly evaluation: FlagEvaluationService,
  ) {}

  async sweep(shouldStop: () => boolean = () => false): Promise<SweepOutcome> {
    const startedAt = Date.now();
    const total = emptyOutcome();
    for (;;) {
      const part = await this.db.transaction((tx) => this.sweepSome(tx));
      add(total, part);
      total.isComplete = part.isComplete;
      // Stop between transactions (shutdown, time budget): what is left stays due for the next sweep.
      if (part.isComplete || part.windows === 0 || shouldStop() || Date.now() - startedAt > SWEEP_BUDGET_MS)
        break;
    }
    return total;
  }

  /** Batches of due windows until none is left or the transaction has evaluated its share. */
  private async sweepSome(tx: SqlRunner): Promise<SweepOutcome> {
    const batchSize = this.config.SWEEP_BATCH_SIZE;
    const maxWindows = batchSize * BATCHES_PER_TRANSACTION;
    const outcome = emptyOutcome();
    while (outcome.windows < maxWindows) {
      const due = await this.facts.findDueWindows(this.clock.now(), batchSize, tx);
      if (due.length === 0) {
        outcome.isComplete = true;
        break;
      }
      const corridorIds = [...new Set(due.map((d) => d.corridorId))];
      const evaluated = await this.evaluation.evaluateDue(tx, corridorIds, maxWindows - outcome.windows);
      add(outcome, { ...evaluated, batches: 1, corridors: corridorIds.length });
      // A short batch was the last one, unless the share cut it.
      if (due.length < batchSize && outcome.windows < maxWindows) {
        outcome.isComplete = true;
        break;
      }
      if (evaluated.windows === 0) break;
    }
    return outcome;
  }
}

function emptyOutcome(): SweepOutcome {
  return {
    batches: 0,
    windows: 0,
    corridors: 0,
    raised: 0,
    reopened: 0,
    resolved: 0,
    next: [],
    isComplete: false,
  };
}

function add(total: SweepOutcome, part: Omit<SweepOutcome, 'isComplete'>): void {
  total.batches += part.batches;
  total.windows += part.windows;
  total.corridors += part.corridors;
  total.raised += part.raised;
  total.reopened += part.reopened;
  total.resolved += part.resolved;
  total.next.push(...part.next);
}
