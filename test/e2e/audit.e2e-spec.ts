import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { FlagRepository } from '#cw/persistence';
import { ACCESS_POLICY, type RoutePolicy } from '../../apps/api/src/auth/access-policy.js';
import {
  auditSince,
  bearer,
  createMember,
  createOrganisation,
  lastAuditSeq,
  signIn,
  type AuditEntry,
  type Member,
} from '../support/accounts.js';
import { ADMIN_EMAIL, startApi, type ApiHarness } from '../support/api-harness.js';
import { FAILED_JOB_REASON, failedJob } from '../support/failed-job.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';

const AUDITED_BY_THEIR_OWN_ISSUE = [
  // test/e2e/alerts.e2e-spec.ts checks their entries.
  'POST /api/v1/subscriptions',
  'DELETE /api/v1/subscriptions/:id',
  'POST /api/v1/unsubscribe',
  // test/e2e/webhooks.e2e-spec.ts checks it: a replay needs a delivery, which needs the worker.
  'POST /api/v1/webhook-endpoints/:id/deliveries/:deliveryId/replay',
  // test/e2e/feeds.e2e-spec.ts and imports.e2e-spec.ts check theirs (a dry run writes nothing, so no entry).
  'POST /api/v1/feeds',
  'DELETE /api/v1/feeds/:id',
  'POST /api/v1/imports/corridors',
  'POST /api/v1/imports/windows',
  'POST /api/v1/imports/evacuations',
  // test/e2e/alerts-language.e2e-spec.ts checks its entry (an organisation's language).
  'PATCH /api/v1/organisations/:id',
];

describe.each(availableDialects())('the audit trail on %s', (dialect) => {
  let api: ApiHarness;
  let corridorId: string;
  let adminId: string;
  let orgA: string;
  let coordinator: Member;
  let reporter: Member;
  const exercised = new Set<string>();

  /** Runs one write and returns the one audit entry it must have appended. */
  const audited = async (
    route: string,
    write: () => Promise<Response>,
    status: number,
  ): Promise<{ response: Response; entry: AuditEntry }> => {
    const seq = await lastAuditSeq(api);
    const response = await write();
    expect(`${route} ${response.status} ${JSON.stringify(response.body)}`).toMatch(
      new RegExp(`^${route.replace(/[/:]/g, '.')} ${status} `),
    );
    const entries = await auditSince(api, seq);
    expect({ route, entries: entries.length }).toEqual({ route, entries: 1 });
    expect(entries[0]).toMatchObject({ outcome: 'done', requestId: response.headers['x-request-id'] });
    exercised.add(route);
    return { response, entry: entries[0] };
  };

  beforeAll(async () => {
    api = await startApi(dialect);
    adminId = (await api.http.get('/api/v1/auth/me').set(api.auth)).body.id;
    orgA = await createOrganisation(api, 'Field NGO A');
    coordinator = await createMember(api, orgA, 'coordinator', 'coordinator@ngo.test');
    reporter = await createMember(api, orgA, 'reporter', 'reporter@ngo.test');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('appends exactly one entry for every write route, with actor, organisation, action, record and changed fields', async () => {
    const asAdmin = { actorId: adminId, actorCredential: 'session' };
    const asCoordinator = { actorId: coordinator.id, actorCredential: 'session', organisationId: orgA };
    const asReporter = { actorId: reporter.id, actorCredential: 'session', organisationId: orgA };

    const organisation = await audited(
      'POST /api/v1/organisations',
      () => api.http.post('/api/v1/organisations').set(api.auth).send({ name: 'Field NGO B' }),
      201,
    );
    expect(organisation.entry).toMatchObject({
      ...asAdmin,
      action: 'organisation.create',
      entity: 'organisation',
      entityId: organisation.response.body.id,
      organisationId: organisation.response.body.id,
      before: null,
      after: { name: 'Field NGO B' },
    });

    const invited = await audited(
      'POST /api/v1/users',
      () =>
        api.http
          .post('/api/v1/users')
          .set(api.auth)
          .send({ email: 'Olena@NGO.test', displayName: 'Olena', organisationId: orgA, role: 'viewer' }),
      201,
    );
    const inviteUrl = invited.response.body.inviteUrl as string;
    expect(inviteUrl).toMatch(/^http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{40,}$/);
    expect(invited.entry).toMatchObject({
      ...asAdmin,
      action: 'user.create',
      entity: 'user',
      entityId: invited.response.body.id,
      organisationId: orgA,
      after: { email: 'olena@ngo.test', role: 'viewer', organisationId: orgA, invited: true },
    });
    expect(JSON.stringify(invited.entry)).not.toContain(inviteUrl.split('/').pop());

    const accepted = await audited(
      'POST /api/v1/auth/invite/accept',
      () =>
        api.http
          .post('/api/v1/auth/invite/accept')
          .send({ token: inviteUrl.split('/').pop(), password: 'olena has a long passphrase' }),
      204,
    );
    expect(accepted.entry).toMatchObject({
      actorId: invited.response.body.id,
      organisationId: orgA,
      action: 'user.invite_accept',
      entity: 'user',
      entityId: invited.response.body.id,
      after: { invitePending: false },
    });

    const signedIn = await audited(
      'POST /api/v1/auth/login',
      () =>
        api.http
          .post('/api/v1/auth/login')
          .send({ email: 'olena@ngo.test', password: 'olena has a long passphrase' }),
      200,
    );
    expect(signedIn.entry).toMatchObject({
      actorId: invited.response.body.id,
      actorCredential: 'session',
      organisationId: orgA,
      action: 'session.sign_in',
      entity: 'session',
    });
    expect(JSON.stringify(signedIn.entry)).not.toContain(signedIn.response.body.token);
    const olena = bearer(signedIn.response.body.token);

    const signedOut = await audited(
      'POST /api/v1/auth/logout',
      () => api.http.post('/api/v1/auth/logout').set(olena),
      204,
    );
    expect(signedOut.entry).toMatchObject({
      actorId: invited.response.body.id,
      action: 'session.sign_out',
      entity: 'session',
      entityId: signedIn.entry.entityId,
    });

    const olenaAgain = bearer(await signIn(api, 'olena@ngo.test', 'olena has a long passphrase'));
    const everywhere = await audited(
      'POST /api/v1/auth/logout-everywhere',
      () => api.http.post('/api/v1/auth/logout-everywhere').set(olenaAgain),
      204,
    );
    expect(everywhere.entry).toMatchObject({
      actorId: invited.response.body.id,
      action: 'session.sign_out_everywhere',
      entity: 'user',
      entityId: invited.response.body.id,
      after: { sessionsEnded: 1 },
    });

    const promoted = await audited(
      'PATCH /api/v1/users/:id',
      () =>
        api.http
          .patch(`/api/v1/users/${invited.response.body.id}`)
          .set(coordinator.auth)
          .send({ role: 'reporter', displayName: 'Olena' }),
      200,
    );
    expect(promoted.entry).toMatchObject({
      ...asCoordinator,
      action: 'user.update',
      entity: 'user',
      entityId: invited.response.body.id,
      before: { role: 'viewer' },
      after: { role: 'reporter' },
    });

    const key = await audited(
      'POST /api/v1/api-keys',
      () =>
        api.http
          .post('/api/v1/api-keys')
          .set(coordinator.auth)
          .send({ name: 'Field phone', scopes: ['write', 'read'] }),
      201,
    );
    expect(key.entry).toMatchObject({
      ...asCoordinator,
      action: 'api_key.create',
      entity: 'api_key',
      entityId: key.response.body.id,
      after: { name: 'Field phone', scopes: ['read', 'write'], prefix: key.response.body.prefix },
    });
    expect(JSON.stringify(key.entry)).not.toContain(key.response.body.key);

    const party = await audited(
      'POST /api/v1/parties',
      () =>
        api.http
          .post('/api/v1/parties')
          .set(coordinator.auth)
          .send({ name: 'Government of Ukraine', kind: 'belligerent' }),
      201,
    );
    expect(party.entry).toMatchObject({
      ...asCoordinator,
      action: 'party.create',
      entity: 'party',
      entityId: party.response.body.id,
      after: { name: 'Government of Ukraine', kind: 'belligerent' },
    });
    const announcer = (
      await api.http
        .post('/api/v1/parties')
        .set(coordinator.auth)
        .send({ name: 'Ministry of Defence of the Russian Federation', kind: 'belligerent' })
    ).body.id;
    const un = (
      await api.http
        .post('/api/v1/parties')
        .set(coordinator.auth)
        .send({ name: 'United Nations OCHA', kind: 'humanitarian' })
    ).body.id;

    const location = await audited(
      'POST /api/v1/locations',
      () =>
        api.http
          .post('/api/v1/locations')
          .set(reporter.auth)
          .send({ name: 'Azovstal Iron and Steel Works', lat: 47.098, lon: 37.61 }),
      201,
    );
    expect(location.entry).toMatchObject({
      ...asReporter,
      action: 'location.create',
      entity: 'location',
      entityId: location.response.body.id,
      after: { name: 'Azovstal Iron and Steel Works', lat: 47.098, lon: 37.61 },
    });
    const placeEdit = await audited(
      'PATCH /api/v1/locations/:id',
      () =>
        api.http
          .patch(`/api/v1/locations/${location.response.body.id}`)
          .set(reporter.auth)
          .send({ name: 'Azovstal Iron and Steel Works', timezone: 'Europe/Kiev' }),
      200,
    );
    // Only what changed: the name sent as it was is not in the entry.
    expect(placeEdit.entry).toMatchObject({
      ...asReporter,
      action: 'location.update',
      entity: 'location',
      entityId: location.response.body.id,
      before: { timezone: null },
      after: { timezone: 'Europe/Kyiv' },
    });
    expect(Object.keys(placeEdit.entry.after as object)).toEqual(['timezone']);

    const corridor = await audited(
      'POST /api/v1/corridors',
      () =>
        api.http
          .post('/api/v1/corridors')
          .set(reporter.auth)
          .send({
            name: 'Azovstal – Zaporizhzhia',
            originId: location.response.body.id,
            announcedById: announcer,
            announcedAt: '2022-05-05T08:00:00+03:00',
            timezone: 'Europe/Kyiv',
            requiredConfirmationIds: [party.response.body.id],
            windows: [{ startsAt: '2022-05-05T08:00:00+03:00', endsAt: '2022-05-05T18:00:00+03:00' }],
          }),
      201,
    );
    corridorId = corridor.response.body.id as string;
    expect(corridor.entry).toMatchObject({
      ...asReporter,
      action: 'corridor.create',
      entity: 'corridor',
      entityId: corridorId,
      corridorId,
      after: {
        name: 'Azovstal – Zaporizhzhia',
        announcedById: announcer,
        requiredConfirmationIds: [party.response.body.id],
        windows: 1,
      },
    });

    const edited = await audited(
      'PATCH /api/v1/corridors/:id',
      () =>
        api.http
          .patch(`/api/v1/corridors/${corridorId}`)
          .set(coordinator.auth)
          .send({
            version: corridor.response.body.version,
            name: 'Mariupol (Azovstal) – Zaporizhzhia',
            timezone: 'Europe/Kyiv',
            requiredConfirmationIds: [party.response.body.id, un],
          }),
      200,
    );
    expect(edited.entry).toMatchObject({
      ...asCoordinator,
      action: 'corridor.update',
      entity: 'corridor',
      entityId: corridorId,
      corridorId,
    });
    // Only what changed: the time zone was sent unchanged and is not in the entry.
    expect(edited.entry.before).toEqual({
      name: 'Azovstal – Zaporizhzhia',
      requiredConfirmationIds: [party.response.body.id],
    });
    expect(edited.entry.after).toEqual({
      name: 'Mariupol (Azovstal) – Zaporizhzhia',
      requiredConfirmationIds: [party.response.body.id, un].sort(),
    });

    const operation = await audited(
      'POST /api/v1/operations',
      () =>
        api.http
          .post('/api/v1/operations')
          .set(coordinator.auth)
          .send({ name: 'Azovstal operation', corridorIds: [corridorId] }),
      201,
    );
    const operationId = operation.response.body.id;
    expect(operation.entry).toMatchObject({
      ...asCoordinator,
      action: 'operation.create',
      entity: 'operation',
      entityId: operationId,
      before: null,
      after: expect.objectContaining({ name: 'Azovstal operation', corridorIds: [corridorId] }),
    });
    const operationEdit = await audited(
      'PATCH /api/v1/operations/:id',
      () =>
        api.http
          .patch(`/api/v1/operations/${operationId}`)
          .set(coordinator.auth)
          .send({ version: operation.response.body.version, name: 'First Azovstal operation' }),
      200,
    );
    expect(operationEdit.entry).toMatchObject({
      ...asCoordinator,
      action: 'operation.update',
      entity: 'operation',
      entityId: operationId,
      before: { name: 'Azovstal operation' },
      after: { name: 'First Azovstal operation' },
    });

    const window = await audited(
      'POST /api/v1/corridors/:id/windows',
      () =>
        api.http
          .post(`/api/v1/corridors/${corridorId}/windows`)
          .set(reporter.auth)
          .send({ startsAt: '2022-05-06T08:00:00+03:00', endsAt: '2022-05-06T18:00:00+03:00' }),
      201,
    );
    expect(window.entry).toMatchObject({
      ...asReporter,
      action: 'window.create',
      entity: 'window',
      entityId: window.response.body.id,
      corridorId,
      after: { startsAt: '2022-05-06T05:00:00.000Z', endsAt: '2022-05-06T15:00:00.000Z' },
    });
    const closed = await audited(
      'PATCH /api/v1/corridors/:id/windows/:windowId',
      () =>
        api.http
          .patch(`/api/v1/corridors/${corridorId}/windows/${window.response.body.id}`)
          .set(reporter.auth)
          .send({ endsAt: '2022-05-06T20:00:00+03:00', version: 1 }),
      200,
    );
    expect(closed.entry).toMatchObject({
      ...asReporter,
      action: 'window.update',
      entity: 'window',
      entityId: window.response.body.id,
      corridorId,
      before: { endsAt: '2022-05-06T15:00:00.000Z' },
      after: { endsAt: '2022-05-06T17:00:00.000Z' },
    });

    const reports: [string, string, Member, object, string, object][] = [
      [
        'confirmations',
        'confirmation',
        coordinator,
        { partyId: party.response.body.id, stance: 'confirmed', statedAt: '2022-05-05T07:00:00+03:00' },
        'confirmation.create',
        { stance: 'confirmed', partyId: party.response.body.id },
      ],
      [
        'evacuations',
        'evacuation',
        reporter,
        {
          sourcePartyId: un,
          reportedAt: '2022-05-05T20:00:00+03:00',
          count: { qualifier: 'exact', value: 344 },
          category: 'civilians',
        },
        'evacuation.create',
        { count: { qualifier: 'exact', value: 344 }, category: 'civilians' },
      ],
      [
        'remaining',
        'remaining',
        reporter,
        {
          sourcePartyId: un,
          reportedAt: '2022-05-05T20:00:00+03:00',
          count: { qualifier: 'about', value: 100 },
        },
        'remaining.create',
        { count: { qualifier: 'about', value: 100 } },
      ],
      [
        'incidents',
        'incident',
        reporter,
        {
          kind: 'shelling',
          occurredAt: '2022-05-05T10:00:00+03:00',
          description: 'Shelling near the assembly point',
        },
        'incident.create',
        { kind: 'shelling' },
      ],
    ];
    for (const [path, entity, actor, body, action, after] of reports) {
      const report = await audited(
        `POST /api/v1/corridors/:id/${path}`,
        () => api.http.post(`/api/v1/corridors/${corridorId}/${path}`).set(actor.auth).send(body),
        201,
      );
      expect(report.entry).toMatchObject({
        actorId: actor.id,
        organisationId: orgA,
        action,
        entity,
        entityId: report.response.body.id,
        corridorId,
        before: null,
        after,
      });
      const correction = await audited(
        `PATCH /api/v1/corridors/:id/${path}/:reportId`,
        () =>
          api.http
            .patch(`/api/v1/corridors/${corridorId}/${path}/${report.response.body.id}`)
            .set(actor.auth)
            .send({ version: 1, sourceUrl: 'https://news.un.org/en/story/2022/05/1117562' }),
        200,
      );
      expect(correction.entry).toMatchObject({
        actorId: actor.id,
        organisationId: orgA,
        action: `${entity}.update`,
        entity,
        entityId: report.response.body.id,
        corridorId,
        before: { sourceUrl: null },
        after: { sourceUrl: 'https://news.un.org/en/story/2022/05/1117562' },
      });
    }

    // A report entered twice is withdrawn, with the reason; the entry keeps what it said.
    const twice: [string, string, Member, object][] = [
      [
        'confirmations',
        'confirmation',
        coordinator,
        { partyId: party.response.body.id, stance: 'confirmed', statedAt: '2022-05-05T07:05:00+03:00' },
      ],
      [
        'evacuations',
        'evacuation',
        reporter,
        {
          sourcePartyId: un,
          reportedAt: '2022-05-05T20:05:00+03:00',
          count: { qualifier: 'exact', value: 344 },
          category: 'civilians',
        },
      ],
      [
        'remaining',
        'remaining',
        reporter,
        {
          sourcePartyId: un,
          reportedAt: '2022-05-05T20:05:00+03:00',
          count: { qualifier: 'about', value: 100 },
        },
      ],
      [
        'incidents',
        'incident',
        reporter,
        {
          kind: 'shelling',
          occurredAt: '2022-05-05T10:05:00+03:00',
          description: 'Shelling near the assembly point',
        },
      ],
    ];
    for (const [path, entity, actor, body] of twice) {
      const created = await api.http
        .post(`/api/v1/corridors/${corridorId}/${path}`)
        .set(actor.auth)
        .send(body);
      expect(created.status).toBe(201);
      const retraction = await audited(
        `POST /api/v1/corridors/:id/${path}/:reportId/retract`,
        () =>
          api.http
            .post(`/api/v1/corridors/${corridorId}/${path}/${created.body.id}/retract`)
            .set(actor.auth)
            .send({ version: 1, reason: 'Entered twice' }),
        200,
      );
      expect(retraction.entry).toMatchObject({
        actorId: actor.id,
        organisationId: orgA,
        action: `${entity}.retract`,
        entity,
        entityId: created.body.id,
        corridorId,
        before: expect.any(Object),
        after: { reason: 'Entered twice' },
      });
    }

    // Flags are the worker's; one is raised here as the worker raises it.
    const flagId = randomUUID();
    await api.app.get(FlagRepository).raise(
      [
        {
          id: flagId,
          corridorId,
          windowId: corridor.response.body.windows[0].id,
          rule: 'never_confirmed',
          severity: 'critical',
        },
      ],
      api.clock.now(),
      api.db,
    );
    const acknowledged = await audited(
      'POST /api/v1/flags/:id/acknowledge',
      () =>
        api.http
          .post(`/api/v1/flags/${flagId}/acknowledge`)
          .set(coordinator.auth)
          .send({ note: ' No buses sent until Russia confirms. ' }),
      200,
    );
    expect(acknowledged.entry).toMatchObject({
      ...asCoordinator,
      action: 'flag.acknowledge',
      entity: 'flag',
      entityId: flagId,
      corridorId,
      before: { acknowledgedAt: null, acknowledgedById: null, acknowledgeNote: null },
      after: {
        acknowledgedAt: '2022-05-10T12:00:00.000Z',
        acknowledgedById: coordinator.id,
        acknowledgeNote: 'No buses sent until Russia confirms.',
      },
    });
    // The first acknowledgement stands: a second one changes nothing and appends nothing.
    const seqAfterAcknowledge = await lastAuditSeq(api);
    const again = await api.http.post(`/api/v1/flags/${flagId}/acknowledge`).set(api.auth).send({});
    expect(again.body).toMatchObject({ acknowledgedById: coordinator.id });
    expect(await auditSince(api, seqAfterAcknowledge)).toEqual([]);

    // Several at once: one entry per flag, the same as one alone. A second flag of the window, raised by the worker's
    // no-evacuation rule, is acknowledged here with the first: only the second is new, so one entry.
    const secondFlagId = randomUUID();
    await api.app.get(FlagRepository).raise(
      [
        {
          id: secondFlagId,
          corridorId,
          windowId: corridor.response.body.windows[0].id,
          rule: 'no_evacuation_reported',
          severity: 'warning',
        },
      ],
      api.clock.now(),
      api.db,
    );
    const acknowledgedTogether = await audited(
      'POST /api/v1/flags/acknowledge',
      () =>
        api.http
          .post('/api/v1/flags/acknowledge')
          .set(coordinator.auth)
          .send({ ids: [flagId, secondFlagId] }),
      200,
    );
    expect(acknowledgedTogether.entry).toMatchObject({
      ...asCoordinator,
      action: 'flag.acknowledge',
      entity: 'flag',
      entityId: secondFlagId,
      corridorId,
      before: { acknowledgedAt: null, acknowledgedById: null },
      after: { acknowledgedAt: '2022-05-10T12:00:00.000Z', acknowledgedById: coordinator.id },
    });

    const jobId = await failedJob(api);
    const retried = await audited(
      'POST /api/v1/jobs/failed/:id/retry',
      () => api.http.post(`/api/v1/jobs/failed/${jobId}/retry`).set(api.auth),
      200,
    );
    expect(retried.entry).toMatchObject({
      ...asAdmin,
      action: 'job.retry',
      entity: 'job',
      entityId: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
      corridorId: null,
      before: { state: 'failed', failedReason: FAILED_JOB_REASON },
      after: { state: 'waiting', failedReason: null, queue: 'maintenance', jobId, name: 'NoSuchJob' },
    });

    const cancelled = await audited(
      'POST /api/v1/corridors/:id/cancel',
      () =>
        api.http
          .post(`/api/v1/corridors/${corridorId}/cancel`)
          .set(coordinator.auth)
          .send({ reason: 'Shelling resumed' }),
      200,
    );
    expect(cancelled.entry).toMatchObject({
      ...asCoordinator,
      action: 'corridor.cancel',
      entity: 'corridor',
      entityId: corridorId,
      before: { cancelled: false },
      after: { cancelled: true, cancelReason: 'Shelling resumed' },
    });

    const held = await api.http
      .post('/api/v1/corridors')
      .set(coordinator.auth)
      .send({
        name: 'Berdiansk – Zaporizhzhia (held back)',
        originId: location.response.body.id,
        announcedById: announcer,
        announcedAt: '2022-05-05T08:00:00+03:00',
        timezone: 'Europe/Kyiv',
        windows: [{ startsAt: '2022-05-06T08:00:00+03:00', endsAt: '2022-05-06T18:00:00+03:00' }],
        embargo: { untilWindowsEnd: true },
      })
      .expect(201);
    const lifted = await audited(
      'POST /api/v1/corridors/:id/embargo/lift',
      () => api.http.post(`/api/v1/corridors/${held.body.id}/embargo/lift`).set(coordinator.auth),
      200,
    );
    expect(lifted.entry).toMatchObject({
      ...asCoordinator,
      action: 'corridor.embargo_lift',
      entity: 'corridor',
      entityId: held.body.id,
      corridorId: held.body.id,
      before: { embargo: { untilWindowsEnd: true }, embargoLiftedAt: null },
      after: { embargoLiftedAt: expect.any(String) },
    });

    const endpoint = await audited(
      'POST /api/v1/webhook-endpoints',
      () =>
        api.http
          .post('/api/v1/webhook-endpoints')
          .set(coordinator.auth)
          .send({ url: 'https://93.184.215.14/hook', events: ['flag.raised'] }),
      201,
    );
    expect(endpoint.entry).toMatchObject({
      ...asCoordinator,
      action: 'webhook_endpoint.create',
      entity: 'webhook_endpoint',
      entityId: endpoint.response.body.id,
      before: null,
      after: { url: 'https://93.184.215.14/hook', events: ['flag.raised'], description: null },
    });
    expect(JSON.stringify(endpoint.entry)).not.toContain(endpoint.response.body.secret);
    const endpointEdit = await audited(
      'PATCH /api/v1/webhook-endpoints/:id',
      () =>
        api.http
          .patch(`/api/v1/webhook-endpoints/${endpoint.response.body.id}`)
          .set(coordinator.auth)
          .send({ events: ['flag.raised', 'flag.resolved'], enabled: false }),
      200,
    );
    expect(endpointEdit.entry).toMatchObject({
      action: 'webhook_endpoint.update',
      before: { events: ['flag.raised'], enabled: true },
      after: { events: ['flag.raised', 'flag.resolved'], enabled: false },
    });
    const endpointGone = await audited(
      'DELETE /api/v1/webhook-endpoints/:id',
      () => api.http.delete(`/api/v1/webhook-endpoints/${endpoint.response.body.id}`).set(coordinator.auth),
      204,
    );
    expect(endpointGone.entry).toMatchObject({
      action: 'webhook_endpoint.delete',
      before: { url: 'https://93.184.215.14/hook', events: ['flag.raised', 'flag.resolved'] },
      after: null,
    });

    const revoked = await audited(
      'DELETE /api/v1/api-keys/:id',
      () => api.http.delete(`/api/v1/api-keys/${key.response.body.id}`).set(coordinator.auth),
      204,
    );
    expect(revoked.entry).toMatchObject({
      ...asCoordinator,
      action: 'api_key.revoke',
      entity: 'api_key',
      entityId: key.response.body.id,
      before: { revokedAt: null },
      after: { revokedAt: '2022-05-10T12:00:00.000Z' },
    });

    const disabled = await audited(
      'PATCH /api/v1/users/:id',
      () =>
        api.http.patch(`/api/v1/users/${invited.response.body.id}`).set(api.auth).send({ disabled: true }),
      200,
    );
    expect(disabled.entry).toMatchObject({
      ...asAdmin,
      action: 'user.disable',
      organisationId: orgA,
      before: { disabled: false },
      after: { disabled: true },
    });

    // Every write route the api serves is among those above (the public benchmark route is not served here).
    const served = new Set(
      Object.entries(
        (await api.http.get('/api/docs-json')).body.paths as Record<string, Record<string, unknown>>,
      ).flatMap(([path, operations]) =>
        Object.keys(operations).map(
          (method) => `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`,
        ),
      ),
    );
    const writes = Object.keys(ACCESS_POLICY as Record<string, RoutePolicy>).filter(
      (route) => served.has(route) && !route.startsWith('GET '),
    );
    expect(
      writes.filter((route) => !exercised.has(route) && !AUDITED_BY_THEIR_OWN_ISSUE.includes(route)),
    ).toEqual([]);
  });

  it('rolls the entry back with the write it records', async () => {
    const seq = await lastAuditSeq(api);
    const duplicate = await api.http
      .post('/api/v1/organisations')
      .set(api.auth)
      .send({ name: 'Field NGO A' });
    expectProblem(duplicate, 409, 'duplicate', 'name');
    expect(await auditSince(api, seq)).toEqual([]);
  });

  it('shows edits on the corridor timeline, with who changed which field', async () => {
    const timeline = await api.http.get(`/api/v1/corridors/${corridorId}/timeline`).set(reporter.auth);
    expect(timeline.status).toBe(200);
    const edits = timeline.body.events.filter((e: { kind: string }) => e.kind === 'edit');
    const source = {
      field: 'sourceUrl',
      before: null,
      after: 'https://news.un.org/en/story/2022/05/1117562',
    };
    expect(edits).toEqual([
      expect.objectContaining({
        kind: 'edit',
        entity: 'corridor',
        recordId: corridorId,
        enteredById: coordinator.id,
        summary: 'Edited: name, requiredConfirmationIds',
        changes: expect.arrayContaining([
          { field: 'name', before: 'Azovstal – Zaporizhzhia', after: 'Mariupol (Azovstal) – Zaporizhzhia' },
        ]),
      }),
      expect.objectContaining({
        kind: 'edit',
        entity: 'window',
        enteredById: reporter.id,
        summary: 'Edited: endsAt',
        changes: [{ field: 'endsAt', before: '2022-05-06T15:00:00.000Z', after: '2022-05-06T17:00:00.000Z' }],
      }),
      ...[
        ['confirmation', 'Confirmation corrected', coordinator],
        ['evacuation', 'Evacuation report corrected', reporter],
        ['remaining', 'Remaining-population report corrected', reporter],
        ['incident', 'Incident corrected', reporter],
      ].map(([entity, summary, actor]) =>
        expect.objectContaining({
          kind: 'edit',
          entity,
          enteredById: (actor as Member).id,
          summary: `${summary as string}: sourceUrl`,
          changes: [source],
        }),
      ),
    ]);
    // Creates are their own events, not edits; the cancellation and the flags' acknowledgements are too: one each
    // for the never_confirmed flag acknowledged alone and the no_evacuation_reported flag acknowledged with it.
    // Both at the same instant: the timeline may give them in either order.
    expect(
      timeline.body.events
        .filter((e: { kind: string; summary: string }) => /acknowledged/.test(e.summary))
        .sort((a: { summary: string }, b: { summary: string }) => a.summary.localeCompare(b.summary)),
    ).toEqual([
      expect.objectContaining({
        kind: 'flag',
        summary: 'Flag acknowledged: never confirmed (critical)',
        enteredById: coordinator.id,
      }),
      expect.objectContaining({
        kind: 'flag',
        summary: 'Flag acknowledged: no evacuation reported (warning)',
        enteredById: coordinator.id,
      }),
    ]);
    expect(timeline.body.events.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining([
        'announcement',
        'window',
        'confirmation',
        'evacuation',
        'remaining',
        'incident',
        'cancellation',
        'flag',
        'edit',
      ]),
    );
  });

  it('filters the audit by actor, record and time, newest first, page by page; admins only', async () => {
    const byCoordinator = await api.http
      .get('/api/v1/audit')
      .query({ actorId: coordinator.id })
      .set(api.auth);
    expect(byCoordinator.body.items.length).toBeGreaterThan(3);
    expect(byCoordinator.body.items.every((e: AuditEntry) => e.actorId === coordinator.id)).toBe(true);

    const corridorEntries = await api.http.get('/api/v1/audit').query({ entity: 'corridor' }).set(api.auth);
    expect(corridorEntries.body.items.map((e: AuditEntry) => e.action)).toEqual([
      'corridor.embargo_lift',
      'corridor.create',
      'corridor.cancel',
      'corridor.update',
      'corridor.create',
    ]);
    const one = corridorEntries.body.items[2] as AuditEntry;
    const byRecord = await api.http
      .get('/api/v1/audit')
      .query({ entity: 'corridor', entityId: one.entityId })
      .set(api.auth);
    expect(byRecord.body.items).toHaveLength(3);

    const none = await api.http.get('/api/v1/audit').query({ to: '2022-05-10T11:59:59Z' }).set(api.auth);
    expect(none.body.items).toEqual([]);
    const today = await api.http
      .get('/api/v1/audit')
      .query({ from: '2022-05-10T12:00:00+00:00', to: '2022-05-10T12:00:01Z' })
      .set(api.auth);
    expect(today.body.items.length).toBeGreaterThan(20);
    expectProblem(
      await api.http.get('/api/v1/audit').query({ from: '2022-05-10T12:00:00' }).set(api.auth),
      400,
      'time-without-offset',
      'from',
    );

    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Response = await api.http
        .get('/api/v1/audit')
        .query({ limit: 7, ...(cursor ? { cursor } : {}) })
        .set(api.auth);
      seen.push(...page.body.items.map((e: AuditEntry) => e.seq));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(seen.length);

    expectProblem(await api.http.get('/api/v1/audit').set(coordinator.auth), 403, 'forbidden');
  });

  it('keeps who signed in first: the bootstrap admin was created by the system', async () => {
    const first = await api.http
      .get('/api/v1/audit')
      .query({ entity: 'user', entityId: adminId })
      .set(api.auth);
    expect(first.body.items).toEqual([
      expect.objectContaining({
        actorId: null,
        action: 'user.create',
        after: expect.objectContaining({ email: ADMIN_EMAIL, role: 'admin' }),
      }),
    ]);
  });
});
