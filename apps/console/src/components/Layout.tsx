import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from '../lib/router';
import { api, ApiError } from '../api/client';
import { useMe } from '../api/hooks';
import { LANGUAGES, setLanguage, useTranslation, type Language } from '../i18n';
import { PendingSubmissions } from './PendingSubmissions';

const NAV: { to: string; key: string; role?: 'admin' }[] = [
  { to: '/', key: 'nav.dashboard' },
  { to: '/corridors', key: 'nav.corridors' },
  { to: '/report', key: 'nav.report' },
  { to: '/flags', key: 'nav.flags' },
  { to: '/subscriptions', key: 'nav.subscriptions' },
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

export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // On a route change, move focus to the page's heading so a screen reader announces the new page.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = main.current?.querySelector<HTMLElement>('h1');
    (heading ?? main.current)?.focus();
  }, [location.pathname]);

  // The page renders while /auth/me is on its way, so its own requests start at once, not one round trip later.
  if (me.error instanceof ApiError && me.error.status === 401) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }

  async function signOut() {
    try {
      await api('/auth/logout', { method: 'POST' });
    } finally {
      queryClient.clear();
      navigate('/sign-in');
    }
  }

  const isAdmin = me.data?.role === 'admin';
  return (
    <div className="shell">
      <a className="skip" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="top">
        <span className="brand">{t('app.name')}</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAV.filter((item) => !item.role || isAdmin).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/'}>
                  {t(item.key)}
                </NavLink>
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
      </header>
      <PendingSubmissions />
      <main id="main" ref={main} tabIndex={-1}>
        {me.error && !(me.error instanceof ApiError) ? <p role="alert">{t('common.offline')}</p> : null}
        <Outlet />
      </main>
    </div>
  );
}
