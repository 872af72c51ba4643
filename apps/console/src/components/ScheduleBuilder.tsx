import { DateTime } from 'luxon';
import { useId, useMemo } from 'react';
import { useTranslation } from '../i18n';
import { expandDailySchedule, type WindowBounds } from '@domain/schedule/daily-schedule';
import { DomainError } from '@domain/errors/domain-error';
import { viewerZone } from '../lib/time';

export interface ScheduleDraft {
  firstDate: string;
  days: number;
  startTime: string;
  endTime: string;
  timezone: string;
}

/** The windows a schedule gives, by the domain's own rule (the server runs the same code). */
export function previewWindows(draft: ScheduleDraft): { windows: WindowBounds[]; error?: string } {
  try {
    return { windows: expandDailySchedule(draft, draft.timezone) };
  } catch (error) {
    if (error instanceof DomainError) return { windows: [], error: `schedule.error.${error.code}` };
    throw error;
  }
}

function timeZones(): string[] {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return ['Europe/Kyiv', 'Europe/Moscow', 'UTC'];
  }
}

/** "From 08:00 to 18:00 Moscow time, Thursday through Saturday": a daily schedule and the windows it makes. */
export function ScheduleBuilder({
  value,
  onChange,
}: {
  value: ScheduleDraft;
  onChange: (next: ScheduleDraft) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const zones = useMemo(() => timeZones(), []);
  const { windows, error } = previewWindows(value);
  const mine = viewerZone();
  const set = (patch: Partial<ScheduleDraft>) => onChange({ ...value, ...patch });
  const fmt = (d: Date, zone: string) =>
    DateTime.fromJSDate(d, { zone }).setLocale(i18n.language).toFormat('ccc d LLL yyyy, HH:mm');
  const hours = (w: WindowBounds) => (w.endsAt.getTime() - w.startsAt.getTime()) / 3_600_000;

  return (
    <fieldset className="schedule">
      <legend>{t('schedule.legend')}</legend>
      <div className="grid">
        <label>
          <span>{t('schedule.timezone')}</span>
          <input
            list={`${id}-zones`}
            value={value.timezone}
            onChange={(e) => set({ timezone: e.target.value.trim() })}
            autoComplete="off"
            spellCheck={false}
          />
          <datalist id={`${id}-zones`}>
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </label>
        <label>
          <span>{t('schedule.firstDate')}</span>
          <input type="date" value={value.firstDate} onChange={(e) => set({ firstDate: e.target.value })} />
        </label>
        <label>
          <span>{t('schedule.days')}</span>
          <input
            type="number"
            min={1}
            max={366}
            value={value.days}
            onChange={(e) => set({ days: Number(e.target.value) })}
          />
        </label>
        <label>
          <span>{t('schedule.startTime')}</span>
          <input type="time" value={value.startTime} onChange={(e) => set({ startTime: e.target.value })} />
        </label>
        <label>
          <span>{t('schedule.endTime')}</span>
          <input type="time" value={value.endTime} onChange={(e) => set({ endTime: e.target.value })} />
        </label>
      </div>
      <section aria-live="polite" aria-labelledby={`${id}-preview`}>
        <h2 id={`${id}-preview`} className="h3">
          {t('schedule.preview', { count: windows.length })}
        </h2>
        {error ? (
          <p className="field-error" role="alert">
            {t(error)}
          </p>
        ) : (
          <ol className="window-preview" data-testid="schedule-preview">
            {windows.map((w) => (
              <li key={w.startsAt.toISOString()}>
                <strong>
                  {fmt(w.startsAt, value.timezone)} –{' '}
                  {DateTime.fromJSDate(w.endsAt, { zone: value.timezone }).toFormat('HH:mm')}
                </strong>{' '}
                <span className="zone">{value.timezone}</span>{' '}
                <span className="muted">
                  ({t('schedule.hours', { count: hours(w) })}
                  {mine !== value.timezone ? (
                    <>
                      {' · '}
                      {fmt(w.startsAt, mine)} <span className="zone">{mine}</span>
                    </>
                  ) : null}
                  )
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </fieldset>
  );
}
