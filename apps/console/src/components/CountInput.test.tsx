import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18n, initI18n } from '../i18n';
import { formatCount } from '../lib/format';
import { CountInput, emptyCount, toCount, type CountDraft } from './CountInput';

beforeAll(() => {
  initI18n('en');
});

function Harness({ onCount }: { onCount: (r: ReturnType<typeof toCount>) => void }) {
  const [value, setValue] = useState<CountDraft>(emptyCount);
  return (
    <CountInput
      legend="People evacuated"
      value={value}
      onChange={(next) => {
        setValue(next);
        onCount(toCount(next));
      }}
    />
  );
}

describe('the count-precision input', () => {
  it('turns each precision into the API count', () => {
    expect(toCount({ qualifier: 'exact', value: '344', max: '' })).toEqual({
      count: { qualifier: 'exact', value: 344 },
    });
    expect(toCount({ qualifier: 'at_least', value: '300', max: '' })).toEqual({
      count: { qualifier: 'at_least', value: 300 },
    });
    expect(toCount({ qualifier: 'range', value: '130', max: '150' })).toEqual({
      count: { qualifier: 'range', value: 130, max: 150 },
    });
  });

  it('refuses a negative, fractional or missing figure, and a range whose ends are out of order', () => {
    expect(toCount({ qualifier: 'exact', value: '-1', max: '' }).error).toBe('count.error.value');
    expect(toCount({ qualifier: 'about', value: '2.5', max: '' }).error).toBe('count.error.value');
    expect(toCount({ qualifier: 'exact', value: '', max: '' }).error).toBe('count.error.value');
    expect(toCount({ qualifier: 'range', value: '150', max: '130' }).error).toBe('count.error.order');
    expect(toCount({ qualifier: 'range', value: '150', max: '' }).error).toBe('count.error.max');
  });

  it('asks for the upper end only when the person picks a range, with every control labelled', async () => {
    let last: ReturnType<typeof toCount> = {};
    render(<Harness onCount={(r) => (last = r)} />);
    expect(screen.queryByLabelText('At most')).toBeNull();
    await userEvent.click(screen.getByLabelText('range'));
    await userEvent.type(screen.getByLabelText('At least'), '300');
    await userEvent.type(screen.getByLabelText('At most'), '344');
    expect(last).toEqual({ count: { qualifier: 'range', value: 300, max: 344 } });
    await userEvent.click(screen.getByLabelText('about'));
    expect(screen.queryByLabelText('At most')).toBeNull();
    expect(last).toEqual({ count: { qualifier: 'about', value: 300 } });
  });

  it('reads a count back the way sources say it', () => {
    const { t } = i18n();
    expect(formatCount({ qualifier: 'at_least', value: 320 }, t, 'en')).toBe('at least 320');
    expect(formatCount({ qualifier: 'range', value: 130, max: 150 }, t, 'en')).toBe('130–150');
    expect(formatCount({ qualifier: 'exact', value: 344 }, t, 'en')).toBe('344');
  });
});
