import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportResult } from '../api/types';
import Import from './Import';

const checked = (changes: Partial<ImportResult> = {}): ImportResult => ({
  kind: 'evacuations',
  dryRun: true,
  rows: 2,
  valid: 2,
  stored: 0,
  unchanged: 0,
  errorCount: 0,
  errors: [],
  ...changes,
});

/** The API as the page meets it: each POST answered in turn, and what was sent kept. */
function serve(...answers: { status: number; body: unknown }[]) {
  const sent: { url: string; contentType: string; body: string }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      sent.push({
        url,
        contentType: (init.headers as Record<string, string>)['content-type'],
        body: await (init.body as Blob).text(),
      });
      const answer = answers.shift() ?? { status: 500, body: {} };
      return new Response(JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'content-type': answer.status === 200 ? 'application/json' : 'application/problem+json' },
      });
    }),
  );
  return sent;
}

function show() {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  render(
    <QueryClientProvider client={client}>
      <Import />
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

const file = new File(['corridor,source\r\nOperation 1,ICRC\r\n'], 'reports.csv', { type: 'text/csv' });

describe('the import page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('checks the file first, shows each problem by row and column, and imports only a file without problems', async () => {
    const sent = serve(
      {
        status: 200,
        body: checked({
          valid: 1,
          errorCount: 1,
          errors: [{ row: 3, column: 'arrived at', message: 'No place is named "Zaporizhia".' }],
        }),
      },
      { status: 200, body: checked() },
      { status: 200, body: checked({ dryRun: false, stored: 2 }) },
    );
    const user = show();
    const commit = screen.getByRole('button', { name: 'Import' });
    await user.upload(screen.getByLabelText('CSV file'), file);
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    const problems = await screen.findByTestId('import-problems');
    expect(within(problems).getByText('No place is named "Zaporizhia".')).toBeTruthy();
    expect(within(problems).getByText('arrived at')).toBeTruthy();
    expect(commit).toHaveProperty('disabled', true);
    expect(sent[0]).toEqual({
      url: '/api/v1/imports/evacuations?dryRun=true',
      contentType: 'text/csv',
      body: 'corridor,source\r\nOperation 1,ICRC\r\n',
    });

    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    await waitFor(() => expect(commit).toHaveProperty('disabled', false));
    await user.click(commit);
    expect(await screen.findByRole('heading', { name: 'Imported' })).toBeTruthy();
    expect(sent[2].url).toBe('/api/v1/imports/evacuations?dryRun=false');
  });

  it('shows the problems of a refused import (422): nothing was stored', async () => {
    serve(
      { status: 200, body: checked() },
      {
        status: 422,
        body: {
          type: '/problems/import-refused',
          title: 'The request cannot be applied',
          status: 422,
          detail: 'Nothing was stored: 1 problem (see errors).',
          ...checked({
            dryRun: false,
            valid: 1,
            errorCount: 1,
            errors: [{ row: 2, column: null, message: 'The row repeats a record already stored.' }],
          }),
        },
      },
    );
    const user = show();
    await user.selectOptions(screen.getByLabelText('What the file holds'), 'windows');
    await user.upload(screen.getByLabelText('CSV file'), file);
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    await user.click(await screen.findByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('heading', { name: 'Not imported: nothing was stored' })).toBeTruthy();
    expect(screen.getByText('The row repeats a record already stored.')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Download the template/ }).getAttribute('href')).toBe(
      '/api/v1/imports/windows/template.csv',
    );
  });
});
