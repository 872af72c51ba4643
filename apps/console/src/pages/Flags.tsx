import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { api, query } from '../api/client';
import { roleAtLeast, useMe } from '../api/hooks';
import { SEVERITIES, type Flag, type Page } from '../api/types';
import { LoadError, Loading, PageTitle, When } from '../components/common';
import { Pager, useCursorPages } from '../components/Pager';
import { useTranslation } from '../i18n';
import { groupFlags, type FlagGroup } from '../lib/flag-groups';

// What each view asks GET /flags for: acknowledged flags leave the open view for their own.
const VIEWS = {
  open: { open: 'true', acknowledged: 'false' },
  acknowledged: { acknowledged: 'true' },
  resolved: { open: 'false' },
  all: {},
} as const;
type View = keyof typeof VIEWS;
const isView = (value: string | null): value is View => value !== null && value in VIEWS;

/** A page is what one acknowledgement may take (POST /flags/acknowledge takes at most 100). */
const PAGE_SIZE = 100;

/**
 * The flag inbox, most severe first, grouped by corridor and window: tick the flags read, acknowledge them
 * together with one note; the acknowledged view says who acknowledged each and when.
 */
export default function Flags() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const view: View = isView(params.get('view')) ? (params.get('view') as View) : 'open';
  const severity = params.get('severity') ?? '';
  const corridorId = params.get('corridorId') ?? '';
  const pages = useCursorPages();
  const { cursor } = pages;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [note, setNote] = useState('');
  const [done, setDone] = useState<number | null>(null);

  const flags = useQuery({
    queryKey: ['flags', { view, severity, corridorId, cursor }],
    queryFn: () =>
      api<Page<Flag>>(
        `/flags${query({
          ...VIEWS[view],
          severity,
          corridorId,
          order: 'severity',
          limit: PAGE_SIZE,
          cursor,
        })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const acknowledge = useMutation({
    mutationFn: (ids: string[]) =>
      api<{ items: Flag[] }>('/flags/acknowledge', {
        method: 'POST',
        body: note.trim() ? { ids, note: note.trim() } : { ids },
      }),
    onSuccess: async (answer) => {
      setSelected(new Set());
      setNote('');
      setDone(answer.items.length);
      await Promise.all(
        ['flags', 'corridors', 'dashboard'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
      );
    },
  });

  const canAcknowledge = view === 'open' && roleAtLeast(me.data, 'coordinator');
  const choose = (change: Partial<Record<'view' | 'severity' | 'corridorId', string>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    pages.restart();
    setSelected(new Set());
    setDone(null);
    setParams(next);
  };
  const toggle = (ids: readonly string[], isOn: boolean) => {
    const next = new Set(selected);
    for (const id of ids) {
      if (isOn) next.add(id);
      else next.delete(id);
    }
    setSelected(next);
    setDone(null);
  };
  const groups = groupFlags(flags.data?.items ?? []);
  const corridorName = groups.find((g) => g.corridorId === corridorId)?.corridorName;

  return (
    <div className="page flags">
      <PageTitle>{t('flags.title')}</PageTitle>
      <div className="filters">
        <label>
          <span>{t('triage.view')}</span>
          <select value={view} onChange={(e) => choose({ view: e.target.value })} data-testid="flag-view">
            {(Object.keys(VIEWS) as View[]).map((v) => (
              <option key={v} value={v}>
                {t(`triage.${v}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('flags.severity')}</span>
          <select value={severity} onChange={(e) => choose({ severity: e.target.value })}>
            <option value="">{t('common.any')}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`severity.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {corridorId ? (
          <p>
            {t('corridor.name')}: <Link to={`/corridors/${corridorId}`}>{corridorName ?? '…'}</Link>{' '}
            <button type="button" onClick={() => choose({ corridorId: '' })}>
              {t('triage.allCorridors')}
            </button>
          </p>
        ) : null}
      </div>
      <p className="small muted">{t('triage.order')}</p>

      {canAcknowledge ? (
        <form
          className="inline-form triage-actions"
          onSubmit={(e) => {
            e.preventDefault();
            if (selected.size > 0) acknowledge.mutate([...selected]);
          }}
        >
          <label>
            <span>{t('flags.note')}</span>
            <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
          </label>
          <button
            type="submit"
            disabled={selected.size === 0 || acknowledge.isPending}
            data-testid="acknowledge-selected"
          >
            {t('triage.acknowledgeSelected', { count: selected.size })}
          </button>
          <span role="status" className="small" data-testid="acknowledge-done">
            {done !== null ? t('triage.done', { count: done }) : ''}
          </span>
          <LoadError error={acknowledge.error} />
        </form>
      ) : null}

      {flags.isPending ? <Loading /> : <LoadError error={flags.error} />}
      {flags.data?.items.length === 0 ? (
        <p className="muted">{t(view === 'open' ? 'flags.noneOpen' : 'flags.none')}</p>
      ) : null}
      <div data-testid="flag-list">
        {groups.map((group) => (
          <FlagWindow
            key={`${group.corridorId}/${group.windowId}`}
            group={group}
            selectable={canAcknowledge}
            selected={selected}
            onToggle={toggle}
          />
        ))}
      </div>
      <Pager
        pages={{
          ...pages,
          // Another page is another selection: at most one page is acknowledged at once.
          next: (next) => {
            setSelected(new Set());
            pages.next(next);
          },
          previous: () => {
            setSelected(new Set());
            pages.previous();
          },
        }}
        nextCursor={flags.data?.nextCursor}
      />
    </div>
  );
}

/** The flags of one window of one corridor, with a box to select them all. */
function FlagWindow({
  group,
  selectable,
  selected,
  onToggle,
}: {
  group: FlagGroup;
  selectable: boolean;
  selected: ReadonlySet<string>;
  onToggle: (ids: readonly string[], isOn: boolean) => void;
}) {
  const { t } = useTranslation();
  const ids = group.flags.map((f) => f.id);
  const isAllSelected = ids.every((id) => selected.has(id));
  const headingId = `flags-${group.corridorId}-${group.windowId}`;
  return (
    <section className="flag-group" aria-labelledby={headingId} data-testid="flag-group">
      <h2 id={headingId} className="flag-group-title">
        <Link to={`/corridors/${group.corridorId}`}>{group.corridorName}</Link>{' '}
        <span className="small">
          · {t('flags.window')} <When at={group.windowStartsAt} zone={group.placeTimezone} />
        </span>
      </h2>
      {selectable && ids.length > 1 ? (
        <label className="check select-all">
          <input type="checkbox" checked={isAllSelected} onChange={(e) => onToggle(ids, e.target.checked)} />{' '}
          {t('triage.selectWindow')}
        </label>
      ) : null}
      <ul className="flag-list">
        {group.flags.map((flag) => (
          <FlagItem
            key={flag.id}
            flag={flag}
            selectable={selectable}
            isSelected={selected.has(flag.id)}
            onToggle={(isOn) => onToggle([flag.id], isOn)}
          />
        ))}
      </ul>
    </section>
  );
}

function FlagItem({
  flag,
  selectable,
  isSelected,
  onToggle,
}: {
  flag: Flag;
  selectable: boolean;
  isSelected: boolean;
  onToggle: (isOn: boolean) => void;
}) {
  const { t } = useTranslation();
  const what = `${t(`rule.${flag.rule}`)} (${t(`severity.${flag.severity}`)})`;
  const by = flag.acknowledgedBy;
  return (
    <li className={`flag flag-${flag.severity}`} data-testid="flag">
      <div className="flag-title">
        {selectable ? (
          <input
            type="checkbox"
            checked={isSelected}
            onChange={(e) => onToggle(e.target.checked)}
            aria-label={t('triage.select', { flag: what })}
            data-testid="flag-select"
          />
        ) : null}{' '}
        <span className={`badge badge-${flag.severity}`}>{t(`severity.${flag.severity}`)}</span>{' '}
        <strong>{t(`rule.${flag.rule}`)}</strong>
      </div>
      <p className="small">
        {t('flags.raisedAt')} <When at={flag.raisedAt} zone={flag.placeTimezone} />
        {flag.resolvedAt ? (
          <>
            {' '}
            · {t('flags.resolvedAt')} <When at={flag.resolvedAt} zone={flag.placeTimezone} />
          </>
        ) : null}
      </p>
      {flag.acknowledgedAt ? (
        <p className="acknowledged" data-testid="flag-acknowledged">
          {by
            ? t('triage.acknowledgedBy', {
                name: by.email ? `${by.displayName} (${by.email})` : by.displayName,
              })
            : t('flags.acknowledgedAt')}{' '}
          · <When at={flag.acknowledgedAt} zone={flag.placeTimezone} />
          {flag.acknowledgeNote ? ` — ${flag.acknowledgeNote}` : ''}
        </p>
      ) : null}
    </li>
  );
}
