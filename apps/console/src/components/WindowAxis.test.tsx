import { render } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CorridorWindow } from '../api/types';
import { initI18n } from '../i18n';
import { WindowAxis } from './WindowAxis';

// The viewer is in London, the corridor in Mariupol.
vi.mock('../lib/time', async (original) => ({
  ...(await original<typeof import('../lib/time')>()),
  viewerZone: () => 'Europe/London',
}));

beforeAll(() => {
  initI18n('en');
});

const window = (id: string, startsAt: string, endsAt: string | null): CorridorWindow =>
  ({
    id,
    startsAt,
    endsAt,
    reviewEndsAt: endsAt ? null : '2022-05-07T06:00:00Z',
    confirmationState: { status: 'unconfirmed', parties: [] },
  }) as unknown as CorridorWindow;

describe('the windows on one time axis', () => {
  it("names the place's zone at its ends, and gives each window in the place's time and the viewer's", () => {
    const { container } = render(
      <WindowAxis
        zone="Europe/Kiev"
        windows={[
          window('w-1', '2022-05-05T06:00:00Z', '2022-05-05T15:00:00Z'),
          window('w-2', '2022-05-06T06:00:00Z', null),
        ]}
      />,
    );
    const ends = [...container.querySelectorAll('text.axis')].map((text) => text.textContent);
    expect(ends).toEqual(['May 5, 2022, 09:00 Europe/Kyiv', 'May 7, 2022, 09:00 Europe/Kyiv']);
    const windows = [...container.querySelectorAll('rect title')].map((title) => title.textContent);
    expect(windows).toEqual([
      'May 5, 2022, 09:00 Europe/Kyiv (07:00 Europe/London, yours) – May 5, 2022, 18:00 Europe/Kyiv (16:00 Europe/London, yours)',
      'May 6, 2022, 09:00 Europe/Kyiv (07:00 Europe/London, yours) – no end announced',
    ]);
  });
});
