import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createKey, createMember, createOrganisation } from '../support/accounts.js';
import { startApi, type ApiHarness } from '../support/api-harness.js';
import { Fixtures } from '../support/fixtures.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { eventually } from '../support/worker-harness.js';
import {
  startWorkerStack,
  TEST_APP_SECRET as APP_SECRET,
  type WorkerStack,
} from '../support/worker-stack.js';

/** Nothing stored and nothing audited: what a refused request must leave behind. */
async function endpointRows(api: ApiHarness): Promise<{ endpoints: number; audited: number }> {
  const endpoints = await api.db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM webhook_endpoint');
  const audited = await api.db.get<{ n: number | string }>(
    "SELECT COUNT(*) AS n FROM audit_entry WHERE entity = 'webhook_endpoint'",
  );
  return { endpoints: Number(endpoints?.n), audited: Number(audited?.n) };
}

describe.each(availableDialects())('webhook endpoints refuse what they must not send to (%s)', (dialect) => {
  let api: ApiHarness;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    api = await startApi(dialect, { APP_SECRET }); // WEBHOOK_ALLOW_PRIVATE not set
  });

  afterAll(async () => {
    await api?.close();
    await receiver?.close();
  });

  it.each([
    ['a link-local address (cloud metadata)', 'http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['an IPv6 link-local address', 'http://[fe80::1]:8080/hook', 'link-local'],
    [
      'a cloud metadata address outside link-local',
      'http://100.100.100.200/latest/meta-data/',
      'cloud metadata',
    ],
    ['a loopback address', 'RECEIVER', 'loopback address (WEBHOOK_ALLOW_PRIVATE is not set)'],
    ['a host name resolving to loopback', 'LOCALHOST', 'localhost resolves to'],
    ['an IPv6 loopback address', 'http://[::1]:9/hook', 'loopback'],
    ['a private (RFC 1918) address', 'http://10.20.30.40/hook', 'private (RFC 1918)'],
    ['a unique local (ULA) address', 'http://[fd12:3456::1]/hook', 'unique local'],
    ['a carrier-grade NAT address', 'http://100.64.1.1/hook', 'carrier-grade NAT'],
    ['the unspecified address', 'http://0.0.0.0:80/hook', 'unspecified'],
    ['a URL with credentials', 'https://user:secret@93.184.215.14/hook', 'user name or password'],
  ])(
    'refuses %s when the endpoint is saved: 422 naming url, nothing stored',
    async (_what, given, reason) => {
      const url =
        given === 'RECEIVER'
          ? `${receiver.origin}/hook`
          : given === 'LOCALHOST'
            ? `http://localhost:${receiver.port}/hook`
            : given;
      const before = await endpointRows(api);
      const response = await api.http
        .post('/api/v1/webhook-endpoints')
        .set(api.auth)
        .send({ url, events: ['flag.raised'] });
      expectProblem(response, 422, 'unsafe-webhook-url', 'url');
      expect(response.body.detail).toContain(reason);
      expect(await endpointRows(api)).toEqual(before);
      expect(receiver.received).toEqual([]);
    },
  );

  it.each([
    ['a url that is not a URL', { url: 'not a url', events: ['flag.raised'] }, 'url'],
    ['a url of another scheme', { url: 'ftp://files.example.org/x', events: ['flag.raised'] }, 'url'],
    ['no url', { events: ['flag.raised'] }, 'url'],
    ['an unknown event', { url: 'https://93.184.215.14/hook', events: ['flag.exploded'] }, 'events'],
    ['no events', { url: 'https://93.184.215.14/hook', events: [] }, 'events'],
    [
      'events repeated',
      { url: 'https://93.184.215.14/hook', events: ['flag.raised', 'flag.raised'] },
      'events',
    ],
    [
      'an unknown field',
      { url: 'https://93.184.215.14/hook', events: ['flag.raised'], secret: 'mine' },
      'secret',
    ],
  ])('answers %s with 400 naming the field, nothing stored', async (_what, body, field) => {
    const before = await endpointRows(api);
    expectProblem(
      await api.http.post('/api/v1/webhook-endpoints').set(api.auth).send(body),
      400,
      'validation',
      field,
    );
    expect(await endpointRows(api)).toEqual(before);
  });

  it('takes a public https URL (checked, not called) and refuses to PATCH it to a private one', async () => {
    const created = await api.http
      .post('/api/v1/webhook-endpoints')
      .set(api.auth)
      .send({ url: 'https://93.184.215.14/hook', events: ['flag.raised'] });
    expect(created.status).toBe(201);
    const before = await endpointRows(api);
    expectProblem(
      await api.http
        .patch(`/api/v1/webhook-endpoints/${created.body.id}`)
        .set(api.auth)
        .send({ url: 'http://192.168.1.1/' }),
      422,
      'unsafe-webhook-url',
      'url',
    );
    expectProblem(
      await api.http
        .patch(`/api/v1/webhook-endpoints/${created.body.id}`)
        .set(api.auth)
        .send({ events: ['nope'] }),
      400,
      'validation',
      'events',
    );
    expect(await endpointRows(api)).toEqual(before);
    const listed = await api.http.get('/api/v1/webhook-endpoints').set(api.auth);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, url: 'https://93.184.215.14/hook', enabled: true }),
    ]);
    expect(listed.body.items[0]).not.toHaveProperty('secret');
  });

  it("keeps each organisation's endpoints to itself: another coordinator sees none and reaches none (404)", async () => {
    const other = await createMember(
      api,
      await createOrganisation(api, 'Other NGO'),
      'coordinator',
      'c@other.test',
    );
    const mine = (await api.http.get('/api/v1/webhook-endpoints').set(api.auth)).body.items as {
      id: string;
    }[];
    expect(mine.length).toBeGreaterThan(0);
    expect((await api.http.get('/api/v1/webhook-endpoints').set(other.auth)).body.items).toEqual([]);
    expectProblem(
      await api.http.delete(`/api/v1/webhook-endpoints/${mine[0].id}`).set(other.auth),
      404,
      'not-found',
    );
    expectProblem(
      await api.http.get(`/api/v1/webhook-endpoints/${mine[0].id}/deliveries`).set(other.auth),
      404,
      'not-found',
    );
    const viewer = await createMember(api, other.organisationId, 'viewer', 'v@other.test');
    expectProblem(await api.http.get('/api/v1/webhook-endpoints').set(viewer.auth), 403, 'forbidden');
  });
});

describe.each(availableDialects())('webhooks in production (%s)', (dialect) => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi(dialect, {
      APP_SECRET,
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://watch.example.org',
    });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('refuses an http URL (https required), before any lookup', async () => {
    const key = await createKey(api, api.auth);
    const response = await api.http
      .post('/api/v1/webhook-endpoints')
      .set(key.auth)
      .send({ url: 'http://hooks.ngo.example/corridor-watch', events: ['evacuation.reported'] });
    expectProblem(response, 422, 'unsafe-webhook-url', 'url');
    expect(response.body.detail).toContain('must be an https URL');
  });
});

// The address is checked again when the request is made, after DNS resolution, on the address connected to: an
// endpoint saved while its name resolved to an allowed address (here: an api that allows private ones) is refused
// by a worker that does not, and the receiver hears nothing.
describe.each(availableDialects())('webhooks checked again at delivery (%s)', (dialect) => {
  let stack: WorkerStack;
  let api: ApiHarness;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    stack = await startWorkerStack(dialect, 'webhooks-ssrf', {
      env: { APP_SECRET },
      apiOnly: { WEBHOOK_ALLOW_PRIVATE: 'true' },
    });
    api = stack.api;
    await stack.startWorker({ WEBHOOK_INTERVAL_MS: '200', WEBHOOK_RETRY_BASE_MS: '100000' });
  });

  afterAll(async () => {
    await stack?.close();
    await receiver?.close();
  });

  it('refuses a host name that resolves to 127.0.0.1 when private addresses are not allowed, recorded as a failed attempt', async () => {
    const created = await api.http
      .post('/api/v1/webhook-endpoints')
      .set(api.auth)
      .send({ url: `http://localhost:${receiver.port}/rebound`, events: ['evacuation.reported'] });
    expect(created.status).toBe(201);
    const fx = new Fixtures(api);
    const world = await fx.azovstal();
    const corridor = await fx.corridor({
      name: 'Azovstal to Zaporizhzhia',
      originId: world.azovstal,
      announcedById: world.ruMod,
      announcedAt: '2022-05-04T20:00:00+03:00',
      timezone: 'Europe/Moscow',
    });
    await fx.report(corridor.id, 'evacuations', {
      sourcePartyId: world.un,
      reportedAt: '2022-05-05T20:00:00+03:00',
      count: { qualifier: 'exact', value: 12 },
      category: 'civilians',
    });
    const [delivery] = await eventually(
      async () =>
        (await api.http.get(`/api/v1/webhook-endpoints/${created.body.id}/deliveries`).set(api.auth)).body
          .items as { status: string; error: string | null; lastResponseCode: number | null }[],
      (found) => found[0]?.error != null,
    );
    expect(delivery).toMatchObject({ status: 'retrying', lastResponseCode: null });
    expect(delivery.error).toMatch(
      /^refused: localhost resolves to (127\.0\.0\.1|::1) is a loopback address \(WEBHOOK_ALLOW_PRIVATE is not set\)$/,
    );
    expect(receiver.received).toEqual([]);
  });
});
