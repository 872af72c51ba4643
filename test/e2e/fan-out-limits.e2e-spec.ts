import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { storedState, type ApiHarness } from '../support/api-harness.js';
import { Fixtures } from '../support/fixtures.js';
import { expectProblem } from '../support/problems.js';
import type { SmtpSink } from '../support/smtp-sink.js';
import { availableDialects } from '../support/test-database.js';
import { eventually } from '../support/worker-harness.js';
import { startWorkerStack, type WorkerStack } from '../support/worker-stack.js';

const PER_CORRIDOR = 120;
const PER_REQUEST = 100; // the default
const IMMEDIATE = 'duty@ngo.test';
const DAILY = 'daily@ngo.test';

interface TimelinePage {
  events: { kind: string; at: string; recordId: string }[];
  nextCursor: string | null;
  next: string | null;
}

// Issue 16: one request fanned out without bound. A schedule of 60 past days raised 180 flags and 720 immediate
// e-mails in 21 s, and 792 windows on one corridor made a 411 KB answer.
describe.each(availableDialects())('how far one request fans out, on %s', (dialect) => {
  let stack: WorkerStack;
  let api: ApiHarness;
  let smtp: SmtpSink;
  let parties: Awaited<ReturnType<Fixtures['azovstal']>>;
  let auth: { Authorization: string };

  const corridorBody = (changes: Record<string, unknown>) => ({
    name: 'Azovstal to Zaporizhzhia',
    originId: parties.azovstal,
    destinationId: parties.zaporizhzhia,
    announcedById: parties.ruMod,
    announcedAt: '2022-04-19T20:00:00+03:00',
    timezone: 'Europe/Kyiv',
    requiredConfirmationIds: [parties.uaGov],
    ...changes,
  });
  const createCorridor = (changes: Record<string, unknown>) =>
    api.http.post('/api/v1/corridors').set(auth).send(corridorBody(changes));
  const addWindow = (corridorId: string, day: number) =>
    api.http
      .post(`/api/v1/corridors/${corridorId}/windows`)
      .set(auth)
      .send({
        startsAt: `2023-01-${String(day).padStart(2, '0')}T08:00:00+02:00`,
        endsAt: `2023-01-${String(day).padStart(2, '0')}T18:00:00+02:00`,
      });

  beforeAll(async () => {
    stack = await startWorkerStack(dialect, 'fan-out', {
      smtp: true,
      apiOnly: { MAX_WINDOWS_PER_CORRIDOR: String(PER_CORRIDOR) },
    });
    ({ api, smtp } = stack);
    // A key, not the session: the last test moves the clock past the session's lifetime.
    const key = await api.http
      .post('/api/v1/api-keys')
      .set(api.auth)
      .send({ name: 'fan-out test', scopes: ['read', 'write'] });
    auth = { Authorization: `Bearer ${key.body.key as string}` };
    parties = await new Fixtures(api).azovstal();
  });

  afterAll(() => stack?.close());

  describe('windows', () => {
    let corridorId: string;

    it(`refuses a corridor body with more than ${PER_REQUEST} windows, listed or scheduled, and stores nothing`, async () => {
      const before = await storedState(api.db);
      expectProblem(
        await createCorridor({
          schedule: { firstDate: '2023-01-01', days: PER_REQUEST + 1, startTime: '08:00', endTime: '18:00' },
        }),
        400,
        'too-many-windows',
        'schedule.days',
      );
      const listed = Array.from({ length: PER_REQUEST + 1 }, (_, i) => ({
        startsAt: new Date(Date.UTC(2023, 0, 1 + i, 6)).toISOString(),
        endsAt: new Date(Date.UTC(2023, 0, 1 + i, 16)).toISOString(),
      }));
      expectProblem(await createCorridor({ windows: listed }), 400, 'too-many-windows', 'windows');
      expect(await storedState(api.db)).toEqual(before);
    });

    it(`takes windows one at a time up to ${PER_CORRIDOR} on a corridor, then refuses the next`, async () => {
      const created = await createCorridor({
        name: 'A long ceasefire',
        schedule: { firstDate: '2023-02-01', days: PER_REQUEST, startTime: '08:00', endTime: '18:00' },
      });
      expect(created.status).toBe(201);
      corridorId = created.body.id as string;
      for (let day = 1; day <= PER_CORRIDOR - PER_REQUEST; day += 1) {
        expect((await addWindow(corridorId, day)).status).toBe(201);
      }
      const before = await storedState(api.db);
      expectProblem(await addWindow(corridorId, 31), 400, 'too-many-windows');
      expect(await storedState(api.db)).toEqual(before);
    });

    it('pages the timeline: every event once, in order, through the next links; all on one page by default', async () => {
      const whole = (await api.http.get(`/api/v1/corridors/${corridorId}/timeline`).set(auth))
        .body as TimelinePage;
      expect(whole.events.length).toBeGreaterThan(PER_CORRIDOR);
      expect(whole).toMatchObject({ nextCursor: null, next: null });

      const paged: TimelinePage['events'] = [];
      let next: string | null = `/api/v1/corridors/${corridorId}/timeline?limit=50`;
      let pages = 0;
      while (next) {
        const response = await api.http.get(next).set(auth);
        expect(response.status).toBe(200);
        const page = response.body as TimelinePage;
        expect(page.events.length).toBeLessThanOrEqual(50);
        paged.push(...page.events);
        next = page.next;
        expect(next === null).toBe(page.nextCursor === null);
        pages += 1;
      }
      expect(pages).toBe(Math.ceil(whole.events.length / 50));
      expect(paged).toEqual(whole.events);

      expectProblem(
        await api.http.get(`/api/v1/corridors/${corridorId}/timeline?cursor=not-a-cursor`).set(auth),
        400,
        'invalid-cursor',
        'cursor',
      );
      expectProblem(
        await api.http.get(`/api/v1/corridors/${corridorId}/timeline?limit=0`).set(auth),
        400,
        'validation',
        'limit',
      );
    });
  });

  it('mails flags of windows that ended more than a day before they were entered in the digest, not one by one', async () => {
    for (const [email, mode] of [
      [IMMEDIATE, 'immediate'],
      [DAILY, 'daily'],
    ]) {
      const subscribed = await api.http
        .post('/api/v1/subscriptions')
        .set(auth)
        .send({ email, mode, digestHour: 7, timezone: 'Europe/Kyiv', minSeverity: 'warning' });
      expect(subscribed.status).toBe(201);
    }
    await stack.startWorker({ ALERT_INTERVAL_MS: '200' });
    // Entered on 10 May: five windows of 20-24 April (history), and one that ended six hours ago (news).
    const history = await createCorridor({
      name: 'Promised in April, entered in May',
      schedule: { firstDate: '2022-04-20', days: 5, startTime: '08:00', endTime: '18:00' },
    });
    expect(history.status).toBe(201);
    const news = await createCorridor({
      name: 'Promised for last night',
      announcedAt: '2022-05-09T12:00:00+03:00',
      windows: [{ startsAt: '2022-05-09T20:00:00Z', endsAt: '2022-05-10T06:00:00Z' }],
    });
    expect(news.status).toBe(201);

    const flagsOf = async (corridorId: string) =>
      api.db.all<{ id: string }>('SELECT id FROM flag WHERE corridor_id = :corridorId', { corridorId });
    await eventually(
      () => flagsOf(history.body.id),
      (rows) => rows.length === 15,
      20_000,
    ); // three rules broken on each window
    await eventually(
      () => flagsOf(news.body.id),
      (rows) => rows.length >= 2,
      20_000,
    );
    // The immediate fan-out has read every flag event there is: what it did not deliver, it never will.
    const lastEvent = Number(
      (await api.db.get<{ seq: number | string }>('SELECT MAX(seq) AS seq FROM flag_event'))?.seq,
    );
    await eventually(
      async () =>
        Number(
          (
            await api.db.get<{ seq: number | string }>(
              "SELECT seq FROM alert_cursor WHERE name = 'immediate'",
            )
          )?.seq ?? 0,
        ),
      (seq) => seq >= lastEvent,
      20_000,
    );
    const immediateFor = async (corridorId: string) =>
      Number(
        (
          await api.db.get<{ n: number | string }>(
            `SELECT COUNT(*) AS n FROM alert_delivery d JOIN flag f ON f.id = d.flag_id
             WHERE f.corridor_id = :corridorId AND d.kind = 'immediate'`,
            { corridorId },
          )
        )?.n,
      );
    expect(await immediateFor(history.body.id)).toBe(0);
    expect(await immediateFor(news.body.id)).toBeGreaterThanOrEqual(1);
    const mails = await smtp.waitFor(IMMEDIATE);
    expect(mails.every((mail) => (mail.parsed.text ?? '').includes('Promised for last night'))).toBe(true);

    // The next morning's digest carries the history.
    api.clock.set('2022-05-11T04:00:00Z'); // 07:00 in Kyiv
    const [digest] = await smtp.waitFor(DAILY);
    expect(digest.parsed.text ?? '').toContain('Promised in April, entered in May');
  }, 90_000);
});
