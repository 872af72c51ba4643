import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getIssues } from '@placemarkio/check-geojson';
import ICAL from 'ical.js';
import {
  auditSince,
  createKey,
  createMember,
  createOrganisation,
  lastAuditSeq,
  type Member,
} from '../support/accounts.js';
import { storedState, type ApiHarness } from '../support/api-harness.js';
import { asText, readCsv } from '../support/csv.js';
import { Fixtures } from '../support/fixtures.js';
import { expectProblem } from '../support/problems.js';
import type { SmtpSink } from '../support/smtp-sink.js';
import { availableDialects } from '../support/test-database.js';
import {
  startWebhookReceiver,
  type ReceivedWebhook,
  type WebhookPayload,
  type WebhookReceiver,
} from '../support/webhook-receiver.js';
import { eventually } from '../support/worker-harness.js';
import { startWorkerStack, TEST_APP_SECRET, type WorkerStack } from '../support/worker-stack.js';

const ALL_EVENTS = [
  'flag.raised',
  'flag.resolved',
  'corridor.status_changed',
  'corridor.promise_settled',
  'evacuation.reported',
];
const SECOND = 1000;

const payloadOf = (received: ReceivedWebhook): WebhookPayload => {
  if (!('payload' in received.verified)) throw new Error(`not verified: ${received.verified.error}`);
  return received.verified.payload;
};

/** What an outlet says about the two records under embargo: are they in it? */
interface Seen {
  corridor: boolean;
  claim: boolean;
}

// Two organisations on one corridor tracker. The ICRC keeps a convoy's corridor and one of its evacuation figures
// back until the convoy is through ("no details before completion, for safety"); UN OCHA must not learn of them
// from any outlet until then, and learns of them from every outlet once lifted. The real api and worker on Redis,
// a real SMTP server, a real webhook receiver verifying every signature; the test moves the shared clock.
describe.each(availableDialects())('embargo on %s', (dialect) => {
  let stack: WorkerStack;
  let api: ApiHarness;
  let admin: { Authorization: string };
  let smtp: SmtpSink;
  let receiver: WebhookReceiver;
  let icrc: Member;
  let un: Member;
  let world: Awaited<ReturnType<Fixtures['azovstal']>>;
  const feeds: Record<'icrc' | 'un', string> = { icrc: '', un: '' };
  const subscriptions: Record<'icrc' | 'un', string> = { icrc: '', un: '' };
  const endpoints: Record<'icrc' | 'un', string> = { icrc: '', un: '' };
  let t0 = 0;
  /** The ICRC's convoy corridor, under embargo until its windows end. */
  let convoy: { id: string; windowId: string };
  /** UN OCHA's corridor, open to all; the ICRC's figure on it is under embargo until t0 + 90 s. */
  let open: { id: string; windowId: string };
  let heldFigureId = '';
  /** The convoy's flags raised while it was under embargo. */
  let heldFlagIds: string[] = [];
  let sharedFigureId = '';
  let auditSeq = 0;

  const at = (ms: number) => new Date(t0 + ms).toISOString();
  const get = (member: { auth: { Authorization: string } } | { Authorization: string }, path: string) =>
    api.http.get(`/api/v1${path}`).set('auth' in member ? member.auth : member);
  const post = (member: Member, path: string, body: object) =>
    api.http.post(`/api/v1${path}`).set(member.auth).send(body);
  const download = (member: Member, path: string) => get(member, path).buffer(true).parse(asText);

  const corridorWithWindow = async (member: Member, name: string, embargo?: object) => {
    const response = await post(member, '/corridors', {
      name,
      originId: world.azovstal,
      destinationId: world.zaporizhzhia,
      announcedById: world.ruMod,
      announcedAt: at(-3_600 * SECOND),
      timezone: 'Europe/Kyiv',
      windows: [{ startsAt: at(60 * SECOND), endsAt: at(120 * SECOND) }],
      ...(embargo ? { embargo } : {}),
    });
    expect(`${response.status} ${JSON.stringify(response.body)}`).toMatch(/^201 /);
    return {
      id: response.body.id as string,
      windowId: response.body.windows[0].id as string,
      body: response.body,
    };
  };
  const evacuation = async (member: Member, corridorId: string, value: number, embargo?: object) => {
    const response = await post(member, `/corridors/${corridorId}/evacuations`, {
      sourcePartyId: world.un,
      reportedAt: at(-60 * SECOND),
      count: { qualifier: 'exact', value },
      category: 'civilians',
      ...(embargo ? { embargo } : {}),
    });
    expect(`${response.status} ${JSON.stringify(response.body)}`).toMatch(/^201 /);
    return response.body as { id: string; embargo?: Record<string, unknown> };
  };

  /** Every webhook the receiver verified at a path, by the record it is about. */
  const webhooksAt = (path: string) =>
    receiver.at(path).map((r) => ({ id: String(r.headers['webhook-id']), ...payloadOf(r) }));
  const aboutConvoy = (path: string) => webhooksAt(path).filter((w) => w.data.corridorId === convoy.id);
  const aboutHeldFigure = (path: string) => webhooksAt(path).filter((w) => w.data.id === heldFigureId);
  const mailsAbout = (address: string, corridorName: string) =>
    smtp.to(address).filter((m) => String(m.parsed.subject).includes(corridorName));

  /** Each outlet, as a member of an organisation reads it: does it show the convoy corridor, the held figure? */
  const outlets = async (member: Member): Promise<Record<string, Seen | boolean>> => {
    const list = (await get(member, '/corridors?limit=200').expect(200)).body.items as { id: string }[];
    const convoyPage = await get(member, `/corridors/${convoy.id}`);
    const timeline = (await get(member, `/corridors/${open.id}/timeline`).expect(200)).body.events as {
      recordId: string;
    }[];
    const summary = (await get(member, `/corridors/${open.id}/evacuations/summary`).expect(200)).body;
    const openPage = (await get(member, `/corridors/${open.id}`).expect(200)).body;
    const dashboard = (await get(member, '/dashboard').expect(200)).body;
    const flags = (await get(member, '/flags?limit=200').expect(200)).body.items as { corridorId: string }[];
    const corridorsCsv = readCsv((await download(member, '/exports/corridors.csv').expect(200)).body);
    const windowsCsv = readCsv((await download(member, '/exports/windows.csv').expect(200)).body);
    const claimsCsv = readCsv((await download(member, '/exports/claims.csv').expect(200)).body);
    const flagsCsv = readCsv((await download(member, '/exports/flags.csv').expect(200)).body);
    const geojsonText = (await download(member, '/exports/corridors.geojson').expect(200)).body as string;
    expect(getIssues(geojsonText)).toEqual([]);
    const geojson = JSON.parse(geojsonText) as { features: { id?: string }[] };
    const feed = (
      await api.http
        .get(new URL(feeds[member === icrc ? 'icrc' : 'un']).pathname)
        .buffer(true)
        .parse(asText)
        .expect(200)
    ).body as string;
    const uids = new ICAL.Component(ICAL.parse(feed))
      .getAllSubcomponents('vevent')
      .map((vevent) => String(new ICAL.Event(vevent).uid));
    return {
      list: list.some((c) => c.id === convoy.id),
      get: convoyPage.status === 200,
      timeline: timeline.some((e) => e.recordId === heldFigureId),
      summary: summary.total?.high === 57,
      figures: openPage.evacuation.high === 57,
      dashboard: {
        corridor: (dashboard.upcomingWindows as { corridorId: string }[]).some(
          (w) => w.corridorId === convoy.id,
        ),
        claim: dashboard.evacuations.high === 57,
      },
      flags: flags.some((f) => f.corridorId === convoy.id),
      dashboardFlags: (dashboard.flags.mostSevere as { corridorId: string }[]).some(
        (f) => f.corridorId === convoy.id,
      ),
      csv: {
        corridor:
          corridorsCsv.rows.some((r) => r.id === convoy.id) &&
          windowsCsv.rows.some((r) => r.id === convoy.windowId) &&
          flagsCsv.rows.some((r) => r['corridor id'] === convoy.id),
        claim: claimsCsv.rows.some((r) => r.id === heldFigureId),
      },
      geojson: geojson.features.some((f) => f.id === convoy.id),
      feed: uids.some((uid) => uid.startsWith(convoy.windowId)),
    };
  };
  const nowhere = {
    list: false,
    get: false,
    timeline: false,
    summary: false,
    figures: false,
    dashboard: { corridor: false, claim: false },
    flags: false,
    dashboardFlags: false,
    csv: { corridor: false, claim: false },
    geojson: false,
    feed: false,
  };

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    stack = await startWorkerStack(dialect, 'embargo', {
      smtp: true,
      env: { APP_SECRET: TEST_APP_SECRET, WEBHOOK_ALLOW_PRIVATE: 'true' },
    });
    ({ api, smtp } = stack);
    // An admin's key before the clock moves to now: standard webhooks receivers refuse a webhook-timestamp five
    // minutes off their own clock, and sessions end with the clock.
    admin = (await createKey(api, api.auth)).auth;
    api.clock.set(new Date());
    t0 = api.clock.now().getTime();
    const asAdmin = { ...api, auth: admin };
    world = await new Fixtures(asAdmin).azovstal();
    icrc = await createMember(
      asAdmin,
      await createOrganisation(asAdmin, 'ICRC Ukraine delegation'),
      'coordinator',
      'olena@icrc.test',
    );
    un = await createMember(
      asAdmin,
      await createOrganisation(asAdmin, 'UN OCHA Ukraine'),
      'coordinator',
      'taras@ocha.test',
    );
    for (const [who, member] of [
      ['icrc', icrc],
      ['un', un],
    ] as const) {
      const endpoint = await post(member, '/webhook-endpoints', {
        url: `${receiver.origin}/${who}`,
        events: ALL_EVENTS,
      });
      expect(endpoint.status).toBe(201);
      receiver.secret(`/${who}`, endpoint.body.secret);
      endpoints[who] = endpoint.body.id;
      const subscription = await post(member, '/subscriptions', {
        email: `${who}@ngo.test`,
        mode: 'immediate',
        minSeverity: 'warning',
      });
      expect(subscription.status).toBe(201);
      subscriptions[who] = subscription.body.id;
      const feed = await post(member, '/feeds', { name: `${who} windows`, filter: {} });
      expect(feed.status).toBe(201);
      feeds[who] = feed.body.url;
    }
    await stack.startWorker({
      OUTBOX_DIR: mkdtempSync(join(tmpdir(), 'cw-embargo-outbox-')),
      ALERT_INTERVAL_MS: '200',
      WEBHOOK_INTERVAL_MS: '200',
      WEBHOOK_TIMEOUT_MS: '3000',
    });
  });

  afterAll(async () => {
    await stack?.close();
    await receiver?.close();
  });

  it('refuses an embargo that is both, neither, past or malformed with a 400 naming embargo, storing nothing', async () => {
    const target = await corridorWithWindow(un, 'Berdiansk to Zaporizhzhia (refusals)');
    const before = await storedState(api.db);
    const corridor = (embargo: unknown) =>
      post(icrc, '/corridors', {
        name: 'Refused convoy',
        originId: world.azovstal,
        announcedById: world.ruMod,
        announcedAt: at(-3_600 * SECOND),
        timezone: 'Europe/Kyiv',
        embargo,
      });
    expectProblem(
      await corridor({ until: at(3_600 * SECOND), untilWindowsEnd: true }),
      400,
      'invalid-embargo',
      'embargo',
    );
    expectProblem(await corridor({}), 400, 'invalid-embargo', 'embargo');
    expectProblem(await corridor({ untilWindowsEnd: false }), 400, 'invalid-embargo', 'embargo');
    expectProblem(await corridor({ until: at(-SECOND) }), 400, 'invalid-embargo', 'embargo.until');
    expectProblem(await corridor({ until: 'after the convoy' }), 400, 'invalid-time', 'embargo.until');
    expectProblem(await corridor('until the convoy is through'), 400, 'validation', 'embargo');
    expectProblem(await corridor({ until: 1_700_000_000 }), 400, 'validation', 'embargo.until');
    expectProblem(await corridor({ untilWindowsEnd: 'yes' }), 400, 'validation', 'embargo.untilWindowsEnd');
    expectProblem(await corridor({ lifts: 'later' }), 400, 'validation', 'embargo.lifts');
    const claim = (embargo: unknown) =>
      post(icrc, `/corridors/${target.id}/evacuations`, {
        sourcePartyId: world.un,
        reportedAt: at(-60 * SECOND),
        count: { qualifier: 'exact', value: 1 },
        category: 'civilians',
        embargo,
      });
    expectProblem(
      await claim({ until: at(SECOND), untilWindowsEnd: true }),
      400,
      'invalid-embargo',
      'embargo',
    );
    expectProblem(await claim({ until: at(-60 * SECOND) }), 400, 'invalid-embargo', 'embargo.until');
    expectProblem(await claim([]), 400, 'validation', 'embargo');
    // An embargo is set when a record is entered, never by an edit.
    const edit = await api.http
      .patch(`/api/v1/corridors/${target.id}`)
      .set(un.auth)
      .send({ version: target.body.version, embargo: { untilWindowsEnd: true } });
    expectProblem(edit, 400, 'validation', 'embargo');
    expect(await storedState(api.db)).toEqual(before);
  });

  it('keeps a corridor and a claim under embargo from the other organisation in every outlet, and shows them marked to their own', async () => {
    auditSeq = await lastAuditSeq({ ...api, auth: admin });
    const held = await corridorWithWindow(icrc, 'Azovstal convoy (held back)', { untilWindowsEnd: true });
    convoy = { id: held.id, windowId: held.windowId };
    expect(held.body.embargo).toEqual({
      until: null,
      untilWindowsEnd: true,
      liftsAt: at(120 * SECOND),
      liftedAt: null,
      isInForce: true,
    });
    const shared = await corridorWithWindow(un, 'Mariupol to Zaporizhzhia (open)');
    open = { id: shared.id, windowId: shared.windowId };
    sharedFigureId = (await evacuation(un, open.id, 40)).id;
    const figure = await evacuation(icrc, open.id, 57, {
      until: new Date(t0 + 90 * SECOND).toISOString().replace('Z', '+00:00'),
    });
    heldFigureId = figure.id;
    expect(figure.embargo).toMatchObject({ until: at(90 * SECOND), isInForce: true, liftedAt: null });

    // What proves the worker went through both records: the ICRC's own endpoint and subscriber hear of them. Each
    // event is fanned out to every endpoint in one transaction, and each flag to every subscription in one.
    await eventually(
      async () => ({
        convoy: aboutConvoy('/icrc').map((w) => w.type),
        figure: aboutHeldFigure('/icrc').length,
        shared: webhooksAt('/un').filter((w) => w.data.id === sharedFigureId).length,
        mails: mailsAbout('icrc@ngo.test', 'Azovstal convoy').length,
      }),
      (seen) =>
        seen.convoy.includes('flag.raised') &&
        seen.convoy.includes('corridor.status_changed') &&
        seen.figure === 1 &&
        seen.shared === 1 &&
        seen.mails > 0,
      30_000,
    );
    // Held back: no webhook to UN OCHA's receiver, no delivery in its log, no e-mail nor delivery to its subscriber.
    expect(aboutConvoy('/un')).toEqual([]);
    expect(aboutHeldFigure('/un')).toEqual([]);
    const unLog = (await get(un, `/webhook-endpoints/${endpoints.un}/deliveries?limit=200`).expect(200)).body
      .items as {
      eventId: string;
    }[];
    const heldIds = [...aboutConvoy('/icrc'), ...aboutHeldFigure('/icrc')].map((w) => w.id);
    expect(unLog.filter((d) => heldIds.includes(d.eventId))).toEqual([]);
    expect(unLog.length).toBeGreaterThan(0);
    expect(mailsAbout('un@ngo.test', 'Azovstal convoy')).toEqual([]);
    const convoyFlags = (await get(icrc, `/flags?corridorId=${convoy.id}`).expect(200)).body.items as {
      id: string;
    }[];
    expect(convoyFlags.length).toBeGreaterThan(0);
    const deliveries = (await get(admin, '/deliveries?limit=200').expect(200)).body.items as {
      subscriptionId: string;
      flagId: string | null;
    }[];
    const flagIds = new Set(convoyFlags.map((f) => f.id));
    heldFlagIds = [...flagIds];
    expect(
      deliveries.filter((d) => d.subscriptionId === subscriptions.icrc && flagIds.has(d.flagId ?? '')),
    ).not.toEqual([]);
    expect(
      deliveries.filter((d) => d.subscriptionId === subscriptions.un && flagIds.has(d.flagId ?? '')),
    ).toEqual([]);

    // Every outlet, as UN OCHA reads it: nothing of either record. The figures every organisation shares leave the
    // held claim out for the ICRC too; its own lists, pages, exports and feed show both, marked.
    expect(await outlets(un)).toEqual(nowhere);
    expect(await outlets(icrc)).toEqual({
      ...nowhere,
      list: true,
      get: true,
      timeline: true,
      dashboard: { corridor: true, claim: false },
      flags: true,
      dashboardFlags: true,
      csv: { corridor: true, claim: true },
      geojson: true,
      feed: true,
    });
    const icrcTimeline = (await get(icrc, `/corridors/${open.id}/timeline`).expect(200)).body.events as {
      recordId: string;
      embargo?: { isInForce: boolean; liftsAt: string };
    }[];
    expect(icrcTimeline.find((e) => e.recordId === heldFigureId)?.embargo).toMatchObject({
      isInForce: true,
      liftsAt: at(90 * SECOND),
    });
    const icrcList = (await get(icrc, '/corridors?limit=200').expect(200)).body.items as {
      id: string;
      embargo?: object;
    }[];
    expect(icrcList.find((c) => c.id === convoy.id)?.embargo).toMatchObject({ isInForce: true });
    // An admin sees both.
    await get(admin, `/corridors/${convoy.id}`).expect(200);

    // To UN OCHA they are unknown ids, whatever it tries.
    for (const path of [
      `/corridors/${convoy.id}`,
      `/corridors/${convoy.id}/timeline`,
      `/corridors/${convoy.id}/evacuations/summary`,
    ]) {
      expectProblem(await get(un, path), 404, 'not-found');
    }
    expectProblem(
      await post(un, `/corridors/${convoy.id}/evacuations`, {
        sourcePartyId: world.un,
        reportedAt: at(-SECOND),
        count: { qualifier: 'exact', value: 3 },
        category: 'civilians',
      }),
      404,
      'not-found',
    );
    expectProblem(
      await api.http
        .patch(`/api/v1/corridors/${open.id}/evacuations/${heldFigureId}`)
        .set(un.auth)
        .send({ version: 1, note: 'x' }),
      404,
      'not-found',
    );
    expectProblem(await post(un, `/flags/${convoyFlags[0].id}/acknowledge`, {}), 404, 'not-found');
    expect((await get(un, `/flags?corridorId=${convoy.id}`).expect(200)).body.items).toEqual([]);
    expect(
      (await auditSince({ ...api, auth: admin }, auditSeq)).filter((e) => e.action.endsWith('.embargo_lift')),
    ).toEqual([]);
  });

  it('lifts both when due, audited, and sends on what they held: webhooks with the same ids, the e-mail, every outlet', async () => {
    const heldWebhooks = [...aboutConvoy('/icrc'), ...aboutHeldFigure('/icrc')];
    const icrcConvoyMails = mailsAbout('icrc@ngo.test', 'Azovstal convoy').length;
    // The convoy's window ends at t0 + 120 s and the figure's instant was t0 + 90 s.
    api.clock.set(new Date(t0 + 121 * SECOND));
    const lifts = await eventually(
      async () =>
        (await auditSince({ ...api, auth: admin }, auditSeq)).filter((e) =>
          e.action.endsWith('.embargo_lift'),
        ),
      (found) => found.length === 2,
      30_000,
    );
    expect(lifts.map((e) => [e.action, e.entityId, e.actorId, e.organisationId]).sort()).toEqual(
      [
        ['corridor.embargo_lift', convoy.id, null, icrc.organisationId],
        ['evacuation.embargo_lift', heldFigureId, null, icrc.organisationId],
      ].sort(),
    );
    expect(lifts.find((e) => e.entity === 'corridor')?.before).toEqual({
      embargo: { untilWindowsEnd: true },
      embargoLiftedAt: null,
    });

    // The events held back reach UN OCHA as themselves (the same webhook-id), and the flags its subscriber could
    // not hear of reach it now, as e-mails sent.
    const unDeliveries = async () =>
      (
        (await get(admin, '/deliveries?limit=200').expect(200)).body.items as {
          subscriptionId: string;
          flagId: string | null;
          status: string;
        }[]
      ).filter((d) => d.subscriptionId === subscriptions.un && heldFlagIds.includes(d.flagId ?? ''));
    await eventually(
      async () => ({
        webhooks: webhooksAt('/un').map((w) => w.id),
        sent: (await unDeliveries()).filter((d) => d.status === 'sent').map((d) => d.flagId),
      }),
      (seen) =>
        heldWebhooks.every((w) => seen.webhooks.includes(w.id)) &&
        heldFlagIds.every((id) => seen.sent.includes(id)),
      30_000,
    );
    expect(mailsAbout('un@ngo.test', 'Azovstal convoy').length).toBeGreaterThanOrEqual(heldFlagIds.length);
    for (const sent of heldWebhooks) {
      const received = webhooksAt('/un').find((w) => w.id === sent.id);
      expect(received).toEqual(sent);
    }
    expect(aboutHeldFigure('/un')).toHaveLength(1);
    // The ICRC's subscriber had the flag's e-mail already: the lift does not send it twice.
    const deliveries = (await get(admin, '/deliveries?limit=200').expect(200)).body.items as {
      subscriptionId: string;
      flagId: string | null;
    }[];
    const perFlag = new Map<string, number>();
    for (const d of deliveries.filter((d) => d.subscriptionId === subscriptions.icrc && d.flagId)) {
      perFlag.set(d.flagId!, (perFlag.get(d.flagId!) ?? 0) + 1);
    }
    expect([...perFlag.values()].every((n) => n === 1)).toBe(true);
    expect(mailsAbout('icrc@ngo.test', 'Azovstal convoy').length).toBeGreaterThanOrEqual(icrcConvoyMails);

    // Every outlet now shows both to UN OCHA; the shared figures count the claim (57 stated beside 40).
    const everywhere = {
      list: true,
      get: true,
      timeline: true,
      summary: true,
      figures: true,
      dashboard: { corridor: false, claim: true },
      flags: true,
      dashboardFlags: true,
      csv: { corridor: true, claim: true },
      geojson: true,
      feed: true,
    };
    // The convoy's window is over, so no dashboard lists it among the next 48 hours' windows.
    expect(await outlets(un)).toEqual(everywhere);
    expect(await outlets(icrc)).toEqual(everywhere);
    const page = (await get(un, `/corridors/${convoy.id}`).expect(200)).body;
    expect(page.embargo).toEqual({
      until: null,
      untilWindowsEnd: true,
      liftsAt: at(120 * SECOND),
      liftedAt: expect.any(String),
      isInForce: false,
    });
  });

  it("lifts a corridor and its claim early at a coordinator's request, in their name, once; others are refused", async () => {
    const asAdmin = { ...api, auth: admin };
    const reporter = await createMember(asAdmin, icrc.organisationId, 'reporter', 'petro@icrc.test');
    const seq = await lastAuditSeq(asAdmin);
    const until = { until: at(3_600 * SECOND) };
    const created = await post(icrc, '/corridors', {
      name: 'Berdiansk convoy (held back)',
      originId: world.azovstal,
      destinationId: world.zaporizhzhia,
      announcedById: world.ruMod,
      announcedAt: at(100 * SECOND),
      timezone: 'Europe/Kyiv',
      windows: [{ startsAt: at(600 * SECOND), endsAt: at(900 * SECOND) }],
      embargo: until,
    });
    expect(`${created.status} ${JSON.stringify(created.body)}`).toMatch(/^201 /);
    const early = created.body.id as string;
    const claim = await evacuation(icrc, early, 23, until);
    // The worker has been through the claim when the ICRC's own endpoint hears of it; UN OCHA's does not.
    const claimHooks = (path: string) => webhooksAt(path).filter((w) => w.data.id === claim.id);
    await eventually(
      async () => claimHooks('/icrc').length,
      (n) => n === 1,
      30_000,
    );
    expect(claimHooks('/un')).toEqual([]);

    // Only a coordinator (or an admin) of its organisation may lift it: the corridor is unknown to UN OCHA.
    const lift = (member: Member) =>
      api.http.post(`/api/v1/corridors/${early}/embargo/lift`).set(member.auth);
    expectProblem(await lift(reporter), 403, 'forbidden');
    expectProblem(await lift(un), 404, 'not-found');
    expectProblem(
      await api.http.post(`/api/v1/corridors/${randomUUID()}/embargo/lift`).set(icrc.auth),
      404,
      'not-found',
    );
    expect((await get(un, `/corridors/${early}`)).status).toBe(404);
    expect(
      (await auditSince(asAdmin, seq)).filter(
        (e) => e.action.endsWith('.embargo_lift') && e.outcome !== 'refused',
      ),
    ).toEqual([]);

    const lifted = await lift(icrc);
    expect(`${lifted.status} ${JSON.stringify(lifted.body)}`).toMatch(/^200 /);
    expect(lifted.body).toMatchObject({
      id: early,
      embargo: { until: at(3_600 * SECOND), isInForce: false },
    });
    expect(lifted.body.embargo.liftedAt).toEqual(expect.any(String));

    // In the ICRC coordinator's name, each record once.
    const entries = (await auditSince(asAdmin, seq)).filter(
      (e) => e.action.endsWith('.embargo_lift') && e.outcome !== 'refused',
    );
    expect(entries.map((e) => [e.action, e.entityId, e.actorId, e.organisationId]).sort()).toEqual(
      [
        ['corridor.embargo_lift', early, icrc.id, icrc.organisationId],
        ['evacuation.embargo_lift', claim.id, icrc.id, icrc.organisationId],
      ].sort(),
    );

    // UN OCHA now sees the corridor and its claim, and receives the held event as itself.
    expect((await get(un, `/corridors/${early}`).expect(200)).body.embargo.isInForce).toBe(false);
    const timeline = (await get(un, `/corridors/${early}/timeline`).expect(200)).body.events as {
      recordId: string;
    }[];
    expect(timeline.map((e) => e.recordId)).toContain(claim.id);
    await eventually(
      async () => claimHooks('/un').length,
      (n) => n === 1,
      30_000,
    );
    expect(claimHooks('/un')).toEqual(claimHooks('/icrc'));

    // A second lift finds nothing left (409, as a second cancel), changes nothing; another organisation is refused.
    expectProblem(await lift(icrc), 409, 'nothing-under-embargo');
    expectProblem(await lift(un), 403, 'forbidden');
    expect(
      (await auditSince(asAdmin, seq)).filter(
        (e) => e.action.endsWith('.embargo_lift') && e.outcome !== 'refused',
      ),
    ).toHaveLength(2);
  });
});
