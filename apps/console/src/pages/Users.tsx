import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from '../i18n';
import { api, newIdempotencyKey } from '../api/client';
import { byId } from '../api/hooks';
import {
  ROLES,
  type ApiKey,
  type ApiKeyCreated,
  type Organisation,
  type Page,
  type User,
} from '../api/types';
import { LoadError, Loading, PageTitle, RecordOptions, When } from '../components/common';
import { DataTable, type Column } from '../components/DataTable';

const asItems = <T,>(result: Page<T> | T[]) => (Array.isArray(result) ? result : result.items);

export default function Users() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageTitle>{t('users.title')}</PageTitle>
      <UserSection />
      <OrganisationSection />
      <ApiKeySection />
    </div>
  );
}

function useOrganisations() {
  return useQuery({
    queryKey: ['organisations'],
    queryFn: async () => asItems(await api<Page<Organisation> | Organisation[]>('/organisations?limit=200')),
    retry: false,
  });
}

function UserSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const users = useQuery({
    queryKey: ['users'],
    queryFn: async () => asItems(await api<Page<User> | User[]>('/users?limit=200')),
    retry: false,
  });
  const organisations = useOrganisations();
  const orgById = useMemo(() => byId(organisations.data), [organisations.data]);
  const [key, setKey] = useState(newIdempotencyKey);
  const [invite, setInvite] = useState<string | null>(null);
  const { register, handleSubmit, reset } = useForm<{
    email: string;
    displayName: string;
    organisationId: string;
    role: string;
  }>({ defaultValues: { role: 'reporter' } });
  const create = useMutation({
    mutationFn: (body: Record<string, string>) =>
      api<User & { inviteUrl?: string }>('/users', { method: 'POST', body, idempotencyKey: key }),
    onSuccess: (user) => {
      setInvite(user.inviteUrl ?? null);
      setKey(newIdempotencyKey());
      reset();
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) =>
      api(`/users/${id}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });

  const { mutate: updateUser } = update;
  const userColumns = useMemo<Column<User>[]>(
    () => [
      { accessorKey: 'displayName', header: t('users.name') },
      { accessorKey: 'email', header: t('users.email') },
      {
        id: 'organisation',
        header: t('users.organisation'),
        accessorFn: (u) => orgById.get(u.organisationId)?.name ?? '—',
      },
      {
        accessorKey: 'role',
        header: t('users.role'),
        // Sorted by rank, not by the role's name in the current language.
        sortingFn: (a, b) => ROLES.indexOf(a.original.role) - ROLES.indexOf(b.original.role),
        cell: ({ row: { original: u } }) => (
          <select
            aria-label={t('users.roleOf', { name: u.displayName })}
            value={u.role}
            onChange={(e) => updateUser({ id: u.id, body: { role: e.target.value } })}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        ),
      },
      {
        id: 'state',
        header: t('users.state'),
        accessorFn: (u) => (u.disabled ? 2 : u.invitePending ? 1 : 0),
        cell: ({ row: { original: u } }) => (
          <>
            {u.invitePending ? `${t('users.invited')} · ` : ''}
            <button
              type="button"
              className="link"
              onClick={() => updateUser({ id: u.id, body: { disabled: !u.disabled } })}
            >
              {u.disabled ? t('users.enable') : t('users.disable')}
            </button>
          </>
        ),
      },
    ],
    [t, orgById, updateUser],
  );

  return (
    <section aria-labelledby="users-h">
      <h2 id="users-h">{t('users.users')}</h2>
      {users.isPending ? <Loading /> : <LoadError error={users.error} />}
      {users.data ? (
        <DataTable columns={userColumns} rows={users.data} rowId={(u) => u.id} label={t('users.users')} />
      ) : null}
      <LoadError error={update.error} />
      {users.data ? (
        <form className="stack" onSubmit={handleSubmit((f) => create.mutate(f))} aria-labelledby="users-add">
          <h3 id="users-add">{t('users.invite')}</h3>
          <label>
            <span>{t('users.email')}</span>
            <input type="email" required {...register('email', { required: true })} />
          </label>
          <label>
            <span>{t('users.name')}</span>
            <input required {...register('displayName', { required: true })} />
          </label>
          <label>
            <span>{t('users.organisation')}</span>
            <select required {...register('organisationId', { required: true })}>
              <option value="">{t('form.choose')}</option>
              <RecordOptions records={organisations.data} />
            </select>
          </label>
          <label>
            <span>{t('users.role')}</span>
            <select {...register('role')}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={create.isPending}>
            {t('users.invite')}
          </button>
          <LoadError error={create.error} />
          {invite ? (
            <p className="notice" role="status">
              {t('users.inviteLink')} <code className="secret">{invite}</code>
            </p>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}

function OrganisationSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const organisations = useOrganisations();
  const [name, setName] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const create = useMutation({
    mutationFn: () => api('/organisations', { method: 'POST', body: { name }, idempotencyKey: key }),
    onSuccess: () => {
      setName('');
      setKey(newIdempotencyKey());
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
    },
  });
  return (
    <section aria-labelledby="orgs-h">
      <h2 id="orgs-h">{t('users.organisations')}</h2>
      {organisations.isPending ? <Loading /> : <LoadError error={organisations.error} />}
      {organisations.data ? (
        <>
          <ul className="plain">
            {organisations.data.map((o) => (
              <li key={o.id}>{o.name}</li>
            ))}
          </ul>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (name.trim()) create.mutate();
            }}
          >
            <label>
              <span>{t('users.organisationName')}</span>
              <input value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <button type="submit">{t('users.addOrganisation')}</button>
            <LoadError error={create.error} />
          </form>
        </>
      ) : null}
    </section>
  );
}

function ApiKeySection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const keys = useQuery({
    queryKey: ['api-keys'],
    queryFn: async () => asItems(await api<Page<ApiKey> | ApiKey[]>('/api-keys')),
  });
  const [name, setName] = useState('');
  const [canWrite, setCanWrite] = useState(false);
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const create = useMutation({
    mutationFn: () =>
      api<ApiKeyCreated>('/api-keys', {
        method: 'POST',
        idempotencyKey: key,
        body: { name, scopes: canWrite ? ['read', 'write'] : ['read'] },
      }),
    onSuccess: (k) => {
      setCreated(k);
      setName('');
      setKey(newIdempotencyKey());
      void queryClient.invalidateQueries({ queryKey: ['api-keys'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/api-keys/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['api-keys'] }),
  });
  const { mutate: revokeKey } = revoke;
  const keyColumns = useMemo<Column<ApiKey>[]>(
    () => [
      { accessorKey: 'name', header: t('keys.name') },
      {
        accessorKey: 'prefix',
        header: t('keys.prefix'),
        cell: ({ row }) => <code>{row.original.prefix}</code>,
      },
      {
        id: 'scopes',
        header: t('keys.scopes'),
        accessorFn: (k) => k.scopes.map((scope) => t(`keys.scope.${scope}`)).join(', '),
      },
      {
        id: 'lastUsed',
        header: t('keys.lastUsed'),
        accessorFn: (k) => k.lastUsedAt ?? '',
        cell: ({ row }) => <When at={row.original.lastUsedAt} />,
      },
      {
        id: 'actions',
        header: t('common.actions'),
        enableSorting: false,
        cell: ({ row: { original: k } }) =>
          k.revokedAt ? (
            t('keys.revoked')
          ) : (
            <button type="button" className="link" onClick={() => revokeKey(k.id)}>
              {t('keys.revoke')}
            </button>
          ),
      },
    ],
    [t, revokeKey],
  );
  return (
    <section aria-labelledby="keys-h">
      <h2 id="keys-h">{t('keys.title')}</h2>
      {keys.isPending ? <Loading /> : <LoadError error={keys.error} />}
      {keys.data ? (
        <DataTable columns={keyColumns} rows={keys.data} rowId={(k) => k.id} label={t('keys.title')} />
      ) : null}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) create.mutate();
        }}
      >
        <label>
          <span>{t('keys.name')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="check">
          <input type="checkbox" checked={canWrite} onChange={(e) => setCanWrite(e.target.checked)} />
          {t('keys.canWrite')}
        </label>
        <button type="submit">{t('keys.create')}</button>
        <LoadError error={create.error} />
      </form>
      {created?.key ? (
        <p className="notice" role="status">
          {t('keys.shownOnce')} <code className="secret">{created.key}</code>
        </p>
      ) : null}
    </section>
  );
}
