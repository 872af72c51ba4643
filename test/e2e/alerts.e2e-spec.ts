import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newId } from '#cw/common';
import { FlagRepository } from '#cw/persistence';
import type { ApiHarness } from '../support/api-harness.js';
import { Fixtures } from '../support/fixtures.js';
import type { ReceivedMail, SmtpSink } from '../support/smtp-sink.js';
import { availableDialects } from '../support/test-database.js';
import { eventually } from '../support/worker-harness.js';
import { startWorkerStack, TEST_APP_SECRET, type WorkerStack } from '../support/worker-stack.js';

const PUBLIC_URL = 'https://watch.example.org';
const NOTE = 'Only if <script>alert("x")</script> & <b>the convoy</b> waits';

// Through the real api, the real worker on Redis and a real SMTP server; the test moves the worker's clock.
describe.each(availableDialects())('alert e-mails on %s', (dialect) => {
  let stack: WorkerStack;
  let api: ApiHarness;
  let fx: Fixtures;
  let smtp: SmtpSink;
  let parties: Awaited<ReturnType<Fixtures['azovstal']>>;
  let corridorId: string;
  let windowId: string;

  const subscribe = async (body: Record<string, unknown>) => {
    const response = await api.http.post('/api/v1/subscriptions').set(auth).send(body);
    expect(response.status).toBe(201);
    return response.body as { id: string; nextDigestAt: string | null };
  };
  /** Raises a flag as the evaluation would, with its 'raised' event: what the alerts consume. */
  const raise = async (rule: string, severity: string, window = windowId, corridor = corridorId) => {
    const flagId = newId();
    await api.db.transaction((tx) =>
      api.app
        .get(FlagRepository)
        .raise([{ id: flagId, corridorId: corridor, windowId: window, rule, severity }], api.clock.now(), tx),
    );
    return flagId;
  };
  /** A header as it was sent (mailparser turns List-* headers into objects). */
  const header = (mail: ReceivedMail, name: string) =>
    new RegExp(`^${name}: (.*)$`, 'im').exec(
      mail.raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' '),
    )?.[1];
  let auth: { Authorization: string };
  const mailTo = (address: string, count = 1) => smtp.waitFor(address, count);
  const deliveryRows = (email: string) =>
    api.db
      .all<{ status: string; attempts: number | string }>(
        'SELECT status, attempts FROM alert_delivery WHERE email = :email',
        {
          email,
        },
      )
      .then((rows) => rows.map((row) => ({ status: row.status, attempts: Number(row.attempts) })));

  beforeAll(async () => {
    stack = await startWorkerStack(dialect, 'alerts', {
      smtp: true,
      env: { PUBLIC_URL, APP_SECRET: TEST_APP_SECRET },
    });
    ({ api, smtp } = stack);
    fx = new Fixtures(api);
    // An API key, not the session: the test moves the clock by months and a session would end.
    const key = await api.http
      .post('/api/v1/api-keys')
      .set(api.auth)
      .send({ name: 'alerts test', scopes: ['read', 'write'] });
    auth = { Authorization: `Bearer ${key.body.key as string}` };
    parties = await fx.azovstal();
    const created = await fx.corridor({
      name: 'Azovstal to Zaporizhzhia',
      originId: parties.azovstal,
      destinationId: parties.zaporizhzhia,
      announcedById: parties.ruMod,
      announcedAt: '2022-05-04T20:00:00+03:00',
      timezone: 'Europe/Moscow',
      sourceNote: 'The corridor opens <i>"during certain hours"</i>',
      windows: [{ startsAt: '2023-06-01T08:00:00+03:00', endsAt: '2023-06-01T18:00:00+03:00' }],
    });
    corridorId = created.id;
    windowId = (created.body.windows as { id: string }[])[0].id;
    await fx.report(corridorId, 'confirmations', {
      partyId: parties.uaGov,
      stance: 'conditional',
      statedAt: '2022-05-05T09:00:00+03:00',
      note: NOTE,
    });
    await stack.startWorker({ ALERT_INTERVAL_MS: '200', ALERT_RETRY_BASE_MS: '1000' });
  });

  afterAll(() => stack?.close());

  it('mails a never_confirmed flag at once: what was promised, by whom, who did not confirm, both zones, the link; report text escaped', async () => {
    await subscribe({
      email: 'kyiv@ngo.test',
      mode: 'immediate',
      timezone: 'Europe/Kyiv',
      minSeverity: 'critical',
    });
    await raise('never_confirmed', 'critical');
    const [mail] = await mailTo('kyiv@ngo.test');
    const { parsed } = mail;
    expect(parsed.subject).toContain('CRITICAL: Azovstal to Zaporizhzhia');
    const text = parsed.text ?? '';
    expect(text).toContain('promise never confirmed');
    expect(text).toContain('A corridor from Azovstal Iron and Steel Works to Zaporizhzhia.');
    expect(text).toContain('Announced by Ministry of Defence of the Russian Federation');
    expect(text).toMatch(/Did not confirm\n\s+- Government of Ukraine/);
    expect(text).toMatch(/Status: \w+\. Promise (not settled yet|kept|unconfirmed|broken|cancelled)/);
    // The window in the subscriber's zone and in the corridor's announced zone, each named.
    expect(text).toContain(
      '1 June 2023, 08:00 (Europe/Kyiv, UTC+3) to 1 June 2023, 18:00 (Europe/Kyiv, UTC+3)',
    );
    expect(text).toContain('1 June 2023, 08:00 (Europe/Moscow, UTC+3)');
    expect(text).toContain(`${PUBLIC_URL}/corridors/${corridorId}`);
    expect(text).toContain(NOTE); // plain text stays as written
    const html = String(parsed.html);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>the convoy</b>');
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;the convoy&lt;/b&gt;',
    );
    expect(html).toContain('&lt;i&gt;&quot;during certain hours&quot;&lt;/i&gt;');
    expect(html).toContain(`href="${PUBLIC_URL}/corridors/${corridorId}"`);
    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(header(mail, 'List-Unsubscribe')).toMatch(
      new RegExp(`^<${PUBLIC_URL}/api/v1/unsubscribe\\?token=[\\w.-]+>$`),
    );
    // The mail arrives before the worker has recorded the SMTP server's answer.
    const rows = await eventually(
      () => deliveryRows('kyiv@ngo.test'),
      (found) => found[0]?.status !== 'sending',
    );
    expect(rows).toEqual([{ status: 'sent', attempts: 1 }]);
  });

  it('sends nothing to a subscriber whose minimum severity the flag does not reach, nor for another corridor', async () => {
    await subscribe({ email: 'critical-only@ngo.test', mode: 'immediate', minSeverity: 'critical' });
    await subscribe({ email: 'warnings@ngo.test', mode: 'immediate', minSeverity: 'warning' });
    await subscribe({
      email: 'other-corridor@ngo.test',
      mode: 'immediate',
      minSeverity: 'info',
      partyIds: [parties.un],
    });
    await raise('unconfirmed_at_deadline', 'warning');
    await mailTo('warnings@ngo.test');
    // The warnings subscriber's mail went through the same fan-out and send: the others had their chance.
    await eventually(
      () => api.db.all("SELECT id FROM alert_delivery WHERE status IN ('pending', 'sending')"),
      (rows) => rows.length === 0,
    );
    expect(smtp.to('critical-only@ngo.test')).toEqual([]);
    expect(smtp.to('other-corridor@ngo.test')).toEqual([]);
    expect(await deliveryRows('critical-only@ngo.test')).toEqual([]);
  });

  it('the unsubscribe link asks first (a scanner opening it changes nothing); its button and the one-click POST stop further mail', async () => {
    const leaving = await subscribe({ email: 'leaving@ngo.test', mode: 'immediate', minSeverity: 'info' });
    await subscribe({ email: 'staying@ngo.test', mode: 'immediate', minSeverity: 'info' });
    await raise('count_discrepancy', 'info');
    const [first] = await mailTo('leaving@ngo.test');
    const link = /<(https:\/\/[^>]+)>/.exec(header(first, 'List-Unsubscribe')!)![1];
    const path = link.replace(PUBLIC_URL, '');
    const isActive = async () =>
      Number(
        (
          await api.db.get<{ n: number | string }>(
            'SELECT COUNT(*) AS n FROM subscription WHERE id = :id AND ended_at IS NULL',
            { id: leaving.id },
          )
        )?.n,
      ) === 1;
    const page = await api.http.get(path);
    expect(page.status).toBe(200);
    expect(page.text).toContain('leaving@ngo.test will receive no further');
    expect(page.text).toMatch(/<form method="post" action="\?token=[\w.-]+">/);
    expect(await isActive()).toBe(true);
    const button = await api.http
      .post(path)
      .set('Accept', 'text/html')
      .type('form')
      .send('List-Unsubscribe=One-Click');
    expect(button.status).toBe(200);
    expect(button.headers['content-type']).toMatch(/^text\/html/);
    expect(button.text).toContain('<h1>Unsubscribed</h1>');
    expect(await isActive()).toBe(false);
    const oneClick = await api.http.post(path).type('form').send('List-Unsubscribe=One-Click');
    expect(oneClick.status).toBe(200);
    expect(oneClick.body).toEqual({ unsubscribed: true });
    const forged = await api.http.get(`${path.slice(0, -3)}abc`);
    expect(forged.status).toBe(404);

    await raise('no_evacuation_reported', 'warning');
    await mailTo('staying@ngo.test', 2);
    await eventually(
      () => api.db.all("SELECT id FROM alert_delivery WHERE status IN ('pending', 'sending')"),
      (rows) => rows.length === 0,
    );
    expect(smtp.to('leaving@ngo.test')).toHaveLength(1);
    const audited = await api.db.all<{ action: string; actor_user_id: string | null }>(
      "SELECT action, actor_user_id FROM audit_entry WHERE entity = 'subscription' AND entity_id = :id ORDER BY seq",
      { id: leaving.id },
    );
    expect(audited.map((entry) => entry.action)).toEqual(['subscription.create', 'subscription.unsubscribe']);
    expect(audited[1].actor_user_id).toBeNull(); // no one signed in: the token did it
    const listed = await api.http.get('/api/v1/subscriptions').set(auth);
    expect((listed.body.items as { email: string }[]).map((s) => s.email)).not.toContain('leaving@ngo.test');
  });

  it('a server refusing the first two attempts (451) still yields exactly one e-mail; a 550 is recorded for admins', async () => {
    smtp.refuse('busy@ngo.test', 2, 451);
    smtp.refuse('gone@ngo.test', 1, 550);
    await subscribe({
      email: 'busy@ngo.test',
      mode: 'immediate',
      minSeverity: 'critical',
      corridorIds: [corridorId],
    });
    await subscribe({ email: 'gone@ngo.test', mode: 'immediate', minSeverity: 'critical' });
    await raise('rejected', 'critical');
    // Retries wait for their backoff on the worker's clock: move it on until the third attempt goes through.
    await eventually(
      async () => {
        api.clock.advance(5_000);
        return smtp.to('busy@ngo.test');
      },
      (mails) => mails.length >= 1,
      15_000,
    );
    await eventually(
      () => deliveryRows('gone@ngo.test'),
      (rows) => rows[0]?.status === 'failed',
    );
    api.clock.advance(3_600_000);
    await eventually(
      () => api.db.all("SELECT id FROM alert_delivery WHERE status IN ('pending', 'sending')"),
      (rows) => rows.length === 0,
    );
    expect(smtp.to('busy@ngo.test')).toHaveLength(1);
    expect(await deliveryRows('busy@ngo.test')).toEqual([{ status: 'sent', attempts: 3 }]);
    const failed = await api.http.get('/api/v1/deliveries?status=failed').set(auth);
    expect(failed.status).toBe(200);
    expect(failed.body.items).toEqual([
      expect.objectContaining({
        email: 'gone@ngo.test',
        status: 'failed',
        lastError: expect.stringContaining('550'),
      }),
    ]);
  });

  it.each([
    ['2022-03-27', '2022-03-26T12:00:00Z', '2022-03-27T04:00:00.000Z', 'spring-digest@ngo.test'],
    ['2022-10-30', '2022-10-29T12:00:00Z', '2022-10-30T05:00:00.000Z', 'autumn-digest@ngo.test'],
  ])(
    'the daily digest comes at 07:00 Europe/Kyiv on %s, the day the clocks change',
    async (day, createdAt, dueAt, email) => {
      api.clock.set(createdAt);
      const subscription = await subscribe({
        email,
        mode: 'daily',
        digestHour: 7,
        timezone: 'Europe/Kyiv',
        minSeverity: 'warning',
      });
      expect(subscription.nextDigestAt).toBe(dueAt);
      api.clock.set(new Date(Date.parse(dueAt) - 60_000)); // 06:59 in Kyiv: not yet
      await new Promise((resolve) => setTimeout(resolve, 600)); // three fan-out intervals: it must not come early
      expect(smtp.to(email)).toEqual([]);
      api.clock.set(dueAt);
      const [digest] = await mailTo(email);
      expect(digest.parsed.subject).toBe(`[Corridor Watch] Digest ${day}: nothing to report`);
      const lines = (digest.parsed.text ?? '').split('\n').filter((line) => line.trim() !== '');
      expect(lines[0]).toBe(`Corridor Watch daily digest, ${day}`);
      // Nothing to report, in one line; it covers the 24 hours up to 07:00 local.
      expect(lines[1]).toMatch(
        /^Nothing to report since (26 March|29 October) 2022, 07:00 \(Europe\/Kyiv, UTC\+[23]\)\.$/,
      );
      expect(header(digest, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      await api.http.delete(`/api/v1/subscriptions/${subscription.id}`).set(auth).expect(204);
      const deleted = await api.db.get<{ n: number | string }>(
        "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'subscription.delete' AND entity_id = :id",
        { id: subscription.id },
      );
      expect(Number(deleted?.n)).toBe(1);
    },
  );

  it('a digest names the windows of the next 24 hours with their confirmation state, flags raised, and figures with their range', async () => {
    api.clock.set('2023-05-31T12:00:00Z');
    const subscription = await subscribe({
      email: 'digest@ngo.test',
      mode: 'daily',
      digestHour: 7,
      timezone: 'Europe/Kyiv',
      minSeverity: 'info',
    });
    const added = await api.http
      .post(`/api/v1/corridors/${corridorId}/windows`)
      .set(auth)
      .send({ startsAt: '2023-06-03T08:00:00+03:00', endsAt: '2023-06-03T18:00:00+03:00' });
    expect(added.status).toBe(201);
    const secondWindow =
      (added.body as { id?: string; windows?: { id: string }[] }).id ?? added.body.windows.at(-1).id;
    await raise('never_confirmed', 'critical', secondWindow);
    const evacuation = await api.http
      .post(`/api/v1/corridors/${corridorId}/evacuations`)
      .set(auth)
      .send({
        sourcePartyId: parties.un,
        reportedAt: '2023-05-31T10:00:00Z',
        count: { qualifier: 'range', value: 300, max: 344 },
        category: 'civilians',
        note: 'Arrived <b>safely</b>',
      });
    expect(evacuation.status).toBe(201);
    api.clock.set(subscription.nextDigestAt!);
    const [digest] = await mailTo('digest@ngo.test');
    const text = digest.parsed.text ?? '';
    expect(text).toContain('Windows in the next 24 hours');
    // Each corridor with its status and, beside it, its promise.
    expect(text).toMatch(
      /Azovstal to Zaporizhzhia \(announced, promise pending\): 1 June 2023, 08:00 \(Europe\/Kyiv, UTC\+3\)/,
    );
    expect(text).toContain('(1 June 2023, 08:00 (Europe/Moscow, UTC+3)');
    expect(text).toMatch(/Confirmation: pending; Government of Ukraine: conditional/);
    expect(text).toMatch(
      /Flags raised\n\s+- critical promise never confirmed: Azovstal to Zaporizhzhia \(announced, promise pending\), window 3 June 2023, 08:00/,
    );
    expect(text).toContain('United Nations OCHA: 300–344 civilians');
    expect(String(digest.parsed.html)).toContain('Arrived &lt;b&gt;safely&lt;/b&gt;');
  });
});
