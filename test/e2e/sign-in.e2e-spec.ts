import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createMember, createOrganisation, MEMBER_PASSWORD, type Member } from '../support/accounts.js';
import { startApi, type ApiHarness } from '../support/api-harness.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';

const PER_ACCOUNT = 5;
const PER_ADDRESS = 20;
const PARALLEL = 40;

// A password guesser sends its attempts at once, not one after another (issue 16: 40 parallel wrong passwords
// got 28 checked, since the counters were read before argon2 and added to after it).
describe.each(availableDialects())('sign-in on %s', (dialect) => {
  let api: ApiHarness;
  let orgId: string;
  let target: Member;

  const login = (body: Record<string, unknown>, address: string) =>
    api.http.post('/api/v1/auth/login').set('x-forwarded-for', address).send(body);
  const statuses = (responses: { status: number }[]) =>
    responses.reduce<Record<number, number>>(
      (counts, { status }) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }),
      {},
    );

  beforeAll(async () => {
    api = await startApi(dialect, {
      LOGIN_ATTEMPTS_PER_ACCOUNT_PER_MINUTE: String(PER_ACCOUNT),
      LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: String(PER_ADDRESS),
      TRUST_PROXY: 'loopback',
    });
    orgId = await createOrganisation(api, 'Field NGO');
    target = await createMember(api, orgId, 'viewer', 'target@ngo.test');
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('attempts sent all at once', () => {
    it(`checks at most ${PER_ACCOUNT} of ${PARALLEL} parallel wrong passwords for one account, and refuses the rest 429`, async () => {
      const responses = await Promise.all(
        Array.from({ length: PARALLEL }, (_, i) =>
          login({ email: target.email, password: `wrong guess number ${i}` }, `203.0.113.${i + 1}`),
        ),
      );
      const counts = statuses(responses);
      // Each 401 is a password that argon2 checked; a 429 was refused before hashing.
      expect(counts[401] ?? 0).toBeLessThanOrEqual(PER_ACCOUNT);
      expect((counts[401] ?? 0) + (counts[429] ?? 0)).toBe(PARALLEL);
      // The right password waits for the minute too.
      expectProblem(
        await login({ email: target.email, password: MEMBER_PASSWORD }, '203.0.113.200'),
        429,
        'too-many-requests',
      );
      api.clock.advance(60_000);
      expect((await login({ email: target.email, password: MEMBER_PASSWORD }, '203.0.113.200')).status).toBe(
        200,
      );
    });

    it(`checks at most ${PER_ADDRESS} of ${PARALLEL} parallel sign-ins of different accounts from one address`, async () => {
      api.clock.advance(60_000);
      const responses = await Promise.all(
        Array.from({ length: PARALLEL }, (_, i) =>
          login({ email: `guess${i}@ngo.test`, password: 'a wrong password' }, '192.0.2.66'),
        ),
      );
      const counts = statuses(responses);
      expect(counts[401] ?? 0).toBeLessThanOrEqual(PER_ADDRESS);
      expect((counts[401] ?? 0) + (counts[429] ?? 0)).toBe(PARALLEL);
      // Another address is not held back, and a right password does not use up its address's attempts.
      for (let i = 0; i < PER_ADDRESS + 2; i += 1) {
        expect((await login({ email: target.email, password: MEMBER_PASSWORD }, '192.0.2.67')).status).toBe(
          200,
        );
      }
    });
  });

  // A cross-site form could sign a browser into the attacker's account (login CSRF): a form can send
  // urlencoded, multipart or text/plain bodies without a preflight, never JSON.
  describe('where a sign-in may come from', () => {
    const credentials = () => ({ email: target.email, password: MEMBER_PASSWORD });
    const setsNoCookie = (response: { headers: Record<string, unknown> }) =>
      expect(response.headers['set-cookie']).toBeUndefined();

    beforeAll(() => api.clock.advance(60_000));

    it('refuses a form-encoded, multipart or text/plain sign-in as 415, and signs nobody in', async () => {
      const form = await api.http
        .post('/api/v1/auth/login')
        .type('form')
        .send(`email=${encodeURIComponent(target.email)}&password=${encodeURIComponent(MEMBER_PASSWORD)}`);
      expectProblem(form, 415, 'unsupported-media-type');
      setsNoCookie(form);
      const multipart = await api.http
        .post('/api/v1/auth/login')
        .field('email', target.email)
        .field('password', MEMBER_PASSWORD);
      expectProblem(multipart, 415, 'unsupported-media-type');
      const plain = await api.http
        .post('/api/v1/auth/login')
        .set('content-type', 'text/plain')
        .send(JSON.stringify(credentials()));
      expectProblem(plain, 415, 'unsupported-media-type');
      setsNoCookie(plain);
    });

    it('refuses a JSON sign-in that a browser sent from another site, as 403', async () => {
      for (const headers of [
        { origin: 'https://evil.example' },
        { origin: 'null' },
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site', origin: 'https://sibling.corridor.test' },
      ]) {
        const response = await api.http.post('/api/v1/auth/login').set(headers).send(credentials());
        expectProblem(response, 403, 'forbidden');
        setsNoCookie(response);
      }
    });

    it("signs in from the console's own origin, and a script that sends neither header", async () => {
      const fromConsole = await api.http
        .post('/api/v1/auth/login')
        .set({ origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' })
        .send({ ...credentials(), session: 'cookie' });
      expect(fromConsole.status).toBe(200);
      expect(String(fromConsole.headers['set-cookie'])).toMatch(/^cw_session=/);
      const fromScript = await api.http.post('/api/v1/auth/login').send(credentials());
      expect(fromScript.status).toBe(200);
      expect(fromScript.body.token).toEqual(expect.any(String));
    });
  });
});
