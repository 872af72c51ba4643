import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Route, Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { initI18n } from '../i18n';
import CorridorPage from './CorridorPage';

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const page = (items: unknown[]) => json({ items, nextCursor: null });
const place = (id: string, name: string, uk: string, at: [number, number] | null) => ({
  id,
  name,
  names: { uk },
  aliases: [],
  lat: at?.[0] ?? null,
  lon: at?.[1] ?? null,
  adminArea: null,
  countryCode: 'UA',
});

// 4 May 2022: Mariupol to Zaporizhzhia via Berdiansk (the Lunacharske ring, known by name only), Tokmak and
// Vasylivka, the second UN/ICRC operation.
function serve() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url === '/api/v1/auth/me')
        return json({ id: 'u-1', displayName: 'Olena', role: 'viewer', organisationId: 'org-1' });
      if (url.startsWith('/api/v1/parties'))
        return page([
          { id: 'ua-gov', name: 'Government of Ukraine', shortName: 'Ukraine', kind: 'belligerent' },
          { id: 'ru-mod', name: 'Ministry of Defence', shortName: 'Russian MoD', kind: 'belligerent' },
        ]);
      if (url.startsWith('/api/v1/locations'))
        return page([
          place('mariupol', 'Mariupol', 'Маріуполь', [47.096, 37.549]),
          place('berdiansk', 'Berdiansk', 'Бердянськ', [46.756, 36.789]),
          place('ring', 'Lunacharske ring', 'Луначарське кільце', null),
          place('tokmak', 'Tokmak', 'Токмак', [47.249, 35.703]),
          place('zaporizhzhia', 'Zaporizhzhia', 'Запоріжжя', [47.833, 35.167]),
        ]);
      if (url === '/api/v1/corridors/c-2')
        return json({
          id: 'c-2',
          name: 'Mariupol to Zaporizhzhia via Berdiansk, 4 May',
          status: 'completed',
          promise: 'kept',
          originId: 'mariupol',
          destinationId: 'zaporizhzhia',
          stopIds: ['berdiansk', 'ring', 'tokmak'],
          operationId: 'op-2',
          announcedById: 'ua-gov',
          announcedAt: '2022-05-04T09:00:00Z',
          timezone: 'Europe/Kyiv',
          placeTimezone: 'Europe/Kyiv',
          evacuation: { low: 301, high: 344, reportCount: 2 },
          version: 1,
          requiredConfirmationIds: [],
          sourceUrl: null,
          sourceNote: null,
          route: null,
          cancelReason: null,
          windows: [],
          confirmations: [],
          enteredById: 'u-9',
          organisationId: 'org-1',
        });
      if (url === '/api/v1/corridors/c-2/timeline') return json({ events: [] });
      if (url === '/api/v1/corridors/c-2/evacuations/summary') return json({ total: null, windows: [] });
      if (url === '/api/v1/corridors/c-ru')
        return json({
          id: 'c-ru',
          name: 'Azovstal: Russian ceasefire corridor 08:00-18:00 Moscow time, 5-7 May',
          status: 'completed',
          promise: 'unconfirmed',
          originId: 'mariupol',
          destinationId: null,
          stopIds: [],
          operationId: null,
          announcedById: 'ru-mod',
          announcedAt: '2022-05-04T17:00:00Z',
          timezone: 'Europe/Moscow',
          evacuation: { low: 40, high: 51, reportCount: 2 },
          version: 1,
          requiredConfirmationIds: ['ua-gov'],
          sourceUrl: null,
          sourceNote: null,
          route: null,
          cancelReason: null,
          windows: [],
          confirmations: [],
          enteredById: 'u-9',
          organisationId: 'org-1',
        });
      if (url === '/api/v1/corridors/c-ru/timeline')
        return json({
          events: [
            {
              kind: 'evacuation',
              at: '2022-05-07T09:00:00Z',
              recordId: 'e-1',
              summary: 'Evacuation: 51',
              sourcePartyId: 'ru-mod',
              sourceUrl: null,
              note: null,
              enteredById: 'u-9',
              enteredAt: '2022-05-07T10:00:00Z',
              count: { qualifier: 'exact', value: 51 },
              sourceReliability: 'D',
              credibility: 3,
            },
          ],
        });
      if (url.startsWith('/api/v1/corridors/c-ru/evacuations/summary')) {
        const claims = [
          {
            sourcePartyId: 'ru-mod',
            count: { qualifier: 'exact', value: 51 },
            reportedAt: '2022-05-07T09:00:00Z',
            sourceReliability: 'D',
            credibility: 3,
          },
          {
            sourcePartyId: 'ua-gov',
            count: { qualifier: 'exact', value: 40 },
            reportedAt: '2022-05-07T12:00:00Z',
            sourceReliability: 'B',
            credibility: 2,
          },
        ];
        // minGrade=B3 keeps the Ukrainian claim alone.
        const kept = url.endsWith('?minGrade=B3') ? claims.slice(1) : claims;
        const low = Math.min(...kept.map((c) => c.count.value));
        const high = Math.max(...kept.map((c) => c.count.value));
        return json({
          total: { low, high, bySource: kept },
          windows: [{ windowId: null, low, high, bySource: kept }],
        });
      }
      if (url === '/api/v1/operations/op-2')
        return json({
          id: 'op-2',
          name: 'Second safe passage operation (UN/ICRC), 4 May',
          corridorIds: ['c-2'],
        });
      // The basemap: no country drawn is enough here.
      return json({
        type: 'Topology',
        objects: { countries: { type: 'GeometryCollection', geometries: [] } },
        arcs: [],
      });
    }),
  );
}

function show(path = '/corridors/c-2') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const { hook } = memoryLocation({ path });
  render(
    <QueryClientProvider client={client}>
      <Router hook={hook}>
        <Route path="/corridors/:id" component={CorridorPage} />
      </Router>
    </QueryClientProvider>,
  );
}

describe('the corridor page', () => {
  beforeEach(() => serve());
  afterEach(() => {
    vi.unstubAllGlobals();
    initI18n('en');
  });

  it('names the operation the corridor is a stage of, with a link to it', async () => {
    initI18n('en');
    show();
    const stage = await screen.findByTestId('corridor-operation');
    expect(
      await within(stage).findByRole('link', { name: 'Second safe passage operation (UN/ICRC), 4 May' }),
    ).toHaveProperty('href', expect.stringMatching(/\/operations\/op-2$/));
    expect(stage.textContent).toMatch(/^Stage of the operation/);
  });

  it('shows the stops in order and in the reader’s language, and pins on the map those whose position is known', async () => {
    initI18n('uk');
    show();
    expect((await screen.findByTestId('corridor-stops')).textContent).toBe(
      'Бердянськ → Луначарське кільце → Токмак',
    );
    const map = await screen.findByTestId('corridor-map');
    expect([...map.querySelectorAll('.pin-label')].map((label) => label.textContent)).toEqual([
      'Маріуполь',
      'Бердянськ',
      'Токмак',
      'Запоріжжя',
    ]);
    expect(map.querySelectorAll('.pin-stop')).toHaveLength(2);
    // No route was drawn: the dashed line goes through the stops.
    expect(map.querySelector('.route-guess')).toBeTruthy();
  });

  it('shows a completed corridor whose promise is unconfirmed beside its status, in amber and never green', async () => {
    initI18n('en');
    show('/corridors/c-ru');
    const badge = await screen.findByTestId('corridor-badge');
    expect(badge.textContent).toContain('completed · promise unconfirmed');
    expect(badge.dataset.tone).toBe('warning');
    expect(badge.className).not.toMatch(/tone-ok|badge-completed/);
    expect(badge.title).toBe(
      'People are reported to have moved, but a required party never confirmed the corridor.',
    );
  });

  it('shows the grade beside each claim, explains it, and counts only the claims of the grade chosen', async () => {
    initI18n('en');
    show('/corridors/c-ru');
    const summary = await screen.findByTestId('summary-total');
    expect(summary.textContent).toMatch(/^40–51 people/);
    const grades = await screen.findAllByTestId('grade');
    // Two claims in the summary, one event on the timeline.
    expect(grades.map((g) => g.textContent)).toEqual(['D3', 'B2', 'D3']);
    expect(grades[1].title).toBe('Source B: usually reliable; claim 2: probably true');
    expect(screen.getByText('What the grades mean')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Source at least'), { target: { value: 'B' } });
    fireEvent.change(screen.getByLabelText('Claim at least'), { target: { value: '3' } });
    await waitFor(() => expect(screen.getByTestId('summary-total').textContent).toMatch(/^40 people/));
    expect(screen.getByTestId('summary-min-grade').textContent).toBe(
      'Only claims graded B3 or better are counted.',
    );
    expect(vi.mocked(fetch)).toHaveBeenCalledWith(
      '/api/v1/corridors/c-ru/evacuations/summary?minGrade=B3',
      expect.anything(),
    );
  });

  it('says the status and the promise in Ukrainian to a Ukrainian reader', async () => {
    initI18n('uk');
    show('/corridors/c-ru');
    expect((await screen.findByTestId('corridor-badge')).textContent).toContain(
      'завершено · обіцянка: не підтверджено',
    );
  });
});
