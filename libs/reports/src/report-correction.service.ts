import { Injectable } from '@nestjs/common';
import type { Principal } from '#cw/accounts';
import { AuditService, changedFields } from '#cw/audit';
import { Clock } from '#cw/clock';
import { AppError, AppErrorCode } from '#cw/common';
import { isUnderEmbargo } from '#cw/domain';
import {
  ConfirmationResponseDto,
  CorridorStateService,
  EvacuationReportResponseDto,
  IncidentResponseDto,
  readPastInstant,
  RemainingReportResponseDto,
  REPORT_KIND_NAMES,
  toConfirmationResponse,
  toCountResponse,
  toEvacuationReportResponse,
  toIncidentResponse,
  toRemainingReportResponse,
} from '#cw/corridors';
import { assertReportedByAnother } from '#cw/domain';
import { EvaluationTrigger } from '#cw/jobs';
import {
  AuditRepository,
  Database,
  ReportRepository,
  type AuditEntryEntity,
  type ConfirmationEntity,
  type EvacuationReportEntity,
  type IncidentEntity,
  type RemainingReportEntity,
  type ReportKind,
  type SqlRunner,
} from '#cw/persistence';
import type {
  ConfirmationUpdateDto,
  EvacuationUpdateDto,
  IncidentUpdateDto,
  RemainingUpdateDto,
} from './dto/report-update.dto.js';
import type { ReportRetractDto, RetractionResponseDto } from './dto/report-retract.dto.js';
import {
  assertReferencesExist,
  claimFingerprint,
  countColumns,
  explainRefusedClaim,
  type NamedReferences,
} from './report-claims.js';

interface Correction<E, R> {
  kind: ReportKind;
  current: E & { id: string; corridorId: string; version: number };
  next: E;
  version: number;
  named: NamedReferences;
  /** The claim as the audit entry shows it (CLAIM_VIEW). */
  view: (row: E) => Record<string, unknown>;
  respond: (row: E) => R;
  /** What only the write's own transaction can check (a window of this corridor). */
  checkInTransaction?: (tx: SqlRunner) => Promise<void>;
}

/**
 * Corrections of reports already entered: a wrong figure, a mistyped time, the wrong window. The report keeps
 * its id and the audit entry keeps what it said before, so the timeline shows both; what the corridor derives
 * from it (status, figures, flags) is brought up to date as after a new report.
 */
@Injectable()
export class ReportCorrectionService {
  constructor(
    private readonly clock: Clock,
    private readonly db: Database,
    private readonly reports: ReportRepository,
    private readonly state: CorridorStateService,
    private readonly audit: AuditService,
    private readonly auditEntries: AuditRepository,
    private readonly evaluations: EvaluationTrigger,
  ) {}

  /**
   * Withdraws a report that should never have stood (entered twice, on the wrong corridor, withdrawn by its
   * source): the row goes, so no figure, status or flag counts it, and its audit entry keeps everything it said.
   * A retry of a retraction that happened answers as the first did.
   */
  async retract(
    principal: Principal,
    kind: ReportKind,
    corridorId: string,
    reportId: string,
    dto: ReportRetractDto,
  ): Promise<RetractionResponseDto> {
    const current = await this.reports.findOne(kind, corridorId, reportId);
    if (!current) {
      const done = await this.auditEntries.findLastDone(kind, reportId, `${kind}.retract`);
      if (done?.corridorId === corridorId) return toRetractionResponse(kind, done);
      throw AppError.notFound(`${REPORT_KIND_NAMES[kind]} of this corridor`, reportId);
    }
    if (dto.version !== current.version) throw staleVersion(kind, current.version);
    const reason = dto.reason.trim();
    await this.db.transaction(async (tx) => {
      if (!(await this.reports.delete(kind, reportId, dto.version, tx))) throw staleVersion(kind);
      await this.refreshDerived(kind, corridorId, tx);
      await this.audit.record(tx, {
        actor: principal,
        action: `${kind}.retract`,
        entity: kind,
        entityId: reportId,
        corridorId,
        before: retractedClaim(kind, current),
        // What a report under embargo said stays with those who could see it (the timeline reads this).
        after: { reason, ...(isUnderEmbargo(current) && { embargoedFor: current.organisationId }) },
      });
    });
    if (DERIVED_FROM[kind]) this.evaluations.corridorChanged();
    return {
      id: reportId,
      kind,
      corridorId,
      reason,
      retractedAt: this.clock.now().toISOString(),
      retractedById: principal.userId,
    };
  }

  async correctConfirmation(
    principal: Principal,
    corridorId: string,
    reportId: string,
    dto: ConfirmationUpdateDto,
  ): Promise<ConfirmationResponseDto> {
    const current = await this.find('confirmation', corridorId, reportId);
    const next: ConfirmationEntity = { ...current };
    if (dto.partyId !== undefined) next.partyId = dto.partyId;
    if (dto.stance !== undefined) next.stance = dto.stance;
    if (dto.reportedById !== undefined) next.reportedById = dto.reportedById;
    assertReportedByAnother(next.partyId, next.reportedById);
    if (dto.statedAt !== undefined) next.statedAt = this.pastInstant(dto.statedAt, 'statedAt', dto.timezone);
    if (dto.sourceUrl !== undefined) next.sourceUrl = dto.sourceUrl;
    if (dto.note !== undefined) next.note = dto.note;
    next.fingerprint = claimFingerprint.confirmation(next);
    return this.correct(principal, {
      kind: 'confirmation',
      current,
      next,
      version: dto.version,
      named: {
        refs: { corridorId, partyId: next.partyId, reportedById: next.reportedById ?? undefined },
        fields: { partyId: 'partyId' },
      },
      view: CLAIM_VIEW.confirmation,
      respond: toConfirmationResponse,
    });
  }

  async correctEvacuation(
    principal: Principal,
    corridorId: string,
    reportId: string,
    dto: EvacuationUpdateDto,
  ): Promise<EvacuationReportResponseDto> {
    const current = await this.find('evacuation', corridorId, reportId);
    const next: EvacuationReportEntity = { ...current };
    if (dto.windowId !== undefined) next.windowId = dto.windowId;
    if (dto.sourcePartyId !== undefined) next.sourcePartyId = dto.sourcePartyId;
    if (dto.reportedAt !== undefined)
      next.reportedAt = this.pastInstant(dto.reportedAt, 'reportedAt', dto.timezone);
    if (dto.count !== undefined) Object.assign(next, countColumns(dto.count));
    if (dto.category !== undefined) next.category = dto.category;
    if (dto.arrivedAtId !== undefined) next.arrivedAtId = dto.arrivedAtId;
    if (dto.sourceUrl !== undefined) next.sourceUrl = dto.sourceUrl;
    if (dto.note !== undefined) next.note = dto.note;
    next.fingerprint = claimFingerprint.evacuation(next);
    const named: NamedReferences = {
      refs: {
        corridorId,
        partyId: next.sourcePartyId,
        windowId: next.windowId ?? undefined,
        locationId: next.arrivedAtId ?? undefined,
      },
      fields: { partyId: 'sourcePartyId', locationId: 'arrivedAtId' },
    };
    return this.correct(principal, {
      kind: 'evacuation',
      current,
      next,
      version: dto.version,
      named,
      view: CLAIM_VIEW.evacuation,
      respond: toEvacuationReportResponse,
      // The window's foreign key says it exists, not that it is this corridor's: that needs the query.
      checkInTransaction: async (tx) => {
        if (next.windowId && next.windowId !== current.windowId)
          await assertReferencesExist(this.reports, named, tx);
      },
    });
  }

  async correctRemaining(
    principal: Principal,
    corridorId: string,
    reportId: string,
    dto: RemainingUpdateDto,
  ): Promise<RemainingReportResponseDto> {
    const current = await this.find('remaining', corridorId, reportId);
    const next: RemainingReportEntity = { ...current };
    if (dto.sourcePartyId !== undefined) next.sourcePartyId = dto.sourcePartyId;
    if (dto.reportedAt !== undefined)
      next.reportedAt = this.pastInstant(dto.reportedAt, 'reportedAt', dto.timezone);
    if (dto.count !== undefined) Object.assign(next, countColumns(dto.count));
    if (dto.sourceUrl !== undefined) next.sourceUrl = dto.sourceUrl;
    if (dto.note !== undefined) next.note = dto.note;
    next.fingerprint = claimFingerprint.remaining(next);
    return this.correct(principal, {
      kind: 'remaining',
      current,
      next,
      version: dto.version,
      named: { refs: { corridorId, partyId: next.sourcePartyId }, fields: { partyId: 'sourcePartyId' } },
      view: CLAIM_VIEW.remaining,
      respond: toRemainingReportResponse,
    });
  }

  async correctIncident(
    principal: Principal,
    corridorId: string,
    reportId: string,
    dto: IncidentUpdateDto,
  ): Promise<IncidentResponseDto> {
    const current = await this.find('incident', corridorId, reportId);
    const next: IncidentEntity = { ...current };
    if (dto.kind !== undefined) next.kind = dto.kind;
    if (dto.occurredAt !== undefined)
      next.occurredAt = this.pastInstant(dto.occurredAt, 'occurredAt', dto.timezone);
    if (dto.description !== undefined) next.description = dto.description;
    if (dto.sourcePartyId !== undefined) next.sourcePartyId = dto.sourcePartyId;
    if (dto.sourceUrl !== undefined) next.sourceUrl = dto.sourceUrl;
    next.fingerprint = claimFingerprint.incident(next);
    return this.correct(principal, {
      kind: 'incident',
      current,
      next,
      version: dto.version,
      named: {
        refs: { corridorId, partyId: next.sourcePartyId ?? undefined },
        fields: { partyId: 'sourcePartyId' },
      },
      view: CLAIM_VIEW.incident,
      respond: toIncidentResponse,
    });
  }

  private async find<K extends ReportKind>(kind: K, corridorId: string, reportId: string) {
    const row = await this.reports.findOne(kind, corridorId, reportId);
    if (!row) throw AppError.notFound(`${REPORT_KIND_NAMES[kind]} of this corridor`, reportId);
    return row;
  }

  /** Brings up to date what the corridor derives from this kind of report, and has the flag rules look again. */
  private async refreshDerived(kind: ReportKind, corridorId: string, tx: SqlRunner): Promise<void> {
    const derived = DERIVED_FROM[kind];
    if (derived === 'figures') await this.state.refreshEvacuationFigures(corridorId, tx);
    if (derived === 'confirmations') await this.state.refreshConfirmationState(corridorId, tx);
    if (derived) await this.evaluations.record(corridorId, tx);
  }

  private pastInstant(input: string, field: string, timezone: string | null | undefined): Date {
    return readPastInstant(input, field, this.clock.now(), timezone ?? undefined);
  }

  /** Stores a correction with its audit entry, or nothing: a stale version, a duplicate, a missing record. */
  private async correct<E extends object, R>(principal: Principal, correction: Correction<E, R>): Promise<R> {
    const { kind, current, next, version, view } = correction;
    if (version !== current.version) throw staleVersion(kind, current.version);
    const changes = changedFields(view(current), view(next));
    // A correction that changes nothing stores nothing and keeps the version.
    if (!changes) return correction.respond(current);
    const fields = changedColumns(current, next);
    try {
      await this.db.transaction(async (tx) => {
        if (!(await this.reports.update(kind, current.id, version, fields, tx))) throw staleVersion(kind);
        await correction.checkInTransaction?.(tx);
        await this.refreshDerived(kind, current.corridorId, tx);
        await this.audit.record(tx, {
          actor: principal,
          action: `${kind}.update`,
          entity: kind,
          entityId: current.id,
          corridorId: current.corridorId,
          ...changes,
        });
      });
    } catch (error) {
      return explainRefusedClaim(error, this.reports, correction.named);
    }
    if (DERIVED_FROM[kind]) this.evaluations.corridorChanged();
    return correction.respond({ ...next, version: current.version + 1 });
  }
}

/** What the corridor derives from each kind, brought up to date when one is corrected or retracted. */
const DERIVED_FROM: Record<ReportKind, 'figures' | 'confirmations' | null> = {
  confirmation: 'confirmations',
  evacuation: 'figures',
  remaining: null,
  incident: null,
};

/** Each kind's claim as its audit entries show it: what a reader compares, before and after. */
const CLAIM_VIEW = {
  confirmation: (row: ConfirmationEntity) => ({
    partyId: row.partyId,
    stance: row.stance,
    reportedById: row.reportedById,
    statedAt: row.statedAt,
    sourceUrl: row.sourceUrl,
    note: row.note,
  }),
  evacuation: (row: EvacuationReportEntity) => ({
    windowId: row.windowId,
    sourcePartyId: row.sourcePartyId,
    reportedAt: row.reportedAt,
    count: toCountResponse(row),
    category: row.category,
    arrivedAtId: row.arrivedAtId,
    sourceUrl: row.sourceUrl,
    note: row.note,
  }),
  remaining: (row: RemainingReportEntity) => ({
    sourcePartyId: row.sourcePartyId,
    reportedAt: row.reportedAt,
    count: toCountResponse(row),
    sourceUrl: row.sourceUrl,
    note: row.note,
  }),
  incident: (row: IncidentEntity) => ({
    kind: row.kind,
    occurredAt: row.occurredAt,
    description: row.description,
    sourcePartyId: row.sourcePartyId,
    sourceUrl: row.sourceUrl,
  }),
};

/** A claim as JSON keeps it: instants as ISO strings. */
function retractedClaim<K extends ReportKind>(kind: K, row: Parameters<(typeof CLAIM_VIEW)[K]>[0]) {
  const view = (CLAIM_VIEW[kind] as (row: object) => Record<string, unknown>)(row);
  return Object.fromEntries(
    Object.entries(view).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
  );
}

function toRetractionResponse(kind: ReportKind, entry: AuditEntryEntity): RetractionResponseDto {
  const after = JSON.parse(entry.after ?? '{}') as { reason?: string };
  return {
    id: entry.entityId,
    kind,
    corridorId: entry.corridorId ?? '',
    reason: after.reason ?? '',
    retractedAt: entry.at.toISOString(),
    retractedById: entry.actorUserId,
  };
}

/** The stored columns a correction changes (the fingerprint with them), for the UPDATE. */
function changedColumns<E extends object>(current: E, next: E): Partial<E> {
  const fields: Partial<E> = {};
  for (const key of Object.keys(next) as (keyof E)[]) {
    const [was, now] = [current[key], next[key]];
    const isSame = was instanceof Date && now instanceof Date ? was.getTime() === now.getTime() : was === now;
    if (!isSame) fields[key] = now;
  }
  return fields;
}

function staleVersion(kind: ReportKind, stored?: number): AppError {
  const now = stored === undefined ? '' : ` (now version ${stored})`;
  return new AppError(
    AppErrorCode.StaleVersion,
    `Someone corrected this ${REPORT_KIND_NAMES[kind]} since you read it${now}; reload it and apply your correction again.`,
    'version',
  );
}
