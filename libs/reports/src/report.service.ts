import { Injectable } from '@nestjs/common';
import type { Principal } from '#cw/accounts';
import { AuditService } from '#cw/audit';
import { Clock } from '#cw/clock';
import { newId } from '#cw/common';
import {
  ConfirmationResponseDto,
  CorridorStateService,
  EvacuationReportResponseDto,
  IncidentResponseDto,
  readPastInstant,
  RemainingReportResponseDto,
  toConfirmationResponse,
  toEvacuationReportResponse,
  toIncidentResponse,
  toRemainingReportResponse,
} from '#cw/corridors';
import { assertReportedByAnother, readEmbargo, type EmbargoRequest } from '#cw/domain';
import { IdempotencyService, type IdempotencyRequest } from '#cw/idempotency';
import { EvaluationTrigger } from '#cw/jobs';
import { ReportRepository, type SqlRunner } from '#cw/persistence';
import { WebhookEventRecorder } from '#cw/webhooks';
import type {
  ConfirmationCreateDto,
  EvacuationCreateDto,
  IncidentCreateDto,
  RemainingCreateDto,
} from './dto/report-create.dto.js';
import {
  assertReferencesExist,
  claimFingerprint,
  countColumns,
  explainRefusedClaim,
  type NamedReferences,
} from './report-claims.js';

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

  async addConfirmation(
    principal: Principal,
    corridorId: string,
    dto: ConfirmationCreateDto,
    idempotency?: IdempotencyRequest,
  ): Promise<ConfirmationResponseDto> {
    const now = this.clock.now();
    const statedAt = readPastInstant(dto.statedAt, 'statedAt', now, dto.timezone);
    assertReportedByAnother(dto.partyId, dto.reportedById);
    const row = {
      id: newId(),
      corridorId,
      partyId: dto.partyId,
      stance: dto.stance,
      reportedById: dto.reportedById ?? null,
      statedAt,
      sourceUrl: dto.sourceUrl ?? null,
      note: dto.note ?? null,
      fingerprint: '',
      ...this.entered(principal, now, dto),
    };
    row.fingerprint = claimFingerprint.confirmation(row);
    const named = {
      refs: { corridorId, partyId: dto.partyId, reportedById: row.reportedById ?? undefined },
      fields: { partyId: 'partyId' },
    };
    return this.evaluated(corridorId, idempotency, named, async (tx) => {
      await this.reports.insertConfirmation(row, tx);
      await this.audit.record(tx, {
        actor: principal,
        action: 'confirmation.create',
        entity: 'confirmation',
        entityId: row.id,
        corridorId,
        after: {
          partyId: row.partyId,
          stance: row.stance,
          statedAt: row.statedAt.toISOString(),
          reportedById: row.reportedById,
        },
      });
      await this.state.refreshConfirmationState(corridorId, tx);
      return toConfirmationResponse(row);
    });
  }

  async addEvacuation(
    principal: Principal,
    corridorId: string,
    dto: EvacuationCreateDto,
    idempotency?: IdempotencyRequest,
  ): Promise<EvacuationReportResponseDto> {
    const now = this.clock.now();
    const reportedAt = readPastInstant(dto.reportedAt, 'reportedAt', now, dto.timezone);
    const count = countColumns(dto.count);
    const row = {
      id: newId(),
      corridorId,
      windowId: dto.windowId ?? null,
      sourcePartyId: dto.sourcePartyId,
      reportedAt,
      ...count,
      category: dto.category,
      arrivedAtId: dto.arrivedAtId ?? null,
      sourceUrl: dto.sourceUrl ?? null,
      note: dto.note ?? null,
      fingerprint: '',
      ...this.entered(principal, now, dto),
    };
    row.fingerprint = claimFingerprint.evacuation(row);
    const named = {
      refs: { corridorId, partyId: dto.sourcePartyId, windowId: dto.windowId, locationId: dto.arrivedAtId },
      fields: { partyId: 'sourcePartyId', locationId: 'arrivedAtId' },
    };
    return this.evaluated(corridorId, idempotency, named, async (tx) => {
      // The window's foreign key says it exists, not that it is this corridor's: that needs the query.
      if (dto.windowId) await assertReferencesExist(this.reports, named, tx);
      await this.reports.insertEvacuation(row, tx);
      await this.audit.record(tx, {
        actor: principal,
        action: 'evacuation.create',
        entity: 'evacuation',
        entityId: row.id,
        corridorId,
        after: {
          windowId: row.windowId,
          sourcePartyId: row.sourcePartyId,
          reportedAt: row.reportedAt.toISOString(),
          count: { qualifier: row.qualifier, value: row.value, max: row.max },
          category: row.category,
        },
      });
      await this.state.refreshEvacuationFigures(corridorId, tx, row);
      const report = toEvacuationReportResponse(row);
      await this.webhookEvents.record(tx, {
        type: 'evacuation.reported',
        occurredAt: now,
        corridorId,
        data: report,
        sourceKey: `evacuation:${row.id}`,
      });
      return report;
    });
  }

  async addRemaining(
    principal: Principal,
    corridorId: string,
    dto: RemainingCreateDto,
    idempotency?: IdempotencyRequest,
  ): Promise<RemainingReportResponseDto> {
    const now = this.clock.now();
    const reportedAt = readPastInstant(dto.reportedAt, 'reportedAt', now, dto.timezone);
    const count = countColumns(dto.count);
    const row = {
      id: newId(),
      corridorId,
      sourcePartyId: dto.sourcePartyId,
      reportedAt,
      ...count,
      sourceUrl: dto.sourceUrl ?? null,
      note: dto.note ?? null,
      fingerprint: '',
      ...this.entered(principal, now, dto),
    };
    row.fingerprint = claimFingerprint.remaining(row);
    const named = { refs: { corridorId, partyId: dto.sourcePartyId }, fields: { partyId: 'sourcePartyId' } };
    return this.store(idempotency, named, async (tx) => {
      await this.reports.insertRemaining(row, tx);
      await this.audit.record(tx, {
        actor: principal,
        action: 'remaining.create',
        entity: 'remaining',
        entityId: row.id,
        corridorId,
        after: {
          sourcePartyId: row.sourcePartyId,
          reportedAt: row.reportedAt.toISOString(),
          count: { qualifier: row.qualifier, value: row.value, max: row.max },
        },
      });
      return toRemainingReportResponse(row);
    });
  }

  async addIncident(
    principal: Principal,
    corridorId: string,
    dto: IncidentCreateDto,
    idempotency?: IdempotencyRequest,
  ): Promise<IncidentResponseDto> {
    const now = this.clock.now();
    const occurredAt = readPastInstant(dto.occurredAt, 'occurredAt', now, dto.timezone);
    const row = {
      id: newId(),
      corridorId,
      kind: dto.kind,
      occurredAt,
      description: dto.description,
      sourcePartyId: dto.sourcePartyId ?? null,
      sourceUrl: dto.sourceUrl ?? null,
      fingerprint: '',
      ...this.entered(principal, now, dto),
    };
    row.fingerprint = claimFingerprint.incident(row);
    const named = { refs: { corridorId, partyId: dto.sourcePartyId }, fields: { partyId: 'sourcePartyId' } };
    return this.store(idempotency, named, async (tx) => {
      await this.reports.insertIncident(row, tx);
      await this.audit.record(tx, {
        actor: principal,
        action: 'incident.create',
        entity: 'incident',
        entityId: row.id,
        corridorId,
        after: { kind: row.kind, occurredAt: row.occurredAt.toISOString(), sourcePartyId: row.sourcePartyId },
      });
      return toIncidentResponse(row);
    });
  }

  /** Who entered it, when, and the embargo it was entered under (refused, naming `embargo`, when unreadable). */
  private entered(principal: Principal, now: Date, dto: { embargo?: EmbargoRequest; timezone?: string }) {
    return {
      organisationId: principal.organisationId,
      createdById: principal.userId,
      createdAt: now,
      version: 1,
      ...readEmbargo(dto.embargo, now, dto.timezone),
    };
  }

  /**
   * Stores a report the flag rules read, with its evaluation outbox row in the same transaction, then asks for
   * the evaluation without waiting for Redis.
   */
  private async evaluated<T>(
    corridorId: string,
    idempotency: IdempotencyRequest | undefined,
    named: NamedReferences,
    work: (tx: SqlRunner) => Promise<T>,
  ): Promise<T> {
    const result = await this.store(idempotency, named, async (tx) => {
      const value = await work(tx);
      await this.evaluations.record(corridorId, tx);
      return value;
    });
    this.evaluations.corridorChanged();
    return result;
  }

  /** Stores one report; the same claim entered a second time (without the retry's key) is refused. */
  private async store<T>(
    idempotency: IdempotencyRequest | undefined,
    named: NamedReferences,
    work: (tx: SqlRunner) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.idempotency.create(idempotency, work);
    } catch (error) {
      return explainRefusedClaim(error, this.reports, named);
    }
  }
}
