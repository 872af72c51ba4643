export type PartyKind = 'belligerent' | 'government' | 'humanitarian' | 'other';
export const PARTY_KINDS: readonly PartyKind[] = ['belligerent', 'government', 'humanitarian', 'other'];

/** A party as the rule of required confirmations reads it: its kind and the side of the front line it is on. */
export interface SidedParty {
  id: string;
  kind: PartyKind;
  /** A free string (`Russia`, `Ukraine`); null or absent when not known. */
  side?: string | null;
}

export type CorridorConfirmationState = 'confirmed' | 'disputed' | 'pending';

/**
 * A corridor is only safe when the other side of the fighting agrees to it: by default every belligerent not on
 * the announcer's side (when the announcer's side is not known, every belligerent but the announcer). A party
 * is not asked to confirm its own side's announcement. Sides compare without regard to case or spacing.
 */
export function defaultRequiredConfirmations(
  parties: readonly SidedParty[],
  announcer: { id: string; side?: string | null },
): string[] {
  const announcerSide = sideOf(announcer.side);
  const required: string[] = [];
  for (const party of parties) {
    if (party.kind !== 'belligerent' || party.id === announcer.id || required.includes(party.id)) continue;
    if (announcerSide !== null && sideOf(party.side) === announcerSide) continue;
    required.push(party.id);
  }
  return required;
}

/**
 * The corridor's confirmation state from each party's latest stance: disputed when a required party rejected it,
 * confirmed when every required party confirmed it, pending otherwise.
 */
export function corridorConfirmationState(
  requiredPartyIds: readonly string[],
  stances: ReadonlyMap<string, { stance: string }>,
): CorridorConfirmationState {
  const required = requiredPartyIds.map((id) => stances.get(id)?.stance);
  if (required.includes('rejected')) return 'disputed';
  return required.every((stance) => stance === 'confirmed') ? 'confirmed' : 'pending';
}

function sideOf(side: string | null | undefined): string | null {
  const normal = side?.trim().toLowerCase();
  return normal ? normal : null;
}
