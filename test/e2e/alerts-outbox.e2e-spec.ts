import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Stream } from 'node:stream';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { simpleParser } from 'mailparser';
import { AlertFanOutService, AlertSenderService, type OutboxMessageDto } from '#cw/alerts';
import { newId } from '#cw/common';
import { FlagRepository } from '#cw/persistence';
import { createMember, createOrganisation, type Member } from '../support/accounts.js';
import type { ApiHarness } from '../support/api-harness.js';
import { Fixtures } from '../support/fixtures.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';
import { eventually } from '../support/worker-harness.js';
import { startWorkerStack, TEST_APP_SECRET, type WorkerStack } from '../support/worker-stack.js';

const PUBLIC_URL = 'https://watch.example.org';
const SUBSCRIBER = 'outbox@ngo.test';
const SECRET = 'outside the outbox: never served';

/** The body as bytes, whatever its content type (superagent leaves message/rfc822 unparsed). */
const asBytes = (res: Stream, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

// No SMTP_URL: the real worker writes alert e-mails as .eml files to a temporary OUTBOX_DIR, the api lists them.
describe.each(availableDialects())('alert e-mails written to the outbox folder on %s', (dialect) => {
  let stack: WorkerStack;
  let api: ApiHarness;
  let worker: INestApplicationContext;
  let coordinator: Member;
  let folder: string;
  let outboxDir: string;
  let corridorId: string;
  let deliveryId: string;
  let emlName: string;

  const emlFiles = async () => (await readdir(outboxDir).catch(() => [])).filter((f) => f.endsWith('.eml'));
  const outbox = (path = '', auth = api.auth) =>
    api.http.get(`/api/v1/outbox${path}`).set(auth).buffer(true).parse(asBytes);
  const isSettled = async () =>
    (await api.db.all("SELECT id FROM alert_delivery WHERE status IN ('pending', 'sending')")).length === 0;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cw-outbox-'));
    // Not created beforehand: the transport makes the folder on its first e-mail.
    outboxDir = join(folder, 'outbox');
    stack = await startWorkerStack(dialect, 'alerts-outbox', {
      env: { PUBLIC_URL, APP_SECRET: TEST_APP_SECRET, OUTBOX_DIR: outboxDir },
    });
    api = stack.api;
    const fx = new Fixtures(api);
    const parties = await fx.azovstal();
    const created = await fx.corridor({
      name: 'Azovstal to Zaporizhzhia',
      originId: parties.azovstal,
      destinationId: parties.zaporizhzhia,
      announcedById: parties.ruMod,
      announcedAt: '2022-05-04T20:00:00+03:00',
      timezone: 'Europe/Moscow',
      windows: [{ startsAt: '2023-06-01T08:00:00+03:00', endsAt: '2023-06-01T18:00:00+03:00' }],
    });
    corridorId = created.id;
    const windowId = (created.body.windows as { id: string }[])[0].id;
    coordinator = await createMember(
      api,
      await createOrganisation(api, 'Outbox NGO'),
      'coordinator',
      'coordinator@outbox.test',
    );
    // A file beside the outbox folder, with a name the outbox would accept: what a traversal would reach.
    await writeFile(join(folder, `${newId()}.eml`), SECRET);
    worker = await stack.startWorker({ ALERT_INTERVAL_MS: '200' });

    const subscribed = await api.http
      .post('/api/v1/subscriptions')
      .set(api.auth)
      .send({ email: SUBSCRIBER, mode: 'immediate', timezone: 'Europe/Kyiv', minSeverity: 'warning' });
    expect(subscribed.status).toBe(201);
    // Raised as the evaluation would, with its 'raised' event: what the fan-out follows.
    await api.db.transaction((tx) =>
      api.app
        .get(FlagRepository)
        .raise(
          [{ id: newId(), corridorId, windowId, rule: 'never_confirmed', severity: 'critical' }],
          api.clock.now(),
          tx,
        ),
    );
    const [delivery] = await eventually(
      () =>
        api.db.all<{ id: string }>("SELECT id FROM alert_delivery WHERE email = :email AND status = 'sent'", {
          email: SUBSCRIBER,
        }),
      (rows) => rows.length === 1,
      15_000,
    );
    deliveryId = delivery.id;
    emlName = `${deliveryId}.eml`;
  });

  afterAll(async () => {
    await stack?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  // An alert names people and places under embargo and carries a working unsubscribe link: no other local account
  // reads it.
  it('writes each .eml file readable by its owner only (0600)', async () => {
    const mode = (await stat(join(outboxDir, emlName))).mode & 0o777;
    expect(mode.toString(8)).toBe('600');
  });

  it('writes the alert as one .eml file named by its delivery: To, Subject, one-click unsubscribe, the corridor link', async () => {
    expect(await emlFiles()).toEqual([emlName]);
    const raw = await readFile(join(outboxDir, emlName));
    const mail = await simpleParser(raw);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : mail.to).toBe(SUBSCRIBER);
    expect(mail.subject).toContain('CRITICAL: Azovstal to Zaporizhzhia');
    expect(mail.messageId).toBe(`<${deliveryId}@watch.example.org>`);
    expect(mail.headers.get('x-corridor-watch-delivery')).toBe(deliveryId);
    // As written, not as mailparser reshapes List-* headers into objects.
    const head = raw
      .toString('utf8')
      .split(/\r?\n\r?\n/)[0]
      .replace(/\r?\n[ \t]+/g, ' ');
    expect(/^List-Unsubscribe-Post: (.*)$/im.exec(head)?.[1]).toBe('List-Unsubscribe=One-Click');
    expect(/^List-Unsubscribe: <([^>]+)>$/im.exec(head)?.[1]).toMatch(
      new RegExp(`^${PUBLIC_URL}/api/v1/unsubscribe\\?token=[\\w.-]+$`),
    );
    expect(mail.text).toContain(`${PUBLIC_URL}/corridors/${corridorId}`);
    expect(String(mail.html)).toContain(`href="${PUBLIC_URL}/corridors/${corridorId}"`);
  });

  it('GET /outbox lists the file for an admin, and GET /outbox/:name returns it byte for byte', async () => {
    const listed = await api.http.get('/api/v1/outbox').set(api.auth);
    expect(listed.status).toBe(200);
    const { size } = await stat(join(outboxDir, emlName));
    expect(listed.body).toEqual({
      isSmtp: false,
      total: 1,
      items: [
        {
          name: emlName,
          to: SUBSCRIBER,
          subject: expect.stringContaining('CRITICAL: Azovstal to Zaporizhzhia'),
          date: expect.any(String),
          sizeBytes: size,
          writtenAt: expect.any(String),
        },
      ],
    });
    const [item] = listed.body.items as OutboxMessageDto[];
    expect(new Date(item.date).toISOString()).toBe(api.clock.now().toISOString()); // the worker's clock

    const read = await outbox(`/${emlName}`);
    expect(read.status).toBe(200);
    expect(read.headers['content-type']).toMatch(/^message\/rfc822/);
    expect((read.body as Buffer).equals(await readFile(join(outboxDir, emlName)))).toBe(true);
  });

  it('refuses the outbox to a coordinator (403) and to no one signed in (401), showing nothing of it', async () => {
    for (const path of ['', `/${emlName}`]) {
      const refused = await outbox(path, coordinator.auth);
      expect(refused.status).toBe(403);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse((refused.body as Buffer).toString('utf8'))).toMatchObject({
        type: '/problems/forbidden',
      });
      expect((refused.body as Buffer).toString('utf8')).not.toContain(SUBSCRIBER);
      expectProblem(await api.http.get(`/api/v1/outbox${path}`), 401, 'unauthenticated');
    }
  });

  it.each([
    ['..%2F..%2Fetc%2Fpasswd'],
    ['..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd'],
    ['%2E%2E%2F'],
    ['..%5C..%5Cwindows%5Cwin.ini'],
    ['%2Fetc%2Fpasswd'],
    ['..%2F{sibling}'],
    ['%2E%2E%2F{sibling}'],
    ['{sibling}%00'],
    ['..'],
  ])('refuses the name %s with a problem and reads nothing outside the folder', async (name) => {
    const sibling = (await readdir(folder)).find((f) => f.endsWith('.eml'))!;
    const response = await api.http.get(`/api/v1/outbox/${name.replace('{sibling}', sibling)}`).set(api.auth);
    // A NUL is refused as input before any handler runs (400 naming the parameter); any other name is unknown.
    if (name.includes('%00')) expectProblem(response, 400, 'validation', 'name');
    else expectProblem(response, 404, 'not-found');
    expect(response.text).not.toContain(SECRET);
    expect(response.text).not.toContain('root:');
  });

  it.each([['../x.eml'], ['../../etc/passwd'], ['./../{sibling}']])(
    'a raw path %s reaches no file outside the folder: a problem, never a message',
    async (path) => {
      const sibling = (await readdir(folder)).find((f) => f.endsWith('.eml'))!;
      const response = await api.http
        .get(`/api/v1/outbox/${path.replace('{sibling}', sibling)}`)
        .set(api.auth);
      // Sent as written (no client tidies the dots): no route matches it.
      expect((response as unknown as { req: { path: string } }).req.path).toContain('/..');
      expectProblem(response, 404, 'not-found');
      expect(response.text).not.toContain(SECRET);
      expect(response.text).not.toContain('root:');
    },
  );

  it('a name that looks right but was never written is a 404 problem', async () => {
    expectProblem(await api.http.get(`/api/v1/outbox/${newId()}.eml`).set(api.auth), 404, 'not-found');
  });

  it('delivering again writes no second file: the fan-out and send run twice, then a lapsed lease resends under the same name', async () => {
    const fanOut = worker.get(AlertFanOutService);
    const sender = worker.get(AlertSenderService);
    const before = await readFile(join(outboxDir, emlName));
    for (let round = 0; round < 2; round += 1) {
      await fanOut.fanOutFlagEvents();
      await sender.sendDue();
    }
    // The flag event read again from the start, as a fan-out that lost its position would: no new delivery.
    await api.db.run("UPDATE alert_cursor SET seq = 0 WHERE name = 'immediate'");
    await fanOut.fanOutFlagEvents();
    expect((await sender.sendDue()).sent).toBe(0);
    await eventually(isSettled, Boolean);
    expect(await emlFiles()).toEqual([emlName]);
    expect((await readFile(join(outboxDir, emlName))).equals(before)).toBe(true);

    // A worker that wrote the file and died before recording it: the row is taken again when its lease ends.
    await api.db.run(
      "UPDATE alert_delivery SET status = 'sending', lease_until = :past, attempts = 1 WHERE id = :id",
      { id: deliveryId, past: new Date(api.clock.now().getTime() - 1) },
    );
    api.clock.advance(60_000);
    await eventually(isSettled, Boolean);
    const rows = await api.db.all<{ id: string; status: string; attempts: number | string }>(
      'SELECT id, status, attempts FROM alert_delivery WHERE email = :email',
      { email: SUBSCRIBER },
    );
    expect(rows.map((row) => ({ ...row, attempts: Number(row.attempts) }))).toEqual([
      { id: deliveryId, status: 'sent', attempts: 2 },
    ]);
    expect(await readdir(outboxDir)).toEqual([emlName]); // no second file, no .tmp left behind
    const resent = await simpleParser(await readFile(join(outboxDir, emlName)));
    expect(resent.messageId).toBe(`<${deliveryId}@watch.example.org>`);
    const listed = await api.http.get('/api/v1/outbox').set(api.auth);
    expect(listed.body).toMatchObject({ total: 1, items: [{ name: emlName }] });
  });
});
