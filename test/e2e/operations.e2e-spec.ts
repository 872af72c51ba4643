import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createMember, createOrganisation, type Member } from '../support/accounts.js';
import { startApi, storedState, type ApiHarness } from '../support/api-harness.js';
import { Fixtures } from '../support/fixtures.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';

interface Claim {
  sourcePartyId: string;
  count: Record<string, unknown>;
  reportedAt: string;
}
interface Summary {
  total: { low: number; high: number; bySource: Claim[] } | null;
  windows: { windowId: string | null; low: number; high: number; bySource: Claim[] }[];
}

const UNKNOWN_ID = '0b8e7f7c-1d2a-4e55-9c3e-5a1f4b6d7e80';
const byTimeAndSource = (a: Claim, b: Claim) =>
  a.reportedAt.localeCompare(b.reportedAt) || a.sourcePartyId.localeCompare(b.sourcePartyId);

// 5–8 May 2022: the people the UN/ICRC convoy brought to Zaporizhzhia on 8 May were brought out of the plant during
// the Russian ceasefire of 5–7 May. Two corridors, one operation: its people are counted once, never twice.
describe.each(availableDialects())('operations on %s', (dialect) => {
  let api: ApiHarness;
  let fx: Fixtures;
  let coordinator: Member;
  let coordinatorB: Member;
  let reporter: Member;
  const party = { ruMod: '', uaGov: '', ocha: '', icrc: '', unHc: '' };
  const corridor = { ceasefire: '', convoy: '', mariupol: '', lone: '' };
  let operationId: string;
  let version: number;

  const get = (path: string) => api.http.get(`/api/v1${path}`).set(api.auth);
  const post = (path: string, body: object, member = coordinator) =>
    api.http.post(`/api/v1${path}`).set(member.auth).send(body);
  const patch = (path: string, body: object, member = coordinator) =>
    api.http.patch(`/api/v1${path}`).set(member.auth).send(body);
  const summaryOf = async (corridorId: string): Promise<Summary> =>
    (await get(`/corridors/${corridorId}/evacuations/summary`)).body as Summary;
  const evacuation = (corridorId: string, sourcePartyId: string, count: object, reportedAt: string) =>
    fx.report(corridorId, 'evacuations', { sourcePartyId, count, reportedAt, category: 'civilians' });

  beforeAll(async () => {
    api = await startApi(dialect);
    fx = new Fixtures(api);
    const me = (await get('/auth/me')).body as { organisationId: string };
    coordinator = await createMember(api, me.organisationId, 'coordinator', 'coordinator@un.test');
    reporter = await createMember(api, me.organisationId, 'reporter', 'reporter@un.test');
    coordinatorB = await createMember(
      api,
      await createOrganisation(api, 'Field NGO B'),
      'coordinator',
      'coordinator@ngo-b.test',
    );
    party.ruMod = await fx.party('Ministry of Defence of the Russian Federation');
    party.uaGov = await fx.party('Government of Ukraine');
    party.ocha = await fx.party('UN Office for the Coordination of Humanitarian Affairs', 'humanitarian');
    party.icrc = await fx.party('International Committee of the Red Cross', 'humanitarian');
    party.unHc = await fx.party('UN Humanitarian Coordinator for Ukraine', 'humanitarian');
    const azovstal = await fx.location('Azovstal Iron and Steel Works', 47.098, 37.61);
    const mariupol = await fx.location('Mariupol', 47.096, 37.549);
    const zaporizhzhia = await fx.location('Zaporizhzhia', 47.833, 35.167);
    api.clock.set('2022-05-10T12:00:00Z');
    const announced = (name: string, changes: object) =>
      fx.corridor({
        name,
        originId: azovstal,
        announcedById: party.ruMod,
        announcedAt: '2022-05-04T12:00:00+03:00',
        timezone: 'Europe/Moscow',
        ...changes,
      });
    corridor.ceasefire = (
      await announced('Azovstal: Russian ceasefire corridor 08:00-18:00 Moscow time, 5-7 May', {
        schedule: { firstDate: '2022-05-05', days: 3, startTime: '08:00', endTime: '18:00' },
      })
    ).id;
    corridor.convoy = (
      await announced('UN/ICRC safe passage operation 3: Azovstal to Zaporizhzhia, 5-8 May', {
        destinationId: zaporizhzhia,
        announcedById: party.ocha,
        requiredConfirmationIds: [party.ruMod, party.uaGov],
        windows: [{ startsAt: '2022-05-05T00:00:00+03:00', endsAt: '2022-05-09T00:00:00+03:00' }],
      })
    ).id;
    corridor.mariupol = (
      await announced('UN/ICRC safe passage operation 2: Mariupol to Zaporizhzhia, 4 May', {
        originId: mariupol,
        destinationId: zaporizhzhia,
        announcedById: party.ocha,
        requiredConfirmationIds: [party.ruMod, party.uaGov],
      })
    ).id;
    corridor.lone = (await announced('Azovstal: unilateral Russian ceasefire, 25 April', {})).id;
    // Brought out of the plant during the ceasefire, then carried to Zaporizhzhia by the convoy: the same people.
    await evacuation(
      corridor.ceasefire,
      party.ruMod,
      { qualifier: 'exact', value: 51 },
      '2022-05-07T12:00:00+03:00',
    );
    await evacuation(
      corridor.ceasefire,
      party.unHc,
      { qualifier: 'about', value: 40 },
      '2022-05-08T22:52:00+03:00',
    );
    await evacuation(
      corridor.convoy,
      party.unHc,
      { qualifier: 'exact', value: 174 },
      '2022-05-08T22:52:00+03:00',
    );
    await evacuation(
      corridor.convoy,
      party.icrc,
      { qualifier: 'at_least', value: 171 },
      '2022-05-08T12:00:00+02:00',
    );
    await evacuation(
      corridor.mariupol,
      party.uaGov,
      { qualifier: 'exact', value: 344 },
      '2022-05-04T12:00:00+03:00',
    );
    await evacuation(
      corridor.lone,
      party.ruMod,
      { qualifier: 'exact', value: 0 },
      '2022-04-25T20:00:00+03:00',
    );
  });

  afterAll(async () => {
    await api?.close();
  });

  it('groups corridors as the stages of one operation, in order, with its facilitators', async () => {
    const response = await post('/operations', {
      name: 'Third safe passage operation (UN/ICRC), 5-8 May, during the Russian ceasefire of 5-7 May',
      corridorIds: [corridor.ceasefire, corridor.convoy],
      facilitatorIds: [party.ocha, party.icrc],
      sourceUrl: 'https://press.un.org/en/2022/sc14882.doc.htm',
      note: "'About 40 people evacuated from Azovstal ... 174 civilians arrived in Zaporizhzhia.'",
    });
    expect(`${response.status} ${JSON.stringify(response.body)}`).toMatch(/^201 /);
    operationId = response.body.id as string;
    version = response.body.version as number;
    expect(response.body).toMatchObject({
      name: 'Third safe passage operation (UN/ICRC), 5-8 May, during the Russian ceasefire of 5-7 May',
      corridorIds: [corridor.ceasefire, corridor.convoy],
      facilitatorIds: [party.icrc, party.ocha].sort(),
      sourceUrl: 'https://press.un.org/en/2022/sc14882.doc.htm',
      version: 1,
      organisationId: coordinator.organisationId,
      enteredById: coordinator.id,
    });
    expect((await get(`/operations/${operationId}`)).body).toEqual(response.body);
  });

  it('names its operation on each stage, in the corridor and in the corridor list', async () => {
    expect((await get(`/corridors/${corridor.ceasefire}`)).body.operationId).toBe(operationId);
    expect((await get(`/corridors/${corridor.convoy}`)).body.operationId).toBe(operationId);
    expect((await get(`/corridors/${corridor.mariupol}`)).body.operationId).toBeNull();
    const items = (await get('/corridors?limit=10')).body.items as {
      id: string;
      operationId: string | null;
    }[];
    expect(Object.fromEntries(items.map((c) => [c.id, c.operationId]))).toEqual({
      [corridor.ceasefire]: operationId,
      [corridor.convoy]: operationId,
      [corridor.mariupol]: null,
      [corridor.lone]: null,
    });
  });

  it("summarises the claims of all its stages as one whole, not as the sum of each stage's figures", async () => {
    const [operation, ceasefire, convoy] = [
      (await get(`/operations/${operationId}`)).body.evacuation as Summary,
      await summaryOf(corridor.ceasefire),
      await summaryOf(corridor.convoy),
    ];
    // Every claim of both stages, side by side, each once.
    expect([...(operation.total?.bySource ?? [])].sort(byTimeAndSource)).toEqual(
      [...(ceasefire.total?.bySource ?? []), ...(convoy.total?.bySource ?? [])].sort(byTimeAndSource),
    );
    // These claims name no window: taken as one whole they span 40 to 174 people, where adding the stages
    // (40–51 brought out, then 171–174 arrived: the same people) would say 211–225.
    const sumOfStages = {
      low: (ceasefire.total?.low ?? 0) + (convoy.total?.low ?? 0),
      high: (ceasefire.total?.high ?? 0) + (convoy.total?.high ?? 0),
    };
    expect(sumOfStages).toEqual({ low: 211, high: 225 });
    expect({ low: operation.total?.low, high: operation.total?.high }).toEqual({ low: 40, high: 174 });
  });

  it('counts each operation once in the dashboard total, beside the corridors in none', async () => {
    const dashboard = (await get('/dashboard')).body as { evacuations: { low: number; high: number } };
    const operation = (await get(`/operations/${operationId}`)).body.evacuation as Summary;
    const [mariupol, lone] = [await summaryOf(corridor.mariupol), await summaryOf(corridor.lone)];
    expect({ low: dashboard.evacuations.low, high: dashboard.evacuations.high }).toEqual({
      low: (operation.total?.low ?? 0) + (mariupol.total?.low ?? 0) + (lone.total?.low ?? 0),
      high: (operation.total?.high ?? 0) + (mariupol.total?.high ?? 0) + (lone.total?.high ?? 0),
    });
  });

  it('answers a retry with the same Idempotency-Key as the first time, creating nothing', async () => {
    const body = { name: 'Second safe passage operation (UN/ICRC), 4 May', corridorIds: [corridor.mariupol] };
    const first = await post('/operations', body).set('Idempotency-Key', 'op-mariupol-2');
    const before = await storedState(api.db);
    const retry = await post('/operations', body).set('Idempotency-Key', 'op-mariupol-2');
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await storedState(api.db)).toEqual(before);
  });

  it('lists operations newest first, a page at a time', async () => {
    const first = await get('/operations?limit=1');
    expect(first.body.items.map((o: { name: string }) => o.name)).toEqual([
      'Second safe passage operation (UN/ICRC), 4 May',
    ]);
    const second = await get(`/operations?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body).toMatchObject({ items: [{ id: operationId }], nextCursor: null });
    expect(second.body.items[0].evacuation).toEqual(
      (await get(`/operations/${operationId}`)).body.evacuation,
    );
  });

  describe('what it refuses, storing nothing', () => {
    it.each([
      [
        'a corridor that is a stage of another operation',
        () => ({ name: 'Again', corridorIds: [corridor.lone, corridor.convoy] }),
        422,
        'corridor-in-another-operation',
        'corridorIds',
      ],
      [
        'a corridor that does not exist',
        () => ({ name: 'Nowhere', corridorIds: [UNKNOWN_ID] }),
        422,
        'unknown-reference',
        'corridorIds',
      ],
      [
        'a facilitator that does not exist',
        () => ({ name: 'Alone', corridorIds: [corridor.lone], facilitatorIds: [UNKNOWN_ID] }),
        422,
        'unknown-reference',
        'facilitatorIds',
      ],
      ['no stage at all', () => ({ name: 'Empty', corridorIds: [] }), 400, 'validation', 'corridorIds'],
      [
        'the same stage twice',
        () => ({ name: 'Twice', corridorIds: [corridor.lone, corridor.lone] }),
        400,
        'validation',
        'corridorIds',
      ],
      ['no name', () => ({ corridorIds: [corridor.lone] }), 400, 'validation', 'name'],
      [
        'a source that is not a web address',
        () => ({ name: 'Sourced', corridorIds: [corridor.lone], sourceUrl: 'press release' }),
        400,
        'validation',
        'sourceUrl',
      ],
    ] as const)('refuses %s', async (_what, body, status, type, field) => {
      const before = await storedState(api.db);
      expectProblem(await post('/operations', body()), status, type, field);
      expect(await storedState(api.db)).toEqual(before);
    });

    it('refuses a reporter, and a coordinator of another organisation the edit of this one (403)', async () => {
      const before = await storedState(api.db);
      expectProblem(
        await post('/operations', { name: 'R', corridorIds: [corridor.lone] }, reporter),
        403,
        'forbidden',
      );
      expectProblem(
        await patch(`/operations/${operationId}`, { version, name: 'Hijacked' }, coordinatorB),
        403,
        'forbidden',
      );
      expect(await storedState(api.db)).toEqual(before);
    });
  });

  describe('editing it', () => {
    it('renames it and replaces its stages with the version read, and audits the change', async () => {
      const response = await patch(`/operations/${operationId}`, {
        version,
        name: 'Third safe passage operation (UN/ICRC), 5-8 May',
        corridorIds: [corridor.convoy, corridor.lone],
        note: null,
      });
      expect(`${response.status} ${JSON.stringify(response.body)}`).toMatch(/^200 /);
      expect(response.body).toMatchObject({
        version: version + 1,
        name: 'Third safe passage operation (UN/ICRC), 5-8 May',
        corridorIds: [corridor.convoy, corridor.lone],
        facilitatorIds: [party.icrc, party.ocha].sort(),
        note: null,
      });
      expect((await get(`/corridors/${corridor.ceasefire}`)).body.operationId).toBeNull();
      expect((await get(`/corridors/${corridor.lone}`)).body.operationId).toBe(operationId);
      const audit = await get(`/audit?entity=operation&entityId=${operationId}`);
      // Newest first: this edit, the refused attempt of organisation B, the creation.
      expect(
        audit.body.items.map((e: { action: string; outcome: string }) => `${e.action} ${e.outcome}`),
      ).toEqual(['operation.update done', 'operation.update refused', 'operation.create done']);
      expect(audit.body.items[0]).toMatchObject({
        action: 'operation.update',
        actorId: coordinator.id,
        outcome: 'done',
        before: {
          name: 'Third safe passage operation (UN/ICRC), 5-8 May, during the Russian ceasefire of 5-7 May',
          corridorIds: [corridor.ceasefire, corridor.convoy],
          note: expect.any(String),
        },
        after: {
          name: 'Third safe passage operation (UN/ICRC), 5-8 May',
          corridorIds: [corridor.convoy, corridor.lone],
          note: null,
        },
      });
      expect(audit.body.items[2]).toMatchObject({
        before: null,
        after: expect.objectContaining({ corridorIds: [corridor.ceasefire, corridor.convoy] }),
      });
      version += 1;
    });

    it('refuses a stale version (409) and a stage of another operation (422), changing nothing', async () => {
      const before = await storedState(api.db);
      expectProblem(
        await patch(`/operations/${operationId}`, { version: version - 1, name: 'Old' }),
        409,
        'stale-version',
        'version',
      );
      expectProblem(
        await patch(`/operations/${operationId}`, {
          version,
          corridorIds: [corridor.convoy, corridor.mariupol],
        }),
        422,
        'corridor-in-another-operation',
        'corridorIds',
      );
      expectProblem(
        await patch(`/operations/${operationId}`, { version, corridorIds: [] }),
        400,
        'validation',
        'corridorIds',
      );
      expectProblem(
        await patch(`/operations/${operationId}`, { version, name: null }),
        400,
        'validation',
        'name',
      );
      expect(await storedState(api.db)).toEqual(before);
    });

    it('lets an admin of any organisation edit it, and clears the facilitators with null', async () => {
      const response = await api.http
        .patch(`/api/v1/operations/${operationId}`)
        .set(api.auth)
        .send({ version, facilitatorIds: null });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ facilitatorIds: [], version: version + 1 });
    });

    it('answers 404 for an operation that does not exist', async () => {
      expectProblem(await get(`/operations/${UNKNOWN_ID}`), 404, 'not-found');
      expectProblem(await patch(`/operations/${UNKNOWN_ID}`, { version: 1, name: 'X' }), 404, 'not-found');
    });
  });
});
