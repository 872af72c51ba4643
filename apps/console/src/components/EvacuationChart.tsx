import { useTranslation } from '../i18n';
import { formatRange } from '../lib/format';

export interface DayRange {
  day: string; // YYYY-MM-DD
  low: number;
  high: number;
}

/** Evacuations by day as bars from the lowest to the highest claim: the spread stays visible. */
export function EvacuationChart({ days }: { days: DayRange[] }) {
  const { t, i18n } = useTranslation();
  if (days.length === 0) return <p className="muted">{t('dashboard.noEvacuations')}</p>;
  const width = 600;
  const height = 180;
  const pad = { top: 12, right: 8, bottom: 34, left: 44 };
  const max = Math.max(...days.map((d) => d.high), 1);
  const step = (width - pad.left - pad.right) / days.length;
  const bar = Math.max(4, Math.min(36, step * 0.6));
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v / max);
  const ticks = [0, Math.round(max / 2), max];
  const labelEvery = Math.ceil(days.length / 8);
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="evac-chart-title"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id="evac-chart-title">{t('dashboard.chartTitle')}</title>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} className="grid-line" />
            <text x={pad.left - 6} y={y(v) + 4} textAnchor="end" className="axis">
              {v}
            </text>
          </g>
        ))}
        {days.map((d, i) => {
          const x = pad.left + step * i + (step - bar) / 2;
          return (
            <g key={d.day}>
              <rect
                x={x}
                y={y(d.high)}
                width={bar}
                height={Math.max(1, y(0) - y(d.high))}
                className="bar-high"
              >
                <title>{`${d.day}: ${formatRange(d.low, d.high, i18n.language)}`}</title>
              </rect>
              <rect
                x={x}
                y={y(d.low)}
                width={bar}
                height={Math.max(0, y(0) - y(d.low))}
                className="bar-low"
              />
              {i % labelEvery === 0 ? (
                <text x={x + bar / 2} y={height - pad.bottom + 16} textAnchor="middle" className="axis">
                  {d.day.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        <span className="key key-low" aria-hidden="true" /> {t('dashboard.legendLow')}{' '}
        <span className="key key-high" aria-hidden="true" /> {t('dashboard.legendHigh')}
      </figcaption>
    </figure>
  );
}
