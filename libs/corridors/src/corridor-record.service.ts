import { Injectable } from '@nestjs/common';
import { AppError, toEmbargoResponse } from '#cw/common';
import { Clock } from '#cw/clock';
import {
  announcedEnd,
  derivePromise,
  formatGrade,
  isVisibleTo,
  lastEnd,
  meetsGrade,
  parseMinGrade,
  reviewEnd,
  summarizeEvacuations,
  type EmbargoViewer,
  type Grade,
  type SettledPromise,
} from '#cw/domain';
import {
  AuditRepository,
  CorridorRepository,
  FlagRepository,
  PartyRepository,
  ReportRepository,
  type AuditEntryEntity,
  REPORT_KINDS,
  type EvacuationFigure,
  type SqlRunner,
  type ReportKind,
  type FlagEventEntity,
} from '#cw/persistence';
import { REPORT_KIND_DESCRIPTIONS, REPORT_KIND_NAMES } from '#cw/reports';
import { EvacuationSummaryDto, toEvacuationSummary } from './dto/evacuation-summary.dto.js';
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
    // Claims under embargo another organisation may not see are left out, with what was done to them.
    const hidden = new Set<string>();
    const [windows, ...reportEvents] = await Promise.all([
      this.corridors.findWindows(corridorId),
      ...REPORT_KINDS.map((kind) => this.reportEvents(kind, corridorId, viewer, hidden, corridor.lastEndsAt)),
    ]);
    await this.nameReporters(reportEvents.flat());
    const entered = (row: { createdById: string; createdAt: Date }) => ({
      enteredById: row.createdById,
      enteredAt: row.createdAt.toISOString(),
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
        embargo: toEmbargoResponse(corridor, corridor.lastEndsAt),
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
      ...reportEvents.flat(),
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

  /** A stance reported by another party says so, by that party's name: "as reported by …". */
  private async nameReporters(events: TimelineEventDto[]): Promise<void> {
    const reported = events.filter((e) => e.reportedById !== undefined);
    if (reported.length === 0) return;
    const names = new Map(
      (await this.parties.findByIds([...new Set(reported.map((e) => e.reportedById as string))])).map((p) => [
        p.id,
        p.name,
      ]),
    );
    for (const event of reported) {
      event.summary = `${event.summary}, as reported by ${names.get(event.reportedById as string) ?? event.reportedById}`;
    }
  }

  /** A kind's reports as timeline events, told from each claim's view; each says whose it is and its version. */
  private async reportEvents<K extends ReportKind>(
    kind: K,
    corridorId: string,
    viewer: EmbargoViewer,
    hidden: Set<string>,
    corridorLastEndsAt: Date | null,
  ): Promise<TimelineEventDto[]> {
    const described = REPORT_KIND_DESCRIPTIONS[kind];
    const rows = (await this.reports.findAll(kind, corridorId)).filter(
      (row) => isVisibleTo(row, viewer) || void hidden.add(row.id),
    );
    return rows.map((row) => ({
      kind,
      recordId: row.id,
      ...described.timeline(described.view(row)),
      enteredById: row.createdById,
      enteredAt: row.createdAt.toISOString(),
      // A report can be corrected by its organisation: the timeline says whose it is and which version it shows.
      organisationId: row.organisationId,
      version: row.version,
      embargo: toEmbargoResponse(row, corridorLastEndsAt),
    }));
  }

  /**
   * The corridor's evacuation figures per window and in total (summarizeEvacuations): each measure apart, the
   * headline first; with `minGrade`, only the claims of that grade or better.
   */
  async evacuationSummary(corridorId: string, minGrade?: string): Promise<EvacuationSummaryDto> {
    const grade = minGrade === undefined ? null : parseMinGrade(minGrade);
    if (!(await this.corridors.exists(corridorId))) throw AppError.notFound('corridor', corridorId);
    const [summary] = await this.evacuationSummaries([[corridorId]], undefined, grade);
    return summary;
  }

  /**
   * The evacuation summary of each group of corridors taken as one whole (one corridor, or the stages of one
   * operation), by the rule every summary uses, from one read of their claims and windows: an operation's figures
   * are its stages' claims summarised together (its headline is its arrivals as a whole), never the sum of each
   * stage's summary. Claims under embargo are left out (the figures every organisation shares).
   */
  async evacuationSummaries(
    groups: readonly (readonly string[])[],
    tx?: SqlRunner,
    grade: Grade | null = null,
  ): Promise<EvacuationSummaryDto[]> {
    const corridorIds = [...new Set(groups.flat())];
    const [figures, windows] = await Promise.all([
      this.reports.findEvacuationFigures(corridorIds, tx),
      this.corridors.findWindowsOf(corridorIds, tx),
    ]);
    const graded = grade
      ? figures.filter((f) =>
          meetsGrade({ reliability: f.sourceReliability, credibility: f.credibility }, grade),
        )
      : figures;
    return groups.map((group) => {
      const members = new Set(group);
      return summarizeFigures(
        graded.filter((f) => members.has(f.corridorId)),
        windows.filter((w) => members.has(w.corridorId)).map((w) => w.id),
        grade && formatGrade(grade),
      );
    });
  }
}

/** The summary rule of libs/domain over the claims as stored, windows in start order. */
function summarizeFigures(
  figures: readonly EvacuationFigure[],
  windowOrder: readonly string[],
  minGrade: string | null,
): EvacuationSummaryDto {
  return toEvacuationSummary(
    summarizeEvacuations(
      figures.map((f) => ({ ...f, count: { qualifier: f.qualifier, value: f.value, max: f.max } })),
      windowOrder,
    ),
    minGrade,
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
  const kind = REPORT_KINDS.find((k) => k === entity);
  const name = kind && REPORT_KIND_NAMES[kind];
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
