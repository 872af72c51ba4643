import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from '../i18n';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// Natural Earth 1:50m countries, shipped with the console and served by our own server: no tile service.
import atlasUrl from 'world-atlas/countries-50m.json?url';

export interface MapPoint {
  name: string;
  lat: number;
  lon: number;
  role: 'origin' | 'stop' | 'destination';
}

let atlas: Promise<FeatureCollection> | null = null;
function loadAtlas(): Promise<FeatureCollection> {
  atlas ??= fetch(atlasUrl)
    .then((r) => r.json() as Promise<Topology>)
    .then(
      (topology) => feature(topology, topology.objects.countries as GeometryCollection) as FeatureCollection,
    );
  return atlas;
}

const WIDTH = 640;
const HEIGHT = 400;

/**
 * Origin, stops and destination, and the route over a basemap drawn from the shipped atlas; without a drawn route, a
 * dashed line joins the places in order (through the stops).
 */
export default function CorridorMap({
  points,
  route,
}: {
  points: MapPoint[];
  /** GeoJSON positions: [longitude, latitude] (an altitude after them is not drawn). */
  route: number[][] | null;
}) {
  const { t } = useTranslation();
  const [countries, setCountries] = useState<FeatureCollection | null>(null);
  useEffect(() => {
    let live = true;
    void loadAtlas().then((fc) => live && setCountries(fc));
    return () => {
      live = false;
    };
  }, []);

  const line: number[][] = useMemo(() => route ?? points.map((p) => [p.lon, p.lat]), [route, points]);
  const projection = useMemo(() => {
    const coords = [...line, ...points.map((p) => [p.lon, p.lat] as [number, number])];
    const lons = coords.map((c) => c[0]);
    const lats = coords.map((c) => c[1]);
    // At least ~1.5° around the places, so a short corridor still shows its coast and towns' setting.
    const pad = Math.max(
      1.5,
      (Math.max(...lons) - Math.min(...lons)) * 0.4,
      (Math.max(...lats) - Math.min(...lats)) * 0.4,
    );
    const box: Feature<Geometry> = {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'MultiPoint',
        coordinates: [
          [Math.min(...lons) - pad, Math.min(...lats) - pad],
          [Math.max(...lons) + pad, Math.max(...lats) + pad],
        ],
      },
    };
    return geoMercator()
      .fitExtent(
        [
          [10, 10],
          [WIDTH - 10, HEIGHT - 10],
        ],
        box,
      )
      .clipExtent([
        [0, 0],
        [WIDTH, HEIGHT],
      ]);
  }, [line, points]);
  const path = geoPath(projection);
  const routePath = line.length > 1 ? path({ type: 'LineString', coordinates: line }) : null;

  return (
    <figure className="map">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="map-title"
        data-testid="corridor-map"
      >
        <title id="map-title">{t('map.title')}</title>
        <rect width={WIDTH} height={HEIGHT} className="sea" />
        {countries?.features.map((f, i) => {
          const d = path(f);
          return d ? <path key={i} d={d} className="land" /> : null;
        })}
        {routePath ? <path d={routePath} className={route ? 'route' : 'route route-guess'} /> : null}
        {points.map((p) => {
          const xy = projection([p.lon, p.lat]);
          if (!xy) return null;
          return (
            <g key={p.role + p.name} transform={`translate(${xy[0]},${xy[1]})`}>
              <circle r={p.role === 'stop' ? 4 : 6} className={`pin pin-${p.role}`} />
              <text x={9} y={4} className="pin-label">
                {p.name}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="small muted">
        {route ? t('map.route') : t('map.noRoute')} · {t('map.attribution')}
      </figcaption>
    </figure>
  );
}
