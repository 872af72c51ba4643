import { randomUUID } from 'node:crypto';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { auditSince, createMember, createOrganisation, lastAuditSeq } from '../support/accounts.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startApi, type ApiHarness } from '../support/api-harness.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';

/** One raw HTTP exchange with a listening server: what a client that writes its own bytes gets back. */
async function rawExchangeWith(port: number, request: string, after?: (socket: Socket) => void) {
  return new Promise<{ status: number; headers: Record<string, string>; body: string; ms: number }>(
    (resolve, reject) => {
      const started = Date.now();
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(request);
        after?.(socket);
      });
      let received = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (received += chunk));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        const [head, ...rest] = received.split('\r\n\r\n');
        const [statusLine, ...headerLines] = head.split('\r\n');
        const status = Number(statusLine.split(' ')[1]);
        if (!status) return reject(new Error(`no answer: ${JSON.stringify(received)}`));
        const headers = Object.fromEntries(
          headerLines.map((line) => [
            line.slice(0, line.indexOf(':')).toLowerCase(),
            line.slice(line.indexOf(':') + 1).trim(),
          ]),
        );
        resolve({ status, headers, body: rest.join('\r\n\r\n'), ms: Date.now() - started });
      });
    },
  );
}

const SLOW_TIMEOUT_MS = 1500;

// The smaller holes a probe found (issue 16, defect 8), each checked as an operator or an attacker would meet it.
describe.each(availableDialects())('operator hardening on %s', (dialect) => {
  let api: ApiHarness;
  let organisationId: string;
  const rawExchange = (request: string, after?: (socket: Socket) => void) =>
    rawExchangeWith((api.app.getHttpServer().address() as AddressInfo).port, request, after);

  beforeAll(async () => {
    api = await startApi(dialect, { REQUEST_TIMEOUT_MS: String(SLOW_TIMEOUT_MS) });
    await api.app.listen(0, '127.0.0.1');
    organisationId = await createOrganisation(api, 'Field NGO');
  });

  afterAll(async () => {
    await api?.close();
  });

  // A shared or proxy cache, or the browser's own, must never keep an answer that carries a credential.
  describe('answers that carry a secret', () => {
    it('are sent with Cache-Control: no-store: sign-in, a new API key, an invitation, a feed, a webhook secret', async () => {
      const answers = {
        'sign-in': await api.http
          .post('/api/v1/auth/login')
          .send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
        'API key': await api.http
          .post('/api/v1/api-keys')
          .set(api.auth)
          .send({ name: 'export', scopes: ['read'] }),
        invitation: await api.http.post('/api/v1/users').set(api.auth).send({
          email: 'invited@ngo.test',
          displayName: 'Invited',
          organisationId,
          role: 'viewer',
        }),
        feed: await api.http.post('/api/v1/feeds').set(api.auth).send({ name: 'All windows', filter: {} }),
        'webhook secret': await api.http
          .post('/api/v1/webhook-endpoints')
          .set(api.auth)
          .send({ url: 'https://93.184.215.14/hook', events: ['flag.raised'] }),
      };
      for (const [what, response] of Object.entries(answers)) {
        expect({ what, status: response.status }).toEqual({ what, status: expect.any(Number) });
        expect(response.status).toBeLessThan(300);
        expect({ what, cacheControl: response.headers['cache-control'] }).toEqual({
          what,
          cacheControl: 'no-store',
        });
      }
      expect(answers.invitation.body.inviteUrl).toEqual(expect.any(String));
      const token = new URL(answers.invitation.body.inviteUrl as string).pathname.split('/').pop()!;
      const invite = await api.http.get(`/api/v1/auth/invite?token=${token}`);
      expect(invite.status).toBe(200);
      expect(invite.headers['cache-control']).toBe('no-store');
    });
  });

  // Twelve characters are not enough when they are the address itself, or one key held down.
  describe('passwords', () => {
    const create = (email: string, password: string) =>
      api.http
        .post('/api/v1/users')
        .set(api.auth)
        .send({ email, displayName: 'Olena', organisationId, role: 'viewer', password });

    it.each([
      ['the e-mail address', 'olena.k@ngo-example.org', 'olena.k@ngo-example.org'],
      ['the e-mail address in other letters', 'olena.k@ngo-example.org', 'OLENA.K@NGO-EXAMPLE.ORG'],
      ['one character repeated', 'olena.r@ngo-example.org', 'aaaaaaaaaaaaaaaa'],
      ['one symbol repeated', 'olena.s@ngo-example.org', '************'],
    ])('refuses %s as a password, and creates nobody', async (_what, email, password) => {
      expectProblem(await create(email, password), 400, 'password-too-weak', 'password');
      expect(await api.db.get('SELECT id FROM app_user WHERE email = :email', { email })).toBeUndefined();
    });

    it('refuses them when an invitation is accepted too, and takes a real passphrase', async () => {
      const email = 'invitee@ngo-example.org';
      const invited = await api.http
        .post('/api/v1/users')
        .set(api.auth)
        .send({ email, displayName: 'Invitee', organisationId, role: 'viewer' });
      const token = new URL(invited.body.inviteUrl as string).pathname.split('/').pop()!;
      for (const password of [email, '000000000000']) {
        expectProblem(
          await api.http.post('/api/v1/auth/invite/accept').send({ token, password }),
          400,
          'password-too-weak',
          'password',
        );
      }
      expect(
        (await api.http.post('/api/v1/auth/invite/accept').send({ token, password: 'sunflowers over Azov' }))
          .status,
      ).toBe(204);
    });
  });

  describe("another organisation's subscriptions", () => {
    it('answers a delete 404, as if unknown, keeps the subscription, and audits the attempt', async () => {
      const subscribed = await api.http
        .post('/api/v1/subscriptions')
        .set(api.auth)
        .send({ email: 'ops@hq.example', mode: 'immediate', minSeverity: 'critical' });
      expect(subscribed.status).toBe(201);
      const outsider = await createMember(
        api,
        await createOrganisation(api, 'Another NGO'),
        'coordinator',
        'coordinator@another.example',
      );
      const seq = await lastAuditSeq(api);
      const refused = await api.http.delete(`/api/v1/subscriptions/${subscribed.body.id}`).set(outsider.auth);
      expectProblem(refused, 404, 'not-found');
      const unknown = await api.http.delete(`/api/v1/subscriptions/${randomUUID()}`).set(outsider.auth);
      expect(refused.body.detail).toBe(unknown.body.detail.replace(/[0-9a-f-]{36}/, subscribed.body.id));
      const listed = (await api.http.get('/api/v1/subscriptions').set(api.auth)).body.items as {
        id: string;
      }[];
      expect(listed.map((subscription) => subscription.id)).toContain(subscribed.body.id);
      expect(await auditSince(api, seq)).toEqual([
        expect.objectContaining({
          action: 'subscription.delete',
          entity: 'subscription',
          entityId: subscribed.body.id,
          actorId: outsider.id,
          outcome: 'refused',
        }),
      ]);
    });
  });

  // What the HTTP server itself refuses, before any route: an over-long path parameter (414), headers past the
  // server's limit (431). Clients branch on problem+json there as everywhere else.
  describe('requests refused before routing', () => {
    it('answers an over-long path parameter 414 as problem+json', async () => {
      const response = await api.http.get(`/api/v1/corridors/${'a'.repeat(2000)}`).set(api.auth);
      expectProblem(response, 414, 'uri-too-long');
    });

    it('answers headers larger than the server takes 431 as problem+json', async () => {
      const raw = await rawExchange(
        `GET /health HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'x'.repeat(20_000)}\r\n\r\n`,
      );
      expect(raw.status).toBe(431);
      expect(raw.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(raw.body)).toMatchObject({ type: '/problems/headers-too-large', status: 431 });
    });
  });

  // Slowloris: a client that opens a request and sends its body a byte now and then holds a connection (and the
  // memory of its half-read body) forever, unless the server times the request out.
  describe('a request body sent slowly', () => {
    it(`is cut off with 408 problem+json once REQUEST_TIMEOUT_MS (here ${SLOW_TIMEOUT_MS} ms) has passed`, async () => {
      let trickle: NodeJS.Timeout | undefined;
      const answer = await rawExchange(
        'POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
          'Content-Length: 1000\r\n\r\n{"email":"',
        (socket) => {
          trickle = setInterval(() => socket.writable && socket.write('a'), 100);
        },
      );
      clearInterval(trickle);
      expect(answer.status).toBe(408);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(answer.body)).toMatchObject({ type: '/problems/request-timeout', status: 408 });
      expect(answer.ms).toBeGreaterThanOrEqual(SLOW_TIMEOUT_MS);
    });
  });
});
