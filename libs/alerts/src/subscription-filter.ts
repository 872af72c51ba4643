import { isVisibleTo, type EmbargoViewer } from '#cw/domain';
import type { AlertCorridor, SubscriptionEntity } from '#cw/persistence';

/** A subscription's corridor and party filters, parsed once. */
export interface SubscriptionFilter {
  corridorIds: Set<string> | null;
  partyIds: Set<string> | null;
  /** A subscription hears of what its organisation sees: a corridor under embargo only when it is theirs. */
  viewer: EmbargoViewer;
}

export function filterOf(
  subscription: Pick<SubscriptionEntity, 'corridorIds' | 'partyIds' | 'organisationId'>,
): SubscriptionFilter {
  const parse = (json: string | null) => (json ? new Set(JSON.parse(json) as string[]) : null);
  return {
    corridorIds: parse(subscription.corridorIds),
    partyIds: parse(subscription.partyIds),
    viewer: { organisationId: subscription.organisationId, seesEverything: false },
  };
}

/** A corridor matches when its subscription may see it, it is one of the named corridors and one of the named parties announced it or must confirm it. */
export function matchesCorridor(
  filter: SubscriptionFilter,
  corridor: Pick<
    AlertCorridor,
    | 'id'
    | 'announcedById'
    | 'requiredParties'
    | 'organisationId'
    | 'embargoedUntil'
    | 'embargoUntilWindowsEnd'
    | 'embargoLiftedAt'
  >,
): boolean {
  if (!isVisibleTo(corridor, filter.viewer)) return false;
  if (filter.corridorIds && !filter.corridorIds.has(corridor.id)) return false;
  if (filter.partyIds) {
    const parties = filter.partyIds;
    return parties.has(corridor.announcedById) || corridor.requiredParties.some((p) => parties.has(p.id));
  }
  return true;
}
