import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '#cw/config';
import {
  claimRange,
  CONFIRMATION_STANCES,
  corridorConfirmationState,
  headlineAfterClaim,
  headlineOfGroups,
  isUnderEmbargo,
  lastEnd,
  latestStances,
  oneOf,
  stancePromise,
  statesSomeoneMoved,
  type Count,
  type EvacuationMeasure,
  type StatedConfirmation,
} from '#cw/domain';
import { CorridorRepository, Database, ReportRepository, type SqlRunner } from '#cw/persistence';

const BACKFILL_BATCH = 200;

/** A claim about to be stored, as the corridor's figures and promise take it in. */
export interface NewEvacuationFigure {
  measure: EvacuationMeasure;
  windowId: string | null;
  reportedAt: Date;
  count: Count;
}

/** Recomputes the figures kept on the corridor row, inside the transaction that changed their inputs. */
@Injectable()
export class CorridorStateService {
  private readonly logger = new Logger('CorridorStateService');

  constructor(
    private readonly corridors: CorridorRepository,
    private readonly reports: ReportRepository,
    private readonly config: AppConfig,
  ) {}

  /** How long after a window a report naming none still counts for it: the flag rules' grace. */
  private get graceMs(): number {
    return this.config.NO_EVACUATION_GRACE_HOURS * 3_600_000;
  }

  /** What the corridor derives from its windows and confirmations: confirmation state, span, promise. */
  async refreshConfirmationState(corridorId: string, tx: SqlRunner): Promise<void> {
    const [requiredPartyIds, confirmations, windows] = await Promise.all([
      this.corridors.findRequiredPartyIds(corridorId, tx),
      this.reports.findConfirmations(corridorId, tx),
      this.corridors.findWindows(corridorId, tx),
    ]);
    // Kept once for every organisation: a stance under embargo counts from its lift (the lift recomputes this).
    const stated = confirmations.filter((c) => !isUnderEmbargo(c)).map(toStated);
    await this.corridors.saveConfirmationState(
      corridorId,
      {
        confirmationState: corridorConfirmationState(requiredPartyIds, latestStances(stated)),
        firstStartsAt: windows.length
          ? new Date(Math.min(...windows.map((w) => w.startsAt.getTime())))
          : null,
        lastEndsAt: lastEnd(windows),
        stancePromise: stancePromise(lastEnd(windows), requiredPartyIds, stated),
      },
      this.graceMs,
      tx,
    );
  }

  /**
   * Recomputes the corridor's evacuation figures from every claim's group, and its settled promise from every
   * claim: after a correction, a retraction or an embargo's lift.
   */
  async refreshEvacuationFigures(corridorId: string, tx: SqlRunner): Promise<void> {
    if (!(await this.corridors.lockEvacuationFigures(corridorId, tx))) return;
    const groups = await this.reports.figureGroups(corridorId, tx);
    await this.corridors.saveEvacuationFigures(
      corridorId,
      { reportCount: groups.reduce((n, g) => n + g.claims, 0), headline: headlineOfGroups(groups) },
      this.graceMs,
      tx,
    );
  }

  /**
   * Adds one new claim to the corridor's evacuation figures and promise, before the claim is stored (in the same
   * transaction): only the claim's own group (same measure and window) is read, and only when its measure is the
   * headline's, so a report's cost does not grow with the corridor's claims.
   */
  async addEvacuationFigure(corridorId: string, claim: NewEvacuationFigure, tx: SqlRunner): Promise<void> {
    const before = await this.corridors.lockEvacuationFigures(corridorId, tx);
    if (!before) return;
    const groupBefore =
      before.headline?.measure === claim.measure
        ? await this.reports.figureGroup(corridorId, claim.measure, claim.windowId, tx)
        : null;
    const headline = headlineAfterClaim(
      before.headline,
      { measure: claim.measure, ...claimRange(claim.count) },
      groupBefore,
    );
    await this.corridors.saveEvacuationFigures(
      corridorId,
      { reportCount: before.reportCount + 1, headline },
      this.graceMs,
      tx,
      {
        isMoving: statesSomeoneMoved(claim.count),
        windowId: claim.windowId,
        reportedAt: claim.reportedAt,
      },
    );
  }

  /**
   * Corridors recorded before their promise was kept get it computed, a batch per transaction: run at start, so
   * a database migrated from an earlier version shows every settled promise. Returns how many were computed.
   */
  async computeMissingPromises(db: Database): Promise<number> {
    let computed = 0;
    for (;;) {
      const ids = await this.corridors.findWithoutPromise(BACKFILL_BATCH);
      if (ids.length === 0) break;
      await db.transaction(async (tx) => {
        for (const id of ids) await this.refreshConfirmationState(id, tx);
      });
      computed += ids.length;
    }
    if (computed > 0)
      this.logger.log(`computed the promise of ${computed} corridors recorded before it was kept`);
    return computed;
  }
}

/** A stored confirmation as the domain's rules read it. */
export function toStated(c: {
  partyId: string;
  stance: string;
  statedAt: Date;
  reportedById: string | null;
}): StatedConfirmation {
  return {
    partyId: c.partyId,
    stance: oneOf(CONFIRMATION_STANCES, c.stance, 'stance'),
    statedAt: c.statedAt,
    reportedById: c.reportedById,
  };
}
