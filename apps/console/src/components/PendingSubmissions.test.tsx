import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n';
import { submissionQueue } from '../lib/queue-instance';
import { PendingSubmissions } from './PendingSubmissions';

describe('reports waiting to be sent', () => {
  beforeEach(() => {
    initI18n('en');
    // No server in reach: the report stays in the queue.
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
  });
  afterEach(() => {
    for (const s of submissionQueue().list()) submissionQueue().discard(s.idempotencyKey);
    vi.unstubAllGlobals();
  });

  it('asks before discarding one, keeps it on "Keep it", and discards it only on "Discard it"', async () => {
    const user = userEvent.setup();
    submissionQueue().enqueue({
      path: '/corridors/c-1/incidents',
      body: { kind: 'blocked' },
      label: 'Incident — Mariupol to Zaporizhzhia',
    });
    render(
      <QueryClientProvider client={new QueryClient()}>
        <PendingSubmissions />
      </QueryClientProvider>,
    );
    const row = await screen.findByTestId('pending-submission');
    await user.click(within(row).getByRole('button', { name: 'Discard' }));
    expect(within(row).getByText(/^Discard this report\?/)).toBeTruthy();
    const keep = within(row).getByRole('button', { name: 'Keep it' });
    expect(document.activeElement).toBe(keep);
    await user.click(keep);
    expect(screen.getAllByTestId('pending-submission')).toHaveLength(1);
    expect(within(row).queryByText(/^Discard this report\?/)).toBeNull();

    await user.click(within(row).getByRole('button', { name: 'Discard' }));
    await user.click(within(row).getByRole('button', { name: 'Discard it' }));
    expect(screen.queryByTestId('pending-submission')).toBeNull();
    expect(submissionQueue().list()).toEqual([]);
  });
});
