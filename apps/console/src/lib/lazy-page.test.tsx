import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { describe, expect, it, vi } from 'vitest';
import { RouteError } from '../components/RouteError';
import { initI18n } from '../i18n';
import { isChunkLoadError, lazyPage } from './lazy-page';

initI18n('en');

// What Chromium says when a page's chunk cannot be downloaded.
const offline = () =>
  new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1/assets/Flags-abc.js');

describe('a page whose code did not arrive', () => {
  it('says so in words, and "Try again" downloads it afresh without a reload', async () => {
    const load = vi
      .fn<() => Promise<{ default: () => React.JSX.Element }>>()
      .mockRejectedValueOnce(offline())
      .mockResolvedValueOnce({ default: () => <h1>Flags</h1> });
    const Flags = lazyPage(load);
    render(
      <ErrorBoundary FallbackComponent={RouteError}>
        <Suspense fallback={<p>Loading…</p>}>
          <Flags />
        </Suspense>
      </ErrorBoundary>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This page could not be downloaded');
    // The browser's own words are not what the reader gets.
    expect(alert.textContent).not.toContain('dynamically imported module');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Flags');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('tells a download that failed from a page that broke while rendering', () => {
    expect(isChunkLoadError(offline())).toBe(true);
    expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isChunkLoadError(new Error('error loading dynamically imported module'))).toBe(true);
    expect(isChunkLoadError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isChunkLoadError('Failed to fetch dynamically imported module')).toBe(false);
  });
});
