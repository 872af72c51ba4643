import { useLocations, useParties } from '../api/hooks';
import { CORRIDOR_STATUSES } from '../api/types';
import { useTranslation } from '../i18n';
import { RecordOptions } from './common';

type Values = Partial<Record<'q' | 'status' | 'partyId' | 'locationId', string>>;

/** The fields of a corridor filter (the list's, a calendar feed's), named as GET /corridors names them. */
export function CorridorFilterFields({ values = {} }: { values?: Values }) {
  const { t } = useTranslation();
  const parties = useParties();
  const locations = useLocations();
  return (
    <>
      <label>
        <span>{t('corridors.search')}</span>
        <input name="q" type="search" defaultValue={values.q} />
      </label>
      <label>
        <span>{t('corridors.status')}</span>
        <select name="status" defaultValue={values.status ?? ''}>
          <option value="">{t('common.any')}</option>
          {CORRIDOR_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('corridors.party')}</span>
        <select name="partyId" defaultValue={values.partyId ?? ''} key={`p${parties.data?.length ?? 0}`}>
          <option value="">{t('common.any')}</option>
          <RecordOptions records={parties.data} />
        </select>
      </label>
      <label>
        <span>{t('corridors.location')}</span>
        <select
          name="locationId"
          defaultValue={values.locationId ?? ''}
          key={`l${locations.data?.length ?? 0}`}
        >
          <option value="">{t('common.any')}</option>
          <RecordOptions records={locations.data} />
        </select>
      </label>
    </>
  );
}
