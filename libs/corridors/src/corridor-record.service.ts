import { Injectable } from '@nestjs/common';
import { AppError } from '#cw/common';
import { Clock } from '#cw/clock';
import {
  announcedEnd,
  derivePromise,
  describeCount,
  isVisibleTo,
  lastEnd,
  reconcileCounts,
  reviewEnd,
  type Count,
  type EmbargoViewer,
  type SettledPromise,
} from '#cw/domain';
import {
  AuditRepository,
  CorridorRepository,
  FlagRepository,
  PartyRepository,
  ReportRepository,
  type AuditEntryEntity,
  type EvacuationFigure,
  type SqlRunner,
  type ReportKind,
  type FlagEventEntity,
} from '#cw/persistence';
import { toEmbargoResponse } from './dto/embargo.dto.js';
import { EvacuationSummaryDto, toEvacuationSummary } from './dto/evacuation-summary.dto.js';
import { REPORT_KIND_NAMES, toCountResponse } from './dto/report-response.dto.js';
import { TimelineQueryDto } from './dto/timeline-query.dto.js';
import { TimelineDto, TimelineEventDto } from './dto/timeline.dto.js';
import { pageTimeline } from './timeline-page.js';

/** The corridor's record as read back: its timeline and its reconciled evacuation figures. */
@Injectable()
export class CorridorRecordService {
  constructor(
    private readonly corridors: CorridorRepository,
    private readonly reports: ReportRepository,
    private readonly audit: AuditRepository,
    private readonly flags: FlagRepository,
    private readonly parties: PartyRepository,
    private readonly clock: Clock,
  ) {}

  /** Claims under embargo are in their organisation's (and admins') timeline only, with what was done to them. */
  async timeline(
    corridorId: string,
    viewer: EmbargoViewer,
    page: TimelineQueryDto = new TimelineQueryDto(),
  ): Promise<Omit<TimelineDto, 'next'>> {
    const corridor = await this.corridors.findById(corridorId);
    if (!corridor || !isVisibleTo(corridor, viewer)) throw AppError.notFound('corridor', corridorId);
    const [windows, allConfirmations, allEvacuations, allRemaining, allIncidents] = await Promise.all([
      this.corridors.findWindows(corridorId),
      this.reports.findConfirmations(corridorId),
      this.reports.findEvacuations(corridorId),
      this.reports.findRemaining(corridorId),
      this.reports.findIncidents(corridorId),
    ]);
    const hidden = new Set<string>();
    const seen = <T extends Parameters<typeof isVisibleTo>[0] & { id: string }>(rows: T[]): T[] =>
      rows.filter((row) => isVisibleTo(row, viewer) || void hidden.add(row.id));
    const [confirmations, evacuations, remaining, incidents] = [
      seen(allConfirmations),
      seen(allEvacuations),
      seen(allRemaining),
      seen(allIncidents),
    ];
    const embargo = (row: Parameters<typeof toEmbargoResponse>[0]) => ({
      embargo: toEmbargoResponse(row, corridor.lastEndsAt),
    });
    const reporters = new Map(
      (await this.parties.findByIds([...new Set(confirmations.flatMap((c) => c.reportedById ?? []))])).map(
        (p) => [p.id, p.name],
      ),
    );
    const entered = (row: { createdById: string; createdAt: Date }) => ({
      enteredById: row.createdById,
      enteredAt: row.createdAt.toISOString(),
    });
    // A report can be corrected by its organisation: the timeline says whose it is and which version it shows.
    const correctable = (row: { organisationId: string; version: number }) => ({
      organisationId: row.organisationId,
      version: row.version,
    });
    const events: TimelineEventDto[] = [
      {
        kind: 'announcement',
        at: corridor.announcedAt.toISOString(),
        recordId: corridor.id,
        summary: `Corridor announced: ${corridor.name}`,
        sourcePartyId: corridor.announcedById,
        sourceUrl: corridor.sourceUrl,
        note: corridor.sourceNote,
        ...entered(corridor),
        ...embargo(corridor),
      },
      ...windows.map((w) => ({
        kind: 'window' as const,
        at: w.startsAt.toISOString(),
        endsAt: announcedEnd(w)?.toISOString(),
        reviewEndsAt: reviewEnd(w)?.toISOString(),
        recordId: w.id,
        summary: w.isOpenEnded
          ? 'Window of promised passage, no end announced'
          : 'Window of promised passage',
        sourcePartyId: corridor.announcedById,
        sourceUrl: corridor.sourceUrl,
        note: null,
        ...entered(w),
      })),
      ...confirmations.map((c) => ({
        kind: 'confirmation' as const,
        at: c.statedAt.toISOString(),
        recordId: c.id,
        summary: c.reportedById
          ? `Stance: ${c.stance}, as reported by ${reporters.get(c.reportedById) ?? c.reportedById}`
          : `Stance: ${c.stance}`,
        sourcePartyId: c.partyId,
        sourceUrl: c.sourceUrl,
        note: c.note,
        stance: c.stance,
        reportedById: c.reportedById ?? undefined,
        ...entered(c),
        ...correctable(c),
        ...embargo(c),
      })),
      ...evacuations.map((e) => ({
        kind: 'evacuation' as const,
        at: e.reportedAt.toISOString(),
        recordId: e.id,
        summary: `${describeCount(toCountResponse(e) as Count)} ${e.category} evacuated`,
        sourcePartyId: e.sourcePartyId,
        sourceUrl: e.sourceUrl,
        note: e.note,
        count: toCountResponse(e),
        category: e.category,
        windowId: e.windowId ?? undefined,
        arrivedAtId: e.arrivedAtId ?? undefined,
        ...entered(e),
        ...correctable(e),
        ...embargo(e),
      })),
      ...remaining.map((r) => ({
        kind: 'remaining' as const,
        at: r.reportedAt.toISOString(),
        recordId: r.id,
        summary: `${describeCount(toCountResponse(r) as Count)} people remain at the origin`,
        sourcePartyId: r.sourcePartyId,
        sourceUrl: r.sourceUrl,
        note: r.note,
        count: toCountResponse(r),
        ...entered(r),
        ...correctable(r),
        ...embargo(r),
      })),
      ...incidents.map((i) => ({
        kind: 'incident' as const,
        at: i.occurredAt.toISOString(),
        recordId: i.id,
        summary: `Incident: ${i.kind.replace('_', ' ')}`,
        sourcePartyId: i.sourcePartyId,
        sourceUrl: i.sourceUrl,
        note: i.description,
        incidentKind: i.kind,
        ...entered(i),
        ...correctable(i),
        ...embargo(i),
      })),
    ];
    events.push(...(await this.flags.findEventsByCorridor(corridorId)).map(toFlagTimelineEvent));
    events.push(
      ...(await this.audit.findDoneForCorridor(corridorId))
        .filter((entry) => isEdit(entry) && !hidden.has(entry.entityId) && isRetractionVisible(entry, viewer))
        .map((entry) =>
          isRetraction(entry) ? toRetractionTimelineEvent(entry) : toEditTimelineEvent(entry),
        ),
    );
    if (corridor.cancelledAt) {
      events.push({
        kind: 'cancellation',
        at: corridor.cancelledAt.toISOString(),
        recordId: corridor.id,
        summary: 'Corridor cancelled',
        sourcePartyId: null,
        sourceUrl: null,
        note: corridor.cancelReason,
        enteredById: corridor.cancelledById ?? corridor.createdById,
        enteredAt: corridor.cancelledAt.toISOString(),
      });
    }
    const promise = derivePromise(
      {
        isCancelled: corridor.cancelledAt !== null,
        windows,
        settled: corridor.settledPromise as SettledPromise,
      },
      this.clock.now(),
    );
    const endedAt = lastEnd(windows);
    if (endedAt && promise in PROMISE_SETTLED) {
      events.push({
        kind: 'promise',
        at: endedAt.toISOString(),
        recordId: corridor.id,
        summary: PROMISE_SETTLED[promise as SettledPromise],
        sourcePartyId: null,
        sourceUrl: null,
        note: null,
        enteredById: null,
        enteredAt: endedAt.toISOString(),
        promise,
      });
    }
    return { promise, ...pageTimeline(events, page.limit, page.cursor) };
  }

  async evacuationSummary(corridorId: string): Promise<EvacuationSummaryDto> {
    if (!(await this.corridors.exists(corridorId))) throw AppError.notFound('corridor', corridorId);
    const [summary] = await this.evacuationSummaries([[corridorId]]);
    return summary;
  }

  /**
   * The evacuation summary of each group of corridors taken as one whole (one corridor, or the stages of one
   * operation), by the rule every summary uses, from one read of their claims: an operation's figures are its
   * stages' claims summarised together, never the sum of each stage's summary.
   */
  async evacuationSummaries(
    groups: readonly (readonly string[])[],
    tx?: SqlRunner,
  ): Promise<EvacuationSummaryDto[]> {
    const figures = await this.reports.findEvacuationFigures([...new Set(groups.flat())], tx);
    return groups.map((corridorIds) => {
      const members = new Set(corridorIds);
      return summarizeFigures(figures.filter((f) => members.has(f.corridorId)));
    });
  }
}

/** The summary rule of libs/domain over the claims as stored. */
function summarizeFigures(figures: readonly EvacuationFigure[]): EvacuationSummaryDto {
  return toEvacuationSummary(
    reconcileCounts(
      figures.map((f) => ({
        sourcePartyId: f.sourcePartyId,
        windowId: f.windowId,
        reportedAt: f.reportedAt,
        count: { qualifier: f.qualifier, value: f.value, max: f.max } as Count,
      })),
    ),
  );
}

/** The promise event once the last window is over; a cancelled corridor has its cancellation event instead. */
const PROMISE_SETTLED: Record<SettledPromise, string> = {
  kept: 'Promise kept: every required party confirmed, and people moved',
  unconfirmed: 'Promise unconfirmed: people moved, but a required party never confirmed',
  broken: 'Promise broken: a required party rejected it, or nobody is reported to have moved',
};

const FLAG_EVENT_VERB: Record<string, string> = {
  raised: 'raised',
  resolved: 'resolved',
  reopened: 'raised again',
  acknowledged: 'acknowledged',
};

/** Raises and resolves are the worker's (no one entered them); an acknowledgement is its coordinator's. */
function toFlagTimelineEvent(event: FlagEventEntity): TimelineEventDto {
  return {
    kind: 'flag',
    at: event.at.toISOString(),
    recordId: event.flagId,
    summary: `Flag ${FLAG_EVENT_VERB[event.kind] ?? event.kind}: ${event.rule.replaceAll('_', ' ')} (${event.severity})`,
    sourcePartyId: null,
    sourceUrl: null,
    note: null,
    enteredById: event.actorUserId,
    enteredAt: event.at.toISOString(),
    flagEvent: event.kind,
    flagRule: event.rule,
    flagSeverity: event.severity,
    windowId: event.windowId,
  };
}

// Writes the timeline shows as their own events already; every other audited write shows as an edit.
const SHOWN_AS_THEMSELVES = new Set([
  'corridor.create',
  'flag.acknowledge',
  'corridor.cancel',
  'window.create',
  'confirmation.create',
  'evacuation.create',
  'remaining.create',
  'incident.create',
  // A lift shows on the record itself (its embargo's liftedAt), not as an edit.
  ...['corridor', 'confirmation', 'evacuation', 'remaining', 'incident'].map(
    (kind) => `${kind}.embargo_lift`,
  ),
]);

function isEdit(entry: AuditEntryEntity): boolean {
  return !SHOWN_AS_THEMSELVES.has(entry.action);
}

/** An audit entry's `before` or `after`, as stored: JSON of the fields, or null. */
function fieldsOf(json: string | null): Record<string, unknown> {
  return json ? (JSON.parse(json) as Record<string, unknown>) : {};
}

/** A retraction of a report under embargo is seen by whoever could see the report. */
function isRetractionVisible(entry: AuditEntryEntity, viewer: EmbargoViewer): boolean {
  const heldFor = fieldsOf(entry.after).embargoedFor;
  return typeof heldFor !== 'string' || viewer.seesEverything || heldFor === viewer.organisationId;
}

function isRetraction(entry: AuditEntryEntity): boolean {
  return entry.action.endsWith('.retract');
}

/** "Evacuation report corrected", "Incident retracted": a report's kind with what was done to it. */
function reportDone(entity: string, verb: 'corrected' | 'retracted'): string | undefined {
  const name = REPORT_KIND_NAMES[entity as ReportKind] as string | undefined;
  return name && `${name[0].toUpperCase()}${name.slice(1)} ${verb}`;
}

/** A report withdrawn, from its audit entry: why, by whom, and what it had said. */
function toRetractionTimelineEvent(entry: AuditEntryEntity): TimelineEventDto {
  const before = fieldsOf(entry.before);
  const reason = fieldsOf(entry.after).reason as string | undefined;
  return {
    kind: 'retraction',
    at: entry.at.toISOString(),
    recordId: entry.entityId,
    entity: entry.entity,
    summary: `${reportDone(entry.entity, 'retracted') ?? 'Retracted'}: ${reason ?? ''}`,
    sourcePartyId: null,
    sourceUrl: null,
    note: reason ?? null,
    enteredById: entry.actorUserId,
    enteredAt: entry.at.toISOString(),
    changes: Object.entries(before).map(([field, value]) => ({ field, before: value, after: null })),
  };
}

/** An edit of the corridor or a correction of one of its reports, from its audit entry: who changed which fields, from what to what. */
function toEditTimelineEvent(entry: AuditEntryEntity): TimelineEventDto {
  const before = fieldsOf(entry.before);
  const after = fieldsOf(entry.after);
  const fields = Object.keys(after);
  return {
    kind: 'edit',
    at: entry.at.toISOString(),
    recordId: entry.entityId,
    entity: entry.entity,
    // Reports are corrected rather than edited: what the source said stays what it said, the entry is put right.
    summary: `${reportDone(entry.entity, 'corrected') ?? 'Edited'}${fields.length ? `: ${fields.join(', ')}` : ' (no field changed)'}`,
    sourcePartyId: null,
    sourceUrl: null,
    note: null,
    enteredById: entry.actorUserId,
    enteredAt: entry.at.toISOString(),
    changes: fields.map((field) => ({ field, before: before[field] ?? null, after: after[field] })),
  };
}
