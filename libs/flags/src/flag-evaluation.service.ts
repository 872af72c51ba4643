import { Injectable } from '@nestjs/common';
import { Clock } from '#cw/clock';
import { newId } from '#cw/common';
import { AppConfig } from '#cw/config';
import { evaluateWindowFlags, FLAG_RULE_SEVERITY, type FlagRuleSettings } from '#cw/domain';
import {
  Database,
  FlagFactsRepository,
  FlagRepository,
  type FlagChanges,
  type NewFlag,
  type WindowEvaluation,
} from '#cw/persistence';
import { attributeEvacuations, windowFactsOf, windowInstants } from './window-facts.js';

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
 * all in one transaction. Exactly once by construction: unique (window, rule) and conditional updates.
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

  /**
   * Evaluates every window of the corridors, or only `onlyWindowIds` of them (the sweep's due windows).
   * Must not run inside another transaction.
   */
  evaluate(corridorIds: readonly string[], onlyWindowIds?: ReadonlySet<string>): Promise<EvaluationOutcome> {
    const settings = this.settings;
    return this.db.transaction(async (tx) => {
      const now = this.clock.now();
      await this.facts.lockCorridors(corridorIds, tx);
      const corridors = await this.facts.load(corridorIds, tx, onlyWindowIds && [...onlyWindowIds]);
      const toRaise: NewFlag[] = [];
      const toReopen: string[] = [];
      const toResolve: string[] = [];
      const evaluations: WindowEvaluation[] = [];
      const upcoming: WindowDue[] = [];
      const next: WindowDue[] = [];
      for (const corridor of corridors) {
        const reports = attributeEvacuations(corridor, settings.noEvacuationGraceHours);
        const existing = new Map(corridor.flags.map((f) => [`${f.windowId}/${f.rule}`, f]));
        for (const window of corridor.windows) {
          if (onlyWindowIds && !onlyWindowIds.has(window.id)) continue;
          const decision = evaluateWindowFlags(
            windowFactsOf(corridor, window, reports.get(window.id) ?? []),
            settings,
            now,
          );
          for (const rule of decision.raise) {
            const flag = existing.get(`${window.id}/${rule}`);
            if (!flag) {
              toRaise.push({
                id: newId(),
                corridorId: corridor.corridorId,
                windowId: window.id,
                rule,
                severity: FLAG_RULE_SEVERITY[rule],
              });
            } else if (flag.resolvedAt) {
              toReopen.push(flag.id);
            }
          }
          for (const rule of decision.resolve) {
            const flag = existing.get(`${window.id}/${rule}`);
            if (flag && !flag.resolvedAt) toResolve.push(flag.id);
          }
          evaluations.push({ windowId: window.id, nextEvaluationAt: decision.nextEvaluationAt });
          if (decision.nextEvaluationAt) {
            const ahead = windowInstants(window, settings)
              .filter((i) => i.at.getTime() > now.getTime())
              .map((i) => ({ corridorId: corridor.corridorId, windowId: window.id, ...i }));
            upcoming.push(...ahead);
            if (ahead[0]) next.push(ahead[0]);
          }
        }
      }
      // The reads above are only a shortcut: each write below is conditional and counts what it really changed.
      const raised = await this.flags.raise(toRaise, now, tx);
      const reopened = await this.flags.reopen(toReopen, now, tx);
      const resolved = await this.flags.resolve(toResolve, now, tx);
      await this.facts.saveWindowEvaluations(evaluations, now, tx);
      return { raised, reopened, resolved, windows: evaluations.length, upcoming, next };
    });
  }
}
