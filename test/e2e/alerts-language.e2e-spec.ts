import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newId } from '#cw/common';
import { FlagRepository } from '#cw/persistence';
import { createKey, createMember } from '../support/accounts.js';
import type { ApiHarness } from '../support/api-harness.js';
import { Fixtures } from '../support/fixtures.js';
import { expectProblem } from '../support/problems.js';
import type { ReceivedMail, SmtpSink } from '../support/smtp-sink.js';
import { availableDialects } from '../support/test-database.js';
import { startWorkerStack, TEST_APP_SECRET, type WorkerStack } from '../support/worker-stack.js';

const PUBLIC_URL = 'https://watch.example.org';

// A Ukrainian organisation's people get their alerts, digests and unsubscribe page in Ukrainian unless they choose
// English; a window's times come in the subscriber's zone and the zone of the corridor's place (Mariupol: Kyiv),
// not the zone it was announced in (New York). Through the real api, worker, Redis and SMTP server.
describe.each(availableDialects())('alert e-mails in the subscriber’s language on %s', (dialect) => {
  let stack: WorkerStack;
  let api: ApiHarness;
  let smtp: SmtpSink;
  let auth: { Authorization: string };
  let adminAuth: { Authorization: string };
  let organisationId: string;
  let corridorId: string;
  let windowId: string;
  let un: string;

  const subscribe = async (body: Record<string, unknown>) => {
    const response = await api.http.post('/api/v1/subscriptions').set(auth).send(body);
    expect(`${response.status} ${JSON.stringify(response.body)}`).toMatch(/^201 /);
    return response.body as { id: string; language: string; nextDigestAt: string | null };
  };
  const mailTo = (address: string) => smtp.waitFor(address).then((mails) => mails[0]);
  const unsubscribePath = (mail: ReceivedMail) =>
    /<(https:\/\/[^>]+)>/
      .exec(/^List-Unsubscribe: (.*)$/im.exec(mail.raw.replace(/\r?\n[ \t]+/g, ' '))![1])![1]
      .replace(PUBLIC_URL, '');

  beforeAll(async () => {
    stack = await startWorkerStack(dialect, 'alerts-language', {
      smtp: true,
      env: { PUBLIC_URL, APP_SECRET: TEST_APP_SECRET },
    });
    ({ api, smtp } = stack);
    const organisation = await api.http
      .post('/api/v1/organisations')
      .set(api.auth)
      .send({ name: 'Українська ініціатива', language: 'uk' });
    expect(organisation.body).toMatchObject({ language: 'uk' });
    organisationId = organisation.body.id as string;
    adminAuth = (await createKey(api, api.auth)).auth;
    const member = await createMember(api, organisation.body.id as string, 'coordinator', 'koord@ngo.test');
    // An API key: the test moves the clock past a session's idle time.
    auth = (await createKey(api, member.auth)).auth;
    const fx = new Fixtures(api);
    const ruMod = await fx.party('Ministry of Defence of the Russian Federation');
    const uaGov = await fx.party('Government of Ukraine');
    un = await fx.party('United Nations OCHA', 'humanitarian');
    const place = async (body: Record<string, unknown>) =>
      (await api.http.post('/api/v1/locations').set(api.auth).send(body)).body.id as string;
    const mariupol = await place({ name: 'Mariupol', names: { uk: 'Маріуполь' }, timezone: 'Europe/Kiev' });
    const zaporizhzhia = await place({
      name: 'Zaporizhzhia',
      names: { uk: 'Запоріжжя' },
      timezone: 'Europe/Kyiv',
    });
    const created = await fx.corridor({
      name: 'UN/ICRC operation',
      originId: mariupol,
      destinationId: zaporizhzhia,
      announcedById: ruMod,
      announcedAt: '2022-05-04T20:00:00-04:00',
      timezone: 'America/New_York',
      requiredConfirmationIds: [uaGov],
      windows: [{ startsAt: '2023-06-01T08:00:00+03:00', endsAt: '2023-06-01T18:00:00+03:00' }],
    });
    corridorId = created.id;
    windowId = (created.body.windows as { id: string }[])[0].id;
    api.clock.set('2023-05-31T12:00:00Z');
    await stack.startWorker({ ALERT_INTERVAL_MS: '200' });
  });

  afterAll(() => stack?.close());

  it("takes the organisation's language for a subscription that names none, and refuses one it does not speak", async () => {
    expect(
      (
        await subscribe({
          email: 'uk@ngo.test',
          mode: 'immediate',
          timezone: 'Europe/London',
          minSeverity: 'critical',
        })
      ).language,
    ).toBe('uk');
    expect(
      (
        await subscribe({
          email: 'en@ngo.test',
          mode: 'immediate',
          timezone: 'Europe/London',
          minSeverity: 'critical',
          language: 'en',
        })
      ).language,
    ).toBe('en');
    const refused = await api.http
      .post('/api/v1/subscriptions')
      .set(auth)
      .send({ email: 'de@ngo.test', mode: 'immediate', minSeverity: 'critical', language: 'de' });
    expectProblem(refused, 400, 'validation', 'language');
    const listed = await api.http.get('/api/v1/subscriptions').set(auth);
    expect((listed.body.items as { email: string }[]).map((s) => s.email).sort()).toEqual([
      'en@ngo.test',
      'uk@ngo.test',
    ]);
  });

  it("changes an organisation's language for the subscriptions made after, audited; refuses a language it does not speak", async () => {
    const patch = (id: string, body: object) =>
      api.http.patch(`/api/v1/organisations/${id}`).set(adminAuth).send(body);
    expectProblem(await patch(organisationId, { language: 'de' }), 400, 'validation', 'language');
    expect((await patch(randomUUID(), { language: 'en' })).status).toBe(404);
    expect(
      (await api.http.patch(`/api/v1/organisations/${organisationId}`).set(auth).send({ language: 'en' }))
        .status,
    ).toBe(403);
    const changed = await patch(organisationId, { language: 'en' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: organisationId, language: 'en' });
    const later = await subscribe({ email: 'later@ngo.test', mode: 'immediate', minSeverity: 'critical' });
    expect(later.language).toBe('en');
    await api.http.delete(`/api/v1/subscriptions/${later.id}`).set(auth).expect(204);
    // The subscriptions made before keep their language.
    const listed = (await api.http.get('/api/v1/subscriptions').set(auth)).body.items as {
      email: string;
      language: string;
    }[];
    expect(listed.find((s) => s.email === 'uk@ngo.test')?.language).toBe('uk');
    const audited = await api.db.all<{ before: string; after: string }>(
      "SELECT before, after FROM audit_entry WHERE action = 'organisation.update' AND entity_id = :id",
      { id: organisationId },
    );
    expect(audited.map((e) => [JSON.parse(e.before), JSON.parse(e.after)])).toEqual([
      [{ language: 'uk' }, { language: 'en' }],
    ]);
    expect((await patch(organisationId, { language: 'uk' })).body.language).toBe('uk');
  });

  it("mails a flag in each subscriber's language, with the window in their zone and the place's", async () => {
    const flagId = newId();
    await api.db.transaction((tx) =>
      api.app
        .get(FlagRepository)
        .raise(
          [{ id: flagId, corridorId, windowId, rule: 'never_confirmed', severity: 'critical' }],
          api.clock.now(),
          tx,
        ),
    );
    const ukrainian = await mailTo('uk@ngo.test');
    expect(ukrainian.parsed.subject).toBe(
      '[Corridor Watch] КРИТИЧНО: UN/ICRC operation - обіцянку так і не підтверджено',
    );
    const text = ukrainian.parsed.text ?? '';
    expect(text).toContain('Коридор з пункту Маріуполь до пункту Запоріжжя.');
    expect(text).toMatch(/Не підтвердили\n\s+- Government of Ukraine/);
    expect(text).toContain(
      'з 1 червня 2023, 06:00 (Europe/London, UTC+1) до 1 червня 2023, 16:00 (Europe/London, UTC+1)',
    );
    expect(text).toContain(
      'з 1 червня 2023, 08:00 (Europe/Kyiv, UTC+3) до 1 червня 2023, 18:00 (Europe/Kyiv, UTC+3)',
    );
    expect(text).not.toContain('America/New_York');
    expect(String(ukrainian.parsed.html)).toContain('<html lang="uk">');
    const english = await mailTo('en@ngo.test');
    expect(english.parsed.subject).toBe(
      '[Corridor Watch] CRITICAL: UN/ICRC operation - promise never confirmed',
    );
    expect(english.parsed.text).toContain('A corridor from Mariupol to Zaporizhzhia.');
    expect(english.parsed.text).toContain('1 June 2023, 08:00 (Europe/Kyiv, UTC+3) to 1 June 2023, 18:00');
  });

  it('asks, and says it is done, in Ukrainian on the unsubscribe page of a Ukrainian subscription', async () => {
    const path = unsubscribePath(await mailTo('uk@ngo.test'));
    const page = await api.http.get(path);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="uk">');
    expect(page.text).toContain('<h1>Відписатися?</h1>');
    expect(page.text).toContain('uk@ngo.test більше не отримуватиме сповіщень Corridor Watch');
    const done = await api.http
      .post(path)
      .set('Accept', 'text/html')
      .type('form')
      .send('List-Unsubscribe=One-Click');
    expect(done.text).toContain('<h1>Ви відписалися</h1>');
    const english = await api.http.get(unsubscribePath(await mailTo('en@ngo.test')));
    expect(english.text).toContain('<h1>Unsubscribe?</h1>');
  });

  it('writes a Ukrainian digest with each count of people in the form its number takes', async () => {
    const subscription = await subscribe({
      email: 'digest-uk@ngo.test',
      mode: 'daily',
      digestHour: 7,
      timezone: 'Europe/Kyiv',
      minSeverity: 'info',
    });
    for (const [value, reportedAt] of [
      [1, '2023-05-31T10:00:00Z'],
      [3, '2023-05-31T10:05:00Z'],
      [300, '2023-05-31T10:10:00Z'],
    ] as const) {
      const stored = await api.http
        .post(`/api/v1/corridors/${corridorId}/evacuations`)
        .set(auth)
        .send({ sourcePartyId: un, reportedAt, count: { qualifier: 'exact', value }, category: 'civilians' });
      expect(stored.status).toBe(201);
    }
    api.clock.set(subscription.nextDigestAt!);
    const digest = await mailTo('digest-uk@ngo.test');
    expect(digest.parsed.subject).toMatch(/^\[Corridor Watch\] Підсумок 2023-06-01: /);
    const text = digest.parsed.text ?? '';
    expect(text).toContain('Щоденний підсумок Corridor Watch, 2023-06-01');
    for (const people of ['1 цивільний', '3 цивільних', '300 цивільних']) {
      expect(text).toContain(`United Nations OCHA: ${people}, 31 травня 2023`);
    }
    expect(text).toContain('Відписатися: ');
  });
});
