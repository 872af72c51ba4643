import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Pager, useCursorPages } from './Pager';

// A server's answers: page 1 leads to "p2", page 2 to "p3", page 3 is the last.
const NEXT: Record<string, string | null> = { first: 'p2', p2: 'p3', p3: null };

function List() {
  const pages = useCursorPages();
  const at = pages.cursor ?? 'first';
  return (
    <>
      <p data-testid="at">{at}</p>
      <button type="button" onClick={pages.restart}>
        Filter
      </button>
      <Pager pages={pages} nextCursor={NEXT[at]} />
    </>
  );
}

describe('Pager', () => {
  it('follows the next cursors, comes back the way it came, and restarts when the filters change', async () => {
    render(<List />);
    const at = () => screen.getByTestId('at').textContent;
    const previous = () => screen.getByRole('button', { name: 'Previous page' }) as HTMLButtonElement;
    const next = () => screen.getByRole('button', { name: 'Next page' }) as HTMLButtonElement;
    expect([at(), previous().disabled, next().disabled]).toEqual(['first', true, false]);
    await userEvent.click(next());
    await userEvent.click(next());
    expect([at(), previous().disabled, next().disabled]).toEqual(['p3', false, true]);
    await userEvent.click(previous());
    expect(at()).toBe('p2');
    await userEvent.click(screen.getByRole('button', { name: 'Filter' }));
    expect([at(), previous().disabled]).toEqual(['first', true]);
  });
});
