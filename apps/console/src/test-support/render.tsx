import { QueryClient, QueryClientProvider, type QueryKey } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { isValidElement, type ComponentType, type ReactElement } from 'react';
import { Route, Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';

/** The pages by route pattern (each reads its parameters), or one element shown whatever the path. */
export type Routes = Record<string, ComponentType> | ReactElement;

export interface RenderOptions {
  /** Answers put in the cache first (the signed-in user, the parties …): the page sees them and never asks. */
  queryData?: [QueryKey, unknown][];
}

/** Renders `routes` at `path` (with its query) with a fresh query cache that does not retry. */
export function renderAt(path: string, routes: Routes, { queryData = [] }: RenderOptions = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  for (const [key, data] of queryData) {
    client.setQueryDefaults(key, { staleTime: Infinity });
    client.setQueryData(key, data);
  }
  const { hook, searchHook } = memoryLocation({ path });
  const tree = (shown: Routes) => (
    <QueryClientProvider client={client}>
      <Router hook={hook} searchHook={searchHook}>
        {isValidElement(shown)
          ? shown
          : Object.entries(shown).map(([pattern, page]) => (
              <Route key={pattern} path={pattern} component={page} />
            ))}
      </Router>
    </QueryClientProvider>
  );
  const { rerender } = render(tree(routes));
  return { client, rerender: (shown: Routes) => rerender(tree(shown)) };
}
