import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n';
import { CorridorBadge } from './CorridorBadge';

describe('the corridor badge', () => {
  afterEach(() => initI18n('en'));

  it('says the status and the promise together, in words, with a mark beside the colour', () => {
    initI18n('en');
    render(<CorridorBadge status="completed" promise="broken" />);
    const badge = screen.getByTestId('corridor-badge');
    expect(badge.textContent).toBe('✕ completed · promise broken');
    expect(badge.className).toBe('badge corridor-badge tone-critical');
    expect(badge.title).toBe('A required party rejected it, or nobody is reported to have moved.');
  });

  it('does not colour a completed corridor with an unconfirmed promise as a success', () => {
    initI18n('en');
    render(<CorridorBadge status="completed" promise="unconfirmed" />);
    const badge = screen.getByTestId('corridor-badge');
    expect(badge.dataset.tone).toBe('warning');
    expect(badge.className).not.toContain('tone-ok');
  });

  it('speaks Ukrainian', () => {
    initI18n('uk');
    render(<CorridorBadge status="open" promise="pending" />);
    expect(screen.getByTestId('corridor-badge').textContent).toBe('· відкрито зараз · обіцянка: ще невідомо');
  });
});
