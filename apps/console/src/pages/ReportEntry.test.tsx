import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n';
import { fakeApi, page, reply } from '../test-support/fake-api';
import { aCorridor } from '../test-support/fixtures';
import { renderAt } from '../test-support/render';
import ReportEntry from './ReportEntry';

// A reporter whose phone is set to London reports from Mariupol, on a corridor announced from New York.
vi.mock('../lib/time', async (original) => ({
  ...(await original<typeof import('../lib/time')>()),
  viewerZone: () => 'Europe/London',
}));

const corridor = aCorridor({
  name: 'UN/ICRC operation 3',
  status: 'open',
  destinationId: null,
  announcedAt: '2022-05-04T20:00:00Z',
  timezone: 'America/New_York',
  placeTimezone: 'Europe/Kyiv',
  requiredConfirmationIds: [],
});

let api: ReturnType<typeof fakeApi>;

beforeAll(() => {
  initI18n('en');
  window.localStorage.clear();
  api = fakeApi(({ method, path }) => {
    if (method === 'POST') return reply({ id: 'i-1' }, 201);
    return path === '/corridors/c-1' ? reply(corridor) : page([]);
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the new-report form', () => {
  it("reads the time in the zone of the corridor's place, says so, and sends it with that zone", async () => {
    renderAt('/corridors/c-1/report/incident', { '/corridors/:id/report/:kind': ReportEntry });
    expect(await screen.findByText('Time in Europe/Kyiv, the zone of the corridor’s place.')).toBeTruthy();
    const time = screen.getByLabelText('When it happened');
    await userEvent.clear(time);
    await userEvent.type(time, '2022-05-05T09:00');
    await userEvent.type(screen.getByLabelText('What happened'), 'Shelling near the plant');
    await userEvent.click(screen.getByRole('button', { name: 'Send report' }));
    await waitFor(() => expect(api.sent('POST')).toHaveLength(1));
    expect(api.sent('POST')[0]).toMatchObject({
      path: '/corridors/c-1/incidents',
      body: {
        occurredAt: '2022-05-05T09:00',
        timezone: 'Europe/Kyiv',
        description: 'Shelling near the plant',
      },
    });
  });
});
