import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Corridor, Role } from '../api/types';
import { aCorridor, aUser } from '../test-support/fixtures';
import { renderAt } from '../test-support/render';
import CorridorManage from './CorridorManage';

const NGO_A = 'org-a';
const NGO_B = 'org-b';

const corridor = aCorridor({ organisationId: NGO_A });

/** Shown to a signed-in `role` of `organisationId`; `rerender` shows it again with a newer corridor. */
function show(role: Role, organisationId: string) {
  const shown = renderAt('/corridors/c-1', <CorridorManage corridor={corridor} />, {
    queryData: [
      [['me'], aUser(role, organisationId)],
      [['parties'], []],
      [['locations'], []],
    ],
  });
  return { rerender: (c: Corridor) => shown.rerender(<CorridorManage corridor={c} />) };
}

function showAs(role: Role, organisationId: string) {
  show(role, organisationId);
  return {
    offers: ['add-window', 'edit-corridor', 'cancel-corridor'].filter(
      (id) => screen.queryByTestId(id) !== null,
    ),
    isOther: screen.queryByTestId('other-organisation') !== null,
  };
}

describe('CorridorManage offers what the policy allows', () => {
  it.each([
    ['admin', NGO_B, ['add-window', 'edit-corridor', 'cancel-corridor'], false],
    ['coordinator', NGO_A, ['add-window', 'edit-corridor', 'cancel-corridor'], false],
    ['reporter', NGO_A, ['add-window'], false],
    ['coordinator', NGO_B, [], true],
    ['reporter', NGO_B, [], true],
  ] as const)('a %s of %s', (role, organisation, offers, isOther) => {
    expect(showAs(role, organisation)).toEqual({ offers, isOther });
  });

  it('offers nothing to a viewer', () => {
    showAs('viewer', NGO_A);
    expect(screen.queryByTestId('corridor-manage')).toBeNull();
  });
});

describe('the edit form, when a newer version of the corridor is read', () => {
  function editAsCoordinator() {
    const { rerender } = show('coordinator', NGO_A);
    const name = () => within(screen.getByTestId('edit-form')).getByRole('textbox', { name: 'Corridor' });
    return { rerender, name };
  }

  it('takes it as the base when nothing was changed', () => {
    const form = editAsCoordinator();
    form.rerender({ ...corridor, version: 2, name: 'Mariupol → Zaporizhzhia (via Tokmak)' });
    expect(form.name()).toHaveProperty('value', 'Mariupol → Zaporizhzhia (via Tokmak)');
  });

  it('keeps what the person is typing', async () => {
    const form = editAsCoordinator();
    await userEvent.clear(form.name());
    await userEvent.type(form.name(), 'Mariupol → Berdiansk');
    form.rerender({ ...corridor, version: 2, name: 'Mariupol → Zaporizhzhia (via Tokmak)' });
    expect(form.name()).toHaveProperty('value', 'Mariupol → Berdiansk');
  });
});
