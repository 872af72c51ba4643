import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Clock } from '#cw/clock';
import { AppConfig } from '#cw/config';
import {
  announcedEnd,
  DomainError,
  DomainErrorCode,
  reviewEnd,
  isValidTimeZone,
  readPeriod,
  summarizeEvacuations,
  windowConfirmationState,
  type Period,
  type ConfirmationStance,
  type EmbargoViewer,
  type StatedConfirmation,
} from '#cw/domain';
import {
  CorridorRepository,
  DashboardRepository,
  type DashboardConfirmationRow,
  type DashboardFlagCount,
  type DashboardFigureRow,
  type DashboardPartyRow,
  type DashboardWindowRow,
} from '#cw/persistence';
import type { DashboardQueryDto } from './dto/dashboard-query.dto.js';
import type {
  DashboardDto,
  DashboardEvacuationsDto,
  DashboardWindowDto,
} from './dto/dashboard-response.dto.js';

const HOUR_MS = 3_600_000;
export const DASHBOARD_HORIZON_HOURS = 48;
const OPEN_CORRIDORS = 50;
const UPCOMING_WINDOWS = 100;
const MOST_SEVERE_FLAGS = 8;
const EVACUATION_CORRIDORS = 50;
// A month of reports is a few thousand rows; the bound keeps a busy month one bounded read.
const PERIOD_EVACUATION_REPORTS = 20_000;

/** The dashboard in one answer, so a phone on a slow link makes one request instead of one per corridor. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly dashboard: DashboardRepository,
    private readonly corridors: CorridorRepository,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * "Now" (corridors open now, windows of the next 48 hours, open flags, recent evacuations), or, with `from` and
   * `to`, that period: corridors and windows in it, the flags of those windows, evacuations reported in it.
   */
  /** Corridors under embargo, their windows, flags and figures are on their organisation's dashboard (and admins'). */
  async read(viewer: EmbargoViewer, query: DashboardQueryDto = {}): Promise<DashboardDto> {
    const now = this.clock.now();
    const period: Period | undefined =
      query.from !== undefined && query.to !== undefined
        ? readPeriod(query.from, query.to, query.timezone)
        : undefined;
    if (!period && query.timezone !== undefined && !isValidTimeZone(query.timezone)) {
      throw new DomainError(
        DomainErrorCode.UnknownTimeZone,
        'Use an IANA zone name such as Europe/Kyiv.',
        'timezone',
      );
    }
    const from = period?.from ?? now;
    const until = period?.to ?? new Date(now.getTime() + DASHBOARD_HORIZON_HOURS * HOUR_MS);
    const [open, windows, flagCounts, flags, figures] = await Promise.all([
      this.corridors.list(
        period
          ? { viewer, from, to: until, limit: OPEN_CORRIDORS }
          : { viewer, status: 'open', limit: OPEN_CORRIDORS },
        now,
      ),
      this.dashboard.findWindowsBetween(from, until, UPCOMING_WINDOWS, viewer),
      this.dashboard.countFlags(viewer, period),
      this.dashboard.findMostSevereFlags(MOST_SEVERE_FLAGS, viewer, period),
      period
        ? this.dashboard.findEvacuationFiguresReportedBetween(period, PERIOD_EVACUATION_REPORTS, viewer)
        : this.dashboard.findRecentEvacuationFigures(EVACUATION_CORRIDORS, viewer),
    ]);
    const corridorIds = [...new Set(windows.map((w) => w.corridorId))];
    const placeIds = [
      ...new Set(open.items.flatMap((c) => (c.destinationId ? [c.originId, c.destinationId] : [c.originId]))),
    ];
    const [required, confirmations, ways, placeNames] = await Promise.all([
      this.dashboard.findRequiredParties(corridorIds),
      this.dashboard.findConfirmations(corridorIds),
      this.dashboard.findWays(open.items.map((c) => c.id)),
      this.dashboard.findPlaceNames(placeIds),
    ]);
    const countsOf = (which: keyof DashboardFlagCount) => {
      const bySeverity = {
        critical: flagCounts.get('critical')?.[which] ?? 0,
        warning: flagCounts.get('warning')?.[which] ?? 0,
        info: flagCounts.get('info')?.[which] ?? 0,
      };
      return { ...bySeverity, total: bySeverity.critical + bySeverity.warning + bySeverity.info };
    };
    return {
      generatedAt: now.toISOString(),
      period: period ? { from: period.from.toISOString(), to: period.to.toISOString() } : null,
      windowsUntil: until.toISOString(),
      openCorridors: open.items.map((c) => ({
        id: c.id,
        name: c.name,
        status: c.status,
        promise: c.promise,
        originName: c.originName,
        destinationName: c.destinationName,
        originNames: placeNames.get(c.originId) ?? {},
        destinationNames: (c.destinationId && placeNames.get(c.destinationId)) || {},
        timezone: c.timezone,
        placeTimezone: c.placeTimezone,
        evacuation: { low: c.evacuationLow, high: c.evacuationHigh, reportCount: c.evacuationReportCount },
        way: ways.get(c.id) ?? null,
      })),
      upcomingWindows: this.windowStates(windows, required, confirmations, now),
      flags: {
        open: countsOf('all'),
        awaiting: countsOf('awaiting'),
        mostSevere: flags.map((f) => ({
          id: f.id,
          corridorId: f.corridorId,
          corridorName: f.corridorName,
          windowId: f.windowId,
          rule: f.rule,
          severity: f.severity,
          raisedAt: f.raisedAt.toISOString(),
          isOpen: f.isOpen,
          isAcknowledged: f.isAcknowledged,
        })),
      },
      evacuations: evacuationsByDay(figures),
    };
  }

  /** Each window's confirmation state by the domain's own rule, from two queries for all the corridors. */
  private windowStates(
    windows: DashboardWindowRow[],
    required: DashboardPartyRow[],
    confirmations: DashboardConfirmationRow[],
    now: Date,
  ): DashboardWindowDto[] {
    const partiesOf = groupBy(required, (p) => p.corridorId);
    const statedOf = groupBy(confirmations, (c) => c.corridorId);
    return windows.map((w) => {
      const parties = partiesOf.get(w.corridorId) ?? [];
      const byId = new Map(parties.map((p) => [p.partyId, p]));
      const stated: StatedConfirmation[] = (statedOf.get(w.corridorId) ?? []).map((c) => ({
        partyId: c.partyId,
        stance: c.stance as ConfirmationStance,
        statedAt: c.statedAt,
        reportedById: c.reportedById,
      }));
      const state = windowConfirmationState(
        w,
        parties.map((p) => p.partyId),
        stated,
        this.config.CONFIRMATION_LEAD_MINUTES,
        now,
      );
      return {
        id: w.id,
        corridorId: w.corridorId,
        corridorName: w.corridorName,
        timezone: w.timezone,
        placeTimezone: w.placeTimezone,
        startsAt: w.startsAt.toISOString(),
        endsAt: announcedEnd(w)?.toISOString() ?? null,
        reviewEndsAt: reviewEnd(w)?.toISOString() ?? null,
        confirmationState: {
          status: state.status,
          deadlineAt: state.deadlineAt.toISOString(),
          parties: state.parties.map((p) => ({
            partyId: p.partyId,
            name: byId.get(p.partyId)?.name ?? p.partyId,
            shortName: byId.get(p.partyId)?.shortName ?? null,
            stance: p.stance,
            statedAt: p.statedAt?.toISOString() ?? null,
            isInTime: p.isInTime,
          })),
        },
      };
    });
  }
}

/**
 * The headline (libs/domain: arrivals, else evacuated, else who left; per window lowest to highest stated figure
 * of that measure) of each operation (all its stages' claims as one whole: its people counted once, never the sum
 * of its stages) and of each corridor in no operation; each window counted on the local day, in its corridor's
 * zone, of its first report of that measure; summed by day, never averaged.
 */
function evacuationsByDay(figures: DashboardFigureRow[]): DashboardEvacuationsDto {
  const byDay = new Map<string, { day: string; low: number; high: number }>();
  for (const rows of groupBy(figures, (f) => f.operationId ?? f.corridorId).values()) {
    const zoneOfWindow = new Map(rows.map((f) => [f.windowId, f.timezone]));
    const summary = summarizeEvacuations(
      rows.map((f) => ({
        sourcePartyId: f.sourcePartyId,
        windowId: f.windowId,
        reportedAt: f.reportedAt,
        count: { qualifier: f.qualifier, value: f.value, max: f.max },
        measure: f.measure,
        countedAtId: f.countedAtId,
        category: f.category,
      })),
    );
    const measure = summary.total?.headline?.measure;
    if (!measure) continue;
    for (const group of summary.windows) {
      const range = group.byMeasure[measure];
      if (!range) continue;
      const first = Math.min(
        ...group.bySource.filter((c) => c.measure === measure).map((c) => c.reportedAt.getTime()),
      );
      const zone = zoneOfWindow.get(group.windowId) ?? rows[0].timezone;
      const day = DateTime.fromMillis(first, { zone }).toISODate() ?? '';
      const entry = byDay.get(day) ?? { day, low: 0, high: 0 };
      entry.low += range.low;
      entry.high += range.high;
      byDay.set(day, entry);
    }
  }
  const days = [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
  return {
    low: days.length ? days.reduce((sum, d) => sum + d.low, 0) : null,
    high: days.length ? days.reduce((sum, d) => sum + d.high, 0) : null,
    corridorCount: new Set(figures.map((f) => f.corridorId)).size,
    byDay: days,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
