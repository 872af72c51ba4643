import { Injectable } from '@nestjs/common';
import type { Principal } from '#cw/accounts';
import { AuditService } from '#cw/audit';
import { Clock } from '#cw/clock';
import { newId } from '#cw/common';
import { isUnderEmbargo, readEmbargo, type Reliability } from '#cw/domain';
import { IdempotencyService, type IdempotencyRequest } from '#cw/idempotency';
import { EvaluationTrigger } from '#cw/jobs';
import { ReportRepository, type ReportKind, type SqlRunner } from '#cw/persistence';
import { WebhookEventRecorder } from '#cw/webhooks';
import { CorridorStateService } from './corridor-state.service.js';
import { assertReferencesExist, explainRefusedClaim } from './report-claims.js';
import {
  claimContext,
  REPORT_KIND_DESCRIPTIONS,
  respond,
  type ReportCreateDto,
  type ReportResponse,
} from './report-kinds.js';

/** What field reporters and coordinators enter about a corridor, each claim with its source. */
@Injectable()
export class ReportService {
  constructor(
    private readonly clock: Clock,
    private readonly reports: ReportRepository,
    private readonly state: CorridorStateService,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly evaluations: EvaluationTrigger,
    private readonly webhookEvents: WebhookEventRecorder,
  ) {}

  /**
   * Stores one report of any kind with its audit entry (and, for a kind the corridor derives something from,
   * the derived figures and an evaluation outbox row) in one transaction; the same claim entered a second time
   * (without the retry's key) is refused.
   */
  async add<K extends ReportKind>(
    kind: K,
    principal: Principal,
    corridorId: string,
    dto: ReportCreateDto<K>,
    idempotency?: IdempotencyRequest,
  ): Promise<ReportResponse<K>> {
    const described = REPORT_KIND_DESCRIPTIONS[kind];
    const now = this.clock.now();
    const reliability = dto.sourceReliability ?? (await this.reliabilityOf(described.sourceOf(dto)));
    const claim = described.claimOf(dto, claimContext(now, dto.timezone, reliability));
    const row = described.stored(claim, {
      id: newId(),
      corridorId,
      fingerprint: described.fingerprintOf(corridorId, claim),
      organisationId: principal.organisationId,
      createdById: principal.userId,
      createdAt: now,
      version: 1,
      ...readEmbargo(dto.embargo, now, dto.timezone ?? undefined),
    });
    const named = described.references(corridorId, claim);
    const windowId = described.windowOf(claim);
    let response: ReportResponse<K>;
    try {
      response = await this.idempotency.create(idempotency, async (tx) => {
        if (windowId) await assertReferencesExist(this.reports, named, tx);
        // The figures take the claim in before it is stored, so its group is read as it was (the covering index
        // alone); a refused insert undoes them with the rest. A claim under embargo stays out of the figures every
        // organisation shares until its lift recomputes them.
        const figure = described.figureOf(claim);
        if (figure && !isUnderEmbargo(row)) await this.state.addEvacuationFigure(corridorId, figure, tx);
        await this.reports.insert(kind, row, tx);
        const view = described.view(claim);
        await this.audit.record(tx, {
          actor: principal,
          action: `${kind}.create`,
          entity: kind,
          entityId: row.id,
          corridorId,
          after: view,
        });
        if (!figure) await this.refreshDerived(kind, corridorId, tx);
        if (described.derives) await this.evaluations.record(corridorId, tx);
        const answer = respond(row, view);
        if (described.reportedEvent) {
          await this.webhookEvents.record(tx, {
            type: described.reportedEvent,
            occurredAt: now,
            corridorId,
            data: answer,
            sourceKey: `${kind}:${row.id}`,
          });
        }
        return answer;
      });
    } catch (error) {
      return explainRefusedClaim(error, this.reports, named);
    }
    if (described.derives) this.evaluations.corridorChanged();
    return response;
  }

  /**
   * Brings up to date what the corridor derives from this kind of report and writes the evaluation outbox row,
   * so the flag rules look again (the worker is woken after commit).
   */
  async refreshDerived(kind: ReportKind, corridorId: string, tx: SqlRunner): Promise<void> {
    const derived = REPORT_KIND_DESCRIPTIONS[kind].derives;
    if (derived === 'figures') await this.state.refreshEvacuationFigures(corridorId, tx);
    if (derived === 'confirmations') await this.state.refreshConfirmationState(corridorId, tx);
  }

  /** The reliability a claim of this source is graded by when it gives none: F without a source (or an unknown one,
   * which the write then refuses). */
  async reliabilityOf(sourcePartyId: string | null | undefined): Promise<Reliability> {
    return (sourcePartyId && (await this.reports.reliabilityOf(sourcePartyId))) || 'F';
  }
}
