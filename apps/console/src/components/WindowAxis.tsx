import { useTranslation } from '../i18n';
import type { CorridorWindow } from '../api/types';
import { formatInstant, viewerZone } from '../lib/time';
import { useNow } from '../lib/use-now';

/** The corridor's windows on one time axis, coloured by confirmation state, with "now" marked. */
export function WindowAxis({ windows }: { windows: CorridorWindow[] }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  if (windows.length === 0) return <p className="muted">{t('corridor.noWindows')}</p>;
  // A window announced with no end is drawn up to when the flag rules review it.
  const endOf = (w: CorridorWindow) => w.endsAt ?? w.reviewEndsAt ?? w.startsAt;
  const starts = windows.map((w) => Date.parse(w.startsAt));
  const ends = windows.map((w) => Date.parse(endOf(w)));
  const min = Math.min(...starts);
  const max = Math.max(...ends);
  const span = Math.max(max - min, 3_600_000);
  const width = 600;
  const x = (ms: number) => 10 + ((ms - min) / span) * (width - 20);
  const zone = viewerZone();
  return (
    <figure className="axis-figure">
      <svg viewBox={`0 0 ${width} 60`} role="img" aria-labelledby="window-axis-title">
        <title id="window-axis-title">{t('corridor.windowAxis')}</title>
        <line x1={10} x2={width - 10} y1={30} y2={30} className="grid-line" />
        {windows.map((w) => (
          <rect
            key={w.id}
            x={x(Date.parse(w.startsAt))}
            y={18}
            width={Math.max(3, x(Date.parse(endOf(w))) - x(Date.parse(w.startsAt)))}
            height={24}
            className={`win win-${w.confirmationState.status}`}
          >
            <title>{`${formatInstant(w.startsAt, zone, i18n.language)} – ${w.endsAt ? formatInstant(w.endsAt, zone, i18n.language) : t('window.noEnd')}`}</title>
          </rect>
        ))}
        {now >= min && now <= max ? <line x1={x(now)} x2={x(now)} y1={8} y2={52} className="now" /> : null}
        <text x={10} y={58} className="axis">
          {formatInstant(new Date(min).toISOString(), zone, i18n.language)}
        </text>
        <text x={width - 10} y={58} textAnchor="end" className="axis">
          {formatInstant(new Date(max).toISOString(), zone, i18n.language)}
        </text>
      </svg>
    </figure>
  );
}
