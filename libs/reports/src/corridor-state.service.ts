import { Injectable } from '@nestjs/common';
import { corridorConfirmationState, latestStances } from '#cw/domain';
import { CorridorRepository, ReportRepository, type SqlRunner } from '#cw/persistence';

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
        confirmationState: corridorConfirmationState(requiredPartyIds, latestStances(confirmations)),
        firstStartsAt: windows.length
          ? new Date(Math.min(...windows.map((w) => w.startsAt.getTime())))
          : null,
        lastEndsAt: windows.length ? new Date(Math.max(...windows.map((w) => w.endsAt.getTime()))) : null,
      },
      tx,
    );
  }

  refreshEvacuationFigures(corridorId: string, tx: SqlRunner): Promise<void> {
    return this.corridors.refreshEvacuationFigures(corridorId, tx);
  }
}
