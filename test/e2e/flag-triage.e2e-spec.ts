import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FlagEvaluationService } from '#cw/flags';
import { FlagRepository } from '#cw/persistence';
import {
  auditSince,
  createMember,
  createOrganisation,
  lastAuditSeq,
  type Member,
} from '../support/accounts.js';
import { ADMIN_EMAIL, startApi, type ApiHarness } from '../support/api-harness.js';
import { importDemoData } from '../support/demo.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';

interface Flag {
  id: string;
  corridorId: string;
  windowId: string;
  rule: string;
  severity: 'critical' | 'warning' | 'info';
  isOpen: boolean;
  raisedAt: string;
  acknowledgedAt: string | null;
  acknowledgedById: string | null;
  acknowledgedBy: { id: string; displayName: string; email: string | null } | null;
  acknowledgeNote: string | null;
}
interface CorridorRow {
  id: string;
  name: string;
  status: string;
  promise: string;
  openFlags: { critical: number; warning: number; info: number };
}

const RANK = { critical: 0, warning: 1, info: 2 };
const RUSSIAN_CEASEFIRE = 'Azovstal: Russian ceasefire corridor 08:00-18:00 Moscow time, 5-7 May';

// Triage of the Azovstal demo's flags (issue 15, item 4): what awaits a coordinator per corridor, the most severe
// first, several acknowledged at once, and who acknowledged them.
describe.each(availableDialects())('flag triage on the Azovstal demo on %s', (dialect) => {
  let api: ApiHarness;
  let coordinator: Member;
  let reporter: Member;
  let outsider: Member;

  const get = async <T>(auth: { Authorization: string }, path: string): Promise<T> => {
    const response = await api.http.get(`/api/v1${path}`).set(auth);
    expect(`${path} ${response.status}`).toBe(`${path} 200`);
    return response.body as T;
  };
  const flags = async (query: string, auth = api.auth) => {
    const items: Flag[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Flag[]; nextCursor: string | null } = await get(
        auth,
        `/flags?limit=200&${query}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };
  const corridors = async () => (await get<{ items: CorridorRow[] }>(api.auth, '/corridors?limit=200')).items;
  const acknowledge = (auth: { Authorization: string }, body: object) =>
    api.http.post('/api/v1/flags/acknowledge').set(auth).send(body);

  beforeAll(async () => {
    api = await startApi(dialect);
    await importDemoData(api);
    const ids = (await corridors()).map((c) => c.id);
    // The flag rules of the worker, run once at the harness's clock (10 May 2022).
    await api.app.get(FlagEvaluationService).evaluate(ids);
    const admins = (await get<{ organisationId: string }>(api.auth, '/auth/me')).organisationId;
    coordinator = await createMember(api, admins, 'coordinator', 'olena@ngo.test');
    reporter = await createMember(api, admins, 'reporter', 'reporter@ngo.test');
    outsider = await createMember(
      api,
      await createOrganisation(api, 'Another NGO'),
      'coordinator',
      'outsider@other.test',
    );
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  it('gives each corridor of the list its flags that await a coordinator, by severity', async () => {
    const open = await flags('open=true&acknowledged=false');
    expect(open.length).toBeGreaterThan(0);
    for (const corridor of await corridors()) {
      const mine = open.filter((f) => f.corridorId === corridor.id);
      expect({ name: corridor.name, openFlags: corridor.openFlags }).toEqual({
        name: corridor.name,
        openFlags: {
          critical: mine.filter((f) => f.severity === 'critical').length,
          warning: mine.filter((f) => f.severity === 'warning').length,
          info: mine.filter((f) => f.severity === 'info').length,
        },
      });
    }
    // Completed, but Ukraine never confirmed it: every day of it is flagged never_confirmed, and the list says so.
    const ceasefire = (await corridors()).find((c) => c.name === RUSSIAN_CEASEFIRE);
    expect(ceasefire).toMatchObject({ status: 'completed', promise: 'unconfirmed' });
    expect(ceasefire?.openFlags.critical).toBeGreaterThanOrEqual(3);
  });

  it('lists the most severe first, then the newest, page by page; the default order stays newest first', async () => {
    const bySeverity = await flags('order=severity');
    const keys = bySeverity.map((f) => [RANK[f.severity], -Date.parse(f.raisedAt)]);
    expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    expect(bySeverity[0].severity).toBe('critical');
    expect(bySeverity[bySeverity.length - 1].severity).toBe('info');

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Flag[]; nextCursor: string | null } = await get(
        api.auth,
        `/flags?order=severity&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      paged.push(...page.items.map((f) => f.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(bySeverity.map((f) => f.id));

    const newestFirst = await flags('');
    const raised = newestFirst.map((f) => Date.parse(f.raisedAt));
    expect(raised).toEqual([...raised].sort((a, b) => b - a));
    expect(new Set(newestFirst.map((f) => f.id))).toEqual(new Set(paged));

    const get400 = (query: string) => api.http.get(`/api/v1/flags?${query}`).set(api.auth);
    expectProblem(await get400('order=worst'), 400, 'validation', 'order');
    expectProblem(await get400('acknowledged=maybe'), 400, 'validation', 'acknowledged');
    // A cursor of the newest-first order is not one of the severity order.
    const first = await get<{ nextCursor: string }>(api.auth, '/flags?limit=1');
    expectProblem(await get400(`order=severity&cursor=${first.nextCursor}`), 400, 'invalid-cursor', 'cursor');
  });

  it('acknowledges two flags at once, audited one by one, and they leave the open list naming who and when', async () => {
    const ceasefire = (await corridors()).find((c) => c.name === RUSSIAN_CEASEFIRE);
    const waiting = await flags(`open=true&acknowledged=false&order=severity&corridorId=${ceasefire?.id}`);
    const [first, second] = waiting;
    expect(second).toBeDefined();
    const seq = await lastAuditSeq(api);
    api.clock.set('2022-05-10T12:10:00Z');

    const response = await acknowledge(coordinator.auth, {
      ids: [second.id, first.id],
      note: ' No buses: Ukraine never agreed to this corridor. ',
    });

    expect(response.status).toBe(200);
    const acknowledgedBy = { id: coordinator.id, displayName: 'olena', email: 'olena@ngo.test' };
    expect(response.body.items).toEqual([
      expect.objectContaining({
        id: second.id,
        acknowledgedAt: '2022-05-10T12:10:00.000Z',
        acknowledgedById: coordinator.id,
        acknowledgedBy,
        acknowledgeNote: 'No buses: Ukraine never agreed to this corridor.',
      }),
      expect.objectContaining({ id: first.id, acknowledgedBy }),
    ]);
    const entries = await auditSince(api, seq);
    expect(entries.map((e) => [e.action, e.entityId, e.corridorId])).toEqual(
      expect.arrayContaining([
        ['flag.acknowledge', first.id, ceasefire?.id],
        ['flag.acknowledge', second.id, ceasefire?.id],
      ]),
    );
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      actorId: coordinator.id,
      before: { acknowledgedAt: null, acknowledgedById: null, acknowledgeNote: null },
      after: {
        acknowledgedAt: '2022-05-10T12:10:00.000Z',
        acknowledgedById: coordinator.id,
        acknowledgeNote: 'No buses: Ukraine never agreed to this corridor.',
      },
    });

    const stillWaiting = await flags(
      `open=true&acknowledged=false&order=severity&corridorId=${ceasefire?.id}`,
    );
    expect(stillWaiting.map((f) => f.id)).toEqual(
      waiting.filter((f) => ![first.id, second.id].includes(f.id)).map((f) => f.id),
    );
    const done = await flags(`acknowledged=true&corridorId=${ceasefire?.id}`);
    expect(done.map((f) => f.id).sort()).toEqual([first.id, second.id].sort());
    expect(done.every((f) => f.acknowledgedBy?.displayName === 'olena' && f.acknowledgedAt)).toBe(true);
    const row = (await corridors()).find((c) => c.id === ceasefire?.id);
    expect(row?.openFlags).toEqual({
      critical:
        (ceasefire?.openFlags.critical ?? 0) -
        [first, second].filter((f) => f.severity === 'critical').length,
      warning:
        (ceasefire?.openFlags.warning ?? 0) - [first, second].filter((f) => f.severity === 'warning').length,
      info: ceasefire?.openFlags.info,
    });

    // Another organisation learns who acknowledged them, not their address; an admin sees it.
    const seenByOutsider = await flags(`acknowledged=true&corridorId=${ceasefire?.id}`, outsider.auth);
    expect(seenByOutsider.map((f) => f.acknowledgedBy)).toEqual([
      { ...acknowledgedBy, email: null },
      { ...acknowledgedBy, email: null },
    ]);
    expect(done.map((f) => f.acknowledgedBy?.email)).toEqual(['olena@ngo.test', 'olena@ngo.test']);
  });

  it('keeps the first acknowledgement of a flag acknowledged again with others, auditing only the new one', async () => {
    const [before] = await flags('acknowledged=true');
    const [fresh] = await flags('open=true&acknowledged=false');
    const seq = await lastAuditSeq(api);
    const response = await acknowledge(api.auth, { ids: [before.id, fresh.id] });
    expect(response.status).toBe(200);
    expect(response.body.items[0]).toMatchObject({
      id: before.id,
      acknowledgedAt: before.acknowledgedAt,
      acknowledgedBy: before.acknowledgedBy,
      acknowledgeNote: before.acknowledgeNote,
    });
    expect(response.body.items[1].acknowledgedBy).toMatchObject({ email: ADMIN_EMAIL });
    expect((await auditSince(api, seq)).map((e) => e.entityId)).toEqual([fresh.id]);
  });

  it('refuses bad, unknown and hidden ids with a problem naming the field, acknowledging none of them', async () => {
    const open = await flags('open=true&acknowledged=false');
    const [one, two] = open;
    const seq = await lastAuditSeq(api);
    const refused = async (body: object, status: number, type: string, field: string) =>
      expectProblem(await acknowledge(coordinator.auth, body), status, type, field);

    await refused({}, 400, 'validation', 'ids');
    await refused({ ids: [] }, 400, 'validation', 'ids');
    await refused({ ids: 'all' }, 400, 'validation', 'ids');
    await refused({ ids: [one.id, 'not-a-uuid'] }, 400, 'validation', 'ids');
    await refused({ ids: [one.id, one.id] }, 400, 'validation', 'ids');
    await refused({ ids: Array.from({ length: 101 }, () => randomUUID()) }, 400, 'validation', 'ids');
    await refused({ ids: [one.id], note: 'x'.repeat(2001) }, 400, 'validation', 'note');
    await refused({ ids: [one.id, randomUUID(), two.id] }, 422, 'unknown-reference', 'ids[1]');

    // A flag of another organisation's corridor under embargo is unknown to this coordinator, as its corridor is.
    const template = await get<{
      originId: string;
      destinationId: string;
      announcedById: string;
      requiredConfirmationIds: string[];
    }>(api.auth, `/corridors/${one.corridorId}`);
    const convoy = await api.http
      .post('/api/v1/corridors')
      .set(outsider.auth)
      .send({
        name: 'Convoy under embargo',
        originId: template.originId,
        destinationId: template.destinationId,
        announcedById: template.announcedById,
        requiredConfirmationIds: template.requiredConfirmationIds,
        announcedAt: '2022-05-09T08:00:00Z',
        timezone: 'Europe/Kyiv',
        windows: [{ startsAt: '2022-05-09T10:00:00Z', endsAt: '2022-05-09T12:00:00Z' }],
        embargo: { until: '2022-06-01T00:00:00Z' },
      });
    expect(`${convoy.status} ${JSON.stringify(convoy.body)}`).toMatch(/^201 /);
    const hiddenId = randomUUID();
    await api.app.get(FlagRepository).raise(
      [
        {
          id: hiddenId,
          corridorId: convoy.body.id,
          windowId: convoy.body.windows[0].id,
          rule: 'never_confirmed',
          severity: 'critical',
        },
      ],
      api.clock.now(),
      api.db,
    );
    await refused({ ids: [one.id, hiddenId] }, 422, 'unknown-reference', 'ids[1]');
    // Its own organisation acknowledges it.
    expect((await acknowledge(outsider.auth, { ids: [hiddenId] })).status).toBe(200);

    expect((await acknowledge(reporter.auth, { ids: [one.id] })).status).toBe(403);

    // Nothing of the refused requests was stored.
    const after = await flags('open=true&acknowledged=false');
    expect(after.map((f) => f.id)).toEqual(expect.arrayContaining([one.id, two.id]));
    const acknowledgements = (await auditSince(api, seq)).filter((e) => e.action === 'flag.acknowledge');
    expect(acknowledgements.map((e) => e.entityId)).toEqual([hiddenId]);
  });
});
