import { Injectable } from '@nestjs/common';
import {
  claimRange,
  corridorConfirmationState,
  headlineAfterClaim,
  headlineOfGroups,
  isUnderEmbargo,
  latestStances,
  type Count,
  type EvacuationMeasure,
} from '#cw/domain';
import { CorridorRepository, ReportRepository, type SqlRunner } from '#cw/persistence';

/** A claim about to be stored, as the corridor's figures take it in. */
export interface NewEvacuationFigure {
  measure: EvacuationMeasure;
  windowId: string | null;
  count: Count;
}

/** Recomputes the figures kept on the corridor row, inside the transaction that changed their inputs. */
@Injectable()
export class CorridorStateService {
  constructor(
    private readonly corridors: CorridorRepository,
    private readonly reports: ReportRepository,
  ) {}

  async refreshConfirmationState(corridorId: string, tx: SqlRunner): Promise<void> {
    const [requiredPartyIds, confirmations, windows] = await Promise.all([
      this.corridors.findRequiredPartyIds(corridorId, tx),
      this.reports.findConfirmations(corridorId, tx),
      this.corridors.findWindows(corridorId, tx),
    ]);
    await this.corridors.saveConfirmationState(
      corridorId,
      {
        // Kept once for every organisation: a stance under embargo counts from its lift (the lift recomputes this).
        confirmationState: corridorConfirmationState(
          requiredPartyIds,
          latestStances(confirmations.filter((c) => !isUnderEmbargo(c))),
        ),
        firstStartsAt: windows.length
          ? new Date(Math.min(...windows.map((w) => w.startsAt.getTime())))
          : null,
        lastEndsAt: windows.length ? new Date(Math.max(...windows.map((w) => w.endsAt.getTime()))) : null,
      },
      tx,
    );
  }

  /** Recomputes the corridor's evacuation figures from every claim's group: after a correction or retraction. */
  async refreshEvacuationFigures(corridorId: string, tx: SqlRunner): Promise<void> {
    if (!(await this.corridors.lockEvacuationFigures(corridorId, tx))) return;
    const groups = await this.reports.figureGroups(corridorId, tx);
    await this.corridors.saveEvacuationFigures(
      corridorId,
      { reportCount: groups.reduce((n, g) => n + g.claims, 0), headline: headlineOfGroups(groups) },
      tx,
    );
  }

  /**
   * Adds one new claim to the corridor's evacuation figures, before the claim is stored (in the same
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
      tx,
    );
  }
}
