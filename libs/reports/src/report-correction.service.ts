import { Injectable } from '@nestjs/common';
import type { Principal } from '#cw/accounts';
import { AuditService, changedFields } from '#cw/audit';
import { Clock } from '#cw/clock';
import { AppError, AppErrorCode } from '#cw/common';
import { isUnderEmbargo } from '#cw/domain';
import { EvaluationTrigger } from '#cw/jobs';
import {
  AuditRepository,
  Database,
  ReportRepository,
  type AuditEntryEntity,
  type ReportKind,
} from '#cw/persistence';
import type { ReportRetractDto, RetractionResponseDto } from './dto/report-retract.dto.js';
import { assertReferencesExist, explainRefusedClaim } from './report-claims.js';
import {
  claimContext,
  REPORT_KIND_DESCRIPTIONS,
  REPORT_KIND_NAMES,
  respond,
  type ReportCreateDto,
  type ReportResponse,
} from './report-kinds.js';
import { ReportService } from './report.service.js';

/** A correction: only the fields it changes (null clears an optional one), with the version it read. */
export type ReportCorrection<K extends ReportKind> = Partial<ReportCreateDto<K>> & { version: number };

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
    private readonly entries: ReportService,
    private readonly audit: AuditService,
    private readonly auditEntries: AuditRepository,
    private readonly evaluations: EvaluationTrigger,
  ) {}

  /**
   * Withdraws a report that should never have stood (entered twice, on the wrong corridor, withdrawn by its
   * source): the row goes, so no figure, status or flag counts it, and its audit entry keeps everything it said.
   * A retry of a retraction that happened answers as the first did.
   */
  async retract<K extends ReportKind>(
    principal: Principal,
    kind: K,
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
      await this.entries.refreshDerived(kind, corridorId, tx);
      if (REPORT_KIND_DESCRIPTIONS[kind].derives) await this.evaluations.record(corridorId, tx);
      await this.audit.record(tx, {
        actor: principal,
        action: `${kind}.retract`,
        entity: kind,
        entityId: reportId,
        corridorId,
        before: REPORT_KIND_DESCRIPTIONS[kind].view(current),
        // What a report under embargo said stays with those who could see it (the timeline reads this).
        after: { reason, ...(isUnderEmbargo(current) && { embargoedFor: current.organisationId }) },
      });
    });
    if (REPORT_KIND_DESCRIPTIONS[kind].derives) this.evaluations.corridorChanged();
    return {
      id: reportId,
      kind,
      corridorId,
      reason,
      retractedAt: this.clock.now().toISOString(),
      retractedById: principal.userId,
    };
  }

  /**
   * Puts a report right: the fields given are laid over what it says and read as a new entry would be (the same
   * rules, the same refusals); the report keeps its id, its audit entry keeps the fields as they were.
   */
  async correct<K extends ReportKind>(
    kind: K,
    principal: Principal,
    corridorId: string,
    reportId: string,
    dto: ReportCorrection<K>,
  ): Promise<ReportResponse<K>> {
    const described = REPORT_KIND_DESCRIPTIONS[kind];
    const current = await this.reports.findOne(kind, corridorId, reportId);
    if (!current) throw AppError.notFound(`${described.name} of this corridor`, reportId);
    if (dto.version !== current.version) throw staleVersion(kind, current.version);
    const was = described.view(current);
    const given = givenFields(dto);
    // A claim moved to another source is graded by the new source, unless the correction grades it.
    const source = described.sourceOf(given);
    if (dto.sourceReliability === undefined && source !== undefined && source !== described.sourceOf(was))
      Object.assign(given, { sourceReliability: await this.entries.reliabilityOf(source) });
    const claim = described.corrected(
      current,
      given,
      claimContext(this.clock.now(), dto.timezone, current.sourceReliability),
    );
    const next = described.stored(claim, {
      id: current.id,
      corridorId: current.corridorId,
      fingerprint: described.fingerprintOf(corridorId, claim),
      organisationId: current.organisationId,
      createdById: current.createdById,
      createdAt: current.createdAt,
      version: current.version,
      embargoedUntil: current.embargoedUntil,
      embargoUntilWindowsEnd: current.embargoUntilWindowsEnd,
      embargoLiftedAt: current.embargoLiftedAt,
    });
    const changes = changedFields(was, described.view(claim));
    // A correction that changes nothing stores nothing and keeps the version.
    if (!changes) return respond(current, was);
    const named = described.references(corridorId, claim);
    const windowId = described.windowOf(claim);
    try {
      await this.db.transaction(async (tx) => {
        if (!(await this.reports.update(kind, current.id, dto.version, changedColumns(current, next), tx)))
          throw staleVersion(kind);
        if (windowId && windowId !== described.windowOf(current))
          await assertReferencesExist(this.reports, named, tx);
        await this.entries.refreshDerived(kind, corridorId, tx);
        if (described.derives) await this.evaluations.record(corridorId, tx);
        await this.audit.record(tx, {
          actor: principal,
          action: `${kind}.update`,
          entity: kind,
          entityId: current.id,
          corridorId,
          ...changes,
        });
      });
    } catch (error) {
      return explainRefusedClaim(error, this.reports, named);
    }
    if (described.derives) this.evaluations.corridorChanged();
    return respond({ ...next, version: current.version + 1 }, described.view(claim));
  }
}

/** The fields a correction names: absent ones (undefined) keep what the report says. */
function givenFields<K extends ReportKind>(dto: ReportCorrection<K>): Partial<ReportCreateDto<K>> {
  const given: Partial<ReportCreateDto<K>> = {};
  for (const [field, value] of Object.entries(dto)) {
    if (value !== undefined && field !== 'version') Object.assign(given, { [field]: value });
  }
  return given;
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
