import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Flag, Role } from '../api/types';
import { initI18n } from '../i18n';
import { fakeApi, page, reply, type Call } from '../test-support/fake-api';
import { aFlag } from '../test-support/fixtures';
import { renderAt } from '../test-support/render';
import Flags from './Flags';

const CEASEFIRE = 'Azovstal: Russian ceasefire corridor, 5-7 May';
const CONVOY = 'UN/ICRC safe passage operation 3';
const flag = (over: Partial<Flag>) =>
  aFlag({ corridorId: 'c-ceasefire', corridorName: CEASEFIRE, windowId: 'w-5', ...over });

/** GET /flags as the server answers it (most severe first), and POST /flags/acknowledge. */
function serve(role: Role) {
  let flags: Flag[] = [
    flag({ id: 'f-5', rule: 'never_confirmed', severity: 'critical' }),
    flag({ id: 'f-6', rule: 'never_confirmed', severity: 'critical', windowId: 'w-6' }),
    flag({ id: 'f-c', rule: 'no_evacuation_reported', severity: 'warning', corridorId: 'c-convoy' }),
    flag({ id: 'f-5b', rule: 'count_discrepancy', severity: 'info' }),
  ].map((f) => ({ ...f, corridorName: f.corridorId === 'c-convoy' ? CONVOY : CEASEFIRE }));
  return fakeApi((call) => {
    if (call.path === '/auth/me')
      return reply({ id: 'u-olena', displayName: 'Olena', role, organisationId: 'org-1' });
    if (call.method === 'GET' && call.path.startsWith('/flags?')) {
      const q = new URLSearchParams(call.path.split('?')[1]);
      return page(
        flags.filter(
          (f) =>
            (q.get('acknowledged') === null ||
              (f.acknowledgedAt !== null) === (q.get('acknowledged') === 'true')) &&
            (q.get('corridorId') === null || f.corridorId === q.get('corridorId')),
        ),
      );
    }
    if (call.method === 'POST' && call.path === '/flags/acknowledge') {
      const { ids, note } = call.body as { ids: string[]; note?: string };
      flags = flags.map((f) =>
        ids.includes(f.id)
          ? {
              ...f,
              acknowledgedAt: '2022-05-10T12:10:00Z',
              acknowledgedById: 'u-olena',
              acknowledgedBy: { id: 'u-olena', displayName: 'Olena', email: 'olena@ngo.test' },
              acknowledgeNote: note ?? null,
            }
          : f,
      );
      return reply({ items: flags.filter((f) => ids.includes(f.id)) });
    }
    return undefined;
  }).calls;
}

const show = (path = '/flags') => renderAt(path, <Flags />);

let calls: Call[];
beforeEach(() => initI18n('en'));
afterEach(() => vi.unstubAllGlobals());

describe('the flags page', () => {
  it('asks for the flags nobody has acknowledged, most severe first, grouped by corridor and window', async () => {
    calls = serve('coordinator');
    show();
    const groups = await screen.findAllByTestId('flag-group');
    expect(calls.find((c) => c.path.startsWith('/flags?'))?.path).toBe(
      '/flags?open=true&acknowledged=false&order=severity&limit=100',
    );
    expect(
      groups.map((g) => [
        g.querySelector('h2')?.textContent?.split(' · ')[0],
        within(g).getAllByTestId('flag').length,
      ]),
    ).toEqual([
      [CEASEFIRE, 2],
      [CEASEFIRE, 1],
      [CONVOY, 1],
    ]);
    expect(
      within(groups[0])
        .getAllByTestId('flag')
        .map((f) => f.querySelector('strong')?.textContent),
    ).toEqual(['Never confirmed', 'Sources disagree on the count']);
  });

  it('acknowledges two flags at once with one note; they leave the list and the acknowledged view says who and when', async () => {
    calls = serve('coordinator');
    show();
    const button = await screen.findByTestId('acknowledge-selected');
    expect(button).toHaveProperty('disabled', true);
    // The first of the two windows never confirmed (5 May), and the convoy's missing report.
    await userEvent.click(screen.getAllByRole('checkbox', { name: 'Select: Never confirmed (critical)' })[0]);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select: No evacuation reported (warning)' }));
    expect(button.textContent).toBe('Acknowledge selected (2)');
    await userEvent.type(screen.getByLabelText('Note (optional)'), 'No buses sent.');
    await userEvent.click(button);

    await waitFor(() => expect(screen.getByTestId('acknowledge-done').textContent).toBe('Acknowledged: 2.'));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', path: '/flags/acknowledge', body: { ids: ['f-5', 'f-c'], note: 'No buses sent.' } },
    ]);
    await waitFor(() => expect(screen.getAllByTestId('flag')).toHaveLength(2));
    expect(button.textContent).toBe('Acknowledge selected (0)');

    await userEvent.selectOptions(screen.getByTestId('flag-view'), 'acknowledged');
    await waitFor(() => expect(screen.getAllByTestId('flag-acknowledged')).toHaveLength(2));
    const acknowledged = screen.getAllByTestId('flag-acknowledged').map((p) => p.textContent ?? '');
    expect(acknowledged[0]).toMatch(/^Acknowledged by Olena \(olena@ngo\.test\) · .+ — No buses sent\.$/);
    // Nothing to tick in the acknowledged view.
    expect(screen.queryByTestId('flag-select')).toBeNull();
    expect(screen.queryByTestId('acknowledge-selected')).toBeNull();
  });

  it('selects every flag of a window with one box', async () => {
    calls = serve('coordinator');
    show();
    const [first] = await screen.findAllByTestId('flag-group');
    await userEvent.click(within(first).getByRole('checkbox', { name: 'Select every flag of this window' }));
    expect(screen.getByTestId('acknowledge-selected').textContent).toBe('Acknowledge selected (2)');
  });

  it('shows the flags of one corridor when opened from the corridor list', async () => {
    calls = serve('coordinator');
    show('/flags?corridorId=c-convoy');
    await waitFor(() => expect(screen.getAllByTestId('flag')).toHaveLength(1));
    expect(calls.find((c) => c.path.startsWith('/flags?'))?.path).toContain('corridorId=c-convoy');
  });

  it('offers no acknowledgement to a reporter, who may not give one', async () => {
    calls = serve('reporter');
    show();
    await screen.findAllByTestId('flag-group');
    await waitFor(() => expect(calls.some((c) => c.path === '/auth/me')).toBe(true));
    expect(screen.queryByTestId('acknowledge-selected')).toBeNull();
    expect(screen.queryByTestId('flag-select')).toBeNull();
  });
});
