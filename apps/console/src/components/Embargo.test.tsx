import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n';
import { formatWhen, whenParts } from '../lib/time';
import { EmbargoBadge, EmbargoField, NO_EMBARGO_DRAFT, toEmbargo, type EmbargoDraft } from './Embargo';

beforeAll(() => {
  initI18n('en');
});

const NOW = new Date('2022-05-03T09:00:00Z');

/** The field as a form holds it, with what the form would send under it. */
function Harness() {
  const [value, setValue] = useState<EmbargoDraft>(NO_EMBARGO_DRAFT);
  const held = toEmbargo(value, NOW);
  return (
    <>
      <EmbargoField value={value} onChange={setValue} error={held.error} />
      <output data-testid="sent">{JSON.stringify(held.embargo ?? null)}</output>
    </>
  );
}

describe('the embargo control of the corridor and report forms', () => {
  it('shares at once unless asked, then holds until the windows end or until a time to come', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const sent = () => screen.getByTestId('sent').textContent;
    expect(screen.getByRole('radio', { name: 'Share at once' })).toHaveProperty('checked', true);
    expect(sent()).toBe('null');
    expect(screen.queryByLabelText(/Held until/)).toBeNull();

    await user.click(screen.getByRole('radio', { name: "Until the corridor's windows have ended" }));
    expect(sent()).toBe('{"untilWindowsEnd":true}');

    await user.click(screen.getByRole('radio', { name: 'Until a time' }));
    expect(screen.getByRole('alert').textContent).toBe('Give the time the embargo lifts.');
    const time = screen.getByLabelText(/Held until/);
    await user.type(time, '2022-05-01T10:00');
    expect(screen.getByRole('alert').textContent).toBe('The embargo must lift at a time still to come.');
    expect(time.getAttribute('aria-invalid')).toBe('true');
    await user.clear(time);
    await user.type(time, '2022-05-04T18:00');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(JSON.parse(sent() ?? 'null')).toEqual({ until: new Date('2022-05-04T18:00').toISOString() });
  });
});

describe('the embargo badge on a corridor and a claim', () => {
  const held = {
    until: '2022-05-03T15:00:00.000Z',
    untilWindowsEnd: false,
    liftsAt: '2022-05-03T15:00:00.000Z',
    liftedAt: null,
    isInForce: true,
  };

  it('says until when, in the zone given, while the embargo holds', () => {
    render(<EmbargoBadge embargo={held} zone="Europe/Kyiv" />);
    const badge = screen.getByText(/^Embargoed until /);
    expect(badge.textContent).toBe(
      `Embargoed until ${formatWhen(whenParts(held.liftsAt, 'Europe/Kyiv', 'en'), 'yours')}`,
    );
    expect(badge.textContent).toContain('18:00 Europe/Kyiv');
    expect(badge.getAttribute('title')).toContain('other organisations do not see this');
  });

  it('says "until the windows end" before the corridor has a window to end, in the viewer zone otherwise', () => {
    const { rerender } = render(
      <EmbargoBadge embargo={{ ...held, until: null, untilWindowsEnd: true, liftsAt: null }} />,
    );
    expect(screen.getByText('Embargoed until the windows end')).toBeTruthy();
    rerender(<EmbargoBadge embargo={held} />);
    expect(
      screen.getByText(`Embargoed until ${formatWhen(whenParts(held.liftsAt, null, 'en'), 'yours')}`),
    ).toBeTruthy();
  });

  it('shows nothing once lifted, nor on a record that never had an embargo', () => {
    const { container, rerender } = render(
      <EmbargoBadge embargo={{ ...held, liftedAt: '2022-05-03T15:00:30.000Z', isInForce: false }} />,
    );
    expect(container.textContent).toBe('');
    rerender(<EmbargoBadge embargo={undefined} />);
    expect(container.textContent).toBe('');
  });
});
