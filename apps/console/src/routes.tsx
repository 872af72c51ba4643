import { Fragment, lazy, Suspense, type ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { Route, Switch, useLocation } from 'wouter';
import { Layout } from './components/Layout';
import { RouteError } from './components/RouteError';
import { Loading } from './components/common';
import { Dashboard } from './pages/Dashboard';
import { SignIn } from './pages/SignIn';

// The dashboard and sign-in are in the first load; every other page is its own chunk.
const Corridors = lazy(() => import('./pages/Corridors'));
const NewCorridor = lazy(() => import('./pages/NewCorridor'));
const CorridorPage = lazy(() => import('./pages/CorridorPage'));
const ReportEntry = lazy(() => import('./pages/ReportEntry'));
const Flags = lazy(() => import('./pages/Flags'));
const Subscriptions = lazy(() => import('./pages/Subscriptions'));
const Feeds = lazy(() => import('./pages/Feeds'));
const Import = lazy(() => import('./pages/Import'));
const Users = lazy(() => import('./pages/Users'));
const Audit = lazy(() => import('./pages/Audit'));
const Outbox = lazy(() => import('./pages/Outbox'));
const Jobs = lazy(() => import('./pages/Jobs'));
const NotFound = lazy(() => import('./pages/NotFound'));

/**
 * Around a page: an error while it renders, or a chunk that did not arrive, shows the error page; another address
 * is a fresh start. The page is keyed by its path, so one corridor's half-filled form never shows on another's.
 */
export function PageBoundary({ children }: { children: ReactNode }) {
  const [path] = useLocation();
  return (
    <ErrorBoundary FallbackComponent={RouteError} resetKeys={[path]}>
      <Suspense fallback={<Loading />}>
        <Fragment key={path}>{children}</Fragment>
      </Suspense>
    </ErrorBoundary>
  );
}

export function Routes() {
  return (
    <Switch>
      <Route path="/sign-in">
        <PageBoundary>
          <SignIn />
        </PageBoundary>
      </Route>
      <Route>
        <Layout>
          <PageBoundary>
            {/* First match wins: literal paths before parameters, the catch-all last. */}
            <Switch>
              <Route path="/" component={Dashboard} />
              <Route path="/corridors" component={Corridors} />
              <Route path="/corridors/new" component={NewCorridor} />
              <Route path="/corridors/:id" component={CorridorPage} />
              <Route path="/corridors/:id/report/:kind" component={ReportEntry} />
              <Route path="/report" component={ReportEntry} />
              <Route path="/flags" component={Flags} />
              <Route path="/subscriptions" component={Subscriptions} />
              <Route path="/feeds" component={Feeds} />
              <Route path="/import" component={Import} />
              <Route path="/users" component={Users} />
              <Route path="/audit" component={Audit} />
              <Route path="/outbox" component={Outbox} />
              <Route path="/jobs" component={Jobs} />
              <Route component={NotFound} />
            </Switch>
          </PageBoundary>
        </Layout>
      </Route>
    </Switch>
  );
}
