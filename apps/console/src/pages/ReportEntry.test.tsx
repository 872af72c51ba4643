import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Route, Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { Corridor } from '../api/types';
import { initI18n } from '../i18n';
import ReportEntry from './ReportEntry';

// A reporter whose phone is set to London reports from Mariupol, on a corridor announced from New York.
vi.mock('../lib/time', async (original) => ({
  ...(await original<typeof import('../lib/time')>()),
  viewerZone: () => 'Europe/London',
}));

const corridor = {
  id: 'c-1',
  name: 'UN/ICRC operation 3',
  status: 'open',
  promise: 'pending',
  cancelledAt: null,
  originId: 'l-1',
  destinationId: null,
  announcedById: 'p-1',
  announcedAt: '2022-05-04T20:00:00Z',
  timezone: 'America/New_York',
  placeTimezone: 'Europe/Kyiv',
  evacuation: { low: null, high: null, reportCount: 0, measure: null },
  version: 1,
  requiredConfirmationIds: [],
  stopIds: [],
  operationId: null,
  sourceUrl: null,
  sourceNote: null,
  route: null,
  cancelReason: null,
  windows: [],
  confirmations: [],
  enteredById: 'u-9',
  organisationId: 'org-a',
  enteredAt: '2022-05-04T20:05:00Z',
  updatedAt: '2022-05-04T20:05:00Z',
} satisfies Corridor;

const posts: { path: string; body: Record<string, unknown> }[] = [];

beforeAll(() => {
  initI18n('en');
  window.localStorage.clear();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const path = url.replace('/api/v1', '');
      if ((init.method ?? 'GET') === 'POST') {
        const body = JSON.parse(String(init.body)) as Record<string, unknown>;
        posts.push({ path, body });
        return {
          ok: true,
          status: 201,
          headers: new Headers(),
          text: async () => JSON.stringify({ id: 'i-1' }),
        };
      }
      const data = path === '/corridors/c-1' ? corridor : { items: [], nextCursor: null };
      return { ok: true, status: 200, headers: new Headers(), text: async () => JSON.stringify(data) };
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the new-report form', () => {
  it("reads the time in the zone of the corridor's place, says so, and sends it with that zone", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <Router hook={memoryLocation({ path: '/corridors/c-1/report/incident' }).hook}>
          <Route path="/corridors/:id/report/:kind" component={ReportEntry} />
        </Router>
      </QueryClientProvider>,
    );
    expect(await screen.findByText('Time in Europe/Kyiv, the zone of the corridor’s place.')).toBeTruthy();
    const time = screen.getByLabelText('When it happened');
    await userEvent.clear(time);
    await userEvent.type(time, '2022-05-05T09:00');
    await userEvent.type(screen.getByLabelText('What happened'), 'Shelling near the plant');
    await userEvent.click(screen.getByRole('button', { name: 'Send report' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toMatchObject({
      path: '/corridors/c-1/incidents',
      body: {
        occurredAt: '2022-05-05T09:00',
        timezone: 'Europe/Kyiv',
        description: 'Shelling near the plant',
      },
    });
  });
});
