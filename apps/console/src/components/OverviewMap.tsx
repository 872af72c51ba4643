import { Link } from 'wouter';
import type { Dashboard } from '../api/types';
import { useTranslation } from '../i18n';
import { localName } from '../lib/places';
import { lonLat, type MapPin } from '../map/map-geometry';
import { MapFigure, type MapWay } from './MapFigure';

type DashboardCorridor = Dashboard['openCorridors'][number];

/**
 * The dashboard's corridors on one map (a chunk of its own, loaded after the figures): each way numbered at its
 * middle, its ends pinned, and the numbers listed with links under it.
 */
export default function OverviewMap({ corridors }: { corridors: DashboardCorridor[] }) {
  const { t, i18n } = useTranslation();
  const shown = corridors.filter((c) => c.way !== null);
  const ways: MapWay[] = shown.map((c, i) => ({
    id: c.id,
    way: { ...c.way!, coordinates: c.way!.coordinates.map(lonLat) },
    label: String(i + 1),
    title: c.name,
  }));
  const pins: MapPin[] = shown.flatMap((c) => {
    const coordinates = c.way!.coordinates;
    const [lon, lat] = coordinates[0];
    const originName = localName({ name: c.originName, names: c.originNames }, i18n.language) ?? c.originName;
    const origin: MapPin = { id: c.id, name: originName, lat, lon, role: 'origin' };
    if (coordinates.length < 2 || !c.destinationName) return [origin];
    const [endLon, endLat] = coordinates[coordinates.length - 1];
    const destinationName =
      localName({ name: c.destinationName, names: c.destinationNames }, i18n.language) ?? c.destinationName;
    return [origin, { id: c.id, name: destinationName, lat: endLat, lon: endLon, role: 'destination' }];
  });
  return (
    <>
      <MapFigure
        title={t('map.overviewTitle')}
        ways={ways}
        pins={pins}
        minPad={1}
        showPinNames={false}
        testId="overview-map"
      />
      <ol className="map-key">
        {shown.map((c) => (
          <li key={c.id}>
            <Link to={`/corridors/${c.id}`}>{c.name}</Link>
          </li>
        ))}
      </ol>
    </>
  );
}
