import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from '../i18n';
import { loadBasemap, type Basemap } from '../map/basemap';
import {
  viewExtent,
  wayMiddle,
  type CorridorWay,
  type Extent,
  type IncidentMarker,
  type LonLat,
  type MapPin,
} from '../map/map-geometry';

export const MAP_WIDTH = 640;
export const MAP_HEIGHT = 400;

/** A corridor's way on a map; `label` marks its middle (the overview numbers its corridors). */
export interface MapWay {
  id: string;
  way: CorridorWay;
  label?: string;
  title?: string;
}

interface MapFigureProps {
  title: string;
  ways: MapWay[];
  pins: MapPin[];
  incidents?: IncidentMarker[];
  /** Degrees shown at least around the places. */
  minPad: number;
  /** Pins carry their place's name (a corridor's map); the overview numbers its ways instead. */
  showPinNames?: boolean;
  testId: string;
}

function projectionFor(extent: Extent): GeoProjection {
  const [[west, south], [east, north]] = extent;
  const box: Feature<Geometry> = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPoint',
      coordinates: [
        [west, south],
        [east, north],
      ],
    },
  };
  return geoMercator()
    .fitExtent(
      [
        [10, 10],
        [MAP_WIDTH - 10, MAP_HEIGHT - 10],
      ],
      box,
    )
    .clipExtent([
      [0, 0],
      [MAP_WIDTH, MAP_HEIGHT],
    ]);
}

/** What the frame shows, corner to corner: the area whose basemap is needed (wider than the box fitted). */
function shownExtent(projection: GeoProjection): Extent | null {
  const northWest = projection.invert?.([0, 0]);
  const southEast = projection.invert?.([MAP_WIDTH, MAP_HEIGHT]);
  if (!northWest || !southEast) return null;
  return [
    [northWest[0], southEast[1]],
    [southEast[0], northWest[1]],
  ];
}

/**
 * A map in a frame of fixed proportions (the page keeps its place while the basemap loads): the basemap of the area
 * shown, each way (a drawn route solid, a way through the places dashed), the places pinned and incidents marked,
 * with a legend of what it shows.
 */
export function MapFigure({
  title,
  ways,
  pins,
  incidents = [],
  minPad,
  showPinNames = true,
  testId,
}: MapFigureProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const positions = useMemo(
    () => [
      ...ways.flatMap((w) => w.way.coordinates),
      ...pins.map((p): LonLat => [p.lon, p.lat]),
      ...incidents.map((i): LonLat => [i.lon, i.lat]),
    ],
    [ways, pins, incidents],
  );
  const extent = useMemo(() => viewExtent(positions, minPad), [positions, minPad]);
  const projection = useMemo(() => (extent ? projectionFor(extent) : null), [extent]);
  const [basemap, setBasemap] = useState<Basemap | null>(null);
  useEffect(() => {
    const shown = projection ? shownExtent(projection) : null;
    if (!shown) return;
    let live = true;
    void loadBasemap(shown).then((map) => live && setBasemap(map));
    return () => {
      live = false;
    };
  }, [projection]);

  if (!projection) return null;
  const path = geoPath(projection);
  const layer = (features: Feature[] | undefined) =>
    features?.map((f) => path(f) ?? '').join('') || undefined;
  const hasDrawn = ways.some((w) => w.way.isDrawn);
  const hasGuess = ways.some((w) => !w.way.isDrawn && w.way.coordinates.length > 1);
  const roles = new Set(pins.map((p) => p.role));

  return (
    <figure className="map" data-testid={testId}>
      <div className="map-frame">
        <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="img" aria-labelledby={titleId}>
          <title id={titleId}>{title}</title>
          <rect width={MAP_WIDTH} height={MAP_HEIGHT} className="sea" />
          <path d={layer(basemap?.land)} className="land" />
          <path d={layer(basemap?.coast)} className="coast" />
          <path d={layer(basemap?.borders)} className="border" />
          {ways.map((w) =>
            w.way.coordinates.length > 1 ? (
              <path
                key={w.id}
                d={path({ type: 'LineString', coordinates: w.way.coordinates }) ?? undefined}
                className={w.way.isDrawn ? 'route' : 'route route-guess'}
                data-testid="map-way"
                data-drawn={w.way.isDrawn}
                data-points={w.way.coordinates.length}
              >
                {w.title ? <title>{w.title}</title> : null}
              </path>
            ) : null,
          )}
          {pins.map((p) => {
            const xy = projection([p.lon, p.lat]);
            if (!xy) return null;
            return (
              <g
                key={`${p.role}-${p.id}`}
                transform={`translate(${xy[0]},${xy[1]})`}
                data-testid="map-pin"
                data-role={p.role}
              >
                <circle r={p.role === 'stop' ? 4 : 6} className={`pin pin-${p.role}`} />
                {showPinNames ? (
                  <text x={9} y={4} className="pin-label">
                    {p.name}
                  </text>
                ) : null}
              </g>
            );
          })}
          {ways.map((w) => {
            const start = w.label ? projection(wayMiddle(w.way.coordinates)) : null;
            return start ? (
              <g key={`label-${w.id}`} transform={`translate(${start[0]},${start[1]})`}>
                <circle r={9} className="way-label" />
                <text y={4} textAnchor="middle" className="way-label-text">
                  {w.label}
                </text>
              </g>
            ) : null;
          })}
          {incidents.map((i) => {
            const xy = projection([i.lon, i.lat]);
            if (!xy) return null;
            return (
              <g
                key={`incident-${i.id}`}
                transform={`translate(${xy[0] + 8},${xy[1] - 14})`}
                data-testid="map-incident"
              >
                <title>
                  {t('map.incidentsAt', {
                    count: i.count,
                    place: i.name,
                    kinds: i.kinds.map((k) => t(`incidentKind.${k}`)).join(', '),
                  })}
                </title>
                <path d="M0,-9 L8,6 L-8,6 Z" className="incident" />
                <text y={4} textAnchor="middle" className="incident-count">
                  {i.count > 1 ? i.count : '!'}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption>
        <ul className="map-legend" data-testid="map-legend">
          {hasDrawn ? <LegendItem symbol="route">{t('map.legend.route')}</LegendItem> : null}
          {hasGuess ? <LegendItem symbol="guess">{t('map.legend.guess')}</LegendItem> : null}
          {(['origin', 'stop', 'destination'] as const).map((role) =>
            roles.has(role) ? (
              <LegendItem key={role} symbol={role}>
                {t(`map.legend.${role}`)}
              </LegendItem>
            ) : null,
          )}
          {incidents.length ? <LegendItem symbol="incident">{t('map.legend.incident')}</LegendItem> : null}
        </ul>
        <p className="small muted">
          {t('map.attribution')}
          {basemap?.isCoarse ? ` · ${t('map.coarse')}` : ''}
        </p>
      </figcaption>
    </figure>
  );
}

function LegendItem({
  symbol,
  children,
}: {
  symbol: 'route' | 'guess' | 'origin' | 'stop' | 'destination' | 'incident';
  children: string;
}) {
  return (
    <li>
      <svg width="28" height="16" viewBox="-14 -8 28 16" aria-hidden="true" focusable="false">
        {symbol === 'route' || symbol === 'guess' ? (
          <line x1={-12} x2={12} className={symbol === 'route' ? 'route' : 'route route-guess'} />
        ) : symbol === 'incident' ? (
          <path d="M0,-7 L7,6 L-7,6 Z" className="incident" />
        ) : (
          <circle r={symbol === 'stop' ? 4 : 6} className={`pin pin-${symbol}`} />
        )}
      </svg>
      {children}
    </li>
  );
}
