import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Corridor, Role, User } from '../api/types';
import CorridorManage from './CorridorManage';

const NGO_A = 'org-a';
const NGO_B = 'org-b';

const corridor: Corridor = {
  id: 'c-1',
  name: 'Mariupol → Zaporizhzhia',
  status: 'announced',
  promise: 'pending',
  cancelledAt: null,
  originId: 'l-1',
  destinationId: 'l-2',
  announcedById: 'p-1',
  announcedAt: '2022-04-30T08:00:00Z',
  timezone: 'Europe/Kyiv',
  placeTimezone: 'Europe/Kyiv',
  evacuation: { low: null, high: null, reportCount: 0, measure: null },
  version: 1,
  requiredConfirmationIds: ['p-2'],
  stopIds: [],
  operationId: null,
  sourceUrl: null,
  sourceNote: null,
  route: null,
  cancelReason: null,
  windows: [],
  confirmations: [],
  enteredById: 'u-9',
  organisationId: NGO_A,
  enteredAt: '2022-04-30T08:05:00Z',
  updatedAt: '2022-04-30T08:05:00Z',
};

function showAs(role: Role, organisationId: string) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  const me: User = {
    id: 'u-1',
    email: 'me@ngo.test',
    displayName: 'Me',
    organisationId,
    role,
    disabled: false,
    invitePending: false,
  };
  client.setQueryData(['me'], me);
  client.setQueryData(['parties'], []);
  client.setQueryData(['locations'], []);
  render(
    <QueryClientProvider client={client}>
      <CorridorManage corridor={corridor} />
    </QueryClientProvider>,
  );
  return {
    offers: ['add-window', 'edit-corridor', 'cancel-corridor'].filter(
      (id) => screen.queryByTestId(id) !== null,
    ),
    isOther: screen.queryByTestId('other-organisation') !== null,
  };
}

describe('CorridorManage offers what the policy allows', () => {
  it.each([
    ['admin', NGO_B, ['add-window', 'edit-corridor', 'cancel-corridor'], false],
    ['coordinator', NGO_A, ['add-window', 'edit-corridor', 'cancel-corridor'], false],
    ['reporter', NGO_A, ['add-window'], false],
    ['coordinator', NGO_B, [], true],
    ['reporter', NGO_B, [], true],
  ] as const)('a %s of %s', (role, organisation, offers, isOther) => {
    expect(showAs(role, organisation)).toEqual({ offers, isOther });
  });

  it('offers nothing to a viewer', () => {
    showAs('viewer', NGO_A);
    expect(screen.queryByTestId('corridor-manage')).toBeNull();
  });
});

describe('the edit form, when a newer version of the corridor is read', () => {
  function editAsCoordinator() {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    const me: User = {
      id: 'u-1',
      email: 'me@ngo.test',
      displayName: 'Me',
      organisationId: NGO_A,
      role: 'coordinator',
      disabled: false,
      invitePending: false,
    };
    client.setQueryData(['me'], me);
    client.setQueryData(['parties'], []);
    client.setQueryData(['locations'], []);
    const shown = (c: Corridor) => (
      <QueryClientProvider client={client}>
        <CorridorManage corridor={c} />
      </QueryClientProvider>
    );
    const { rerender } = render(shown(corridor));
    const name = () => within(screen.getByTestId('edit-form')).getByRole('textbox', { name: 'Corridor' });
    return { rerender: (c: Corridor) => rerender(shown(c)), name };
  }

  it('takes it as the base when nothing was changed', () => {
    const form = editAsCoordinator();
    form.rerender({ ...corridor, version: 2, name: 'Mariupol → Zaporizhzhia (via Tokmak)' });
    expect(form.name()).toHaveProperty('value', 'Mariupol → Zaporizhzhia (via Tokmak)');
  });

  it('keeps what the person is typing', async () => {
    const form = editAsCoordinator();
    await userEvent.clear(form.name());
    await userEvent.type(form.name(), 'Mariupol → Berdiansk');
    form.rerender({ ...corridor, version: 2, name: 'Mariupol → Zaporizhzhia (via Tokmak)' });
    expect(form.name()).toHaveProperty('value', 'Mariupol → Berdiansk');
  });
});
