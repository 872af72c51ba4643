import { createBrowserRouter } from './lib/router';
import { Layout } from './components/Layout';
import { RouteError } from './components/RouteError';
import { Dashboard } from './pages/Dashboard';
import { SignIn } from './pages/SignIn';

// The dashboard and sign-in are in the first load; every other page is its own chunk.
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

export const router = createBrowserRouter([
  { path: '/sign-in', Component: SignIn, errorElement: <RouteError /> },
  {
    path: '/',
    Component: Layout,
    errorElement: <RouteError />,
    children: [
      { index: true, Component: Dashboard },
      { path: 'corridors', lazy: page(() => import('./pages/Corridors')) },
      { path: 'corridors/new', lazy: page(() => import('./pages/NewCorridor')) },
      { path: 'corridors/:id', lazy: page(() => import('./pages/CorridorPage')) },
      { path: 'corridors/:id/report/:kind', lazy: page(() => import('./pages/ReportEntry')) },
      { path: 'report', lazy: page(() => import('./pages/ReportEntry')) },
      { path: 'flags', lazy: page(() => import('./pages/Flags')) },
      { path: 'subscriptions', lazy: page(() => import('./pages/Subscriptions')) },
      { path: 'users', lazy: page(() => import('./pages/Users')) },
      { path: 'audit', lazy: page(() => import('./pages/Audit')) },
      { path: 'outbox', lazy: page(() => import('./pages/Outbox')) },
      { path: 'jobs', lazy: page(() => import('./pages/Jobs')) },
      { path: '*', lazy: page(() => import('./pages/NotFound')) },
    ],
  },
]);
