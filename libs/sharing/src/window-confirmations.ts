import { windowConfirmationState, type ConfirmationStance, type WindowConfirmationState } from '#cw/domain';
import type { ExportRepository, ExportWindowRow } from '#cw/persistence';
import { groupBy } from './collections.js';

/** What a batch of windows needs to say where their confirmations stand: by the rule the corridor page uses. */
export interface WindowConfirmations {
  of(window: ExportWindowRow): WindowConfirmationState;
  partyNames: ReadonlyMap<string, string>;
}

/** The required parties and stated stances of a batch's corridors, read in two queries. */
export async function windowConfirmations(
  exports: ExportRepository,
  windows: readonly ExportWindowRow[],
  leadMinutes: number,
  now: Date,
): Promise<WindowConfirmations> {
  const corridorIds = [...new Set(windows.map((w) => w.corridorId))];
  const [required, stances] = await Promise.all([
    exports.requiredParties(corridorIds),
    exports.stances(corridorIds),
  ]);
  const requiredOf = groupBy(required, (r) => r.corridorId);
  const stancesOf = groupBy(stances, (s) => s.corridorId);
  return {
    partyNames: new Map(required.map((r) => [r.partyId, r.partyName])),
    of: (window) =>
      windowConfirmationState(
        window,
        (requiredOf.get(window.corridorId) ?? []).map((r) => r.partyId),
        (stancesOf.get(window.corridorId) ?? []).map((s) => ({
          ...s,
          stance: s.stance as ConfirmationStance,
        })),
        leadMinutes,
        now,
      ),
  };
}
