import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Location, Role } from '../api/types';
import { fakeApi, page, reply } from '../test-support/fake-api';
import { aUser } from '../test-support/fixtures';
import { renderAt } from '../test-support/render';
import Places from './Places';

const NGO_A = 'org-a';
const NGO_B = 'org-b';

const place = (
  id: string,
  name: string,
  organisationId: string,
  extra: Partial<Location> = {},
): Location => ({
  id,
  name,
  names: {},
  aliases: [],
  lat: null,
  lon: null,
  adminArea: null,
  countryCode: null,
  timezone: null,
  organisationId,
  createdAt: '2022-04-01T00:00:00Z',
  ...extra,
});

/** The places API as the page meets it, kept in memory; gives the writes (not GET) sent so far, with their bodies. */
function serve(places: Location[], refuse?: { field: string; message: string }) {
  const api = fakeApi(({ method, path, body }) => {
    if (method === 'GET' && path.startsWith('/locations')) return page(places);
    if (method === 'GET') return page([]);
    if (refuse)
      return reply(
        {
          type: '/problems/validation',
          title: 'Invalid input',
          status: 400,
          detail: refuse.message,
          errors: [refuse],
        },
        400,
      );
    const changes = body as Partial<Location>;
    const index = places.findIndex((p) => p.id === path.split('/').pop());
    places[index] = {
      ...places[index],
      ...changes,
      names: changes.names ?? {},
      aliases: changes.aliases ?? [],
    };
    return reply(places[index]);
  });
  return () => api.calls.filter((c) => c.method !== 'GET');
}

function showAs(role: Role, organisationId: string) {
  renderAt('/places', <Places />, { queryData: [[['me'], aUser(role, organisationId)]] });
  return userEvent.setup();
}

describe('the places page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("offers a reporter Edit on its own organisation's places only (an admin edits any: below)", async () => {
    serve([place('l-1', 'Bilmac', NGO_A), place('l-2', 'Tokmak', NGO_B)]);
    showAs('reporter', NGO_A);
    const own = await screen.findByTestId('place-l-1');
    expect(within(own).queryByRole('button', { name: /Edit/ })).not.toBeNull();
    expect(within(screen.getByTestId('place-l-2')).queryByRole('button', { name: /Edit/ })).toBeNull();
  });

  it('puts a misspelt name right and gives the place its zone, sending only what changed', async () => {
    const writes = serve([
      place('l-1', 'Bilmac', NGO_A, {
        names: { ru: 'Бильмак' },
        aliases: ['Kuibysheve'],
        lat: 47.35,
        lon: 36.65,
      }),
    ]);
    const user = showAs('reporter', NGO_A);
    await user.click(await screen.findByRole('button', { name: 'Edit Bilmac' }));
    const form = screen.getByTestId('edit-place');
    const name = within(form).getByLabelText('Name of the place');
    await user.clear(name);
    await user.type(name, 'Bilmak');
    await user.type(within(form).getByLabelText('Name in Ukrainian'), 'Більмак');
    // Typed as Chromium names Kyiv: sent by its current name.
    await user.type(within(form).getByLabelText('Time zone'), 'Europe/Kiev');
    await user.click(within(form).getByRole('button', { name: 'Save the changes' }));

    await waitFor(() => expect(screen.queryByTestId('edit-place')).toBeNull());
    expect(writes()).toEqual([
      {
        method: 'PATCH',
        path: '/locations/l-1',
        body: { name: 'Bilmak', names: { ru: 'Бильмак', uk: 'Більмак' }, timezone: 'Europe/Kyiv' },
      },
    ]);
    const row = await screen.findByTestId('place-l-1');
    await waitFor(() => expect(within(row).getByText('Europe/Kyiv')).toBeTruthy());
  });

  it('sends nothing for half a position, an unknown zone or no change, and shows what the server refused', async () => {
    const writes = serve([place('l-1', 'Bilmak', NGO_A)], {
      field: 'aliases',
      message: 'each value in aliases must be shorter than or equal to 200 characters',
    });
    const user = showAs('admin', NGO_B);
    await user.click(await screen.findByRole('button', { name: 'Edit Bilmak' }));
    const form = screen.getByTestId('edit-place');
    const save = within(form).getByRole('button', { name: 'Save the changes' });

    await user.click(save);
    expect(within(form).getByRole('status').textContent).toBe('Nothing changed.');
    await user.type(within(form).getByLabelText('Latitude'), '47.35');
    await user.click(save);
    expect(within(form).getByText('Latitude from −90 to 90, longitude from −180 to 180.')).toBeTruthy();
    await user.clear(within(form).getByLabelText('Latitude'));
    await user.type(within(form).getByLabelText('Time zone'), 'Europe/Mariupol');
    await user.click(save);
    expect(within(form).getByText('Pick a zone from the list, such as Europe/Kyiv.')).toBeTruthy();
    expect(writes()).toEqual([]);

    await user.clear(within(form).getByLabelText('Time zone'));
    await user.type(within(form).getByLabelText(/Other spellings/), 'Bilmac');
    await user.click(save);
    expect(await within(form).findByRole('alert')).toHaveProperty(
      'textContent',
      expect.stringContaining('aliases'),
    );
    expect(writes().map((w) => w.body)).toEqual([{ aliases: ['Bilmac'] }]);
  });
});
