import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Feed } from '../api/types';
import { renderAt } from '../test-support/render';
import Feeds from './Feeds';

const URL_ONCE = 'http://cw.test/api/v1/feeds/cwf_secret/windows.ics';

/** The feeds API as the page meets it, kept in memory; every request is recorded. */
function serve() {
  const feeds: Feed[] = [];
  const requests: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      requests.push(`${method} ${url}${init.body ? ` ${String(init.body)}` : ''}`);
      const json = (body: unknown, status = 200) =>
        new Response(status === 204 ? null : JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json' },
        });
      if (url.startsWith('/api/v1/parties') || url.startsWith('/api/v1/locations'))
        return json({ items: [], nextCursor: null });
      if (method === 'POST') {
        const body = JSON.parse(String(init.body)) as { name: string; filter: Feed['filter'] };
        const feed = { id: 'f-1', name: body.name, filter: body.filter, createdAt: '2022-05-10T12:00:00Z' };
        feeds.push(feed);
        return json({ ...feed, url: URL_ONCE }, 201);
      }
      if (method === 'DELETE') {
        feeds.splice(0, feeds.length);
        return json(null, 204);
      }
      return json({ items: feeds, nextCursor: null });
    }),
  );
  return requests;
}

function show(path: string) {
  renderAt(path, <Feeds />);
  return userEvent.setup();
}

describe('the calendar feeds page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('creates a feed with a filter, shows its address once, lists it without the address, and revokes it', async () => {
    const requests = serve();
    const user = show('/feeds');
    expect(await screen.findByText('No feed yet.')).toBeTruthy();
    await user.type(screen.getByLabelText('Name'), 'Azovstal windows');
    await user.type(screen.getByLabelText('Search'), 'Azovstal');
    await user.selectOptions(screen.getByLabelText('Status'), 'confirmed');
    await user.click(screen.getByRole('button', { name: 'Create a feed' }));
    const shown = await screen.findByTestId('feed-url');
    expect(within(shown).getByLabelText('Address to subscribe to')).toHaveProperty('value', URL_ONCE);
    expect(requests).toContain(
      'POST /api/v1/feeds {"name":"Azovstal windows","filter":{"status":"confirmed","q":"Azovstal"}}',
    );
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Azovstal windows')).toBeTruthy();
    expect(table.textContent).not.toContain('cwf_secret');
    await user.click(within(table).getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(requests).toContain('DELETE /api/v1/feeds/f-1'));
    expect(await screen.findByText('No feed yet.')).toBeTruthy();
  });

  it('makes a feed of one corridor when it comes from that corridor’s page', async () => {
    const requests = serve();
    const user = show('/feeds?corridorId=c-1&name=Azovstal%205%E2%80%937%20May');
    expect(screen.getByLabelText('Name')).toHaveProperty('value', 'Azovstal 5–7 May');
    expect(screen.queryByLabelText('Search')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Create a feed' }));
    await waitFor(() =>
      expect(requests).toContain(
        'POST /api/v1/feeds {"name":"Azovstal 5–7 May","filter":{"corridorId":"c-1"}}',
      ),
    );
  });
});
