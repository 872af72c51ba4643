import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
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
  originId: 'l-1',
  destinationId: 'l-2',
  announcedById: 'p-1',
  announcedAt: '2022-04-30T08:00:00Z',
  timezone: 'Europe/Kyiv',
  placeTimezone: 'Europe/Kyiv',
  evacuation: null,
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
};

function showAs(role: Role, organisationId: string) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  const me: User = { id: 'u-1', email: 'me@ngo.test', displayName: 'Me', organisationId, role };
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
