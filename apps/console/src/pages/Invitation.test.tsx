import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route, Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { initI18n } from '../i18n';
import Invitation from './Invitation';

initI18n('en');
const TOKEN = 'k'.repeat(43);
const INVITATION = {
  email: 'olena@ngo.example',
  displayName: 'Olena K.',
  expiresAt: '2022-05-08T12:00:00.000Z',
  passwordPolicy: { minLength: 12, maxLength: 1024 },
};

interface Call {
  path: string;
  body: unknown;
}

function serve(answer: (call: Call) => { status: number; body?: unknown }) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const call = {
        path: url.replace('/api/v1', ''),
        body: init.body ? JSON.parse(String(init.body)) : undefined,
      };
      calls.push(call);
      const { status, body } = answer(call);
      return new Response(status === 204 ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
      });
    }),
  );
  return calls;
}

function show() {
  const location = memoryLocation({ path: `/invite/${TOKEN}`, record: true });
  const client = new QueryClient();
  render(
    <Router hook={location.hook}>
      <QueryClientProvider client={client}>
        <Route path="/invite/:token" component={Invitation} />
      </QueryClientProvider>
    </Router>,
  );
  return { location, client };
}

const gone = {
  status: 404,
  body: {
    type: '/problems/not-found',
    title: 'Not found',
    status: 404,
    detail: 'This invitation is unknown, used already or expired.',
    errors: [{ field: 'token', message: 'This invitation is unknown, used already or expired.' }],
  },
};

afterEach(() => vi.unstubAllGlobals());

describe('the invitation page', () => {
  it('states the password rules the server gives, sets the password, signs in and goes to the dashboard', async () => {
    const calls = serve(({ path }) =>
      path === `/auth/invite?token=${TOKEN}`
        ? { status: 200, body: INVITATION }
        : path === '/auth/invite/accept'
          ? { status: 204 }
          : { status: 200, body: { expiresAt: '2022-05-06T00:00:00Z', user: { id: 'u', role: 'reporter' } } },
    );
    const { location, client } = show();
    expect((await screen.findByTestId('password-policy')).textContent).toBe(
      'At least 12 characters (at most 1024). Several words you can remember make a good one.',
    );
    expect(screen.getByText(/Welcome, Olena K\.: choose a password for olena@ngo\.example/)).toBeDefined();

    await userEvent.type(screen.getByLabelText('New password'), 'eleven char');
    await userEvent.type(screen.getByLabelText('The same password again'), 'eleven char');
    await userEvent.click(screen.getByRole('button', { name: 'Set the password and sign in' }));
    expect(screen.getByRole('alert').textContent).toBe('Too short: at least 12 characters.');
    expect(calls.map((c) => c.path)).toEqual([`/auth/invite?token=${TOKEN}`]);

    await userEvent.clear(screen.getByLabelText('New password'));
    await userEvent.type(screen.getByLabelText('New password'), 'a long passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Set the password and sign in' }));
    expect(screen.getByRole('alert').textContent).toBe('The two passwords differ.');

    await userEvent.clear(screen.getByLabelText('The same password again'));
    await userEvent.type(screen.getByLabelText('The same password again'), 'a long passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Set the password and sign in' }));
    await vi.waitFor(() => expect(location.history.at(-1)).toBe('/'));
    expect(calls.map((c) => [c.path, c.body])).toEqual([
      [`/auth/invite?token=${TOKEN}`, undefined],
      ['/auth/invite/accept', { token: TOKEN, password: 'a long passphrase' }],
      ['/auth/login', { email: 'olena@ngo.example', password: 'a long passphrase', session: 'cookie' }],
    ]);
    expect(client.getQueryData(['me'])).toEqual({ id: 'u', role: 'reporter' });
  });

  it('says plainly that a used or expired link no longer works, and asks for no password', async () => {
    serve(() => gone);
    show();
    expect((await screen.findByTestId('invitation-gone')).textContent).toContain(
      'This invitation link has expired or was used already.',
    );
    expect(screen.queryByLabelText('New password')).toBeNull();
  });

  it('says so too when the link is used elsewhere while the page is open', async () => {
    serve(({ path }) => (path === `/auth/invite?token=${TOKEN}` ? { status: 200, body: INVITATION } : gone));
    show();
    await userEvent.type(await screen.findByLabelText('New password'), 'a long passphrase');
    await userEvent.type(screen.getByLabelText('The same password again'), 'a long passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Set the password and sign in' }));
    expect((await screen.findByTestId('invitation-gone')).textContent).toContain(
      'expired or was used already',
    );
  });
});
