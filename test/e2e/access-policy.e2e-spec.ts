import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '#cw/accounts';
import { ACCESS_POLICY, roleMeets, type RoutePolicy } from '../../apps/api/src/auth/access-policy.js';
import {
  auditSince,
  bearer,
  createKey,
  createMember,
  createOrganisation,
  lastAuditSeq,
  refresh,
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
import { Fixtures } from '../support/fixtures.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';

type Method = 'get' | 'post' | 'patch' | 'delete';
const ROLES: readonly Role[] = ['admin', 'coordinator', 'reporter', 'viewer'];
const IDLE_MINUTES = 60;

interface Route {
  route: string;
  method: Method;
  path: string;
  policy: RoutePolicy;
}

// One table decides who may do what (apps/api/src/auth/access-policy.ts); this suite is generated from it:
// every route it lists that the api serves, for every role, without credentials, with a revoked key, with an
// expired session, and with a key of another organisation.
describe.each(availableDialects())('the access policy on %s', (dialect) => {
  let api: ApiHarness;
  let routes: Route[];
  let orgA: string;
  let orgB: string;
  const members = {} as Record<Role, Member>;
  let coordinatorB: Member;
  let reporterB: Member;
  let ids: { corridor: string; operation: string; user: string; party: string; location: string };
  /** A report of each kind, entered by organisation A, for the routes that correct one. */
  const reportIds: Record<string, string> = {};

  const call = (method: Method, url: string, auth?: { Authorization: string }) => {
    const request = api.http[method](url);
    if (auth) void request.set(auth);
    return method === 'get' || method === 'delete' ? request : request.send({});
  };

  /** The route's URL with ids of organisation A's records (a fresh API key each time, as revoking spends it). */
  const urlOf = async (route: Route): Promise<string> => {
    let url = route.path;
    if (url.startsWith('/api/v1/api-keys/:id'))
      url = url.replace(':id', (await createKey(api, members.coordinator.auth)).id);
    if (url.startsWith('/api/v1/corridors/:id')) url = url.replace(':id', ids.corridor);
    if (url.startsWith('/api/v1/operations/:id')) url = url.replace(':id', ids.operation);
    const kind = /^\/api\/v1\/corridors\/[^/]+\/(\w+)\/:reportId(\/retract)?$/.exec(url)?.[1];
    if (kind) url = url.replace(':reportId', reportIds[kind]);
    if (url.startsWith('/api/v1/users/:id')) url = url.replace(':id', ids.user);
    if (url.startsWith('/api/v1/parties/:id')) url = url.replace(':id', ids.party);
    if (url.startsWith('/api/v1/locations/:id')) url = url.replace(':id', ids.location);
    if (url.startsWith('/api/v1/webhook-endpoints/:id')) {
      // A public address, checked when saved and never called: no worker runs here.
      const endpoint = await api.http
        .post('/api/v1/webhook-endpoints')
        .set(members.coordinator.auth)
        .send({ url: 'https://93.184.215.14/hook', events: ['flag.raised'] });
      url = url.replace(':id', endpoint.body.id as string);
    }
    return url.replace(/:[a-zA-Z]+/g, () => randomUUID());
  };

  /** Signing out would end the session the next routes use: those two get a session of their own. */
  const endsSessions = (route: Route) => route.path.startsWith('/api/v1/auth/logout');

  beforeAll(async () => {
    api = await startApi(dialect, { SESSION_IDLE_MINUTES: String(IDLE_MINUTES) });
    const docs = await api.http.get('/api/docs-json');
    const served = new Set(
      Object.entries(docs.body.paths as Record<string, Record<string, unknown>>).flatMap(
        ([path, operations]) =>
          Object.keys(operations).map(
            (method) => `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`,
          ),
      ),
    );
    // A route the api serves without a rule would be refused to everyone; that is a bug to see here first.
    expect([...served].filter((route) => !(route in ACCESS_POLICY))).toEqual([]);
    routes = Object.entries(ACCESS_POLICY as Record<string, RoutePolicy>)
      .filter(([route]) => served.has(route))
      .map(([route, policy]) => {
        const [method, path] = route.split(' ');
        return { route, method: method.toLowerCase() as Method, path, policy };
      });

    orgA = await createOrganisation(api, 'Field NGO A');
    orgB = await createOrganisation(api, 'Field NGO B');
    members.admin = await createMember(api, orgA, 'admin', 'admin.a@ngo.test');
    for (const role of ['coordinator', 'reporter', 'viewer'] as const) {
      members[role] = await createMember(api, orgA, role, `${role}.a@ngo.test`);
    }
    coordinatorB = await createMember(api, orgB, 'coordinator', 'coordinator.b@ngo.test');
    reporterB = await createMember(api, orgB, 'reporter', 'reporter.b@ngo.test');
    const world = await new Fixtures({ ...api, auth: members.coordinator.auth }).azovstal();
    const corridor = await api.http.post('/api/v1/corridors').set(members.coordinator.auth).send({
      name: 'Mariupol – Zaporizhzhia',
      originId: world.azovstal,
      destinationId: world.zaporizhzhia,
      announcedById: world.ruMod,
      announcedAt: '2022-05-05T08:00:00+03:00',
      timezone: 'Europe/Kyiv',
    });
    expect(corridor.status).toBe(201);
    const operation = await api.http
      .post('/api/v1/operations')
      .set(members.coordinator.auth)
      .send({ name: 'Safe passage operation', corridorIds: [corridor.body.id] });
    expect(operation.status).toBe(201);
    ids = {
      corridor: corridor.body.id,
      operation: operation.body.id,
      user: members.viewer.id,
      party: world.ruMod,
      location: world.azovstal,
    };
    const reports: [string, { Authorization: string }, object][] = [
      [
        'confirmations',
        members.coordinator.auth,
        { partyId: world.uaGov, stance: 'confirmed', statedAt: '2022-05-05T07:00:00+03:00' },
      ],
      [
        'evacuations',
        members.reporter.auth,
        {
          sourcePartyId: world.un,
          reportedAt: '2022-05-05T20:00:00+03:00',
          count: { qualifier: 'exact', value: 344 },
          category: 'civilians',
        },
      ],
      [
        'remaining',
        members.reporter.auth,
        {
          sourcePartyId: world.un,
          reportedAt: '2022-05-05T20:00:00+03:00',
          count: { qualifier: 'about', value: 100 },
        },
      ],
      [
        'incidents',
        members.reporter.auth,
        { kind: 'shelling', occurredAt: '2022-05-05T10:00:00+03:00', description: 'Shelling near the plant' },
      ],
    ];
    for (const [kind, auth, body] of reports) {
      const report = await api.http.post(`/api/v1/corridors/${ids.corridor}/${kind}`).set(auth).send(body);
      expect(`${kind} ${report.status}`).toBe(`${kind} 201`);
      reportIds[kind] = report.body.id;
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  it('has a rule for every route the api serves, and the table covers the routes of this issue', () => {
    expect(routes.map((r) => r.route)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/organisations',
        'PATCH /api/v1/users/:id',
        'GET /api/v1/audit',
        'POST /api/v1/auth/logout-everywhere',
        'PATCH /api/v1/corridors/:id',
        'PATCH /api/v1/corridors/:id/evacuations/:reportId',
        'POST /api/v1/operations',
        'PATCH /api/v1/operations/:id',
      ]),
    );
  });

  it('answers every route without credentials with 401, except the public ones', async () => {
    for (const route of routes) {
      const response = await call(route.method, await urlOf(route));
      if (route.policy.role === 'public') {
        expect({ route: route.route, status: response.status }).not.toEqual({
          route: route.route,
          status: 401,
        });
      } else {
        expect({ route: route.route, status: response.status, type: response.body?.type }).toEqual({
          route: route.route,
          status: 401,
          type: '/problems/unauthenticated',
        });
      }
    }
  });

  it.each(ROLES)('lets a %s do exactly what the table allows', async (role) => {
    const member = members[role];
    for (const route of routes) {
      const auth = endsSessions(route) ? bearer(await signIn(api, member.email)) : member.auth;
      const response = await call(route.method, await urlOf(route), auth);
      const outcome = { route: route.route, role, status: response.status, detail: response.body?.detail };
      if (route.policy.role === 'public' || roleMeets(role, route.policy)) {
        expect([401, 403]).not.toContain(outcome.status);
      } else {
        expect(outcome).toEqual({ ...outcome, status: 403 });
        expect(response.body.type).toBe('/problems/forbidden');
      }
      if (route.route === 'POST /api/v1/auth/logout-everywhere') await refresh(api, member);
    }
  });

  it('refuses a revoked key on every route with 401', async () => {
    const key = await createKey(api, members.admin.auth);
    expect((await api.http.delete(`/api/v1/api-keys/${key.id}`).set(members.admin.auth)).status).toBe(204);
    for (const route of routes.filter((r) => r.policy.role !== 'public')) {
      const response = await call(route.method, await urlOf(route), key.auth);
      expect({ route: route.route, status: response.status }).toEqual({ route: route.route, status: 401 });
    }
  });

  it('refuses a session idle for longer than SESSION_IDLE_MINUTES on every route with 401', async () => {
    const session = bearer(await signIn(api, ADMIN_EMAIL, ADMIN_PASSWORD));
    const start = api.clock.now();
    api.clock.advance((IDLE_MINUTES + 1) * 60_000);
    try {
      // Every other session is idle too now: the ids in the paths are random, as sign-in is checked first.
      for (const route of routes.filter((r) => r.policy.role !== 'public')) {
        const url = route.path.replace(/:[a-zA-Z]+/g, () => randomUUID());
        const response = await call(route.method, url, session);
        expect({ route: route.route, status: response.status }).toEqual({ route: route.route, status: 401 });
      }
    } finally {
      api.clock.set(start);
    }
  });

  it("treats a key of another organisation by its owner's role, and refuses it organisation A's records", async () => {
    const key = await createKey(api, coordinatorB.auth);
    for (const route of routes.filter((r) => r.policy.role !== 'public' && !endsSessions(r))) {
      const response = await call(route.method, await urlOf(route), key.auth);
      const outcome = { route: route.route, status: response.status };
      if (!roleMeets('coordinator', route.policy)) expect(outcome).toEqual({ ...outcome, status: 403 });
      else if (route.policy.object)
        expect(outcome).toEqual({ ...outcome, status: route.policy.object.refuseWith });
      else expect([401, 403]).not.toContain(outcome.status);
    }
  });

  describe('records of another organisation (BOLA)', () => {
    it("refuses a coordinator of B every edit of A's corridor with 403, audits each attempt, and changes nothing", async () => {
      const corridor = (await api.http.get(`/api/v1/corridors/${ids.corridor}`).set(api.auth)).body;
      const before = await storedState(api.db);
      const seq = await lastAuditSeq(api);
      const attempts: [Method, string, object, { Authorization: string }, string][] = [
        ['patch', '', { version: corridor.version, name: 'Hijacked' }, coordinatorB.auth, 'corridor.update'],
        ['post', '/cancel', { reason: 'Not ours to cancel' }, coordinatorB.auth, 'corridor.cancel'],
        [
          'post',
          '/windows',
          { startsAt: '2022-05-11T08:00:00+03:00', endsAt: '2022-05-11T18:00:00+03:00' },
          reporterB.auth,
          'window.create',
        ],
      ];
      for (const [method, suffix, body, auth] of attempts) {
        expectProblem(
          await api.http[method](`/api/v1/corridors/${ids.corridor}${suffix}`).set(auth).send(body),
          403,
          'forbidden',
        );
      }
      expect(await storedState(api.db)).toEqual(before);
      const audited = await auditSince(api, seq);
      expect(audited).toEqual(
        attempts.map(([, , , auth, action]) =>
          expect.objectContaining({
            actorId: auth === coordinatorB.auth ? coordinatorB.id : reporterB.id,
            organisationId: orgB,
            action,
            entity: 'corridor',
            entityId: ids.corridor,
            corridorId: ids.corridor,
            outcome: 'refused',
            requestId: expect.any(String),
          }),
        ),
      );
    });

    it("answers a coordinator of B 404 for A's API keys and users, as if they did not exist, and audits it", async () => {
      const keyOfA = await createKey(api, members.coordinator.auth);
      const seq = await lastAuditSeq(api);
      const unknownKey = await api.http.delete(`/api/v1/api-keys/${randomUUID()}`).set(coordinatorB.auth);
      const revoke = await api.http.delete(`/api/v1/api-keys/${keyOfA.id}`).set(coordinatorB.auth);
      expectProblem(revoke, 404, 'not-found');
      expect(revoke.body.detail).toBe(unknownKey.body.detail.replace(/[0-9a-f-]{36}/, keyOfA.id));
      expect((await api.http.get('/api/v1/parties').set(keyOfA.auth)).status).toBe(200);

      expectProblem(
        await api.http
          .patch(`/api/v1/users/${members.viewer.id}`)
          .set(coordinatorB.auth)
          .send({ disabled: true }),
        404,
        'not-found',
      );
      expect((await api.http.get('/api/v1/auth/me').set(members.viewer.auth)).status).toBe(200);
      expect(await auditSince(api, seq)).toEqual([
        expect.objectContaining({
          action: 'api_key.revoke',
          entityId: keyOfA.id,
          outcome: 'refused',
          actorId: coordinatorB.id,
        }),
        expect.objectContaining({
          action: 'user.update',
          entityId: members.viewer.id,
          outcome: 'refused',
          actorId: coordinatorB.id,
        }),
      ]);
    });

    it("lets the coordinator of A edit A's corridor and an admin edit anyone's", async () => {
      const read = async () => (await api.http.get(`/api/v1/corridors/${ids.corridor}`).set(api.auth)).body;
      const own = await api.http
        .patch(`/api/v1/corridors/${ids.corridor}`)
        .set(members.coordinator.auth)
        .send({ version: (await read()).version, sourceNote: 'Announced on the MoD Telegram channel' });
      expect(own.status).toBe(200);
      const admin = await api.http
        .patch(`/api/v1/corridors/${ids.corridor}`)
        .set(api.auth)
        .send({ version: (await read()).version, name: 'Mariupol – Zaporizhzhia (Azovstal)' });
      expect(admin.status).toBe(200);
    });

    it('lets a coordinator manage their own organisation but neither make an admin nor list another organisation', async () => {
      expectProblem(
        await api.http
          .patch(`/api/v1/users/${members.viewer.id}`)
          .set(members.coordinator.auth)
          .send({ role: 'admin' }),
        403,
        'forbidden',
      );
      const promoted = await api.http
        .patch(`/api/v1/users/${members.viewer.id}`)
        .set(members.coordinator.auth)
        .send({ role: 'reporter' });
      expect(promoted.body).toMatchObject({ role: 'reporter' });
      await api.http.patch(`/api/v1/users/${members.viewer.id}`).set(api.auth).send({ role: 'viewer' });

      const listed = await api.http
        .get('/api/v1/users')
        .query({ organisationId: orgB })
        .set(members.coordinator.auth);
      expect(listed.status).toBe(200);
      expect(new Set(listed.body.items.map((u: { organisationId: string }) => u.organisationId))).toEqual(
        new Set([orgA]),
      );
    });
  });
});
