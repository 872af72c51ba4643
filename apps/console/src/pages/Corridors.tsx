import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, type FormEvent } from 'react';
import { useTranslation } from '../i18n';
import { Link, useSearchParams } from 'wouter';
import { api, query } from '../api/client';
import { byId, useLocations } from '../api/hooks';
import type { CorridorFilter, CorridorListItem, Page } from '../api/types';
import { LoadError, Loading, PageTitle, When } from '../components/common';
import { CorridorBadge } from '../components/CorridorBadge';
import { CorridorFilterFields } from '../components/CorridorFilterFields';
import { EmbargoBadge } from '../components/Embargo';
import { DataTable, type Column } from '../components/DataTable';
import { ExportLinks } from '../components/ExportLinks';
import { FlagCounts } from '../components/FlagCounts';
import { Pager, useCursorPages } from '../components/Pager';
import { formatRange } from '../lib/format';
import { localName } from '../lib/places';

const FILTERS = ['status', 'partyId', 'locationId', 'from', 'to', 'q'] as const;

export default function Corridors() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const pages = useCursorPages();
  const { cursor } = pages;
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const toIso = (local: string) => (local ? new Date(local).toISOString() : undefined);
  const list = useQuery({
    queryKey: ['corridors', 'list', filters, cursor],
    queryFn: () =>
      api<Page<CorridorListItem>>(
        `/corridors${query({ ...filters, from: toIso(filters.from), to: toIso(filters.to), cursor, limit: 25 })}`,
      ),
    placeholderData: keepPreviousData,
  });
  // The filter lists the places already: their names in the reader's language, else the list's own.
  const locations = useLocations();
  const placeById = useMemo(() => byId(locations.data), [locations.data]);
  const columns = useMemo<Column<CorridorListItem>[]>(
    () => [
      {
        id: 'name',
        header: t('corridor.name'),
        cell: ({ row }) => (
          <>
            <Link to={`/corridors/${row.original.id}`}>{row.original.name}</Link>{' '}
            <EmbargoBadge embargo={row.original.embargo} zone={row.original.placeTimezone} />
          </>
        ),
      },
      {
        id: 'status',
        header: t('corridors.status'),
        cell: ({ row }) => <CorridorBadge status={row.original.status} promise={row.original.promise} />,
      },
      {
        id: 'flags',
        header: t('triage.column'),
        cell: ({ row }) => <FlagCounts corridorId={row.original.id} counts={row.original.openFlags} />,
      },
      {
        id: 'route',
        header: t('corridor.route'),
        cell: ({ row: { original: c } }) => {
          const origin = localName(placeById.get(c.originId), i18n.language) ?? c.originName;
          const destination = c.destinationId
            ? (localName(placeById.get(c.destinationId), i18n.language) ?? c.destinationName)
            : null;
          return `${origin} → ${destination ?? t('corridor.anyDirection')}`;
        },
      },
      { accessorKey: 'announcedByName', header: t('corridor.announcedBy') },
      {
        id: 'firstWindow',
        header: t('corridor.firstWindow'),
        cell: ({ row }) => <When at={row.original.firstStartsAt} zone={row.original.placeTimezone} />,
      },
      {
        id: 'evacuated',
        header: t('corridor.evacuated'),
        cell: ({ row }) =>
          formatRange(row.original.evacuation?.low, row.original.evacuation?.high, i18n.language),
      },
    ],
    [t, i18n.language, placeById],
  );

  function applyFilters(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const f of FILTERS) {
      const value = String(data.get(f) ?? '').trim();
      if (value) next.set(f, value);
    }
    pages.restart();
    setParams(next);
  }

  return (
    <div className="page">
      <PageTitle>{t('corridors.title')}</PageTitle>
      <p>
        <Link className="button" to="/corridors/new">
          {t('corridors.new')}
        </Link>
      </p>
      <form className="filters" onSubmit={applyFilters} role="search" aria-label={t('corridors.filters')}>
        <CorridorFilterFields values={filters} />
        <label>
          <span>{t('corridors.from')}</span>
          <input name="from" type="datetime-local" defaultValue={filters.from} />
        </label>
        <label>
          <span>{t('corridors.to')}</span>
          <input name="to" type="datetime-local" defaultValue={filters.to} />
        </label>
        <button type="submit">{t('corridors.apply')}</button>
      </form>
      <ExportLinks
        filter={{ ...filters, from: toIso(filters.from), to: toIso(filters.to) } as CorridorFilter}
      />
      {list.isPending ? <Loading /> : <LoadError error={list.error} />}
      {list.data ? (
        list.data.items.length === 0 ? (
          <p className="muted">{t('corridors.none')}</p>
        ) : (
          <DataTable
            columns={columns}
            rows={list.data.items}
            rowId={(c) => c.id}
            serverOrdered
            label={t('corridors.title')}
            testId="corridor-list"
          />
        )
      ) : null}
      <Pager pages={pages} nextCursor={list.data?.nextCursor} />
    </div>
  );
}
