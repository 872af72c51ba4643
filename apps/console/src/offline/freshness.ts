import { useQueryClient, type Query, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { SERVED_FROM_CACHE_HEADER } from './policy';

/** When an answer was produced, and whether the service worker served it from its cache instead of the server. */
export interface Served {
  at: number;
  fromCache: boolean;
}

// By the parsed body the API client returned: the query cache hands the same object to `recordServed`.
const servedOfBody = new WeakMap<object, Served>();
const servedOfQuery = new WeakMap<Query, Served>();

/** The API client notes each answer: its `Date` header is when the server produced it, however long ago. */
export function noteServed(body: unknown, response: Response, now = Date.now()): void {
  if (typeof body !== 'object' || body === null) return;
  const fromCache = response.headers.get(SERVED_FROM_CACHE_HEADER) === '1';
  const date = Date.parse(response.headers.get('date') ?? '');
  servedOfBody.set(body, { at: fromCache && Number.isFinite(date) ? date : now, fromCache });
}

/** The query cache's `onSuccess`: which answer each query now shows. */
export function recordServed(data: unknown, query: Query<unknown, unknown, unknown>): void {
  const served = typeof data === 'object' && data !== null ? servedOfBody.get(data) : undefined;
  servedOfQuery.set(
    query as Query,
    served ?? { at: query.state.dataUpdatedAt || Date.now(), fromCache: false },
  );
}

// Not data on the page: who is signed in.
const isPageData = (query: Query) => query.queryKey[0] !== 'me';

export interface Freshness {
  /** The oldest answer shown, in ms since the epoch; null with nothing shown. */
  updatedAt: number | null;
  isOffline: boolean;
  /** A refresh failed, or the service worker answered from its cache: what is shown may be out of date. */
  isStale: boolean;
}

/** How fresh the data on screen is: the queries the current page uses, oldest first. */
export function freshnessOf(client: QueryClient, isOnline: boolean): Freshness {
  const shown = client
    .getQueryCache()
    .findAll({ type: 'active' })
    .filter((query) => isPageData(query) && query.state.data !== undefined);
  let updatedAt: number | null = null;
  let isStale = false;
  for (const query of shown) {
    const served = servedOfQuery.get(query) ?? { at: query.state.dataUpdatedAt, fromCache: false };
    updatedAt = updatedAt === null ? served.at : Math.min(updatedAt, served.at);
    if (served.fromCache || query.state.status === 'error') isStale = true;
  }
  return { updatedAt, isOffline: !isOnline, isStale: isStale || !isOnline };
}

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

const isOnlineNow = () => navigator.onLine;

/** Freshness of the current page, kept current as queries settle, the connection changes and time passes. */
export function useFreshness(): Freshness & { now: number } {
  const client = useQueryClient();
  const isOnline = useSyncExternalStore(subscribeOnline, isOnlineNow, () => true);
  const [, setVersion] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const unsubscribe = client.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' || event.type === 'observerAdded' || event.type === 'observerRemoved')
        bump();
    });
    // "3 minutes ago" moves on by itself, and is counted afresh when the connection comes or goes.
    const tick = () => setNow(Date.now());
    const timer = setInterval(tick, 30_000);
    const unsubscribeOnline = subscribeOnline(tick);
    return () => {
      unsubscribe();
      unsubscribeOnline();
      clearInterval(timer);
    };
  }, [client]);
  useEffect(() => {
    if (!isOnline) return;
    // Back online: what the service worker answered from its cache is read again, whatever its age.
    void client.invalidateQueries({ predicate: (query) => servedOfQuery.get(query)?.fromCache === true });
  }, [isOnline, client]);
  return { ...freshnessOf(client, isOnline), now };
}
