import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { initI18n } from '../i18n';
import { FlagCounts } from './FlagCounts';

function show(counts: { critical: number; warning: number; info: number }) {
  const { hook } = memoryLocation({ path: '/corridors' });
  render(
    <Router hook={hook}>
      <FlagCounts corridorId="c-ru" counts={counts} />
    </Router>,
  );
}

describe("a corridor's open flags in the list", () => {
  afterEach(() => initI18n('en'));

  it('counts them by severity, most severe first, and leads to that corridor’s flags', () => {
    initI18n('en');
    show({ critical: 3, warning: 0, info: 1 });
    const link = screen.getByRole('link', { name: 'Flags to acknowledge: 3 critical, 1 info' });
    expect(link.getAttribute('href')).toBe('/flags?corridorId=c-ru');
    expect([...link.querySelectorAll('.badge')].map((b) => [b.textContent, b.className])).toEqual([
      ['3 critical', 'badge badge-critical'],
      ['1 info', 'badge badge-info'],
    ]);
  });

  it('says there are none, in Ukrainian too', () => {
    initI18n('uk');
    show({ critical: 0, warning: 0, info: 0 });
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('немає')).toBeTruthy();
  });
});
