import { Injectable } from '@nestjs/common';
import type { Principal } from '#cw/accounts';
import { AuditService } from '#cw/audit';
import { Clock } from '#cw/clock';
import { AppError, AppErrorCode, newId } from '#cw/common';
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
import { assertValidCount, type Count, type CountQualifier } from '#cw/domain';
import { IdempotencyService, type IdempotencyRequest } from '#cw/idempotency';
import { EvaluationTrigger } from '#cw/jobs';
import {
  ForeignKeyViolation,
  ReportRepository,
  UniqueViolation,
  type ReportReferences,
  type SqlRunner,
} from '#cw/persistence';
import type {
  ConfirmationCreateDto,
  EvacuationCreateDto,
  IncidentCreateDto,
  RemainingCreateDto,
} from './dto/report-create.dto.js';
import { fingerprint } from './fingerprint.js';

/** The records a report names, with the request field that names each (for the 422 that names the field). */
interface NamedReferences {
  refs: ReportReferences;
  fields: Partial<Record<keyof ReportReferences, string>>;
}

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
  ) {}

  async addConfirmation(
    principal: Principal,
    corridorId: string,
    dto: ConfirmationCreateDto,
    idempotency?: IdempotencyRequest,
  ): Promise<ConfirmationResponseDto> {
    const now = this.clock.now();
    const statedAt = readPastInstant(dto.statedAt, 'statedAt', now, dto.timezone);
    const row = {
      id: newId(),
      corridorId,
      partyId: dto.partyId,
      stance: dto.stance,
      statedAt,
      sourceUrl: dto.sourceUrl ?? null,
      note: dto.note ?? null,
      fingerprint: fingerprint('confirmation', corridorId, dto.partyId, dto.stance, statedAt.getTime()),
      ...this.entered(principal, now),
    };
    const named = { refs: { corridorId, partyId: dto.partyId }, fields: { partyId: 'partyId' } };
    return this.evaluated(corridorId, idempotency, named, async (tx) => {
      await this.reports.insertConfirmation(row, tx);
      await this.audit.record(tx, {
        actor: principal,
        action: 'confirmation.create',
        entity: 'confirmation',
        entityId: row.id,
        corridorId,
        after: { partyId: row.partyId, stance: row.stance, statedAt: row.statedAt.toISOString() },
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
      fingerprint: fingerprint(
        'evacuation',
        corridorId,
        dto.windowId,
        dto.sourcePartyId,
        reportedAt.getTime(),
        dto.category,
        dto.count.qualifier,
        dto.count.value,
        count.max,
      ),
      ...this.entered(principal, now),
    };
    const named = {
      refs: { corridorId, partyId: dto.sourcePartyId, windowId: dto.windowId, locationId: dto.arrivedAtId },
      fields: { partyId: 'sourcePartyId', locationId: 'arrivedAtId' },
    };
    return this.evaluated(corridorId, idempotency, named, async (tx) => {
      // The window's foreign key says it exists, not that it is this corridor's: that needs the query.
      if (dto.windowId) await this.assertReferences(named, tx);
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
      await this.state.refreshEvacuationFigures(corridorId, tx);
      return toEvacuationReportResponse(row);
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
      fingerprint: fingerprint(
        'remaining',
        corridorId,
        dto.sourcePartyId,
        reportedAt.getTime(),
        dto.count.qualifier,
        dto.count.value,
        count.max,
      ),
      ...this.entered(principal, now),
    };
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
      fingerprint: fingerprint(
        'incident',
        corridorId,
        dto.kind,
        occurredAt.getTime(),
        dto.sourcePartyId,
        dto.description,
      ),
      ...this.entered(principal, now),
    };
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

  private entered(principal: Principal, now: Date) {
    return { organisationId: principal.organisationId, createdById: principal.userId, createdAt: now };
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

  /**
   * Stores one report; the same claim entered a second time (without the retry's key) is refused. What the report
   * names is checked by the foreign keys of its insert, not by a query of its own first: a reference to nothing
   * is rare, so only then does one query find which record is missing, for the answer that names it.
   */
  private async store<T>(
    idempotency: IdempotencyRequest | undefined,
    named: NamedReferences,
    work: (tx: SqlRunner) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.idempotency.create(idempotency, work);
    } catch (error) {
      if (error instanceof ForeignKeyViolation) {
        // The write was rolled back: the query runs on its own. Nothing missing (a reference the request does not
        // name, or a record created meanwhile) leaves the driver's refusal, a 422 too.
        await this.assertReferences(named);
      }
      if (error instanceof UniqueViolation && error.constraint.includes('fingerprint')) {
        throw new AppError(
          AppErrorCode.DuplicateReport,
          'This report was recorded already: same corridor, source, time and figures. Nothing was added.',
        );
      }
      throw error;
    }
  }

  /** Checks that everything a report names exists, in one query; in its transaction when given one. */
  private async assertReferences({ refs, fields }: NamedReferences, tx?: SqlRunner): Promise<void> {
    const missing = await this.reports.missingReferences(refs, tx);
    if (missing.includes('corridorId')) throw AppError.notFound('corridor', refs.corridorId);
    const [first] = missing;
    if (!first) return;
    const what = { partyId: 'party', windowId: 'window of this corridor', locationId: 'location' }[
      first as 'partyId'
    ];
    throw AppError.unknownReference(fields[first] ?? first, what, String(refs[first]));
  }
}

/** A count as stored: validated against the precision model, `max` kept for a range only. */
function countColumns(count: Count): { qualifier: CountQualifier; value: number; max: number | null } {
  assertValidCount(count, 'count');
  return {
    qualifier: count.qualifier,
    value: count.value,
    max: count.qualifier === 'range' ? (count.max ?? null) : null,
  };
}
