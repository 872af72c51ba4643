import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { Link, Redirect, useLocation, useSearch } from 'wouter';
import { api, ApiError } from '../api/client';
import { roleAtLeast, useMe } from '../api/hooks';
import type { Role } from '../api/types';
import { LANGUAGES, setLanguage, useTranslation, type Language } from '../i18n';
import { forgetOfflineReads } from '../offline/policy';
import { AppStatus } from './AppStatus';
import { PendingSubmissions } from './PendingSubmissions';

const NAV: { to: string; key: string; role?: Role }[] = [
  { to: '/', key: 'nav.dashboard' },
  { to: '/corridors', key: 'nav.corridors' },
  { to: '/report', key: 'nav.report' },
  { to: '/flags', key: 'nav.flags' },
  { to: '/places', key: 'nav.places' },
  { to: '/subscriptions', key: 'nav.subscriptions' },
  { to: '/webhooks', key: 'nav.webhooks', role: 'coordinator' },
  { to: '/feeds', key: 'nav.feeds' },
  { to: '/import', key: 'nav.import', role: 'reporter' },
  { to: '/users', key: 'nav.users', role: 'admin' },
  { to: '/audit', key: 'nav.audit', role: 'admin' },
  { to: '/outbox', key: 'nav.outbox', role: 'admin' },
  { to: '/jobs', key: 'nav.jobs', role: 'admin' },
];

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      <span>{t('language.label')}</span>
      <select
        value={i18n.language}
        onChange={(e) => setLanguage(e.target.value as Language)}
        data-testid="language"
      >
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`language.${lng}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A navigation link, marked as the current page on its own path and below it (the dashboard: only on `/`). */
export function NavItem({ to, children }: { to: string; children: ReactNode }) {
  const [path] = useLocation();
  const isCurrent = to === '/' ? path === '/' : path === to || path.startsWith(`${to}/`);
  return (
    <Link to={to} className={isCurrent ? 'active' : undefined} aria-current={isCurrent ? 'page' : undefined}>
      {children}
    </Link>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const [path, navigate] = useLocation();
  const search = useSearch();
  const queryClient = useQueryClient();
  // On a phone the navigation and account fold under one "Menu" button (styles.css). It stays open on the page
  // it was opened on: a new page closes it, without an effect resetting state after the render.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const isMenuOpen = menuOpenOn === path;
  const menuId = useId();

  // The page renders while /auth/me is on its way, so its own requests start at once, not one round trip later.
  if (me.error instanceof ApiError && me.error.status === 401) {
    const next = `${path}${search ? `?${search}` : ''}`;
    return <Redirect to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }

  async function signOut() {
    try {
      await api('/auth/logout', { method: 'POST' });
    } finally {
      queryClient.clear();
      await forgetOfflineReads();
      navigate('/sign-in');
    }
  }

  return (
    <div className="shell">
      <a className="skip" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className={isMenuOpen ? 'top menu-open' : 'top'}>
        <span className="brand">{t('app.name')}</span>
        <button
          type="button"
          className="menu-button"
          aria-expanded={isMenuOpen}
          aria-controls={menuId}
          onClick={() => setMenuOpenOn(isMenuOpen ? null : path)}
          data-testid="menu-button"
        >
          {t('nav.menu')}
        </button>
        <div className="menu" id={menuId}>
          <nav aria-label={t('nav.label')}>
            <ul>
              {NAV.filter((item) => !item.role || roleAtLeast(me.data, item.role)).map((item) => (
                <li key={item.to}>
                  <NavItem to={item.to}>{t(item.key)}</NavItem>
                </li>
              ))}
            </ul>
          </nav>
          <div className="account">
            <LanguageSwitch />
            {me.data && (
              <span className="who">
                {me.data.displayName} · {t(`role.${me.data.role}`)}
              </span>
            )}
            <button type="button" className="link" onClick={() => void signOut()}>
              {t('nav.signOut')}
            </button>
          </div>
        </div>
      </header>
      <PendingSubmissions />
      <AppStatus />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
