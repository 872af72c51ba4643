import { describe, expect, it } from 'vitest';
import { corridorPlaces, incidentMarkers, tilesCovering, viewExtent, wayMiddle } from './map-geometry';

const place = (id: string, lat: number | null, lon: number | null) => ({ id, name: id, lat, lon });
const mariupol = place('Mariupol', 47.096, 37.549);
const berdiansk = place('Berdiansk', 46.756, 36.789);
const ring = place('Lunacharske ring', null, null);
const tokmak = place('Tokmak', 47.249, 35.703);
const vasylivka = place('Vasylivka', 47.443, 35.282);
const zaporizhzhia = place('Zaporizhzhia', 47.833, 35.167);

describe("a corridor's map", () => {
  it('goes from the origin through every stop in order to the destination when no route is drawn', () => {
    const { way, pins } = corridorPlaces(null, mariupol, [berdiansk, ring, tokmak, vasylivka], zaporizhzhia);
    expect(way).toEqual({
      coordinates: [
        [37.549, 47.096],
        [36.789, 46.756],
        [35.703, 47.249],
        [35.282, 47.443],
        [35.167, 47.833],
      ],
      isDrawn: false,
    });
    // The ring is known only by name: on the way's list, not on the map.
    expect(pins.map((p) => [p.name, p.role])).toEqual([
      ['Mariupol', 'origin'],
      ['Berdiansk', 'stop'],
      ['Tokmak', 'stop'],
      ['Vasylivka', 'stop'],
      ['Zaporizhzhia', 'destination'],
    ]);
  });

  it('draws the route as drawn when there is one, and still pins the places', () => {
    const route: [number, number][] = [
      [37.549, 47.096],
      [36.4, 47.4],
      [35.167, 47.833],
    ];
    const { way, pins } = corridorPlaces(route, mariupol, [berdiansk], zaporizhzhia);
    expect(way).toEqual({ coordinates: route, isDrawn: true });
    expect(pins).toHaveLength(3);
  });

  it('has no way when no place has a position, and a way of one place for a corridor in any direction', () => {
    expect(corridorPlaces(null, ring, [], undefined)).toEqual({ way: null, pins: [] });
    expect(corridorPlaces(null, mariupol, [], undefined).way).toEqual({
      coordinates: [[37.549, 47.096]],
      isDrawn: false,
    });
  });

  it('numbers a way at its middle: a stop, or halfway along the middle leg, or its only place', () => {
    expect(
      wayMiddle([
        [37.61, 47.098],
        [37.3, 47.05],
        [35.167, 47.833],
      ]),
    ).toEqual([37.3, 47.05]);
    const [lon, lat] = wayMiddle([
      [37.6, 47.1],
      [35.2, 47.8],
    ]);
    expect([lon, lat]).toEqual([expect.closeTo(36.4, 9), expect.closeTo(47.45, 9)]);
    expect(wayMiddle([[37.61, 47.098]])).toEqual([37.61, 47.098]);
  });

  it('gathers the incidents of one place in one marker, with their kinds once each', () => {
    const byId = new Map([mariupol, berdiansk, ring].map((p) => [p.id, p]));
    const markers = incidentMarkers(
      [
        { placeId: 'Berdiansk', incidentKind: 'shelling' },
        { placeId: 'Mariupol', incidentKind: 'blocked' },
        { placeId: 'Berdiansk', incidentKind: 'shelling' },
        { placeId: 'Berdiansk', incidentKind: 'violation' },
        { placeId: 'Lunacharske ring', incidentKind: 'blocked' },
        { placeId: null, incidentKind: 'other' },
        { placeId: 'somewhere unknown', incidentKind: 'other' },
      ],
      byId,
    );
    expect(markers.map((m) => [m.name, m.count, m.kinds])).toEqual([
      ['Berdiansk', 3, ['shelling', 'violation']],
      ['Mariupol', 1, ['blocked']],
    ]);
  });
});

describe('the area a map shows and the basemap tiles it needs', () => {
  it('shows at least 1.5° around a short corridor, and 40% more than a long one on each side', () => {
    expect(viewExtent([[37.61, 47.098]], 1.5)).toEqual([
      [36.11, 45.598],
      [39.11, 48.598],
    ]);
    const wide = viewExtent(
      [
        [30, 40],
        [40, 45],
      ],
      1.5,
    );
    expect(wide).toEqual([
      [26, 36],
      [44, 49],
    ]);
    expect(viewExtent([], 1.5)).toBeNull();
  });

  it('needs the one 10° tile around Mariupol, four where a view crosses a corner', () => {
    expect(
      tilesCovering(
        [
          [33.6, 45.3],
          [39.1, 49.3],
        ],
        10,
        9,
      ),
    ).toEqual(['30_40']);
    expect(
      tilesCovering(
        [
          [28, 48],
          [32, 52],
        ],
        10,
        9,
      ),
    ).toEqual(['20_40', '20_50', '30_40', '30_50']);
  });

  it('gives up tiles for the world map when a view would need more than the limit, and never leaves the globe', () => {
    expect(
      tilesCovering(
        [
          [-20, 0],
          [60, 60],
        ],
        10,
        9,
      ),
    ).toBeNull();
    expect(
      tilesCovering(
        [
          [175, 80],
          [180, 85],
        ],
        10,
        9,
      ),
    ).toEqual(['170_80']);
  });
});
