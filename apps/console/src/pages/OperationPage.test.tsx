import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CorridorPromise } from '../api/types';
import { initI18n } from '../i18n';
import { fakeApi, page, reply } from '../test-support/fake-api';
import { aCorridor } from '../test-support/fixtures';
import { renderAt } from '../test-support/render';
import OperationPage from './OperationPage';

const place = (id: string, name: string, names: Record<string, string>) => ({
  id,
  name,
  names,
  aliases: [],
  lat: 47,
  lon: 37,
  adminArea: null,
  countryCode: 'UA',
});
const corridor = (id: string, name: string, destinationId: string | null, promise: CorridorPromise) =>
  aCorridor({
    id,
    name,
    status: 'completed',
    promise,
    originId: 'azovstal',
    destinationId,
    operationId: 'op-3',
  });

// Operation 3 of May 2022: the Russian ceasefire, then the UN/ICRC convoy that carried its people.
function serve() {
  fakeApi(({ path }) => {
    if (path.startsWith('/parties'))
      return page([
        { id: 'ru-mod', name: 'Ministry of Defence', shortName: 'Russian MoD', kind: 'belligerent' },
        {
          id: 'un-hc',
          name: 'UN Humanitarian Coordinator',
          shortName: 'UN HC Ukraine',
          kind: 'humanitarian',
        },
        {
          id: 'icrc',
          name: 'International Committee of the Red Cross',
          shortName: 'ICRC',
          kind: 'humanitarian',
        },
      ]);
    if (path.startsWith('/locations'))
      return page([
        place('azovstal', 'Azovstal Iron and Steel Works', { uk: 'Азовсталь' }),
        place('zaporizhzhia', 'Zaporizhzhia', { uk: 'Запоріжжя', ru: 'Запорожье' }),
      ]);
    if (path === '/corridors/c-ceasefire')
      return reply(
        corridor('c-ceasefire', 'Azovstal: Russian ceasefire corridor, 5-7 May', null, 'unconfirmed'),
      );
    if (path === '/corridors/c-convoy')
      return reply(corridor('c-convoy', 'UN/ICRC safe passage operation 3', 'zaporizhzhia', 'kept'));
    if (path === '/operations/op-3')
      return reply({
        id: 'op-3',
        name: 'Third safe passage operation (UN/ICRC), 5-8 May',
        corridorIds: ['c-ceasefire', 'c-convoy'],
        facilitatorIds: ['icrc'],
        sourceUrl: 'https://press.un.org/en/2022/sc14882.doc.htm',
        note: 'About 40 people evacuated from Azovstal',
        version: 1,
        organisationId: 'org-1',
        evacuation: {
          total: {
            low: 40,
            high: 174,
            bySource: [
              {
                sourcePartyId: 'ru-mod',
                count: { qualifier: 'exact', value: 51 },
                reportedAt: '2022-05-07T09:00:00Z',
                sourceReliability: 'D',
                credibility: 3,
              },
              {
                sourcePartyId: 'un-hc',
                count: { qualifier: 'exact', value: 174 },
                reportedAt: '2022-05-08T19:52:00Z',
                sourceReliability: 'A',
                credibility: 2,
              },
            ],
          },
          windows: [],
        },
      });
    return undefined;
  });
}

const show = () => renderAt('/operations/op-3', { '/operations/:id': OperationPage });

describe('the operation page', () => {
  beforeEach(() => serve());
  afterEach(() => {
    vi.unstubAllGlobals();
    initI18n('en');
  });

  it('lists its stages in order, each linked, and the people it moved counted once with every claim', async () => {
    initI18n('en');
    show();
    expect(
      await screen.findByRole('heading', { name: 'Third safe passage operation (UN/ICRC), 5-8 May' }),
    ).toBeTruthy();
    const stages = within(screen.getByTestId('operation-stages')).getAllByRole('listitem');
    expect(
      await within(stages[1]).findByRole('link', { name: 'UN/ICRC safe passage operation 3' }),
    ).toHaveProperty('href', expect.stringMatching(/\/corridors\/c-convoy$/));
    expect(stages[0].textContent).toContain('Azovstal: Russian ceasefire corridor, 5-7 May');
    expect(stages[0].textContent).toContain('any direction');
    expect(screen.getByTestId('operation-total').textContent).toMatch(/^40–174 people/);
    const claims = within(screen.getByTestId('operation-claims')).getAllByRole('listitem');
    expect(claims.map((c) => c.textContent?.split(' (')[0])).toEqual([
      'Russian MoD: 51 D3',
      'UN HC Ukraine: 174 A2',
    ]);
    // Both stages completed: the ceasefire Ukraine never confirmed in amber, the convoy that kept its promise green.
    const badges = await within(screen.getByTestId('operation-stages')).findAllByTestId('corridor-badge');
    expect(badges.map((b) => [b.textContent, b.dataset.tone])).toEqual([
      ['! completed · promise unconfirmed', 'warning'],
      ['✓ completed · promise kept', 'ok'],
    ]);
    expect(await screen.findByText('ICRC')).toBeTruthy();
  });

  it('names the places of its stages in Ukrainian for a Ukrainian reader', async () => {
    initI18n('uk');
    show();
    const stages = await screen.findByTestId('operation-stages');
    expect(await within(stages).findByText(/Азовсталь → Запоріжжя/)).toBeTruthy();
  });
});
