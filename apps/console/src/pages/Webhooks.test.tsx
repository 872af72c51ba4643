import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebhookDelivery, WebhookEndpoint } from '../api/types';
import { initI18n } from '../i18n';
import { fakeApi, page, reply, type Call } from '../test-support/fake-api';
import { renderAt } from '../test-support/render';
import Webhooks from './Webhooks';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwJnsgQhsuEFY=';
const endpoint: WebhookEndpoint = {
  id: 'w-1',
  organisationId: 'org-a',
  url: 'https://hooks.ngo.example/cw',
  description: null,
  events: ['flag.raised', 'evacuation.reported'],
  enabled: true,
  disabledAt: null,
  disabledReason: null,
  failingSince: null,
  createdAt: '2022-05-05T08:00:00Z',
};
const delivery = (over: Partial<WebhookDelivery>): WebhookDelivery => ({
  id: 'd-1',
  eventId: 'e-1',
  event: 'evacuation.reported',
  eventAt: '2022-05-05T09:00:00Z',
  status: 'delivered',
  attempts: 1,
  lastResponseCode: 204,
  lastLatencyMs: 1234,
  lastAttemptAt: '2022-05-05T09:00:01Z',
  nextAttemptAt: null,
  error: null,
  responseExcerpt: null,
  deliveredAt: '2022-05-05T09:00:01Z',
  createdAt: '2022-05-05T09:00:00Z',
  ...over,
});

/** The webhook routes as far as the page uses them. */
function serve() {
  let endpoints: WebhookEndpoint[] = [endpoint];
  const deliveries = [
    delivery({}),
    delivery({
      id: 'd-2',
      eventId: 'e-2',
      event: 'flag.raised',
      status: 'retrying',
      attempts: 3,
      lastResponseCode: 503,
      lastLatencyMs: 80,
      nextAttemptAt: '2022-05-05T09:05:00Z',
      error: 'answered HTTP 503',
      deliveredAt: null,
    }),
  ];
  return fakeApi((call) => {
    if (call.method === 'GET' && call.path.startsWith('/webhook-endpoints?')) return page(endpoints);
    if (call.method === 'GET' && call.path.startsWith('/webhook-endpoints/w-1/deliveries'))
      return page(deliveries);
    if (call.method === 'POST' && call.path === '/webhook-endpoints') {
      const created = {
        ...endpoint,
        id: 'w-2',
        url: (call.body as { url: string }).url,
        events: (call.body as { events: [] }).events,
      };
      endpoints = [created, ...endpoints];
      return reply({ ...created, secret: SECRET }, 201);
    }
    if (call.method === 'POST' && call.path.endsWith('/replay'))
      return reply(delivery({ status: 'pending', attempts: 0 }));
    if (call.method === 'DELETE') {
      endpoints = endpoints.filter((e) => !call.path.endsWith(e.id));
      return reply(undefined, 204);
    }
    return undefined;
  }).calls;
}

const show = () => renderAt('/webhooks', <Webhooks />);

let calls: Call[];
beforeEach(() => {
  initI18n('en');
  calls = serve();
});
afterEach(() => vi.unstubAllGlobals());

describe('the webhooks page', () => {
  it('lists the endpoints with their events and state', async () => {
    show();
    const table = await screen.findByTestId('webhook-endpoints');
    const row = within(table).getByRole('row', { name: /hooks\.ngo\.example/ });
    expect(row.textContent).toContain('flag raised, evacuation reported');
    expect(row.textContent).toContain('sending');
  });

  it('creates an endpoint with the events ticked and shows its secret once, until it is dismissed', async () => {
    show();
    await screen.findByTestId('webhook-endpoints');
    await userEvent.type(screen.getByLabelText('URL'), 'https://hooks.other.example/in');
    // Every event is ticked to begin with; untick three.
    for (const name of [/^flag resolved/, /^corridor status changed/, /^corridor promise settled/])
      await userEvent.click(screen.getByRole('checkbox', { name }));
    await userEvent.click(screen.getByRole('button', { name: 'Create the endpoint' }));
    const notice = await screen.findByTestId('webhook-secret');
    expect(notice.textContent).toContain(SECRET);
    expect(notice.textContent).toContain('https://hooks.other.example/in');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      url: 'https://hooks.other.example/in',
      events: ['flag.raised', 'evacuation.reported'],
    });
    await waitFor(() =>
      expect(screen.getAllByRole('row', { name: /hooks\.other\.example/ })).toHaveLength(1),
    );
    await userEvent.click(within(notice).getByRole('button', { name: 'I have kept it' }));
    expect(screen.queryByTestId('webhook-secret')).toBeNull();
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it("shows an endpoint's deliveries with status, attempts, response code, latency and error, and replays one", async () => {
    show();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Deliveries of https://hooks.ngo.example/cw' }),
    );
    const table = await screen.findByTestId('webhook-deliveries');
    const retrying = within(table).getByRole('row', { name: /retrying/ });
    for (const text of ['flag raised', '3', '503', '80 ms', 'answered HTTP 503'])
      expect(retrying.textContent).toContain(text);
    const delivered = within(table).getByRole('row', { name: /delivered/ });
    expect(delivered.textContent).toMatch(/1,234 ms/);
    await userEvent.click(within(delivered).getByRole('button', { name: 'Replay evacuation reported e-1' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
        '/webhook-endpoints/w-1/deliveries/d-1/replay',
      ]),
    );
  });

  it('deletes an endpoint', async () => {
    show();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete the endpoint https://hooks.ngo.example/cw' }),
    );
    await screen.findByText('No endpoint.');
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/webhook-endpoints/w-1']);
  });

  it('speaks Ukrainian', async () => {
    initI18n('uk');
    show();
    await screen.findByTestId('webhook-endpoints');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Вебхуки');
    expect(screen.getByRole('button', { name: 'Створити адресу' })).toBeTruthy();
  });
});
