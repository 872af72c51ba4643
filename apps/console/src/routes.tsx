import { Fragment, Suspense, type ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { Route, Switch, useLocation } from 'wouter';
import { Layout } from './components/Layout';
import { RouteError } from './components/RouteError';
import { Loading } from './components/common';
import { lazyPage } from './lib/lazy-page';
import { Dashboard } from './pages/Dashboard';
import { SignIn } from './pages/SignIn';

// The dashboard and sign-in are in the first load; every other page is its own chunk, tried again after a failure.
const Corridors = lazyPage(() => import('./pages/Corridors'));
const NewCorridor = lazyPage(() => import('./pages/NewCorridor'));
const CorridorPage = lazyPage(() => import('./pages/CorridorPage'));
const OperationPage = lazyPage(() => import('./pages/OperationPage'));
const ReportEntry = lazyPage(() => import('./pages/ReportEntry'));
const Flags = lazyPage(() => import('./pages/Flags'));
const Places = lazyPage(() => import('./pages/Places'));
const Subscriptions = lazyPage(() => import('./pages/Subscriptions'));
const Webhooks = lazyPage(() => import('./pages/Webhooks'));
const Feeds = lazyPage(() => import('./pages/Feeds'));
const Import = lazyPage(() => import('./pages/Import'));
const Users = lazyPage(() => import('./pages/Users'));
const Audit = lazyPage(() => import('./pages/Audit'));
const Outbox = lazyPage(() => import('./pages/Outbox'));
const Jobs = lazyPage(() => import('./pages/Jobs'));
const NotFound = lazyPage(() => import('./pages/NotFound'));
const Invitation = lazyPage(() => import('./pages/Invitation'));

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
      <Route path="/invite/:token">
        <PageBoundary>
          <Invitation />
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
              <Route path="/operations/:id" component={OperationPage} />
              <Route path="/report" component={ReportEntry} />
              <Route path="/flags" component={Flags} />
              <Route path="/places" component={Places} />
              <Route path="/subscriptions" component={Subscriptions} />
              <Route path="/webhooks" component={Webhooks} />
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
