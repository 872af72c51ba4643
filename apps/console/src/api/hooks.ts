import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from './client';
import type { Location, Page, Party, Role, User } from './types';

export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: () => api<User>('/auth/me'),
    retry: (count, error) => !(error instanceof ApiError && error.status === 401) && count < 2,
    staleTime: 60_000,
  });
}

/** Reads every page of a small reference list (parties, locations): a few hundred rows at most. */
async function readAll<T>(path: string): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 20; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const result: Page<T> = await api<Page<T>>(
      `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    all.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return all;
}

export function useParties() {
  return useQuery({ queryKey: ['parties'], queryFn: () => readAll<Party>('/parties'), staleTime: 300_000 });
}

export function useLocations() {
  return useQuery({
    queryKey: ['locations'],
    queryFn: () => readAll<Location>('/locations'),
    staleTime: 300_000,
  });
}

/** Names of the people who entered records; admins can read them, others see a short id. */
export function useUserNames(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'names'],
    queryFn: async () => {
      const users = await readAll<User>('/users');
      return new Map(users.map((u) => [u.id, u.displayName]));
    },
    enabled,
    retry: false,
    staleTime: 300_000,
  });
}

export function byId<T extends { id: string }>(items: T[] | undefined): Map<string, T> {
  return new Map((items ?? []).map((item) => [item.id, item]));
}

export function partyLabel(party: Party | undefined, fallback = '—'): string {
  if (!party) return fallback;
  return party.shortName || party.name;
}

const RANK: Record<Role, number> = { viewer: 0, reporter: 1, coordinator: 2, admin: 3 };

/** Whether the signed-in person's role includes `least` (the server still decides, per record). */
export function roleAtLeast(user: User | undefined, least: Role): boolean {
  return user ? RANK[user.role] >= RANK[least] : false;
}

/** Whether the signed-in person acts for a record's organisation: their own, or any for an admin. */
export function actsFor(user: User | undefined, organisationId: string | undefined): boolean {
  return user?.role === 'admin' || (user !== undefined && user.organisationId === organisationId);
}
