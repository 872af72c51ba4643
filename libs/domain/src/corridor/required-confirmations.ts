export type PartyKind = 'belligerent' | 'government' | 'humanitarian' | 'other';
export const PARTY_KINDS: readonly PartyKind[] = ['belligerent', 'government', 'humanitarian', 'other'];

// A corridor is only safe when every other party to the fighting agrees to it.
export function defaultRequiredConfirmations(
  parties: { id: string; kind: PartyKind }[],
  announcerId: string,
): string[] {
  const required: string[] = [];
  for (const party of parties) {
    if (party.kind === 'belligerent' && party.id !== announcerId && !required.includes(party.id)) {
      required.push(party.id);
    }
  }
  return required;
}
