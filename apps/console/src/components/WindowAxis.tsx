import { useTranslation } from '../i18n';
import type { CorridorWindow } from '../api/types';
import { formatWhen, viewerZone, whenParts } from '../lib/time';
import { useNow } from '../lib/use-now';

/**
 * The corridor's windows on one time axis, coloured by confirmation state, with "now" marked. Its ends are read
 * in the place's zone, named; each window's tooltip gives the viewer's time too (the console's one time rule).
 */
export function WindowAxis({ windows, zone }: { windows: CorridorWindow[]; zone: string }) {
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
  const mine = viewerZone();
  const when = (iso: string) => formatWhen(whenParts(iso, zone, i18n.language, mine), t('when.yours'));
  const axisEnd = (ms: number) => {
    const { place } = whenParts(new Date(ms).toISOString(), zone, i18n.language, mine);
    return `${place.text} ${place.zone}`;
  };
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
            <title>{`${when(w.startsAt)} – ${w.endsAt ? when(w.endsAt) : t('window.noEnd')}`}</title>
          </rect>
        ))}
        {now >= min && now <= max ? <line x1={x(now)} x2={x(now)} y1={8} y2={52} className="now" /> : null}
        <text x={10} y={58} className="axis">
          {axisEnd(min)}
        </text>
        <text x={width - 10} y={58} textAnchor="end" className="axis">
          {axisEnd(max)}
        </text>
      </svg>
    </figure>
  );
}
