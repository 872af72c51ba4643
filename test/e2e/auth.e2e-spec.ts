import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startApi,
  storedState,
  type ApiHarness,
} from '../support/api-harness.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

// Field offices run the console on isolated networks and integrators pull data with keys:
// nothing but health, the API docs and sign-in itself answers without credentials.
describe.each(availableDialects())('sign-in and access on %s', (dialect) => {
  let api: ApiHarness;
  const PUBLIC = new Set([
    'GET /health',
    'POST /api/v1/auth/login',
    'GET /api/v1/auth/invite',
    'POST /api/v1/auth/invite/accept',
    // The signed token in an alert e-mail is the authority (issue 5).
    'GET /api/v1/unsubscribe',
    'POST /api/v1/unsubscribe',
    // The feed's token in its address is the authority, for calendar applications (issue 14).
    'GET /api/v1/feeds/{token}/windows.ics',
  ]);

  const login = (email: string, password: string) =>
    api.http.post('/api/v1/auth/login').send({ email, password });
  const sessionCookieOf = (response: { headers: Record<string, unknown> }): string => {
    const cookies = ([] as string[]).concat(
      (response.headers['set-cookie'] as string | string[] | undefined) ?? [],
    );
    const session = cookies.find((c) => c.startsWith('cw_session='));
    if (!session) throw new Error(`no session cookie in ${JSON.stringify(cookies)}`);
    return session.split(';')[0];
  };

  beforeAll(async () => {
    api = await startApi(dialect);
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('without credentials', () => {
    it('refuses every route of the API document with 401, except health, the docs, sign-in and accepting an invitation', async () => {
      const docs = await api.http.get('/api/docs-json');
      expect(docs.status).toBe(200);
      const routes = Object.entries(docs.body.paths as Record<string, Record<string, unknown>>).flatMap(
        ([path, operations]) => Object.keys(operations).map((method) => ({ method: method as Method, path })),
      );
      expect(routes.length).toBeGreaterThanOrEqual(20);

      const refused: string[] = [];
      const open: string[] = [];
      for (const { method, path } of routes) {
        const route = `${method.toUpperCase()} ${path}`;
        const url = path.replace(/\{[^}]+\}/g, () => randomUUID());
        const request = api.http[method](url);
        const response = await (method === 'get' || method === 'delete' ? request : request.send({}));
        if (PUBLIC.has(route)) {
          open.push(route);
          expect({ route, status: response.status }).not.toEqual({ route, status: 401 });
          continue;
        }
        expect({ route, status: response.status, type: response.body?.type }).toEqual({
          route,
          status: 401,
          type: '/problems/unauthenticated',
        });
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        refused.push(route);
      }
      expect(open.sort()).toEqual([...PUBLIC].sort());
      expect(refused).toEqual(
        expect.arrayContaining([
          'POST /api/v1/corridors',
          'GET /api/v1/api-keys',
          'POST /api/v1/auth/logout',
        ]),
      );
    });

    it('serves the API docs and health without credentials', async () => {
      const ui = await api.http.get('/api/docs');
      expect(ui.status).toBe(200);
      expect(ui.headers['content-type']).toMatch(/text\/html/);
      const health = await api.http.get('/health');
      expect(health.body).toMatchObject({ database: 'up' });
    });

    it('refuses a token that was never issued, and a malformed Authorization header', async () => {
      expectProblem(
        await api.http.get('/api/v1/parties').set('Authorization', 'Bearer cw_live_notarealkey'),
        401,
        'unauthenticated',
      );
      expectProblem(
        await api.http.get('/api/v1/parties').set('Authorization', `Basic ${api.adminToken}`),
        401,
        'unauthenticated',
      );
    });
  });

  describe('signing in', () => {
    it('answers a wrong password exactly as it answers an unknown e-mail address', async () => {
      const wrongPassword = await login(ADMIN_EMAIL, 'correct horse battery stapler');
      const unknownEmail = await login('nobody@corridor.test', ADMIN_PASSWORD);
      expectProblem(wrongPassword, 401, 'invalid-credentials');
      expectProblem(unknownEmail, 401, 'invalid-credentials');
      expect(wrongPassword.body).toEqual(unknownEmail.body);
      expect(wrongPassword.headers['set-cookie']).toBeUndefined();
    });

    it('refuses a sign-in without a password as invalid input', async () => {
      expectProblem(
        await api.http.post('/api/v1/auth/login').send({ email: ADMIN_EMAIL }),
        400,
        'validation',
        'password',
      );
    });

    it('gives a session token that works as a Bearer token', async () => {
      const session = await login(ADMIN_EMAIL, ADMIN_PASSWORD);
      expect(session.status).toBe(200);
      expect(session.body).toMatchObject({
        token: expect.any(String),
        user: { email: ADMIN_EMAIL, role: 'admin' },
      });
      const me = await api.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${session.body.token}`);
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ email: ADMIN_EMAIL, role: 'admin' });
    });

    it('sets an httpOnly, same-site session cookie that lets the console read', async () => {
      const session = await login(ADMIN_EMAIL, ADMIN_PASSWORD);
      const setCookie = ([] as string[]).concat(session.headers['set-cookie'] ?? []).join('\n');
      expect(setCookie).toMatch(/cw_session=.*HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Strict/i);
      const parties = await api.http.get('/api/v1/parties').set('Cookie', sessionCookieOf(session));
      expect(parties.status).toBe(200);
      expect(parties.body).toMatchObject({ items: expect.any(Array), nextCursor: null });
    });

    it('refuses a cookie-signed-in write without the x-requested-with header (a cross-site form cannot send it)', async () => {
      const cookie = sessionCookieOf(await login(ADMIN_EMAIL, ADMIN_PASSWORD));
      const party = { name: 'Government of Ukraine', kind: 'belligerent' };
      const before = await storedState(api.db);
      expectProblem(
        await api.http.post('/api/v1/parties').set('Cookie', cookie).send(party),
        403,
        'forbidden',
      );
      expectProblem(
        await api.http
          .post('/api/v1/parties')
          .set('Cookie', cookie)
          .set('x-requested-with', 'XMLHttpRequest')
          .send(party),
        403,
        'forbidden',
      );
      expect(await storedState(api.db)).toEqual(before);

      const accepted = await api.http
        .post('/api/v1/parties')
        .set('Cookie', cookie)
        .set('x-requested-with', 'corridor-watch')
        .send(party);
      expect(accepted.status).toBe(201);
    });

    it('ends the session on logout: neither its token nor its cookie works afterwards', async () => {
      const session = await login(ADMIN_EMAIL, ADMIN_PASSWORD);
      const bearer = { Authorization: `Bearer ${session.body.token}` };
      const cookie = sessionCookieOf(session);
      expect((await api.http.get('/api/v1/auth/me').set(bearer)).status).toBe(200);

      const logout = await api.http.post('/api/v1/auth/logout').set(bearer);
      expect(logout.status).toBe(204);
      expect(([] as string[]).concat(logout.headers['set-cookie'] ?? []).join('\n')).toMatch(/cw_session=;/);

      expectProblem(await api.http.get('/api/v1/auth/me').set(bearer), 401, 'unauthenticated');
      expectProblem(await api.http.get('/api/v1/parties').set('Cookie', cookie), 401, 'unauthenticated');
      // Other sessions of the same person are untouched.
      expect((await api.http.get('/api/v1/auth/me').set(api.auth)).status).toBe(200);
    });

    it('ends a session when it expires', async () => {
      const session = await login(ADMIN_EMAIL, ADMIN_PASSWORD);
      const bearer = { Authorization: `Bearer ${session.body.token}` };
      api.clock.set(new Date(new Date(session.body.expiresAt).getTime() + 1000));
      try {
        expectProblem(await api.http.get('/api/v1/auth/me').set(bearer), 401, 'unauthenticated');
      } finally {
        api.clock.set('2022-05-10T12:00:00Z');
      }
      expect((await api.http.get('/api/v1/auth/me').set(bearer)).status).toBe(200);
    });
  });

  describe('API keys for integrators', () => {
    const createKey = async (name: string, scopes: string[]) => {
      const response = await api.http.post('/api/v1/api-keys').set(api.auth).send({ name, scopes });
      expect(response.status).toBe(201);
      return response.body as { id: string; key: string; prefix: string; scopes: string[] };
    };

    it('returns the key once: the list never shows it', async () => {
      const created = await createKey('HDX export', ['read', 'write']);
      expect(created.key).toEqual(expect.any(String));
      expect(created.key.startsWith(created.prefix)).toBe(true);
      expect(created.key.length).toBeGreaterThan(created.prefix.length + 16);

      const list = await api.http.get('/api/v1/api-keys').set(api.auth);
      expect(list.status).toBe(200);
      const listed = (list.body as { id: string }[]).find((k) => k.id === created.id);
      expect(listed).toMatchObject({ name: 'HDX export', prefix: created.prefix, revokedAt: null });
      expect(listed).not.toHaveProperty('key');
      expect(JSON.stringify(list.body)).not.toContain(created.key);

      const withKey = await api.http.get('/api/v1/parties').set('Authorization', `Bearer ${created.key}`);
      expect(withKey.status).toBe(200);
      const written = await api.http
        .post('/api/v1/parties')
        .set('Authorization', `Bearer ${created.key}`)
        .send({ name: 'Azov Regiment (National Guard of Ukraine)', kind: 'belligerent' });
      expect(written.status).toBe(201);
    });

    it('lets a read-only key read and refuses its writes with 403', async () => {
      const readOnly = await createKey('Dashboard (read only)', ['read']);
      const bearer = { Authorization: `Bearer ${readOnly.key}` };
      expect((await api.http.get('/api/v1/corridors').set(bearer)).status).toBe(200);
      const before = await storedState(api.db);
      expectProblem(
        await api.http
          .post('/api/v1/parties')
          .set(bearer)
          .send({ name: 'Mariupol City Council', kind: 'government' }),
        403,
        'forbidden',
      );
      expectProblem(
        await api.http
          .post('/api/v1/api-keys')
          .set(bearer)
          .send({ name: 'escalated', scopes: ['write'] }),
        403,
        'forbidden',
      );
      expect(await storedState(api.db)).toEqual(before);
    });

    it('refuses a revoked key with 401', async () => {
      const key = await createKey('Old integration', ['read']);
      const bearer = { Authorization: `Bearer ${key.key}` };
      expect((await api.http.get('/api/v1/parties').set(bearer)).status).toBe(200);

      const revoked = await api.http.delete(`/api/v1/api-keys/${key.id}`).set(api.auth);
      expect(revoked.status).toBe(204);
      expectProblem(await api.http.get('/api/v1/parties').set(bearer), 401, 'unauthenticated');
      const listed = (
        (await api.http.get('/api/v1/api-keys').set(api.auth)).body as {
          id: string;
          revokedAt: string | null;
        }[]
      ).find((k) => k.id === key.id);
      expect(listed?.revokedAt).toBe('2022-05-10T12:00:00.000Z');
    });

    it('answers 404 when revoking a key that does not exist', async () => {
      expectProblem(
        await api.http.delete(`/api/v1/api-keys/${randomUUID()}`).set(api.auth),
        404,
        'not-found',
      );
    });

    it('refuses a key request without scopes', async () => {
      expectProblem(
        await api.http.post('/api/v1/api-keys').set(api.auth).send({ name: 'No scopes', scopes: [] }),
        400,
        'validation',
        'scopes',
      );
      expectProblem(
        await api.http
          .post('/api/v1/api-keys')
          .set(api.auth)
          .send({ name: 'Admin', scopes: ['admin'] }),
        400,
        'validation',
        'scopes',
      );
    });
  });
});
