import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n';
import { Grade, GradeFilter } from './Grade';

function Filter({ onValue }: { onValue: (value: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <GradeFilter
      value={value}
      onChange={(next) => {
        setValue(next);
        onValue(next);
      }}
    />
  );
}

describe('the Admiralty grade of a claim', () => {
  afterEach(() => initI18n('en'));

  it('is its source letter and claim digit, explained in the tooltip', () => {
    initI18n('en');
    render(<Grade reliability="C" credibility={4} />);
    const grade = screen.getByTestId('grade');
    expect(grade.textContent).toBe('C4');
    expect(grade.title).toBe('Source C: fairly reliable; claim 4: doubtful');
  });

  it('is explained in Ukrainian to a Ukrainian reader', () => {
    initI18n('uk');
    render(<Grade reliability="F" credibility={6} />);
    expect(screen.getByTestId('grade').title).toBe(
      'Джерело F: надійність неможливо оцінити; твердження 6: достовірність неможливо оцінити',
    );
  });

  it('shows nothing when the server gave no grade', () => {
    const { container } = render(<Grade reliability={undefined} credibility={undefined} />);
    expect(container.textContent).toBe('');
  });

  it('is chosen as a minimum from both scales; F and 6 together ask for nothing', () => {
    initI18n('en');
    const values: string[] = [];
    render(<Filter onValue={(value) => values.push(value)} />);
    fireEvent.change(screen.getByLabelText('Source at least'), { target: { value: 'B' } });
    fireEvent.change(screen.getByLabelText('Claim at least'), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('Source at least'), { target: { value: 'F' } });
    fireEvent.change(screen.getByLabelText('Claim at least'), { target: { value: '6' } });
    expect(values).toEqual(['B6', 'B3', 'F3', '']);
  });
});
