import { useId } from 'react';
import { useTranslation } from '../i18n';
import { QUALIFIERS, type Count, type Qualifier } from '../api/types';

export interface CountDraft {
  qualifier: Qualifier;
  value: string;
  max: string;
}

export const emptyCount: CountDraft = { qualifier: 'exact', value: '', max: '' };

/** The count as the API takes it, or the key of what is wrong with it. */
export function toCount(draft: CountDraft): { count?: Count; error?: string } {
  const value = Number(draft.value);
  if (draft.value.trim() === '' || !Number.isInteger(value) || value < 0)
    return { error: 'count.error.value' };
  if (draft.qualifier !== 'range') return { count: { qualifier: draft.qualifier, value } };
  const max = Number(draft.max);
  if (draft.max.trim() === '' || !Number.isInteger(max) || max < 0) return { error: 'count.error.max' };
  if (max <= value) return { error: 'count.error.order' };
  return { count: { qualifier: 'range', value, max } };
}

/** A count with its precision: exact, about, at least, at most, or a range low–high. */
export function CountInput({
  value,
  onChange,
  legend,
  error,
}: {
  value: CountDraft;
  onChange: (next: CountDraft) => void;
  legend: string;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const isRange = value.qualifier === 'range';
  return (
    <fieldset className="count-input" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <div className="qualifiers" role="radiogroup" aria-label={t('count.precision')}>
        {QUALIFIERS.map((q) => (
          <label key={q} className="chip">
            <input
              type="radio"
              name={`${id}-qualifier`}
              value={q}
              checked={value.qualifier === q}
              onChange={() => onChange({ ...value, qualifier: q })}
            />
            {t(`count.qualifier.${q}`)}
          </label>
        ))}
      </div>
      <div className="count-values">
        <label>
          <span>{isRange ? t('count.low') : t('count.value')}</span>
          <input
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            value={value.value}
            aria-invalid={error === 'count.error.value' || undefined}
            onChange={(e) => onChange({ ...value, value: e.target.value })}
          />
        </label>
        {isRange ? (
          <label>
            <span>{t('count.high')}</span>
            <input
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              value={value.max}
              aria-invalid={error === 'count.error.max' || error === 'count.error.order' || undefined}
              onChange={(e) => onChange({ ...value, max: e.target.value })}
            />
          </label>
        ) : null}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {t(error)}
        </p>
      ) : null}
    </fieldset>
  );
}
