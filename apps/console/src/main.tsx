import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from 'react-error-boundary';
import { initI18n } from './i18n';
import { RouteError } from './components/RouteError';
import { recordServed } from './offline/freshness';
import { startServiceWorker } from './offline/service-worker';
import { Routes } from './routes';
import './styles.css';

initI18n();

const queryClient = new QueryClient({
  // Which answer each query shows, and whether it came from the offline cache: the page says how old it is.
  queryCache: new QueryCache({ onSuccess: recordServed }),
  defaultOptions: {
    queries: { staleTime: 15_000, refetchOnWindowFocus: true, retry: 1 },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ErrorBoundary FallbackComponent={RouteError}>
        <Routes />
      </ErrorBoundary>
    </QueryClientProvider>
  </StrictMode>,
);

startServiceWorker();
