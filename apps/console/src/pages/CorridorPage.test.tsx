import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n';
import { fakeApi, page, reply } from '../test-support/fake-api';
import { aCorridor, aUser } from '../test-support/fixtures';
import { renderAt } from '../test-support/render';
import CorridorPage from './CorridorPage';

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

const incident = (recordId: string, incidentKind: string, placeId: string | null) => ({
  kind: 'incident',
  at: '2022-05-04T10:00:00Z',
  recordId,
  summary: 'Incident',
  sourcePartyId: null,
  sourceUrl: null,
  note: 'Convoy held',
  enteredById: 'u-9',
  enteredAt: '2022-05-04T11:00:00Z',
  incidentKind,
  ...(placeId ? { placeId } : {}),
});

// 4 May 2022: Mariupol to Zaporizhzhia via Berdiansk (the Lunacharske ring, known by name only), Tokmak and
// Vasylivka, the second UN/ICRC operation.
function serve() {
  fakeApi(({ path }) => {
    if (path === '/auth/me') return reply(aUser('viewer', 'org-1'));
    if (path.startsWith('/parties'))
      return page([
        { id: 'ua-gov', name: 'Government of Ukraine', shortName: 'Ukraine', kind: 'belligerent' },
        { id: 'ru-mod', name: 'Ministry of Defence', shortName: 'Russian MoD', kind: 'belligerent' },
      ]);
    if (path.startsWith('/locations'))
      return page([
        place('mariupol', 'Mariupol', 'Маріуполь', [47.096, 37.549]),
        place('berdiansk', 'Berdiansk', 'Бердянськ', [46.756, 36.789]),
        place('ring', 'Lunacharske ring', 'Луначарське кільце', null),
        place('tokmak', 'Tokmak', 'Токмак', [47.249, 35.703]),
        place('zaporizhzhia', 'Zaporizhzhia', 'Запоріжжя', [47.833, 35.167]),
      ]);
    if (path === '/corridors/c-2')
      return reply(
        aCorridor({
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
          evacuation: { low: 301, high: 344, reportCount: 2, measure: null },
          requiredConfirmationIds: [],
          organisationId: 'org-1',
        }),
      );
    if (path === '/corridors/c-2/timeline')
      return reply({
        events: [
          incident('i-1', 'blocked', 'berdiansk'),
          incident('i-2', 'shelling', 'berdiansk'),
          incident('i-3', 'violation', 'ring'),
          incident('i-4', 'other', null),
        ],
      });
    if (path === '/corridors/c-2/evacuations/summary') return reply({ total: null, windows: [] });
    if (path === '/corridors/c-ru')
      return reply(
        aCorridor({
          id: 'c-ru',
          name: 'Azovstal: Russian ceasefire corridor 08:00-18:00 Moscow time, 5-7 May',
          status: 'completed',
          promise: 'unconfirmed',
          originId: 'mariupol',
          destinationId: null,
          announcedById: 'ru-mod',
          announcedAt: '2022-05-04T17:00:00Z',
          timezone: 'Europe/Moscow',
          evacuation: { low: 40, high: 51, reportCount: 2, measure: null },
          requiredConfirmationIds: ['ua-gov'],
          organisationId: 'org-1',
        }),
      );
    if (path === '/corridors/c-ru/timeline')
      return reply({
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
    if (path.startsWith('/corridors/c-ru/evacuations/summary')) {
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
      const kept = path.endsWith('?minGrade=B3') ? claims.slice(1) : claims;
      const low = Math.min(...kept.map((c) => c.count.value));
      const high = Math.max(...kept.map((c) => c.count.value));
      return reply({
        total: { low, high, bySource: kept },
        windows: [{ windowId: null, low, high, bySource: kept }],
      });
    }
    if (path === '/operations/op-2')
      return reply({
        id: 'op-2',
        name: 'Second safe passage operation (UN/ICRC), 4 May',
        corridorIds: ['c-2'],
      });
    // The basemap: no land drawn is enough here.
    return reply({
      type: 'Topology',
      objects: { land: { type: 'GeometryCollection', geometries: [] } },
      arcs: [],
    });
  });
}

const show = (path = '/corridors/c-2') => renderAt(path, { '/corridors/:id': CorridorPage });

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
    expect(map.querySelectorAll('[data-testid="map-pin"][data-role="stop"]')).toHaveLength(2);
    // No route was drawn: the dashed line goes through the stops, the place known by name only left out.
    const way = map.querySelector('[data-testid="map-way"]');
    expect(way?.getAttribute('class')).toBe('route route-guess');
    expect(way?.getAttribute('data-points')).toBe('4');
  });

  it('marks the incidents where they happened, one marker a place, and says what the map shows', async () => {
    initI18n('en');
    show();
    const map = await screen.findByTestId('corridor-map');
    // Two at Berdiansk; one at a place with no position and one with no place are not on the map.
    const markers = await within(map).findAllByTestId('map-incident');
    expect(markers).toHaveLength(1);
    expect(markers[0].textContent).toContain('2');
    expect(markers[0].querySelector('title')?.textContent).toBe(
      'Incidents at Berdiansk: 2 (convoy blocked, shelling)',
    );
    expect(
      [...within(map).getByTestId('map-legend').querySelectorAll('li')].map((item) => item.textContent),
    ).toEqual([
      'Way through the places in order (not the roads)',
      'Origin',
      'Stop on the way',
      'Destination',
      'Incident (a number: how many at that place)',
    ]);
  });

  it('shows the figures and flags first, each part folding away', async () => {
    initI18n('en');
    show();
    await screen.findByTestId('corridor-map');
    const sections = [...document.querySelectorAll('details.section')];
    expect(sections.map((section) => section.getAttribute('data-testid'))).toEqual([
      'section-figures',
      'section-windows',
      'section-map',
      'section-timeline',
      'section-about',
    ]);
    expect(within(sections[0] as HTMLElement).getByText('No open flag.')).toBeTruthy();
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
