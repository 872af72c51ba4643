import { Fragment, useState } from 'react';
import { actsFor, roleAtLeast, useLocations, useMe } from '../api/hooks';
import { LoadError, Loading, PageTitle } from '../components/common';
import { AddReferences, EditLocationForm } from '../components/ReferenceForms';
import { useTranslation } from '../i18n';
import { localName } from '../lib/places';

/** The places corridors name, each with its local names, spellings and zone; its organisation's members edit it. */
export default function Places() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const locations = useLocations();
  const [editing, setEditing] = useState<string | null>(null);
  const mayEdit = (organisationId: string) =>
    roleAtLeast(me.data, 'reporter') && actsFor(me.data, organisationId);

  return (
    <div className="page">
      <PageTitle>{t('places.title')}</PageTitle>
      {locations.isPending ? <Loading /> : <LoadError error={locations.error} />}
      {locations.data?.length === 0 ? <p className="muted">{t('places.none')}</p> : null}
      {locations.data?.length ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('places.title')}>
          <table data-testid="places">
            <thead>
              <tr>
                <th scope="col">{t('places.name')}</th>
                <th scope="col">{t('places.localNames')}</th>
                <th scope="col">{t('places.aliases')}</th>
                <th scope="col">{t('places.position')}</th>
                <th scope="col">{t('places.timezone')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {locations.data.map((place) => (
                <Fragment key={place.id}>
                  <tr data-testid={`place-${place.id}`}>
                    <th scope="row">{localName(place, i18n.language)}</th>
                    <td>
                      {Object.entries(place.names)
                        .map(([tag, name]) => `${name} (${tag})`)
                        .join(', ')}
                    </td>
                    <td>{place.aliases.join(', ')}</td>
                    <td>{place.lat === null ? '—' : `${place.lat}, ${place.lon}`}</td>
                    <td>{place.timezone ?? t('places.noZone')}</td>
                    <td>
                      {mayEdit(place.organisationId) ? (
                        <button
                          type="button"
                          className="link"
                          aria-expanded={editing === place.id}
                          aria-label={t('place.editTitle', { name: place.name })}
                          onClick={() => setEditing(editing === place.id ? null : place.id)}
                        >
                          {t('place.edit')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                  {editing === place.id ? (
                    <tr>
                      <td colSpan={6}>
                        <EditLocationForm place={place} onDone={() => setEditing(null)} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <AddReferences idPrefix="places" />
    </div>
  );
}
