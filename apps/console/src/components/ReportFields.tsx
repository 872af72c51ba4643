import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { EVACUATION_CATEGORIES, INCIDENT_KINDS, STANCES, type ReportKind } from '../api/types';
import { useTranslation } from '../i18n';
import { formatWhen, whenParts } from '../lib/time';
import { RecordOptions } from './common';
import { CountInput, type CountDraft } from './CountInput';

/** A report's fields as its forms hold them: one shape for entering a report and for correcting it. */
export interface ReportFieldValues {
  /** The confirmation's party, or the report's source. */
  partyId: string;
  stance: string;
  at: string;
  windowId: string;
  category: string;
  arrivedAtId: string;
  incidentKind: string;
  description: string;
  sourceUrl: string;
  note: string;
}

interface ReportFieldsProps {
  kind: ReportKind;
  register: UseFormRegister<ReportFieldValues>;
  errors: FieldErrors<ReportFieldValues>;
  parties: readonly { id: string; name: string }[] | undefined;
  places: readonly { id: string; name: string }[] | undefined;
  windows: readonly { id: string; startsAt: string }[];
  /** The zone the windows are shown in (and, with `zoneHintId`, the time is entered in). */
  zone: string;
  count: CountDraft;
  onCountChange: (next: CountDraft) => void;
  countError?: string;
  /** Names the zone of the time entered, under the time, when the form reads it in a zone of its own. */
  zoneHintId?: string;
}

/** The fields of each kind of report, from its source to its note. */
export function ReportFields({
  kind,
  register,
  errors,
  parties,
  places,
  windows,
  zone,
  count,
  onCountChange,
  countError,
  zoneHintId,
}: ReportFieldsProps) {
  const { t, i18n } = useTranslation();
  const required = t('form.required');
  return (
    <>
      <label>
        <span>{kind === 'confirmation' ? t('report.party') : t('report.source')}</span>
        <select
          aria-invalid={errors.partyId ? true : undefined}
          {...register('partyId', kind === 'incident' ? {} : { required })}
        >
          <option value="">{kind === 'incident' ? t('report.unknownSource') : t('form.choose')}</option>
          <RecordOptions records={parties} />
        </select>
      </label>
      {errors.partyId ? <p className="field-error">{errors.partyId.message}</p> : null}

      {kind === 'confirmation' ? (
        <fieldset>
          <legend>{t('report.stance')}</legend>
          <div className="checks">
            {STANCES.map((s) => (
              <label key={s} className="chip">
                <input type="radio" value={s} {...register('stance')} />
                {t(`stance.${s}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}

      {kind === 'incident' ? (
        <>
          <label>
            <span>{t('report.incidentKind')}</span>
            <select {...register('incidentKind')}>
              {INCIDENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`incidentKind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('report.description')}</span>
            <textarea
              rows={3}
              aria-invalid={errors.description ? true : undefined}
              {...register('description', { validate: (v) => v.trim() !== '' || required })}
            />
          </label>
          {errors.description ? <p className="field-error">{errors.description.message}</p> : null}
        </>
      ) : null}

      {kind === 'evacuation' || kind === 'remaining' ? (
        <CountInput
          value={count}
          onChange={onCountChange}
          legend={kind === 'evacuation' ? t('report.evacuated') : t('report.remaining')}
          error={countError}
        />
      ) : null}

      {kind === 'evacuation' ? (
        <>
          <label>
            <span>{t('report.category')}</span>
            <select {...register('category')}>
              {EVACUATION_CATEGORIES.map((k) => (
                <option key={k} value={k}>
                  {t(`category.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('report.window')}</span>
            <select {...register('windowId')}>
              <option value="">{t('report.windowUnknown')}</option>
              {windows.map((w, i) => (
                <option key={w.id} value={w.id}>
                  {i + 1}: {formatWhen(whenParts(w.startsAt, zone, i18n.language), t('when.yours'))}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('report.arrivedAt')}</span>
            <select {...register('arrivedAtId')}>
              <option value="">{t('report.unknownPlace')}</option>
              <RecordOptions records={places} />
            </select>
          </label>
        </>
      ) : null}

      <label>
        <span>
          {kind === 'incident'
            ? t('report.occurredAt')
            : kind === 'confirmation'
              ? t('report.statedAt')
              : t('report.reportedAt')}
        </span>
        <input
          type="datetime-local"
          aria-describedby={zoneHintId}
          aria-invalid={errors.at ? true : undefined}
          {...register('at', { required })}
        />
      </label>
      {zoneHintId ? (
        <p className="small muted" id={zoneHintId}>
          {t('correct.zoneHint', { zone })}
        </p>
      ) : null}
      {errors.at ? <p className="field-error">{errors.at.message}</p> : null}
      <label>
        <span>{t('form.sourceUrl')}</span>
        <input type="url" inputMode="url" {...register('sourceUrl')} />
      </label>
      {kind !== 'incident' ? (
        <label>
          <span>{t('report.note')}</span>
          <textarea rows={2} {...register('note')} />
        </label>
      ) : null}
    </>
  );
}
