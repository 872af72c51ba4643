import { CREDIBILITIES, RELIABILITIES, type Credibility, type Reliability } from '../api/types';
import { useTranslation } from '../i18n';

/**
 * A claim's Admiralty grade (" B2", after a space), its meaning in the tooltip; nothing at all when the server gave
 * none.
 */
export function Grade({
  reliability,
  credibility,
}: {
  reliability: Reliability | undefined;
  credibility: Credibility | undefined;
}) {
  const { t } = useTranslation();
  if (!reliability || !credibility) return null;
  const meaning = t('grade.title', {
    reliability,
    reliabilityText: t(`grade.reliability.${reliability}`),
    credibility,
    credibilityText: t(`grade.credibility.${credibility}`),
  });
  return (
    <>
      {' '}
      <abbr className="grade" title={meaning} data-testid="grade">
        {reliability}
        {credibility}
      </abbr>
    </>
  );
}

/** What the letters and digits mean, folded under the claims they grade. */
export function GradeLegend() {
  const { t } = useTranslation();
  return (
    <details className="grade-legend">
      <summary>{t('grade.legend')}</summary>
      <p className="small">{t('grade.intro')}</p>
      <div className="grade-scales">
        <dl>
          <dt>{t('grade.sources')}</dt>
          {RELIABILITIES.map((r) => (
            <dd key={r}>
              <strong>{r}</strong> {t(`grade.reliability.${r}`)}
            </dd>
          ))}
        </dl>
        <dl>
          <dt>{t('grade.claims')}</dt>
          {CREDIBILITIES.map((c) => (
            <dd key={c}>
              <strong>{c}</strong> {t(`grade.credibility.${c}`)}
            </dd>
          ))}
        </dl>
      </div>
    </details>
  );
}

/**
 * The lowest grade a summary counts (`minGrade`): a source at least this reliable and a claim at least this
 * credible; F and 6 (the defaults) ask for nothing, so both at their default mean every claim.
 */
export function GradeFilter({ value, onChange }: { value: string; onChange: (minGrade: string) => void }) {
  const { t } = useTranslation();
  const reliability = value ? value[0] : 'F';
  const credibility = value ? value[1] : '6';
  const change = (r: string, c: string) => onChange(r === 'F' && c === '6' ? '' : `${r}${c}`);
  return (
    <fieldset className="grade-filter inline-form">
      <legend>{t('grade.filter')}</legend>
      <label>
        <span>{t('grade.minSource')}</span>
        <select value={reliability} onChange={(e) => change(e.target.value, credibility)}>
          {RELIABILITIES.map((r) => (
            <option key={r} value={r}>
              {r === 'F' ? `F (${t('grade.any')})` : `${r}: ${t(`grade.reliability.${r}`)}`}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('grade.minClaim')}</span>
        <select value={credibility} onChange={(e) => change(reliability, e.target.value)}>
          {CREDIBILITIES.map((c) => (
            <option key={c} value={String(c)}>
              {c === 6 ? `6 (${t('grade.any')})` : `${c}: ${t(`grade.credibility.${c}`)}`}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
