import { Injectable } from '@nestjs/common';
import { latestStances } from '#cw/domain';
import {
  CorridorRepository,
  ReportRepository,
  type CorridorConfirmationState,
  type SqlRunner,
} from '#cw/persistence';

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
    const stances = latestStances(
      confirmations.map((c) => ({
        partyId: c.partyId,
        stance: c.stance as 'confirmed',
        statedAt: c.statedAt,
        reportedById: null,
      })),
    );
    await this.corridors.saveConfirmationState(
      corridorId,
      {
        confirmationState: confirmationStateOf(requiredPartyIds, stances),
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

export function confirmationStateOf(
  requiredPartyIds: readonly string[],
  stances: ReadonlyMap<string, { stance: string }>,
): CorridorConfirmationState['confirmationState'] {
  const required = requiredPartyIds.map((id) => stances.get(id)?.stance);
  if (required.includes('rejected')) return 'disputed';
  return required.every((stance) => stance === 'confirmed') ? 'confirmed' : 'pending';
}
