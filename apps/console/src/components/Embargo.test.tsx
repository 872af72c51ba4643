import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Corridor, User } from '../api/types';
import { initI18n } from '../i18n';
import { formatWhen, whenParts } from '../lib/time';
import {
  EmbargoBadge,
  EmbargoField,
  EmbargoLift,
  NO_EMBARGO_DRAFT,
  toEmbargo,
  type EmbargoDraft,
} from './Embargo';

beforeAll(() => {
  initI18n('en');
});

const NOW = new Date('2022-05-03T09:00:00Z');

/** The field as a form holds it, with what the form would send under it. */
function Harness() {
  const [value, setValue] = useState<EmbargoDraft>(NO_EMBARGO_DRAFT);
  const held = toEmbargo(value, NOW);
  return (
    <>
      <EmbargoField value={value} onChange={setValue} error={held.error} />
      <output data-testid="sent">{JSON.stringify(held.embargo ?? null)}</output>
    </>
  );
}

describe('the embargo control of the corridor and report forms', () => {
  it('shares at once unless asked, then holds until the windows end or until a time to come', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const sent = () => screen.getByTestId('sent').textContent;
    expect(screen.getByRole('radio', { name: 'Share at once' })).toHaveProperty('checked', true);
    expect(sent()).toBe('null');
    expect(screen.queryByLabelText(/Held until/)).toBeNull();

    await user.click(screen.getByRole('radio', { name: "Until the corridor's windows have ended" }));
    expect(sent()).toBe('{"untilWindowsEnd":true}');

    await user.click(screen.getByRole('radio', { name: 'Until a time' }));
    expect(screen.getByRole('alert').textContent).toBe('Give the time the embargo lifts.');
    const time = screen.getByLabelText(/Held until/);
    await user.type(time, '2022-05-01T10:00');
    expect(screen.getByRole('alert').textContent).toBe('The embargo must lift at a time still to come.');
    expect(time.getAttribute('aria-invalid')).toBe('true');
    await user.clear(time);
    await user.type(time, '2022-05-04T18:00');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(JSON.parse(sent() ?? 'null')).toEqual({ until: new Date('2022-05-04T18:00').toISOString() });
  });
});

describe('the embargo badge on a corridor and a claim', () => {
  const held = {
    until: '2022-05-03T15:00:00.000Z',
    untilWindowsEnd: false,
    liftsAt: '2022-05-03T15:00:00.000Z',
    liftedAt: null,
    isInForce: true,
  };

  it('says until when, in the zone given, while the embargo holds', () => {
    render(<EmbargoBadge embargo={held} zone="Europe/Kyiv" />);
    const badge = screen.getByText(/^Embargoed until /);
    expect(badge.textContent).toBe(
      `Embargoed until ${formatWhen(whenParts(held.liftsAt, 'Europe/Kyiv', 'en'), 'yours')}`,
    );
    expect(badge.textContent).toContain('18:00 Europe/Kyiv');
    expect(badge.getAttribute('title')).toContain('other organisations do not see this');
  });

  it('says "until the windows end" before the corridor has a window to end, in the viewer zone otherwise', () => {
    const { rerender } = render(
      <EmbargoBadge embargo={{ ...held, until: null, untilWindowsEnd: true, liftsAt: null }} />,
    );
    expect(screen.getByText('Embargoed until the windows end')).toBeTruthy();
    rerender(<EmbargoBadge embargo={held} />);
    expect(
      screen.getByText(`Embargoed until ${formatWhen(whenParts(held.liftsAt, null, 'en'), 'yours')}`),
    ).toBeTruthy();
  });

  it('shows nothing once lifted, nor on a record that never had an embargo', () => {
    const { container, rerender } = render(
      <EmbargoBadge embargo={{ ...held, liftedAt: '2022-05-03T15:00:30.000Z', isInForce: false }} />,
    );
    expect(container.textContent).toBe('');
    rerender(<EmbargoBadge embargo={undefined} />);
    expect(container.textContent).toBe('');
  });
});

describe("lifting a corridor's embargo early", () => {
  const ICRC = 'a0000000-0000-4000-8000-000000000001';
  const corridor = {
    id: 'c0000000-0000-4000-8000-000000000001',
    organisationId: ICRC,
    embargo: {
      until: null,
      untilWindowsEnd: true,
      liftsAt: null,
      liftedAt: null,
      isInForce: true,
    },
  } as unknown as Corridor;
  const member = (role: User['role'], organisationId = ICRC) =>
    ({ id: 'u1', role, organisationId, displayName: 'Olena' }) as unknown as User;

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  function show(user: User, isHeld = true) {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const invalidated = vi.spyOn(client, 'invalidateQueries');
    render(
      <QueryClientProvider client={client}>
        <EmbargoLift corridor={corridor} user={user} isHeld={isHeld} />
      </QueryClientProvider>,
    );
    return { client, invalidated };
  }

  it("offers it to a coordinator of the corridor's organisation and to any admin, while something is held", () => {
    for (const [user, isHeld, shown] of [
      [member('coordinator'), true, true],
      [member('admin', 'another'), true, true],
      [member('reporter'), true, false],
      [member('coordinator', 'another'), true, false],
      [member('coordinator'), false, false],
    ] as const) {
      const view = render(
        <QueryClientProvider client={new QueryClient()}>
          <EmbargoLift corridor={corridor} user={user} isHeld={isHeld} />
        </QueryClientProvider>,
      );
      expect({
        role: user.role,
        org: user.organisationId,
        isHeld,
        shown: !!view.queryByRole('button'),
      }).toEqual({
        role: user.role,
        org: user.organisationId,
        isHeld,
        shown,
      });
      view.unmount();
    }
  });

  it('asks once more, then lifts and reloads the corridor, the lists and the dashboard', async () => {
    const lifted = {
      ...corridor,
      embargo: { ...corridor.embargo!, isInForce: false, liftedAt: '2022-05-03T09:00:00.000Z' },
    };
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify(lifted), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    );
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    const { client, invalidated } = show(member('coordinator'));

    await user.click(screen.getByRole('button', { name: 'Lift the embargo now' }));
    expect(fetch).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Keep the embargo' }));
    await user.click(screen.getByRole('button', { name: 'Lift the embargo now' }));
    expect(screen.getByRole('group').textContent).toContain('cannot be undone');
    await user.click(screen.getByRole('button', { name: 'Lift it now' }));

    await waitFor(() => expect(client.getQueryData(['corridor', corridor.id])).toEqual(lifted));
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect([url, init.method]).toEqual([`/api/v1/corridors/${corridor.id}/embargo/lift`, 'POST']);
    const keys = invalidated.mock.calls.map(([filters]) => filters?.queryKey);
    expect(keys).toEqual(expect.arrayContaining([['corridor', corridor.id], ['corridors'], ['dashboard']]));
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('says why when the server refuses, and reloads all the same', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({
              type: '/problems/nothing-under-embargo',
              title: 'Conflict',
              status: 409,
              detail: 'Nothing on this corridor is under embargo.',
              errors: [],
            }),
            { status: 409, headers: { 'content-type': 'application/problem+json' } },
          ),
      ),
    );
    const user = userEvent.setup();
    const { invalidated } = show(member('admin', 'another'));
    await user.click(screen.getByRole('button', { name: 'Lift the embargo now' }));
    await user.click(screen.getByRole('button', { name: 'Lift it now' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Nothing on this corridor is under embargo.',
    );
    expect(invalidated.mock.calls.map(([filters]) => filters?.queryKey)).toContainEqual([
      'corridor',
      corridor.id,
    ]);
  });
});
