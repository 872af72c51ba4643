import { useQueries, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { api } from '../api/client';
import { byId, partyLabel, useLocations, useParties } from '../api/hooks';
import type { Corridor, Operation } from '../api/types';
import { LoadError, Loading, PageTitle, SourceLink, When } from '../components/common';
import { CorridorBadge } from '../components/CorridorBadge';
import { Grade, GradeLegend } from '../components/Grade';
import { useTranslation } from '../i18n';
import { formatCount, formatRange } from '../lib/format';
import { localName } from '../lib/places';

/**
 * An operation: its stages in order (a ceasefire corridor, the convoy that carried its people) and the people it
 * moved, counted once over the claims of all its stages.
 */
export default function OperationPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const operation = useQuery({
    queryKey: ['operation', id],
    queryFn: () => api<Operation>(`/operations/${id}`),
  });
  const stages = useQueries({
    queries: (operation.data?.corridorIds ?? []).map((corridorId) => ({
      queryKey: ['corridor', corridorId],
      queryFn: () => api<Corridor>(`/corridors/${corridorId}`),
    })),
  });
  const parties = useParties();
  const locations = useLocations();
  const partyById = byId(parties.data);
  const locationById = byId(locations.data);

  if (operation.isPending) return <Loading />;
  if (!operation.data) return <LoadError error={operation.error} />;
  const o = operation.data;
  const total = o.evacuation.total;
  const place = (placeId: string | null) =>
    placeId ? (localName(locationById.get(placeId), i18n.language) ?? '…') : t('corridor.anyDirection');

  return (
    <div className="page operation">
      <p className="crumbs">
        <Link to="/corridors">{t('nav.corridors')}</Link>
      </p>
      <PageTitle>{o.name}</PageTitle>
      <dl className="facts">
        <div>
          <dt>{t('operation.facilitators')}</dt>
          <dd>{o.facilitatorIds.map((p) => partyLabel(partyById.get(p))).join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>{t('common.source')}</dt>
          <dd>
            <SourceLink url={o.sourceUrl} />
          </dd>
        </div>
      </dl>
      {o.note ? <blockquote className="note">{o.note}</blockquote> : null}

      <section aria-labelledby="stages-title">
        <h2 id="stages-title">{t('operation.stages')}</h2>
        <ol className="stages" data-testid="operation-stages">
          {o.corridorIds.map((corridorId, i) => {
            const stage = stages[i]?.data;
            return (
              <li key={corridorId}>
                <Link to={`/corridors/${corridorId}`}>{stage?.name ?? t('common.loading')}</Link>
                {stage ? (
                  <>
                    {' '}
                    <CorridorBadge status={stage.status} promise={stage.promise} /> {place(stage.originId)} →{' '}
                    {place(stage.destinationId)}
                  </>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="operation-figures-title">
        <h2 id="operation-figures-title">{t('operation.figures')}</h2>
        <p className="big-figure" data-testid="operation-total">
          {formatRange(total?.low, total?.high, i18n.language)}{' '}
          <span className="muted">{t('summary.people')}</span>
        </p>
        <p className="small muted">{t('operation.countedOnce')}</p>
        {total ? (
          <ul className="plain claims" data-testid="operation-claims">
            {total.bySource.map((claim) => (
              <li key={claim.sourcePartyId + claim.reportedAt + JSON.stringify(claim.count)}>
                <strong>{partyLabel(partyById.get(claim.sourcePartyId))}</strong>:{' '}
                {formatCount(claim.count, t, i18n.language)}
                <Grade reliability={claim.sourceReliability} credibility={claim.credibility} />{' '}
                <span className="muted">
                  (<When at={claim.reportedAt} />)
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('operation.noClaims')}</p>
        )}
        {total ? <GradeLegend /> : null}
      </section>
    </div>
  );
}
