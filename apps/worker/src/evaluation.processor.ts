import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { Clock } from '#cw/clock';
import { AppConfig } from '#cw/config';
import { EmbargoLiftService } from '#cw/embargo';
import { FlagEvaluationService, FlagSweepService, type WindowDue } from '#cw/flags';
import {
  corridorEvaluateJob,
  JobName,
  KEEP,
  lastSweepKey,
  QueueName,
  windowDeadlineJob,
  type JobPayload,
} from '#cw/jobs';
import { EvaluationOutboxRepository } from '#cw/persistence';
import { logRedisErrorsOf } from './redis-errors.js';

export const EVALUATION_JOBS = [
  JobName.CorridorEvaluate,
  JobName.WindowFlagDeadline,
  JobName.WindowSweep,
  JobName.EvaluationOutboxRelay,
  JobName.EmbargoLift,
] as const;

const RELAY_BATCH = 500;
const RELAYED_RETENTION_MS = 24 * 3_600_000;
const PURGE_INTERVAL_MS = 60_000;

/** Flag evaluation: on change, at each window's instants, and the periodic sweep; and embargo lifts. No rule lives here. */
@Processor(QueueName.Evaluation, { concurrency: 2 })
export class EvaluationProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(EvaluationProcessor.name);
  private isStopping = false;
  private purgedAt = 0;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly evaluation: FlagEvaluationService,
    private readonly sweeper: FlagSweepService,
    private readonly outbox: EvaluationOutboxRepository,
    private readonly embargoes: EmbargoLiftService,
    @InjectQueue(QueueName.Evaluation) private readonly queue: Queue,
  ) {
    super();
  }

  /** Its worker's Redis errors, as JSON log lines (see logRedisErrorsOf). */
  @OnWorkerEvent('error')
  onRedisError(error: Error): void {
    this.redisErrors(error);
  }

  private readonly redisErrors = logRedisErrorsOf(`worker ${QueueName.Evaluation}`);

  async process(job: Job): Promise<unknown> {
    const name = job.name as (typeof EVALUATION_JOBS)[number];
    switch (name) {
      case JobName.CorridorEvaluate:
      case JobName.WindowFlagDeadline: {
        const { corridorId } = job.data as JobPayload[typeof name];
        // A window's end is judged with the claims whose embargo ends with it (untilWindowsEnd) already shared.
        await this.embargoes.liftDue([corridorId]);
        const outcome = await this.evaluation.evaluate([corridorId]);
        await this.schedule(outcome.upcoming);
        return { raised: outcome.raised, reopened: outcome.reopened, resolved: outcome.resolved };
      }
      case JobName.WindowSweep: {
        await this.embargoes.liftDue();
        const outcome = await this.sweeper.sweep(() => this.isStopping);
        await this.schedule(outcome.next);
        const client = await this.queue.backend.connection.client;
        await client.set(lastSweepKey(this.config.QUEUE_PREFIX), this.clock.now().toISOString());
        if (outcome.windows) {
          this.logger.log(
            `swept ${outcome.windows} due windows of ${outcome.corridors} corridors: raised ${outcome.raised}, reopened ${outcome.reopened}, resolved ${outcome.resolved}`,
          );
        }
        // Stopped by its time budget with windows still due: go on at once rather than at the next interval.
        if (!outcome.isComplete && !this.isStopping) {
          await this.queue.add(JobName.WindowSweep, {}, { ...KEEP, deduplication: { id: 'sweep.continue' } });
        }
        const { next: _next, ...summary } = outcome;
        return summary;
      }
      case JobName.EvaluationOutboxRelay:
        return this.relayOutbox();
      case JobName.EmbargoLift: {
        const lifted = await this.embargoes.liftDue();
        if (lifted) this.logger.log(`lifted ${lifted} embargoes`);
        return { lifted };
      }
      default: {
        const unhandled: never = name;
        throw new Error(`no handler for job ${String(unhandled)} on ${QueueName.Evaluation}`);
      }
    }
  }

  /** Finish the job in hand, take no other; a sweep stops between batches. */
  async beforeApplicationShutdown(): Promise<void> {
    this.isStopping = true;
    await this.worker.close();
  }

  /**
   * Outbox rows become jobs, then are marked relayed; a row relayed twice only costs one more evaluation. Runs
   * on its schedule and whenever the api wakes it after a commit.
   */
  private async relayOutbox(): Promise<{ relayed: number }> {
    let relayed = 0;
    for (;;) {
      const pending = await this.outbox.findPending(RELAY_BATCH);
      if (pending.length === 0) break;
      const corridorIds = [...new Set(pending.map((p) => p.corridorId))];
      await this.queue.addBulk(corridorIds.map((id) => corridorEvaluateJob(id)));
      await this.outbox.markRelayed(
        pending.map((p) => p.seq),
        this.clock.now(),
      );
      relayed += pending.length;
      if (pending.length < RELAY_BATCH || this.isStopping) break;
    }
    const now = this.clock.now().getTime();
    // Not at every wake: a purge is a write, and the api wants the database for reports.
    if (Math.abs(now - this.purgedAt) >= PURGE_INTERVAL_MS) {
      this.purgedAt = now;
      await this.outbox.purgeRelayedBefore(new Date(now - RELAYED_RETENTION_MS));
    }
    return { relayed };
  }

  private async schedule(dues: readonly WindowDue[]): Promise<void> {
    if (dues.length === 0) return;
    const now = this.clock.now();
    for (let i = 0; i < dues.length; i += 1000) {
      await this.queue.addBulk(
        dues
          .slice(i, i + 1000)
          .map((due) => windowDeadlineJob(due.corridorId, due.windowId, due.purpose, due.at, now)),
      );
    }
  }
}
