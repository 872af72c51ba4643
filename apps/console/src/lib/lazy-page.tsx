import { lazy, type ComponentType } from 'react';

type Load<P> = () => Promise<{ default: ComponentType<P> }>;

// Pages whose download failed, each with the way to start a fresh one.
const failed = new Set<() => void>();

/**
 * A page in its own chunk that can be tried again. `lazy` keeps a failed download for good (its component throws
 * the same error at every render), so a page that failed offline stayed broken until a full reload: here the error
 * page's "Try again" (retryFailedPages) swaps in a fresh download first.
 */
export function lazyPage<P extends object>(load: Load<P>): ComponentType<P> {
  let Current: ComponentType<P>;
  const attempt = () => {
    Current = lazy(() =>
      load().catch((error: unknown) => {
        failed.add(attempt);
        throw error;
      }),
    );
  };
  attempt();
  return function LazyPage(props: P) {
    return <Current {...props} />;
  };
}

/** Downloads again, at their next render, the pages whose code did not arrive. */
export function retryFailedPages(): void {
  const retries = [...failed];
  failed.clear();
  for (const retry of retries) retry();
}

/** Whether an error is a page's code that did not arrive (offline, or a version no longer on the server). */
export function isChunkLoadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // Chromium, Firefox and Safari each word it their own way; Vite's preload helper says "Unable to preload".
  return /dynamically imported module|importing a module script failed|error loading dynamically imported|unable to preload css|failed to load module script/i.test(
    error.message,
  );
}
