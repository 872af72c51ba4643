import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Location } from '../api/types';
import { initI18n } from '../i18n';
import { RouteEditor, toCoordinates, toWaypoints, type Waypoint } from './RouteEditor';

const place = (id: string, name: string, lat: number | null, lon: number | null): Location => ({
  id,
  name,
  names: {},
  aliases: [],
  lat,
  lon,
  adminArea: null,
  countryCode: null,
  timezone: 'Europe/Kyiv',
  createdAt: '2022-04-01T00:00:00Z',
  organisationId: 'org-a',
});
const PLACES = [
  place('azovstal', 'Azovstal Iron and Steel Works', 47.098, 37.61),
  place('manhush', 'Manhush', 47.061, 37.307),
  place('zaporizhzhia', 'Zaporizhzhia', 47.838, 35.139),
];

beforeAll(() => {
  initI18n('en');
});

describe('a route as points', () => {
  it('shows a stored route point by point, known places by name', () => {
    expect(
      toWaypoints(
        [
          [37.61, 47.098],
          [36.5, 47.3],
          [35.139, 47.838],
        ],
        PLACES,
      ),
    ).toEqual([
      { locationId: 'azovstal', lat: '', lon: '' },
      { locationId: '', lat: '47.3', lon: '36.5' },
      { locationId: 'zaporizhzhia', lat: '', lon: '' },
    ]);
  });

  it('turns the points into GeoJSON positions, longitude first, and refuses fewer than two or bad coordinates', () => {
    const points: Waypoint[] = [
      { locationId: 'azovstal', lat: '', lon: '' },
      { locationId: '', lat: '47,3', lon: '36.5' },
    ];
    expect(toCoordinates(points, PLACES)).toEqual({
      coordinates: [
        [37.61, 47.098],
        [36.5, 47.3],
      ],
    });
    expect(toCoordinates(points.slice(0, 1), PLACES)).toEqual({ error: 'tooShort' });
    expect(toCoordinates([points[0], { locationId: '', lat: '95', lon: '36' }], PLACES)).toEqual({
      error: 'badCoordinates',
    });
  });

  it('draws no route through a place known only by name, and offers none to pick', () => {
    const bezimenne = place('bezimenne', 'Bezimenne', null, null);
    expect(
      toCoordinates(
        [
          { locationId: 'azovstal', lat: '', lon: '' },
          { locationId: 'bezimenne', lat: '', lon: '' },
        ],
        [...PLACES, bezimenne],
      ),
    ).toEqual({ error: 'badCoordinates' });
    expect(toWaypoints([[37.61, 47.098]], [bezimenne, ...PLACES])).toEqual([
      { locationId: 'azovstal', lat: '', lon: '' },
    ]);
  });
});

function Harness({ onRoute }: { onRoute: (points: Waypoint[]) => void }) {
  const [value, setValue] = useState<Waypoint[]>([]);
  return (
    <RouteEditor
      value={value}
      onChange={(next) => {
        setValue(next);
        onRoute(next);
      }}
      places={PLACES}
      ends={['azovstal', 'zaporizhzhia']}
    />
  );
}

describe('the route editor', () => {
  it('starts from the two ends, takes a pick-up point typed in, and reorders with labelled buttons', async () => {
    let route: Waypoint[] = [];
    render(<Harness onRoute={(next) => (route = next)} />);
    await userEvent.click(screen.getByRole('button', { name: 'Start from the origin and destination' }));
    expect(route.map((w) => w.locationId)).toEqual(['azovstal', 'zaporizhzhia']);
    await userEvent.click(screen.getByRole('button', { name: 'Add a point' }));
    await userEvent.type(screen.getByLabelText('Point 3: Latitude'), '47.061');
    await userEvent.type(screen.getByLabelText('Point 3: Longitude'), '37.307');
    await userEvent.click(screen.getByRole('button', { name: 'Move point 3 up' }));
    expect(toCoordinates(route, PLACES)).toEqual({
      coordinates: [
        [37.61, 47.098],
        [37.307, 47.061],
        [35.139, 47.838],
      ],
    });
    await userEvent.selectOptions(screen.getByLabelText('Point 2'), 'Manhush');
    await userEvent.click(screen.getByRole('button', { name: 'Remove point 3' }));
    expect(route.map((w) => w.locationId)).toEqual(['azovstal', 'manhush']);
    const editor = screen.getByTestId('route-editor');
    expect(within(editor).queryByRole('status')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Remove point 2' }));
    expect(within(editor).getByRole('status').textContent).toBe('A route needs at least two points.');
  });
});
