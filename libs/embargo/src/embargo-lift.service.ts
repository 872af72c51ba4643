import { Injectable } from '@nestjs/common';
import { AlertFanOutService } from '#cw/alerts';
import { AuditService, type AuditActor } from '#cw/audit';
import { Clock } from '#cw/clock';
import { CorridorStateService } from '#cw/reports';
import { EvaluationTrigger } from '#cw/jobs';
import { Database, EmbargoRepository, WebhookEventRepository, type DueEmbargo } from '#cw/persistence';

const BATCH = 200;

/**
 * Lifts embargoes whose time has come (their instant, or the end of their corridor's last window), each in one
 * transaction with everything that follows from it, so that the record goes out as a new one would: the audit
 * entry, the shared figures and statuses recomputed with it, its corridor evaluated again (flags, webhooks of
 * status), the webhook events it held sent on to the other organisations, and a corridor's open flags mailed to
 * the subscribers who could not hear of them.
 */
@Injectable()
export class EmbargoLiftService {
  constructor(
    private readonly clock: Clock,
    private readonly db: Database,
    private readonly embargoes: EmbargoRepository,
    private readonly state: CorridorStateService,
    private readonly audit: AuditService,
    private readonly evaluations: EvaluationTrigger,
    private readonly webhookEvents: WebhookEventRepository,
    private readonly alerts: AlertFanOutService,
  ) {}

  /** Every embargo due now (only on these corridors, when named), batch after batch; how many were lifted. */
  async liftDue(corridorIds?: readonly string[]): Promise<number> {
    let lifted = 0;
    for (;;) {
      const due = await this.embargoes.findDue(this.clock.now(), BATCH, corridorIds);
      for (const embargo of due) if (await this.lift(embargo, null)) lifted += 1;
      if (due.length < BATCH) break;
    }
    if (lifted) this.evaluations.corridorChanged();
    return lifted;
  }

  /**
   * Lifts now, before its time, every embargo held on one corridor (its own and its claims'), as the job would,
   * in the name of the user who asked (the source agreed to publish sooner); how many were lifted.
   */
  async liftCorridorNow(corridorId: string, actor: AuditActor): Promise<number> {
    let lifted = 0;
    for (const embargo of await this.embargoes.findHeldOn(corridorId))
      if (await this.lift(embargo, actor)) lifted += 1;
    if (lifted) this.evaluations.corridorChanged();
    return lifted;
  }

  /**
   * One lift, once: a second worker (or a record retracted meanwhile) finds nothing left to lift. The actor is
   * the user of an early lift; null, the system, when the job lifts it on time.
   */
  private lift({ kind, recordId, corridorId }: DueEmbargo, actor: AuditActor | null): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const now = this.clock.now();
      const lifted = await this.embargoes.lift(kind, recordId, now, tx);
      if (!lifted) return false;
      await this.audit.record(tx, {
        actor,
        action: `${kind}.embargo_lift`,
        entity: kind,
        entityId: recordId,
        corridorId,
        organisationId: lifted.organisationId,
        before: {
          embargo: lifted.embargoUntilWindowsEnd
            ? { untilWindowsEnd: true }
            : { until: lifted.embargoedUntil?.toISOString() ?? null },
          embargoLiftedAt: null,
        },
        after: { embargoLiftedAt: now.toISOString() },
      });
      if (kind === 'confirmation') await this.state.refreshConfirmationState(corridorId, tx);
      if (kind === 'evacuation') await this.state.refreshEvacuationFigures(corridorId, tx);
      await this.webhookEvents.release(`${kind}:${recordId}`, tx);
      if (kind === 'corridor') await this.alerts.releaseCorridor(corridorId, tx);
      await this.evaluations.record(corridorId, tx);
      return true;
    });
  }
}
