import { render } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n';
import { When } from './common';

// The viewer is in London; the browser would name Kyiv Europe/Kiev.
vi.mock('../lib/time', async (original) => ({
  ...(await original<typeof import('../lib/time')>()),
  viewerZone: () => 'Europe/London',
}));

beforeAll(() => {
  initI18n('en');
});

describe('When, the one way a time is shown', () => {
  it("shows the place's date and time and the viewer's, each zone named, the viewer's marked as theirs", () => {
    const { container } = render(<When at="2022-05-05T06:00:00Z" zone="Europe/Kiev" />);
    expect(container.textContent).toBe('May 5, 2022, 09:00 Europe/Kyiv (07:00 Europe/London, yours)');
    expect(container.querySelector('time')?.getAttribute('dateTime')).toBe('2022-05-05T06:00:00Z');
  });

  it('shows it once for a viewer in the place’s zone, and in the viewer’s zone for a time of no place', () => {
    const { container, rerender } = render(<When at="2022-05-05T06:00:00Z" zone="Europe/London" />);
    expect(container.textContent).toBe('May 5, 2022, 07:00 Europe/London');
    rerender(<When at="2022-05-05T06:00:00Z" />);
    expect(container.textContent).toBe('May 5, 2022, 07:00 Europe/London');
  });

  it('speaks Ukrainian to a Ukrainian reader', () => {
    initI18n('uk');
    const { container } = render(<When at="2022-05-05T06:00:00Z" zone="Europe/Kyiv" />);
    expect(container.textContent).toBe('5 трав. 2022 р., 09:00 Europe/Kyiv (07:00 Europe/London, ваш час)');
    initI18n('en');
  });

  it('shows a dash for no time at all', () => {
    const { container } = render(<When at={null} zone="Europe/Kyiv" />);
    expect(container.textContent).toBe('—');
  });
});
