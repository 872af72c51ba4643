import { Injectable } from '@nestjs/common';
import { Clock } from '#cw/clock';
import { newId } from '#cw/common';
import { AppConfig } from '#cw/config';
import { attributeClaims, evaluateWindowFlags, FLAG_RULE_SEVERITY, type FlagRuleSettings } from '#cw/domain';
import {
  Database,
  FlagFactsRepository,
  FlagRepository,
  type CorridorFlagFacts,
  type FlagEvidence,
  type FlagChanges,
  type NewFlag,
  type SqlRunner,
  type WindowEvaluation,
} from '#cw/persistence';
import { flagEvidence, isSameEvidence } from './flag-evidence.js';
import { corridorFactsOf, windowInstants } from './window-facts.js';

/** A window instant still ahead, for the worker to schedule a delayed job at. */
export interface WindowDue {
  corridorId: string;
  windowId: string;
  purpose: 'deadline' | 'end' | 'grace';
  at: Date;
}

export interface EvaluationOutcome extends FlagChanges {
  windows: number;
  /** Every instant still ahead of the evaluated windows. */
  upcoming: WindowDue[];
  /** Per evaluated window, only its next instant (what the sweep schedules). */
  next: WindowDue[];
}

/**
 * Gathers the facts of corridors, runs the flag rules of libs/domain on their windows and stores what changed,
 * in one transaction. Exactly once by construction: unique (window, rule) and conditional updates.
 */
@Injectable()
export class FlagEvaluationService {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly db: Database,
    private readonly facts: FlagFactsRepository,
    private readonly flags: FlagRepository,
  ) {}

  get settings(): FlagRuleSettings {
    return {
      confirmationLeadMinutes: this.config.CONFIRMATION_LEAD_MINUTES,
      noEvacuationGraceHours: this.config.NO_EVACUATION_GRACE_HOURS,
      countDiscrepancyRatio: this.config.COUNT_DISCREPANCY_RATIO,
    };
  }

  /** Evaluates every window of the corridors, in a transaction of its own. */
  evaluate(corridorIds: readonly string[]): Promise<EvaluationOutcome> {
    return this.db.transaction((tx) => this.evaluateIn(tx, corridorIds));
  }

  /**
   * The sweep's evaluation, in its transaction: the windows of the corridors that are due now, all of a corridor's
   * at once so that it is read once, corridor after corridor until `maxWindows` (what is left stays due).
   */
  evaluateDue(tx: SqlRunner, corridorIds: readonly string[], maxWindows: number): Promise<EvaluationOutcome> {
    return this.evaluateIn(tx, corridorIds, maxWindows);
  }

  private async evaluateIn(
    tx: SqlRunner,
    corridorIds: readonly string[],
    maxWindows?: number,
  ): Promise<EvaluationOutcome> {
    const now = this.clock.now();
    const settings = this.settings;
    const isDueOnly = maxWindows !== undefined;
    await this.facts.lockCorridors(corridorIds, tx);
    const corridors = await this.facts.load(corridorIds, tx, isDueOnly ? now : undefined);
    const decided = new Decisions();
    for (const corridor of corridors) {
      if (decided.evaluations.length >= (maxWindows ?? Infinity)) break;
      const windows = isDueOnly
        ? corridor.windows.filter((w) => w.nextEvaluationAt && w.nextEvaluationAt.getTime() <= now.getTime())
        : corridor.windows;
      if (windows.length > 0) decided.add(corridor, windows, settings, now);
    }
    // The reads above are only a shortcut: each write below is conditional and counts what it really changed.
    const raised = await this.flags.raise(decided.toRaise, now, tx);
    const reopened = await this.flags.reopen(decided.toReopen, now, tx);
    const resolved = await this.flags.resolve(decided.toResolve, now, tx);
    await this.flags.updateEvidence(decided.toUpdate, tx);
    await this.facts.saveWindowEvaluations(decided.evaluations, now, tx);
    const { evaluations, upcoming, next } = decided;
    return { raised, reopened, resolved, windows: evaluations.length, upcoming, next };
  }
}

/** What the rules decided for the windows evaluated so far, as rows to write. */
class Decisions {
  readonly toRaise: NewFlag[] = [];
  readonly toReopen: string[] = [];
  readonly toResolve: string[] = [];
  readonly toUpdate: { id: string; evidence: FlagEvidence }[] = [];
  readonly evaluations: WindowEvaluation[] = [];
  readonly upcoming: WindowDue[] = [];
  readonly next: WindowDue[] = [];

  add(
    corridor: CorridorFlagFacts,
    windows: CorridorFlagFacts['windows'],
    settings: FlagRuleSettings,
    now: Date,
  ) {
    const reports = attributeClaims(corridor.windows, corridor.evacuations, settings.noEvacuationGraceHours);
    const factsOf = corridorFactsOf(corridor);
    const existing = new Map(corridor.flags.map((f) => [`${f.windowId}/${f.rule}`, f]));
    for (const window of windows) {
      const facts = factsOf(window, reports.get(window.id) ?? []);
      const decision = evaluateWindowFlags(facts, settings, now);
      for (const rule of decision.raise) {
        const flag = existing.get(`${window.id}/${rule}`);
        const evidence = flagEvidence(rule, facts, decision, now);
        if (!flag) {
          this.toRaise.push({
            id: newId(),
            corridorId: corridor.corridorId,
            windowId: window.id,
            rule,
            severity: FLAG_RULE_SEVERITY[rule],
            evidence,
          });
          continue;
        }
        if (flag.resolvedAt) this.toReopen.push(flag.id);
        if (!isSameEvidence(flag.evidence, evidence)) this.toUpdate.push({ id: flag.id, evidence });
      }
      for (const rule of decision.resolve) {
        const flag = existing.get(`${window.id}/${rule}`);
        if (flag && !flag.resolvedAt) this.toResolve.push(flag.id);
      }
      this.evaluations.push({ windowId: window.id, nextEvaluationAt: decision.nextEvaluationAt });
      if (decision.nextEvaluationAt) {
        const ahead = windowInstants(window, settings)
          .filter((i) => i.at.getTime() > now.getTime())
          .map((i) => ({ corridorId: corridor.corridorId, windowId: window.id, ...i }));
        this.upcoming.push(...ahead);
        if (ahead[0]) this.next.push(ahead[0]);
      }
    }
  }
}
