import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '#cw/config';
import {
  corridorConfirmationState,
  isUnderEmbargo,
  lastEnd,
  latestStances,
  stancePromise,
  statesSomeoneMoved,
  type ConfirmationStance,
  type Count,
  type EmbargoState,
  type StatedConfirmation,
} from '#cw/domain';
import { CorridorRepository, Database, ReportRepository, type SqlRunner } from '#cw/persistence';

const BACKFILL_BATCH = 200;

/** An evacuation claim as stored: the window it names, when, its figure, and whether it is under embargo. */
interface NewClaim extends EmbargoState {
  windowId: string | null;
  reportedAt: Date;
  qualifier: string;
  value: number;
  max: number | null;
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
   * The evacuation figures and, with them, whether the promise saw anyone move: from every claim, or from the
   * one just `added` (report entry, the hot path; corrections and retractions recompute from every claim).
   */
  refreshEvacuationFigures(corridorId: string, tx: SqlRunner, added?: NewClaim): Promise<void> {
    return this.corridors.refreshEvacuationFigures(
      corridorId,
      this.graceMs,
      tx,
      added && {
        // A claim under embargo counts from its lift, as in the figures (the lift recomputes from every claim).
        isMoving:
          !isUnderEmbargo(added) &&
          statesSomeoneMoved({
            qualifier: added.qualifier,
            value: added.value,
            max: added.max,
          } as Count),
        windowId: added.windowId,
        reportedAt: added.reportedAt,
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
    stance: c.stance as ConfirmationStance,
    statedAt: c.statedAt,
    reportedById: c.reportedById,
  };
}
