import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n';
import { previewWindows, ScheduleBuilder, type ScheduleDraft } from './ScheduleBuilder';

beforeAll(() => {
  initI18n('en');
});

function Harness({ initial }: { initial: ScheduleDraft }) {
  const [value, setValue] = useState(initial);
  return <ScheduleBuilder value={value} onChange={setValue} />;
}

const iso = (draft: ScheduleDraft) =>
  previewWindows(draft).windows.map((w) => [w.startsAt.toISOString(), w.endsAt.toISOString()]);

describe('the daily-schedule builder', () => {
  it('keeps 08:00–18:00 Kyiv wall-clock time across the spring DST change, so UTC moves by an hour', () => {
    expect(
      iso({
        firstDate: '2022-03-26',
        days: 2,
        startTime: '08:00',
        endTime: '18:00',
        timezone: 'Europe/Kyiv',
      }),
    ).toEqual([
      ['2022-03-26T06:00:00.000Z', '2022-03-26T16:00:00.000Z'],
      ['2022-03-27T05:00:00.000Z', '2022-03-27T15:00:00.000Z'],
    ]);
  });

  it('shows a Kyiv night window as 7 hours long on the night the clocks go forward', () => {
    render(
      <Harness
        initial={{
          firstDate: '2022-03-26',
          days: 2,
          startTime: '22:00',
          endTime: '06:00',
          timezone: 'Europe/Kyiv',
        }}
      />,
    );
    const items = within(screen.getByTestId('schedule-preview')).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('Sat 26 Mar 2022, 22:00 – 06:00');
    expect(items[0].textContent).toContain('7 hours');
    expect(items[1].textContent).toContain('8 hours');
    expect(screen.getByRole('heading', { name: '2 windows' })).toBeTruthy();
  });

  it('shows 9 hours on the night the clocks go back, and updates as the person edits the days', async () => {
    render(
      <Harness
        initial={{
          firstDate: '2022-10-29',
          days: 1,
          startTime: '22:00',
          endTime: '06:00',
          timezone: 'Europe/Kyiv',
        }}
      />,
    );
    expect(screen.getByTestId('schedule-preview').textContent).toContain('9 hours');
    const days = screen.getByLabelText('Number of days');
    await userEvent.clear(days);
    await userEvent.type(days, '3');
    expect(within(screen.getByTestId('schedule-preview')).getAllByRole('listitem')).toHaveLength(3);
  });

  it('says so, instead of showing windows, for a time zone that does not exist', () => {
    render(
      <Harness
        initial={{
          firstDate: '2022-05-05',
          days: 3,
          startTime: '08:00',
          endTime: '18:00',
          timezone: 'Europe/Atlantis',
        }}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('not a known time zone');
    expect(screen.queryByTestId('schedule-preview')).toBeNull();
  });
});
