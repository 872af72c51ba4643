import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role, TimelineEvent } from '../api/types';
import CorridorPage from '../pages/CorridorPage';
import { fakeApi, page, reply, type Call, type Reply } from '../test-support/fake-api';
import { aCorridor, aUser } from '../test-support/fixtures';
import { renderAt } from '../test-support/render';

const NGO_A = 'org-a';
const NGO_B = 'org-b';

const corridor = aCorridor({
  name: 'Azovstal → Zaporizhzhia',
  status: 'completed',
  promise: 'kept',
  announcedAt: '2022-04-29T08:00:00Z',
  // Announced from New York, in Mariupol: its reports' times are read in the place's zone.
  timezone: 'America/New_York',
  placeTimezone: 'Europe/Kyiv',
  evacuation: { low: 80, high: 80, reportCount: 1, measure: 'evacuated' },
  organisationId: NGO_A,
});

const reported = { enteredById: 'u-9', enteredAt: '2022-05-03T10:00:00Z', summary: '' };
const evacuation: TimelineEvent = {
  ...reported,
  kind: 'evacuation',
  at: '2022-05-01T09:00:00Z',
  recordId: 'e-1',
  sourcePartyId: 'p-1',
  sourceUrl: 'https://example.org/80',
  note: 'Eighty civilians, said the ministry.',
  count: { qualifier: 'exact', value: 80 },
  category: 'civilians',
  organisationId: NGO_A,
  version: 2,
};
const events: TimelineEvent[] = [
  {
    ...reported,
    kind: 'announcement',
    at: '2022-04-29T08:00:00Z',
    recordId: 'c-1',
    sourcePartyId: 'p-1',
    sourceUrl: null,
    note: null,
  },
  {
    ...reported,
    kind: 'confirmation',
    at: '2022-04-30T08:00:00Z',
    recordId: 'k-1',
    sourcePartyId: 'p-2',
    sourceUrl: null,
    note: null,
    stance: 'confirmed',
    organisationId: NGO_A,
    version: 1,
  },
  evacuation,
  {
    ...reported,
    kind: 'remaining',
    at: '2022-05-01T10:00:00Z',
    recordId: 'r-1',
    sourcePartyId: 'p-2',
    sourceUrl: null,
    note: null,
    count: { qualifier: 'about', value: 100 },
    organisationId: NGO_B,
    version: 1,
  },
  {
    ...reported,
    kind: 'incident',
    at: '2022-05-01T11:00:00Z',
    recordId: 'i-1',
    sourcePartyId: null,
    sourceUrl: null,
    note: 'Shelling near the convoy.',
    incidentKind: 'shelling',
    organisationId: NGO_A,
    version: 1,
  },
  {
    ...reported,
    kind: 'edit',
    at: '2022-05-02T08:00:00Z',
    recordId: 'e-1',
    entity: 'evacuation',
    sourcePartyId: null,
    sourceUrl: null,
    note: null,
    changes: [
      { field: 'count', before: { qualifier: 'exact', value: 70 }, after: { qualifier: 'exact', value: 80 } },
      { field: 'reportedAt', before: '2022-05-01T08:00:00Z', after: '2022-05-01T09:00:00Z' },
    ],
  },
];

/** The API as far as the corridor page reads it; a write (PATCH, POST) answers what `write` says. */
function serve(write: (call: Call) => Reply) {
  let timeline = events;
  const api = fakeApi((call) => {
    if (call.method !== 'GET') return write(call);
    if (call.path === '/corridors/c-1/timeline') return reply({ events: timeline });
    if (call.path === '/corridors/c-1') return reply(corridor);
    if (call.path === '/corridors/c-1/evacuations/summary') return reply({ total: null, windows: [] });
    return page([]);
  });
  return {
    calls: api.calls,
    patches: () => api.sent('PATCH'),
    posts: () => api.sent('POST'),
    setTimeline: (next: TimelineEvent[]) => (timeline = next),
  };
}

function showAs(role: Role, organisationId: string) {
  renderAt(
    '/corridors/c-1',
    { '/corridors/:id': CorridorPage },
    {
      queryData: [
        [['me'], aUser(role, organisationId)],
        [['corridor', 'c-1'], corridor],
        [['corridor', 'c-1', 'timeline'], { events }],
        // The page's summary with no grade filter, as it first asks for it.
        [['corridor', 'c-1', 'summary', ''], { total: null, windows: [] }],
        [
          ['parties'],
          [
            { id: 'p-1', name: 'Ministry of Defence', shortName: null, kind: 'belligerent' },
            { id: 'p-2', name: 'Government of Ukraine', shortName: null, kind: 'government' },
          ],
        ],
        [['locations'], []],
        [['users', 'names'], new Map()],
      ],
    },
  );
  const correctable = [...document.querySelectorAll('[data-testid="timeline"] > li')]
    .filter((li) => within(li as HTMLElement).queryByTestId('correct-report') !== null)
    .map((li) => li.className.replace('event event-', ''));
  return { correctable };
}

/** The evacuation report's entry on the timeline. */
const evacuationEntry = () => document.querySelector<HTMLElement>('li.event-evacuation')!;

async function openCorrection() {
  const button = within(evacuationEntry()).getByRole('button', { name: /^Correct/ });
  expect(button.getAttribute('aria-expanded')).toBe('false');
  await userEvent.click(button);
  expect(button.getAttribute('aria-expanded')).toBe('true');
  return within(await within(evacuationEntry()).findByTestId('correction-form'));
}

beforeEach(() => {
  serve(() => ({ status: 500, body: {} }));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('correcting a report from the corridor timeline', () => {
  it.each([
    ['admin', NGO_B, ['confirmation', 'evacuation', 'remaining', 'incident']],
    ['coordinator', NGO_A, ['confirmation', 'evacuation', 'incident']],
    ['reporter', NGO_A, ['evacuation', 'incident']],
    ['reporter', NGO_B, ['remaining']],
    ['coordinator', NGO_B, ['remaining']],
    ['viewer', NGO_A, []],
  ] as const)('offers a %s of %s to correct only what the policy allows', (role, organisation, kinds) => {
    expect(showAs(role, organisation).correctable).toEqual(kinds);
  });

  it('says which fields a correction changed, by their names', () => {
    showAs('viewer', NGO_A);
    expect(document.querySelector('li.event-edit')?.textContent).toContain(
      'Evacuation report corrected: count, time reported',
    );
  });

  it('opens the form with what the report says now, in the zone of the corridor’s place, and sends only what changed', async () => {
    const api = serve(() => ({ status: 200, body: { ...evacuation, version: 3 } }));
    showAs('reporter', NGO_A);
    const form = await openCorrection();
    expect((form.getByLabelText('Who says so (source)') as HTMLSelectElement).value).toBe('p-1');
    expect((form.getByLabelText('Number of people') as HTMLInputElement).value).toBe('80');
    expect((form.getByLabelText('When it was reported') as HTMLInputElement).value).toBe('2022-05-01T12:00');
    expect(form.getByText(/Time in Europe\/Kyiv/)).toBeTruthy();

    await userEvent.click(form.getByRole('button', { name: 'Save the correction' }));
    expect(form.getByTestId('correction-unchanged').textContent).toBe('Nothing has changed.');
    expect(api.patches()).toEqual([]);

    await userEvent.click(form.getByLabelText('about'));
    await userEvent.clear(form.getByLabelText('Number of people'));
    await userEvent.type(form.getByLabelText('Number of people'), '85');
    await userEvent.clear(form.getByLabelText('Note (the source’s own words)'));
    await userEvent.click(form.getByRole('button', { name: 'Save the correction' }));

    await waitFor(() => expect(api.patches()).toHaveLength(1));
    expect(api.patches()[0]).toEqual({
      method: 'PATCH',
      path: '/corridors/c-1/evacuations/e-1',
      body: { count: { qualifier: 'about', value: 85 }, note: null, version: 2 },
    });
    await waitFor(() =>
      expect(within(evacuationEntry()).getByTestId('correction-saved').textContent).toBe('Correction saved.'),
    );
    expect(within(evacuationEntry()).queryByTestId('correction-form')).toBeNull();
    expect(document.activeElement).toBe(within(evacuationEntry()).getByTestId('correct-report'));
    // The corridor and its timeline are read again, with the figures the correction changed.
    await waitFor(() =>
      expect(api.calls.filter((c) => c.method === 'GET').map((c) => c.path)).toEqual(
        expect.arrayContaining([
          '/corridors/c-1',
          '/corridors/c-1/timeline',
          '/corridors/c-1/evacuations/summary',
        ]),
      ),
    );
  });

  it('says someone else corrected the report meanwhile (409), and loads the current version to try again', async () => {
    const api = serve(({ body }) =>
      (body as { version: number }).version === 2
        ? {
            status: 409,
            body: {
              type: '/problems/stale-version',
              title: 'Stale version',
              status: 409,
              detail: 'Someone corrected this evacuation report since you read it (now version 3).',
            },
          }
        : { status: 200, body: {} },
    );
    showAs('admin', NGO_B);
    const form = await openCorrection();
    await userEvent.clear(form.getByLabelText('Number of people'));
    await userEvent.type(form.getByLabelText('Number of people'), '85');
    await userEvent.click(form.getByRole('button', { name: 'Save the correction' }));
    const stale = await form.findByTestId('correction-stale');
    expect(stale.getAttribute('role')).toBe('alert');
    expect(stale.textContent).toContain('Someone else corrected this report since you opened it.');

    api.setTimeline(
      events.map((e) =>
        e === evacuation ? { ...e, version: 3, count: { qualifier: 'exact', value: 90 } } : e,
      ),
    );
    await userEvent.click(within(stale).getByRole('button', { name: 'Load the current version' }));
    await waitFor(() =>
      expect((form.getByLabelText('Number of people') as HTMLInputElement).value).toBe('90'),
    );
    expect(form.queryByTestId('correction-stale')).toBeNull();
    await userEvent.clear(form.getByLabelText('Number of people'));
    await userEvent.type(form.getByLabelText('Number of people'), '85');
    await userEvent.click(form.getByRole('button', { name: 'Save the correction' }));
    await waitFor(() => expect(api.patches()).toHaveLength(2));
    expect(api.patches()[1].body).toEqual({ count: { qualifier: 'exact', value: 85 }, version: 3 });
  });

  it('shows the problem’s own words when the server refuses a correction otherwise', async () => {
    serve(() => ({
      status: 409,
      body: {
        type: '/problems/duplicate-report',
        title: 'Duplicate report',
        status: 409,
        detail: 'This corridor already has this evacuation report.',
      },
    }));
    showAs('reporter', NGO_A);
    const form = await openCorrection();
    await userEvent.selectOptions(form.getByLabelText('Who says so (source)'), 'p-2');
    await userEvent.click(form.getByRole('button', { name: 'Save the correction' }));
    expect((await form.findByRole('alert')).textContent).toContain(
      'This corridor already has this evacuation report.',
    );
    expect(form.queryByTestId('correction-stale')).toBeNull();
  });

  it('retracts the report with a reason, as a second step under the correction', async () => {
    const api = serve(() => ({ status: 200, body: { id: 'e-1', kind: 'evacuation' } }));
    showAs('reporter', NGO_A);
    await openCorrection();
    const retraction = within(within(evacuationEntry()).getByTestId('retraction'));
    await userEvent.click(retraction.getByText('Retract this report'));
    await userEvent.click(retraction.getByRole('button', { name: 'Retract the report' }));
    expect(retraction.getByText('Required')).toBeTruthy();
    expect(api.posts()).toEqual([]);

    await userEvent.type(retraction.getByLabelText('Why is it retracted?'), '  Entered twice  ');
    await userEvent.click(retraction.getByRole('button', { name: 'Retract the report' }));
    await waitFor(() => expect(api.posts()).toHaveLength(1));
    expect(api.posts()[0]).toEqual({
      method: 'POST',
      path: '/corridors/c-1/evacuations/e-1/retract',
      body: { version: 2, reason: 'Entered twice' },
    });
    await waitFor(() => expect(within(evacuationEntry()).queryByTestId('correction-form')).toBeNull());
  });
});
