import { vi } from 'vitest';

/** One request the page sent: the path without `/api/v1` (with its query), the JSON body parsed. */
export interface Call {
  method: string;
  path: string;
  body: unknown;
}

export interface Reply {
  status: number;
  /** Sent as JSON; undefined: no body (as a 204 has). */
  body?: unknown;
}

export const reply = (body: unknown, status = 200): Reply => ({ status, body });
/** A list answer with no next page. */
export const page = (items: unknown[]): Reply => reply({ items, nextCursor: null });

const NOT_FOUND = reply({ type: '/problems/not-found', title: 'Not found', status: 404, errors: [] }, 404);

/**
 * Stands in for `fetch`: `route` answers each call (nothing: 404 problem), and every call is recorded in order.
 * Undo with `vi.unstubAllGlobals()`.
 */
export function fakeApi(route: (call: Call) => Reply | undefined) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const call: Call = {
        method: init.method ?? 'GET',
        path: url.replace(/^\/api\/v1/, ''),
        body: init.body ? JSON.parse(String(init.body)) : undefined,
      };
      calls.push(call);
      const { status, body } = route(call) ?? NOT_FOUND;
      return new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
      });
    }),
  );
  return { calls, sent: (method: string) => calls.filter((c) => c.method === method) };
}
