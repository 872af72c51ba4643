import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createKey, createMember, createOrganisation, signIn } from '../support/accounts.js';
import { startApi, type ApiHarness } from '../support/api-harness.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';

const HOUR = 3_600_000;

describe.each(availableDialects())('organisations and users on %s', (dialect) => {
  let api: ApiHarness;
  let orgA: string;

  const invite = async (email: string, role = 'reporter') => {
    const response = await api.http
      .post('/api/v1/users')
      .set(api.auth)
      .send({ email, displayName: email.split('@')[0], organisationId: orgA, role });
    expect(response.status).toBe(201);
    return {
      id: response.body.id as string,
      token: (response.body.inviteUrl as string).split('/invite/')[1],
    };
  };
  const accept = (token: string, password = 'a new long passphrase') =>
    api.http.post('/api/v1/auth/invite/accept').send({ token, password });

  beforeAll(async () => {
    api = await startApi(dialect, { PUBLIC_URL: 'https://corridors.example.org/' });
    orgA = await createOrganisation(api, 'Field NGO A');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('lists organisations for admins and refuses a second one of the same name', async () => {
    const list = await api.http.get('/api/v1/organisations').set(api.auth);
    expect(list.body.items.map((o: { name: string }) => o.name)).toEqual(['Administrators', 'Field NGO A']);
    expectProblem(
      await api.http.post('/api/v1/organisations').set(api.auth).send({ name: 'Field NGO A' }),
      409,
      'duplicate',
      'name',
    );
  });

  it('invites with a one-time link that sets the password once, within 72 hours', async () => {
    const olena = await invite('olena@ngo.test');
    const created = await api.http.get('/api/v1/users').query({ organisationId: orgA }).set(api.auth);
    expect(created.body.items.find((u: { id: string }) => u.id === olena.id)).toMatchObject({
      invitePending: true,
      disabled: false,
    });
    expectProblem(
      await api.http
        .post('/api/v1/auth/login')
        .send({ email: 'olena@ngo.test', password: 'a new long passphrase' }),
      401,
      'invalid-credentials',
    );

    // The page behind the link greets the person and states the rules before they choose a password.
    const check = (token: string) => api.http.get('/api/v1/auth/invite').query({ token });
    const described = await check(olena.token);
    expect(described.status).toBe(200);
    expect(described.body).toEqual({
      email: 'olena@ngo.test',
      displayName: 'olena',
      expiresAt: new Date(api.clock.now().getTime() + 72 * HOUR).toISOString(),
      passwordPolicy: { minLength: 12, maxLength: 1024 },
    });
    expectProblem(await check('not a token'), 400, 'validation', 'token');
    expectProblem(await check('x'.repeat(43)), 404, 'not-found', 'token');

    expectProblem(await accept(olena.token, 'too short'), 400, 'validation', 'password');
    expect((await accept(olena.token)).status).toBe(204);
    // Used: the page says so instead of asking for a password again.
    expectProblem(await check(olena.token), 404, 'not-found', 'token');
    expectProblem(await accept(olena.token, 'someone else again'), 404, 'not-found', 'token');
    expect((await signIn(api, 'olena@ngo.test', 'a new long passphrase')).length).toBeGreaterThan(20);

    const late = await invite('late@ngo.test');
    api.clock.advance(72 * HOUR + 1000);
    try {
      expectProblem(
        await api.http.get('/api/v1/auth/invite').query({ token: late.token }),
        404,
        'not-found',
        'token',
      );
      expectProblem(await accept(late.token), 404, 'not-found', 'token');
    } finally {
      api.clock.set('2022-05-10T12:00:00Z');
    }
  });

  it('builds the link on PUBLIC_URL and refuses a password shorter than 12 characters', async () => {
    const response = await api.http
      .post('/api/v1/users')
      .set(api.auth)
      .send({ email: 'x@ngo.test', displayName: 'X', organisationId: orgA, role: 'viewer' });
    expect(response.body.inviteUrl).toMatch(/^https:\/\/corridors\.example\.org\/invite\/[A-Za-z0-9_-]+$/);
    expectProblem(
      await api.http.post('/api/v1/users').set(api.auth).send({
        email: 'y@ngo.test',
        displayName: 'Y',
        organisationId: orgA,
        role: 'viewer',
        password: 'elevenchars',
      }),
      400,
      'validation',
      'password',
    );
    expectProblem(
      await api.http
        .post('/api/v1/users')
        .set(api.auth)
        .send({ email: 'X@ngo.test', displayName: 'X', organisationId: orgA, role: 'viewer' }),
      409,
      'duplicate',
      'email',
    );
  });

  it('disabling a user ends their sessions and stops their API keys at once, even a key just used', async () => {
    const coordinator = await createMember(api, orgA, 'coordinator', 'leaver@ngo.test');
    const key = await createKey(api, coordinator.auth);
    expect((await api.http.get('/api/v1/parties').set(key.auth)).status).toBe(200); // now in the 5 s cache
    const disabled = await api.http
      .patch(`/api/v1/users/${coordinator.id}`)
      .set(api.auth)
      .send({ disabled: true });
    expect(disabled.body).toMatchObject({ disabled: true });
    expectProblem(await api.http.get('/api/v1/parties').set(coordinator.auth), 401, 'unauthenticated');
    expectProblem(await api.http.get('/api/v1/parties').set(key.auth), 401, 'unauthenticated');
    expectProblem(
      await api.http
        .post('/api/v1/auth/login')
        .send({ email: coordinator.email, password: 'a passphrase long enough' }),
      401,
      'invalid-credentials',
    );

    await api.http.patch(`/api/v1/users/${coordinator.id}`).set(api.auth).send({ disabled: false });
    expect((await api.http.get('/api/v1/parties').set(key.auth)).status).toBe(200);
  });

  it("a role change applies to the user's keys at once", async () => {
    const coordinator = await createMember(api, orgA, 'coordinator', 'demoted@ngo.test');
    const key = await createKey(api, coordinator.auth);
    const party = { name: 'Mariupol City Council', kind: 'government' };
    expect((await api.http.get('/api/v1/parties').set(key.auth)).status).toBe(200);
    await api.http.patch(`/api/v1/users/${coordinator.id}`).set(api.auth).send({ role: 'viewer' });
    expectProblem(await api.http.post('/api/v1/parties').set(key.auth).send(party), 403, 'forbidden');
  });

  it('does not let anyone disable their own account', async () => {
    const me = (await api.http.get('/api/v1/auth/me').set(api.auth)).body.id;
    expectProblem(
      await api.http.patch(`/api/v1/users/${me}`).set(api.auth).send({ disabled: true }),
      403,
      'forbidden',
    );
  });
});
