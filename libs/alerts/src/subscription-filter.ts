import type { AlertCorridor, SubscriptionEntity } from '#cw/persistence';

/** A subscription's corridor and party filters, parsed once. */
export interface SubscriptionFilter {
  corridorIds: Set<string> | null;
  partyIds: Set<string> | null;
}

export function filterOf(
  subscription: Pick<SubscriptionEntity, 'corridorIds' | 'partyIds'>,
): SubscriptionFilter {
  const parse = (json: string | null) => (json ? new Set(JSON.parse(json) as string[]) : null);
  return { corridorIds: parse(subscription.corridorIds), partyIds: parse(subscription.partyIds) };
}

/** A corridor matches when it is one of the named corridors and one of the named parties announced it or must confirm it. */
export function matchesCorridor(
  filter: SubscriptionFilter,
  corridor: Pick<AlertCorridor, 'id' | 'announcedById' | 'requiredParties'>,
): boolean {
  if (filter.corridorIds && !filter.corridorIds.has(corridor.id)) return false;
  if (filter.partyIds) {
    const parties = filter.partyIds;
    return parties.has(corridor.announcedById) || corridor.requiredParties.some((p) => parties.has(p.id));
  }
  return true;
}
