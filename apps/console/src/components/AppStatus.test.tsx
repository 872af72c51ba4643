import { QueryCache, QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { api } from '../api/client';
import { initI18n } from '../i18n';
import { recordServed } from '../offline/freshness';
import { SERVED_FROM_CACHE_HEADER } from '../offline/policy';
import { announceUpdate, watchUnsavedInput } from '../offline/update';
import { AppStatus } from './AppStatus';

initI18n('en');
watchUnsavedInput();

const HOUR = 3_600_000;

/** The API as the service worker hands it over: fresh, or from its cache with the `Date` of the original answer. */
function serve(answers: { fromCache: boolean; date: number }[]) {
  const fetch = vi.fn(async () => {
    const next = answers.length > 1 ? answers.shift()! : answers[0];
    const headers = new Headers({
      'content-type': 'application/json',
      date: new Date(next.date).toUTCString(),
    });
    if (next.fromCache) headers.set(SERVED_FROM_CACHE_HEADER, '1');
    return new Response(JSON.stringify({ items: [] }), { status: 200, headers });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function Page() {
  useQuery({ queryKey: ['corridors'], queryFn: () => api('/corridors') });
  return (
    <form aria-label="report">
      <input aria-label="Note" />
    </form>
  );
}

function show() {
  const client = new QueryClient({
    queryCache: new QueryCache({ onSuccess: recordServed }),
    defaultOptions: { queries: { retry: false } },
  });
  const location = memoryLocation({ path: '/corridors', record: true });
  render(
    <Router hook={location.hook}>
      <QueryClientProvider client={client}>
        <AppStatus />
        <Page />
      </QueryClientProvider>
    </Router>,
  );
  return location;
}

function setOnline(isOnline: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(isOnline);
  act(() => void window.dispatchEvent(new Event(isOnline ? 'online' : 'offline')));
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('how fresh the page is', () => {
  it('says when the data on screen was fetched, in the viewer’s zone, named', async () => {
    serve([{ fromCache: false, date: Date.now() }]);
    show();
    const line = await screen.findByTestId('freshness');
    expect(line.textContent).toMatch(/^Updated \d\d:\d\d \S+, now$/);
    expect(screen.queryByTestId('stale-banner')).toBeNull();
  });

  it('warns when the answer came from the device’s cache because the server did not answer, with its age', async () => {
    serve([{ fromCache: true, date: Date.now() - 3 * HOUR }]);
    show();
    const banner = await screen.findByTestId('stale-banner');
    expect(banner.textContent).toMatch(
      /^The server did not answer the last refresh\. What you see was fetched .+ \(3 hours ago\)/,
    );
    expect(screen.queryByTestId('freshness')).toBeNull();
  });

  it('shows the offline banner while offline, and reads cached data again when back', async () => {
    const fetch = serve([
      { fromCache: true, date: Date.now() - 2 * HOUR },
      { fromCache: false, date: Date.now() },
    ]);
    show();
    await screen.findByTestId('stale-banner');
    setOnline(false);
    expect(screen.getByTestId('stale-banner').textContent).toMatch(/^You are offline\. .+\(2 hours ago\)/);
    setOnline(true);
    expect((await screen.findByTestId('freshness')).textContent).toMatch(/^Updated \d\d:\d\d \S+, now$/);
    expect(screen.queryByTestId('stale-banner')).toBeNull();
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe('a new version of the console', () => {
  it('is announced, offered at once when no form holds input, and taken at the next navigation', async () => {
    serve([{ fromCache: false, date: Date.now() }]);
    const location = show();
    const activate = vi.fn();
    act(() => announceUpdate(activate));
    const banner = await screen.findByTestId('update-ready');
    expect(banner.textContent).toContain('A new version of Corridor Watch is ready.');
    expect(screen.getByRole('button', { name: 'Use it now' })).toBeDefined();

    // Typing in a form: no button that would reload, and nothing taken while the page stays.
    await userEvent.type(screen.getByLabelText('Note'), 'Buses held');
    expect(banner.textContent).toContain('after you send or leave this form');
    expect(screen.queryByRole('button', { name: 'Use it now' })).toBeNull();
    expect(activate).not.toHaveBeenCalled();

    act(() => location.navigate('/flags'));
    expect(activate).toHaveBeenCalledTimes(1);
  });
});
