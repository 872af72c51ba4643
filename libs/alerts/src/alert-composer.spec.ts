import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '#cw/config';
import { NO_EMBARGO } from '#cw/domain';
import type { AlertCorridor, AlertFlag, DigestFacts, SubscriptionEntity } from '#cw/persistence';
import { AlertComposer } from './alert-composer.js';

const at = (iso: string) => new Date(iso);
const composer = new AlertComposer(loadConfig({ PUBLIC_URL: 'https://watch.example.org' }));

const subscription: SubscriptionEntity = {
  id: 's1',
  organisationId: 'o1',
  email: 'kyiv@ngo.example',
  mode: 'immediate',
  digestHour: null,
  timezone: 'Europe/Kyiv',
  language: 'en',
  minSeverity: 'info',
  corridorIds: null,
  partyIds: null,
  nextDigestAt: null,
  lastDigestAt: null,
  createdById: null,
  createdAt: at('2022-04-01T00:00:00Z'),
  endedAt: null,
  endReason: null,
};

// The Russian ceasefire corridor of 5-7 May 2022: people got out, Ukraine never confirmed it.
const may5to7: AlertCorridor = {
  ...NO_EMBARGO,
  id: 'c1',
  organisationId: 'o1',
  name: 'Azovstal: Russian ceasefire corridor, 5-7 May',
  timezone: 'Europe/Moscow',
  announcedById: 'ru-mod',
  announcedByName: 'Russian MoD',
  announcedAt: at('2022-05-04T09:00:00Z'),
  placeTimezone: 'Europe/Kyiv',
  originName: 'Azovstal',
  destinationName: null,
  originNames: { uk: 'Азовсталь', ru: 'Азовсталь' },
  destinationNames: {},
  sourceUrl: null,
  sourceNote: null,
  isCancelled: false,
  status: 'completed',
  promise: 'unconfirmed',
  evacuationLow: 40,
  evacuationHigh: 51,
  requiredParties: [{ id: 'ua-gov', name: 'Government of Ukraine' }],
  confirmations: [
    {
      partyId: 'ua-gov',
      partyName: 'Government of Ukraine',
      stance: 'conditional',
      statedAt: at('2022-05-05T06:00:00Z'),
      reportedById: 'un-hc',
      reportedByName: 'UN Humanitarian Coordinator',
      note: null,
      sourceUrl: null,
    },
  ],
};

const neverConfirmed: AlertFlag = {
  id: 'f1',
  corridorId: 'c1',
  windowId: 'w1',
  rule: 'never_confirmed',
  severity: 'critical',
  raisedAt: at('2022-05-07T15:00:00Z'),
  resolvedAt: null,
  windowStartsAt: at('2022-05-07T05:00:00Z'),
  windowEndsAt: at('2022-05-07T15:00:00Z'),
  windowIsOpenEnded: false,
};

describe('alert e-mails', () => {
  it('never show a status without the promise beside it: completed, but unconfirmed', () => {
    const mail = composer.flagAlert(subscription, neverConfirmed, may5to7, 'https://u');
    expect(mail.text).toContain(
      'Status: completed. Promise unconfirmed: people moved, but a required party never confirmed.',
    );
    expect(mail.html).toContain(
      '<p>Status: completed. Promise unconfirmed: people moved, but a required party never confirmed.</p>',
    );
  });

  it("give the announcement's time in the place's zone and the reader's, each named, once when they agree", () => {
    const inLondon = { ...subscription, timezone: 'Europe/London' };
    expect(composer.flagAlert(inLondon, neverConfirmed, may5to7, 'https://u').text).toContain(
      'Announced by Russian MoD on 4 May 2022, 12:00 (Europe/Kyiv, UTC+3); 4 May 2022, 10:00 (Europe/London, UTC+1)',
    );
    expect(composer.flagAlert(subscription, neverConfirmed, may5to7, 'https://u').text).toContain(
      'Announced by Russian MoD on 4 May 2022, 12:00 (Europe/Kyiv, UTC+3)\n',
    );
  });

  it('say who reported a stance the party did not state itself', () => {
    const mail = composer.flagAlert(subscription, neverConfirmed, may5to7, 'https://u');
    expect(mail.text).toContain(
      '- Government of Ukraine: conditional, as reported by UN Humanitarian Coordinator, 5 May 2022, 09:00',
    );
  });

  it('say an open-ended window has no end, and when it is judged', () => {
    const ceasefire = {
      ...neverConfirmed,
      windowStartsAt: at('2022-04-25T11:00:00Z'),
      windowEndsAt: at('2022-04-26T11:00:00Z'),
      windowIsOpenEnded: true,
    };
    const mail = composer.flagAlert(subscription, ceasefire, { ...may5to7, promise: 'broken' }, 'https://u');
    expect(mail.text).toContain(
      '25 April 2022, 14:00 (Europe/Kyiv, UTC+3) onwards, no end announced (judged as ending 26 April 2022, 14:00 (Europe/Kyiv, UTC+3))',
    );
    expect(mail.text).toContain(
      'Promise broken: a required party rejected it, or nobody is reported to have moved.',
    );
  });

  it('name each corridor of a digest with its status and promise', () => {
    const facts: DigestFacts = {
      windows: [],
      flagEvents: [
        {
          seq: 1,
          kind: 'raised',
          flagId: 'f1',
          corridorId: 'c1',
          rule: 'never_confirmed',
          severity: 'critical',
          at: at('2022-05-07T15:00:00Z'),
          windowStartsAt: at('2022-05-07T05:00:00Z'),
          windowEndsAt: at('2022-05-07T15:00:00Z'),
          windowIsOpenEnded: false,
        },
      ],
      evacuations: [
        {
          corridorId: 'c1',
          sourcePartyName: 'Government of Ukraine',
          reportedAt: at('2022-05-07T09:00:00Z'),
          qualifier: 'exact',
          value: 50,
          max: null,
          category: 'civilians',
          note: null,
        },
      ],
      corridors: new Map([['c1', may5to7]]),
    };
    const digest = composer.digest(
      { ...subscription, mode: 'daily', digestHour: 7 },
      '2022-05-08',
      at('2022-05-07T04:00:00Z'),
      at('2022-05-08T04:00:00Z'),
      facts,
      'https://u',
    );
    expect(digest.text).toContain(
      '- critical promise never confirmed: Azovstal: Russian ceasefire corridor, 5-7 May (completed, promise unconfirmed), window',
    );
    expect(digest.text).toContain(
      '- Azovstal: Russian ceasefire corridor, 5-7 May (completed, promise unconfirmed): 50',
    );
  });

  it('write to a Ukrainian subscriber in Ukrainian: words, dates, place names and the plural of people', () => {
    const ukrainian = { ...subscription, language: 'uk', mode: 'daily', digestHour: 7 };
    const mail = composer.flagAlert(ukrainian, neverConfirmed, may5to7, 'https://u');
    expect(mail.subject).toBe(
      '[Corridor Watch] КРИТИЧНО: Azovstal: Russian ceasefire corridor, 5-7 May - обіцянку так і не підтверджено',
    );
    expect(mail.text).toContain('Коридор з пункту Азовсталь в будь-якому напрямку.');
    expect(mail.text).toContain('Стан: завершено. Обіцянка: не підтверджено: люди виїхали');
    expect(mail.text).toContain('з 7 травня 2022, 08:00 (Europe/Kyiv, UTC+3) до 7 травня 2022, 18:00');
    expect(mail.html).toContain('<html lang="uk">');
    expect(mail.text).toContain('Відписатися: https://u');
    const facts: DigestFacts = {
      windows: [],
      flagEvents: [],
      evacuations: [1, 3, 300].map((value) => ({
        corridorId: 'c1',
        sourcePartyName: 'Government of Ukraine',
        reportedAt: at('2022-05-07T09:00:00Z'),
        qualifier: 'exact',
        value,
        max: null,
        category: 'civilians',
        note: null,
      })),
      corridors: new Map([['c1', may5to7]]),
    };
    const digest = composer.digest(
      ukrainian,
      '2022-05-08',
      at('2022-05-07T04:00:00Z'),
      at('2022-05-08T04:00:00Z'),
      facts,
      'https://u',
    );
    expect(digest.subject).toBe('[Corridor Watch] Підсумок 2022-05-08: вікон — 0, нових сигналів — 0');
    for (const people of ['1 цивільний', '3 цивільних', '300 цивільних']) {
      expect(digest.text).toContain(`Government of Ukraine: ${people}, 7 травня 2022, 12:00`);
    }
    expect(digest.text).toContain('(завершено, обіцянка: не підтверджено)');
  });

  it("give a window's times in the subscriber's zone and, when another, the zone of the corridor's place", () => {
    const london = { ...subscription, timezone: 'Europe/London' };
    const mail = composer.flagAlert(london, neverConfirmed, may5to7, 'https://u');
    expect(mail.text).toContain(
      '  7 May 2022, 06:00 (Europe/London, UTC+1) to 7 May 2022, 16:00 (Europe/London, UTC+1)\n' +
        '  7 May 2022, 08:00 (Europe/Kyiv, UTC+3) to 7 May 2022, 18:00 (Europe/Kyiv, UTC+3)\n',
    );
    const kyiv = composer.flagAlert(subscription, neverConfirmed, may5to7, 'https://u');
    expect(kyiv.text.match(/7 May 2022, 08:00/g)).toHaveLength(1);
  });
});
