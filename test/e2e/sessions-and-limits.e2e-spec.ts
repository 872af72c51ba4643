import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import {
  bearer,
  createKey,
  createMember,
  createOrganisation,
  MEMBER_PASSWORD,
  signIn,
  type Member,
} from '../support/accounts.js';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startApi,
  storedState,
  type ApiHarness,
} from '../support/api-harness.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';

const MINUTE = 60_000;
const CSRF = { 'x-requested-with': 'corridor-watch' };
const WRITES_PER_KEY = 30;

const sessionCookieOf = (response: Response): string => {
  const cookies = ([] as string[]).concat((response.headers['set-cookie'] as unknown as string[]) ?? []);
  const session = cookies.find((c) => c.startsWith('cw_session='));
  if (!session) throw new Error(`no session cookie in ${JSON.stringify(cookies)}`);
  return session.split(';')[0];
};

describe.each(availableDialects())('sessions, CSRF and rate limits on %s', (dialect) => {
  let api: ApiHarness;
  let orgA: string;
  let member: Member;
  let start: Date;

  const login = (email: string, password = MEMBER_PASSWORD, address = '198.51.100.1') =>
    api.http.post('/api/v1/auth/login').set('x-forwarded-for', address).send({ email, password });
  const me = (auth: Record<string, string>) => api.http.get('/api/v1/auth/me').set(auth);
  const lastSeenAt = async (token: string) => {
    const row = await api.db.get<{ last_seen_at: number | string }>(
      'SELECT last_seen_at FROM user_session WHERE token_hash = :hash',
      { hash: createHash('sha256').update(token).digest('hex') },
    );
    return new Date(Number(row?.last_seen_at)).toISOString();
  };

  beforeAll(async () => {
    api = await startApi(dialect, {
      SESSION_IDLE_MINUTES: '60',
      SESSION_TTL_HOURS: '12',
      WRITES_PER_KEY_PER_MINUTE: String(WRITES_PER_KEY),
      // The tests' requests come from the loopback, as through a proxy on the same host: its X-Forwarded-For counts.
      TRUST_PROXY: 'loopback',
    });
    start = api.clock.now();
    orgA = await createOrganisation(api, 'Field NGO A');
    member = await createMember(api, orgA, 'reporter', 'reporter@ngo.test');
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('session identity', () => {
    it('gives a new session token at every sign-in, and revokes the one the browser sent (no fixation)', async () => {
      const first = await login(member.email);
      const second = await login(member.email);
      expect(first.body.token).not.toEqual(second.body.token);
      expect(sessionCookieOf(first)).not.toEqual(sessionCookieOf(second));

      // A cookie planted before sign-in (or the previous session) is not carried over: it ends.
      const planted = sessionCookieOf(second);
      const third = await api.http
        .post('/api/v1/auth/login')
        .set('Cookie', planted)
        .send({ email: member.email, password: MEMBER_PASSWORD });
      expect(third.status).toBe(200);
      expect(sessionCookieOf(third)).not.toEqual(planted);
      expectProblem(await me({ Cookie: planted }), 401, 'unauthenticated');
      expect((await me({ Cookie: sessionCookieOf(third) })).status).toBe(200);
      // The first session, never sent along, is untouched.
      expect((await me(bearer(first.body.token))).status).toBe(200);
    });

    it('keeps the token out of the answer when the sign-in asks for a cookie session, as the console does', async () => {
      const response = await api.http
        .post('/api/v1/auth/login')
        .send({ email: member.email, password: MEMBER_PASSWORD, session: 'cookie' });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        expiresAt: expect.any(String),
        user: expect.objectContaining({ email: member.email }),
      });
      expect(JSON.stringify(response.body)).not.toContain(sessionCookieOf(response).split('=')[1]);
      expect((await me({ Cookie: sessionCookieOf(response) })).status).toBe(200);
      const wrongMode = await api.http
        .post('/api/v1/auth/login')
        .send({ email: member.email, password: MEMBER_PASSWORD, session: 'jwt' });
      expectProblem(wrongMode, 400, 'validation');
    });

    it('over https, names the cookie __Host- (Secure, Path=/, no Domain) and reads no other', async () => {
      const secure = await startApi(dialect, { PUBLIC_URL: 'https://corridors.example.org' });
      try {
        const response = await secure.http
          .post('/api/v1/auth/login')
          .send({ email: ADMIN_EMAIL, password: 'correct horse battery staple' });
        const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).join('\n');
        expect(cookie).toMatch(/^__Host-cw_session=.*; Secure/i);
        expect(cookie).toMatch(/; Path=\/(;|$)/i);
        expect(cookie).not.toMatch(/Domain=/i);
        expect(cookie).toMatch(/HttpOnly/i);
        expect(cookie).toMatch(/SameSite=Strict/i);
        const token = response.body.token as string;
        const asCookie = (name: string) =>
          secure.http.get('/api/v1/auth/me').set('Cookie', `${name}=${token}`);
        expect((await asCookie('__Host-cw_session')).status).toBe(200);
        // A cookie without the prefix may have been set by a sibling subdomain: it is not a session here.
        expect((await asCookie('cw_session')).status).toBe(401);
      } finally {
        await secure.close();
      }
    });
  });

  describe('expiry', () => {
    it('ends a session idle for SESSION_IDLE_MINUTES, and keeps a used one alive', async () => {
      api.clock.set(start);
      const used = bearer(await signIn(api, member.email));
      const idle = bearer(await signIn(api, member.email));
      try {
        api.clock.advance(45 * MINUTE);
        expect((await me(used)).status).toBe(200);
        api.clock.advance(45 * MINUTE); // 90 minutes after sign-in, 45 after the last use
        expect((await me(used)).status).toBe(200);
        expectProblem(await me(idle), 401, 'unauthenticated');
      } finally {
        api.clock.set(start);
      }
    });

    it('records the last use at most once a minute per session', async () => {
      api.clock.set(start);
      const token = await signIn(api, member.email);
      try {
        api.clock.advance(30_000);
        await me(bearer(token));
        expect(await lastSeenAt(token)).toBe(start.toISOString());
        api.clock.advance(40_000);
        await me(bearer(token));
        expect(await lastSeenAt(token)).toBe(new Date(start.getTime() + 70_000).toISOString());
      } finally {
        api.clock.set(start);
      }
    });

    it('ends a session at SESSION_TTL_HOURS however busy it is', async () => {
      api.clock.set(start);
      const session = await login(member.email);
      const auth = bearer(session.body.token);
      const expiresAt = new Date(session.body.expiresAt).getTime();
      expect(expiresAt).toBe(start.getTime() + 12 * 60 * MINUTE);
      try {
        while (api.clock.now().getTime() + 50 * MINUTE < expiresAt) {
          api.clock.advance(50 * MINUTE);
          expect((await me(auth)).status).toBe(200);
        }
        api.clock.set(new Date(expiresAt));
        expectProblem(await me(auth), 401, 'unauthenticated');
      } finally {
        api.clock.set(start);
      }
    });

    it('signs out everywhere: every session of the caller ends, other people and API keys carry on', async () => {
      const person = await createMember(api, orgA, 'coordinator', 'leaving@ngo.test');
      const phone = bearer(await signIn(api, person.email));
      const browser = await login(person.email);
      const key = await createKey(api, person.auth);
      const other = bearer(await signIn(api, member.email));

      const out = await api.http
        .post('/api/v1/auth/logout-everywhere')
        .set('Cookie', sessionCookieOf(browser))
        .set(CSRF);
      expect(out.status).toBe(204);
      expect(([] as string[]).concat(out.headers['set-cookie'] ?? []).join('\n')).toMatch(/cw_session=;/);
      for (const auth of [person.auth, phone, { Cookie: sessionCookieOf(browser) }]) {
        expectProblem(await me(auth), 401, 'unauthenticated');
      }
      expect((await me(other)).status).toBe(200);
      expect((await me(key.auth)).status).toBe(200);
    });
  });

  describe('CSRF', () => {
    it('refuses every cookie-signed-in write without the x-requested-with header, and stores nothing', async () => {
      const cookie = sessionCookieOf(await login(member.email));
      const before = await storedState(api.db);
      expectProblem(
        await api.http
          .post('/api/v1/locations')
          .set('Cookie', cookie)
          .send({ name: 'Berdiansk', lat: 46.75, lon: 36.78 }),
        403,
        'forbidden',
      );
      expectProblem(
        await api.http.post('/api/v1/auth/logout-everywhere').set('Cookie', cookie),
        403,
        'forbidden',
      );
      expect(await storedState(api.db)).toEqual(before);
      expect((await me({ Cookie: cookie })).status).toBe(200);
      const accepted = await api.http
        .post('/api/v1/locations')
        .set('Cookie', cookie)
        .set(CSRF)
        .send({ name: 'Berdiansk', lat: 46.75, lon: 36.78 });
      expect(accepted.status).toBe(201);
    });
  });

  describe('sign-in brute force', () => {
    it('answers 429 with Retry-After after 5 failed sign-ins of one account, right password or not, until the minute is over', async () => {
      api.clock.set(start);
      const target = await createMember(api, orgA, 'viewer', 'target@ngo.test');
      try {
        for (let attempt = 1; attempt <= 5; attempt += 1) {
          expectProblem(
            await login(target.email, `wrong guess ${attempt}!`, `203.0.113.${attempt}`),
            401,
            'invalid-credentials',
          );
        }
        const throttled = await login(target.email, MEMBER_PASSWORD, '203.0.113.99');
        expectProblem(throttled, 429, 'too-many-requests');
        expect(Number(throttled.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(Number(throttled.headers['retry-after'])).toBeLessThanOrEqual(60);
        // Another account is not affected.
        expect((await login(member.email, MEMBER_PASSWORD, '203.0.113.1')).status).toBe(200);

        api.clock.advance(MINUTE);
        expect((await login(target.email, MEMBER_PASSWORD, '203.0.113.99')).status).toBe(200);
      } finally {
        api.clock.set(start);
      }
    });

    it('answers 429 to an address after 20 failed sign-ins across accounts; other addresses sign in', async () => {
      api.clock.set(start);
      try {
        for (let attempt = 1; attempt <= 20; attempt += 1) {
          expectProblem(
            await login(`guess${attempt}@ngo.test`, 'password123456', '192.0.2.66'),
            401,
            'invalid-credentials',
          );
        }
        expectProblem(await login(member.email, MEMBER_PASSWORD, '192.0.2.66'), 429, 'too-many-requests');
        // The address is the one the trusted proxy appended, not what the client wrote before it.
        expectProblem(
          await login(member.email, MEMBER_PASSWORD, '198.51.100.99, 192.0.2.66'),
          429,
          'too-many-requests',
        );
        expect((await login(member.email, MEMBER_PASSWORD, '192.0.2.67')).status).toBe(200);
      } finally {
        api.clock.set(start);
      }
    });
  });

  describe('writes per key', () => {
    it(`answers 429 past ${WRITES_PER_KEY} writes a minute by one key; other keys and reads carry on`, async () => {
      api.clock.set(start);
      const busy = await createKey(api, api.auth);
      const other = await createKey(api, api.auth);
      try {
        for (let i = 0; i < WRITES_PER_KEY; i += 1) {
          const response = await api.http
            .post('/api/v1/locations')
            .set(busy.auth)
            .send({ name: `Checkpoint ${i}`, lat: 47, lon: 37 });
          expect(response.status).toBe(201);
        }
        const refused = await api.http
          .post('/api/v1/locations')
          .set(busy.auth)
          .send({ name: 'One too many', lat: 47, lon: 37 });
        expectProblem(refused, 429, 'too-many-requests');
        expect(refused.headers['retry-after']).toEqual(expect.any(String));
        expect((await api.http.get('/api/v1/locations').set(busy.auth)).status).toBe(200);
        expect(
          (
            await api.http
              .post('/api/v1/locations')
              .set(other.auth)
              .send({ name: 'Other key', lat: 47, lon: 37 })
          ).status,
        ).toBe(201);
        api.clock.advance(MINUTE);
        expect(
          (
            await api.http
              .post('/api/v1/locations')
              .set(busy.auth)
              .send({ name: 'Next minute', lat: 47, lon: 37 })
          ).status,
        ).toBe(201);
      } finally {
        api.clock.set(start);
      }
    });
  });

  describe('hardening', () => {
    it('sends helmet headers with a content security policy that keeps the API docs working', async () => {
      const docs = await api.http.get('/api/docs');
      expect(docs.status).toBe(200);
      const csp = String(docs.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(docs.headers['x-content-type-options']).toBe('nosniff');
      // The docs page loads only same-origin scripts (no inline ones, which the policy would block).
      expect(docs.text).not.toMatch(/<script>(?!\s*<\/script>)/);
      const scripts = [...docs.text.matchAll(/<script src=['"]([^'"]+)['"]/g)].map((m) => m[1]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const src of scripts) {
        expect(src).not.toMatch(/^https?:/);
        expect((await api.http.get(new URL(src, 'http://x/api/docs/').pathname)).status).toBe(200);
      }
      const health = await api.http.get('/health');
      expect(health.headers['content-security-policy']).toBeDefined();
      // The harness serves plain http: no HSTS there (security-headers.e2e-spec covers https).
      expect(health.headers['strict-transport-security']).toBeUndefined();
    });

    it("keeps a caller's X-Request-Id, which the audit records, only when it looks like one", async () => {
      const location = { name: 'Vasylivka checkpoint', lat: 47.44, lon: 35.27 };
      const kept = await api.http
        .post('/api/v1/locations')
        .set(member.auth)
        .set('x-request-id', 'ticket-42.retry/1')
        .send(location);
      expect(kept.status).toBe(201);
      expect(kept.headers['x-request-id']).toBe('ticket-42.retry/1');
      const entries = await api.http
        .get('/api/v1/audit')
        .query({ entity: 'location', entityId: kept.body.id })
        .set(api.auth);
      expect(entries.body.items).toEqual([expect.objectContaining({ requestId: 'ticket-42.retry/1' })]);
      for (const odd of ['x'.repeat(101), 'two words', '<script>']) {
        const replaced = await api.http
          .post('/api/v1/locations')
          .set(member.auth)
          .set('x-request-id', odd)
          .send(location);
        expect(replaced.status).toBe(201);
        expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
      }
    });

    it('answers no cross-origin request by default', async () => {
      const preflight = await api.http
        .options('/api/v1/corridors')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      const read = await api.http
        .get('/api/v1/corridors')
        .set('Origin', 'https://evil.example')
        .set(member.auth);
      expect(read.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});

// An api with the default TRUST_PROXY: nothing a client writes in X-Forwarded-For changes its address.
describe.each(availableDialects())('the client address without a trusted proxy, on %s', (dialect) => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi(dialect);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('counts failed sign-ins per socket address: a spoofed X-Forwarded-For does not reset the per-address limit', async () => {
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      expectProblem(
        await api.http
          .post('/api/v1/auth/login')
          .set('x-forwarded-for', `203.0.113.${attempt}`)
          .send({ email: `guess${attempt}@ngo.test`, password: 'password123456' }),
        401,
        'invalid-credentials',
      );
    }
    // A new address in the header each time, and the right password of an account that never failed: still 429.
    for (const spoofed of ['198.51.100.7', '10.1.2.3, 198.51.100.8']) {
      expectProblem(
        await api.http
          .post('/api/v1/auth/login')
          .set('x-forwarded-for', spoofed)
          .send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
        429,
        'too-many-requests',
      );
    }
  });
});

// A second api per dialect: with CORS opened to one origin, and with Redis out of reach.
describe.each(availableDialects())('without Redis, and with CORS_ORIGINS, on %s', (dialect) => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi(dialect, {
      REDIS_URL: 'redis://127.0.0.1:1',
      CORS_ORIGINS: 'https://console.ngo.example',
    });
  });

  afterAll(async () => {
    // Not api.close(): it would clear this harness's job queues in Redis, which is out of reach here.
    await api?.app.close();
    await api?.database.drop();
  });

  it('keeps accepting reports when the rate limits cannot be counted (writes fail open)', async () => {
    const key = await createKey(api, api.auth);
    for (let i = 0; i < 3; i += 1) {
      expect(
        (
          await api.http
            .post('/api/v1/locations')
            .set(key.auth)
            .send({ name: `Shelter ${i}`, lat: 47, lon: 37 })
        ).status,
      ).toBe(201);
    }
  });

  it('still throttles sign-in, counting on this replica', async () => {
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expectProblem(
        await api.http
          .post('/api/v1/auth/login')
          .send({ email: ADMIN_EMAIL, password: `not it ${attempt} at all` }),
        401,
        'invalid-credentials',
      );
    }
    expectProblem(
      await api.http
        .post('/api/v1/auth/login')
        .send({ email: ADMIN_EMAIL, password: 'correct horse battery staple' }),
      429,
      'too-many-requests',
    );
  });

  it('answers the configured origin, and only it', async () => {
    const allowed = await api.http
      .options('/api/v1/corridors')
      .set('Origin', 'https://console.ngo.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,x-requested-with');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://console.ngo.example');
    const refused = await api.http
      .options('/api/v1/corridors')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });
});
