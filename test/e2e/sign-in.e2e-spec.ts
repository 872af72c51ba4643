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
});
