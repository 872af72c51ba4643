import { useTranslation } from '../i18n';
import type { CorridorWay, IncidentMarker, MapPin } from '../map/map-geometry';
import { MapFigure } from './MapFigure';

/**
 * A corridor's map (a chunk of its own, with d3-geo): its way (the drawn route, else through its stops in order),
 * its places and the incidents reported where they happened.
 */
export default function CorridorMap({
  way,
  pins,
  incidents,
}: {
  way: CorridorWay | null;
  pins: MapPin[];
  incidents: IncidentMarker[];
}) {
  const { t } = useTranslation();
  return (
    <MapFigure
      title={t('map.title')}
      ways={way ? [{ id: 'way', way }] : []}
      pins={pins}
      incidents={incidents}
      minPad={1.5}
      testId="corridor-map"
    />
  );
}
