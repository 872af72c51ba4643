import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import type { Response } from 'supertest';
import { AppConfig } from '#cw/config';
import { QueueName } from '#cw/jobs';
import { jobRecordId } from '../../apps/api/src/jobs/job-audit.js';
import { auditSince, createKey, lastAuditSeq } from '../support/accounts.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startApi, type ApiHarness } from '../support/api-harness.js';
import { failedJob } from '../support/failed-job.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';

const BOARD_API = '/api/admin/queues/api/queues';
// The harness's PUBLIC_URL: the origin the board's own page is served from.
const THIS_SITE = 'http://localhost:3000';

const sessionCookieOf = (response: Response): string => {
  const cookies = ([] as string[]).concat((response.headers['set-cookie'] as unknown as string[]) ?? []);
  const session = cookies.find((c) => c.startsWith('cw_session='));
  if (!session) throw new Error(`no session cookie in ${JSON.stringify(cookies)}`);
  return session.split(';')[0];
};

describe.each(availableDialects())('Bull Board writes on %s', (dialect) => {
  let api: ApiHarness;
  let adminId: string;
  let cookie: string;
  let maintenance: Queue;

  const pause = () => api.http.put(`${BOARD_API}/maintenance/pause`).set('Cookie', cookie);
  const resume = () => api.http.put(`${BOARD_API}/maintenance/resume`).set('Cookie', cookie);

  beforeAll(async () => {
    api = await startApi(dialect);
    adminId = (await api.http.get('/api/v1/auth/me').set(api.auth)).body.id;
    cookie = sessionCookieOf(
      await api.http.post('/api/v1/auth/login').send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    );
    const { QUEUE_PREFIX: prefix, REDIS_URL: url } = api.app.get(AppConfig);
    maintenance = new Queue(QueueName.Maintenance, { connection: { url }, prefix });
  });

  afterAll(async () => {
    await maintenance?.close();
    await api?.close();
  });

  it("refuses a cross-site write with a valid admin cookie, and changes nothing (the board's reads stay open)", async () => {
    const seq = await lastAuditSeq(api);
    const crossSite = [
      { Origin: 'https://evil.example' },
      // A form posted from a page that hides its origin.
      { Origin: 'null' },
      // Same site, another origin: SameSite=Strict lets the cookie through, the browser says where it came from.
      { 'Sec-Fetch-Site': 'same-site', Origin: 'https://blog.localhost:3000' },
      { 'Sec-Fetch-Site': 'cross-site' },
      // Neither header: not what a browser sends for a write from the board's page.
      {},
    ];
    for (const headers of crossSite) {
      expectProblem(await pause().set(headers), 403, 'forbidden');
    }
    expectProblem(
      await api.http
        .post(`${BOARD_API}/maintenance/add`)
        .set('Cookie', cookie)
        .set('Origin', 'https://evil.example')
        .send({ name: 'IdempotencyRecordPurge', data: {} }),
      403,
      'forbidden',
    );
    expect(await maintenance.isPaused()).toBe(false);
    expect(await maintenance.count()).toBe(0);
    expect(await auditSince(api, seq)).toEqual([]);
    expect((await api.http.get(BOARD_API).set('Cookie', cookie)).status).toBe(200);
  });

  it("accepts a write from the board's own page, and audits who did what on which queue", async () => {
    const seq = await lastAuditSeq(api);
    const paused = await pause().set('Origin', THIS_SITE);
    expect(paused.status).toBe(200);
    expect(await maintenance.isPaused()).toBe(true);
    const [entry, ...more] = await auditSince(api, seq);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actorId: adminId,
      actorCredential: 'session',
      action: 'queue.pause',
      entity: 'queue',
      entityId: 'maintenance',
      before: null,
      after: { via: 'bull-board', queue: 'maintenance' },
      requestId: paused.headers['x-request-id'],
      outcome: 'done',
    });

    // Where the browser sends Sec-Fetch-Site, its word is enough; the API's own CSRF header is accepted too.
    expect((await resume().set('Sec-Fetch-Site', 'same-origin')).status).toBe(200);
    expect(await maintenance.isPaused()).toBe(false);
    expect((await pause().set('x-requested-with', 'corridor-watch')).status).toBe(200);
    expect((await resume().set('x-requested-with', 'corridor-watch')).status).toBe(200);
    expect((await auditSince(api, seq)).map((e) => e.action)).toEqual([
      'queue.pause',
      'queue.resume',
      'queue.pause',
      'queue.resume',
    ]);
  });

  it('audits a job retried on the board as the retry route audits it: the same job, the same record id', async () => {
    const jobId = await failedJob(api);
    const seq = await lastAuditSeq(api);
    const retried = await api.http
      .put(`${BOARD_API}/maintenance/${jobId}/retry`)
      .set('Cookie', cookie)
      .set('Origin', THIS_SITE);
    expect(retried.status).toBe(204);
    expect(await auditSince(api, seq)).toEqual([
      expect.objectContaining({
        actorId: adminId,
        action: 'job.retry',
        entity: 'job',
        entityId: jobRecordId('job', 'maintenance', jobId),
        after: { via: 'bull-board', queue: 'maintenance', jobId },
      }),
    ]);
  });

  it('asks no origin of a bearer token (nothing ambient to ride on), but the write scope of an API key', async () => {
    expect((await api.http.put(`${BOARD_API}/maintenance/pause`).set(api.auth)).status).toBe(200);
    expect((await api.http.put(`${BOARD_API}/maintenance/resume`).set(api.auth)).status).toBe(200);
    const readOnly = await createKey(api, api.auth, ['read']);
    expectProblem(await api.http.put(`${BOARD_API}/maintenance/pause`).set(readOnly.auth), 403, 'forbidden');
    expect(await maintenance.isPaused()).toBe(false);
    expect((await api.http.get(BOARD_API).set(readOnly.auth)).status).toBe(200);
  });
});

describe.each(availableDialects())('Bull Board writes and the write rate limit on %s', (dialect) => {
  const WRITES_PER_KEY = 4;
  let api: ApiHarness;
  let maintenance: Queue;

  beforeAll(async () => {
    api = await startApi(dialect, { WRITES_PER_KEY_PER_MINUTE: String(WRITES_PER_KEY) });
    const { QUEUE_PREFIX: prefix, REDIS_URL: url } = api.app.get(AppConfig);
    maintenance = new Queue(QueueName.Maintenance, { connection: { url }, prefix });
  });

  afterAll(async () => {
    await maintenance?.resume();
    await maintenance?.close();
    await api?.close();
  });

  it('counts board writes in the key’s budget, shared with the API: past it, 429 and nothing changes', async () => {
    const busy = await createKey(api, api.auth);
    const board = (verb: 'pause' | 'resume') =>
      api.http.put(`${BOARD_API}/maintenance/${verb}`).set(busy.auth);
    expect((await board('pause')).status).toBe(200);
    expect((await board('resume')).status).toBe(200);
    const place = await api.http
      .post('/api/v1/locations')
      .set(busy.auth)
      .send({ name: 'Zaporizhzhia', lat: 47.8, lon: 35.1 });
    expect(place.status).toBe(201);
    expect((await board('pause')).status).toBe(200);
    expect(await maintenance.isPaused()).toBe(true);

    const refused = await board('resume');
    expectProblem(refused, 429, 'too-many-requests');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await maintenance.isPaused()).toBe(true);
    expectProblem(
      await api.http.post('/api/v1/locations').set(busy.auth).send({ name: 'Orikhiv', lat: 47.6, lon: 35.8 }),
      429,
      'too-many-requests',
    );
    // Reads carry on, and so do other keys.
    expect((await api.http.get(BOARD_API).set(busy.auth)).status).toBe(200);
    expect((await api.http.put(`${BOARD_API}/maintenance/resume`).set(api.auth)).status).toBe(200);
    expect(await maintenance.isPaused()).toBe(false);
  });
});
