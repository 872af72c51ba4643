import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { auditSince, createMember, lastAuditSeq, type Member } from '../support/accounts.js';
import { startApi, type ApiHarness } from '../support/api-harness.js';
import { asText } from '../support/csv.js';
import { importDemoData } from '../support/demo.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';

interface ReadEvent {
  uid: string;
  sequence: number;
  status: string;
  start: string;
  end: string;
  stamp: string;
  summary: string;
  description: string;
  url: string;
}

/** A feed as a calendar application reads it: parsed by ical.js, an independent reader of RFC 5545. */
function readCalendar(text: string): { name: string; events: ReadEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  return {
    name: String(calendar.getFirstPropertyValue('x-wr-calname')),
    events: calendar.getAllSubcomponents('vevent').map((vevent) => {
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        sequence: event.sequence,
        status: String(vevent.getFirstPropertyValue('status')),
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
        stamp: String(vevent.getFirstPropertyValue('dtstamp')),
        summary: event.summary,
        description: event.description,
        url: String(vevent.getFirstPropertyValue('url')),
      };
    }),
  };
}

// A coordinator subscribes a calendar application to the windows of the corridors they follow: the Russian
// ceasefire of 5–7 May 2022, from the demo data.
describe.each(availableDialects())('iCalendar feeds on %s', (dialect) => {
  let api: ApiHarness;
  let coordinator: Member;
  let colleague: Member;
  let corridor: { id: string; windows: { id: string; startsAt: string; endsAt: string }[] };
  let feedUrl = '';
  let feedId = '';
  let uaGov = '';

  const as = (member: Member) => ({
    post: (path: string, body: object) => api.http.post(`/api/v1${path}`).set(member.auth).send(body),
    get: (path: string) => api.http.get(`/api/v1${path}`).set(member.auth),
    delete: (path: string) => api.http.delete(`/api/v1${path}`).set(member.auth),
  });
  const fetchFeed = (url = feedUrl) => api.http.get(new URL(url).pathname).buffer(true).parse(asText);

  beforeAll(async () => {
    api = await startApi(dialect);
    await importDemoData(api);
    const me = (await api.http.get('/api/v1/auth/me').set(api.auth)).body as { organisationId: string };
    coordinator = await createMember(
      api,
      me.organisationId,
      'coordinator',
      'coordinator.feeds@corridor.test',
    );
    colleague = await createMember(api, me.organisationId, 'viewer', 'viewer.feeds@corridor.test');
    const listed = await as(coordinator).get('/corridors?q=Russian ceasefire corridor 08:00');
    expect(listed.body.items).toHaveLength(1);
    corridor = (await as(coordinator).get(`/corridors/${listed.body.items[0].id}`)).body;
    const parties = (await as(coordinator).get('/parties?limit=200')).body.items as {
      id: string;
      name: string;
    }[];
    uaGov = parties.find((p) => p.name === 'Government of Ukraine')?.id ?? '';
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  it('creates a feed whose private address is shown once, and lists the caller’s feeds without it', async () => {
    const seq = await lastAuditSeq(api);
    const created = await as(coordinator).post('/feeds', {
      name: 'Azovstal, Russian ceasefire',
      filter: { q: 'Russian ceasefire corridor 08:00' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Azovstal, Russian ceasefire',
      filter: { q: 'Russian ceasefire corridor 08:00' },
      createdAt: '2022-05-10T12:00:00.000Z',
      url: expect.stringMatching(/^http:\/\/localhost:3000\/api\/v1\/feeds\/cwf_[\w-]{43}\/windows\.ics$/),
    });
    feedUrl = created.body.url;
    feedId = created.body.id;
    const listed = await as(coordinator).get('/feeds');
    expect(listed.body).toEqual({
      items: [
        {
          id: feedId,
          name: 'Azovstal, Russian ceasefire',
          filter: created.body.filter,
          createdAt: created.body.createdAt,
        },
      ],
      nextCursor: null,
    });
    expect(JSON.stringify(listed.body)).not.toContain(new URL(feedUrl).pathname.split('/')[4]);
    expect((await as(colleague).get('/feeds')).body.items).toEqual([]);
    expect(await auditSince(api, seq)).toEqual([
      expect.objectContaining({
        action: 'feed.create',
        entity: 'feed',
        entityId: feedId,
        actorId: coordinator.id,
        after: { name: 'Azovstal, Russian ceasefire', filter: { q: 'Russian ceasefire corridor 08:00' } },
      }),
    ]);
  });

  it('serves one VEVENT per window, in UTC, with the zone, status and stances in the description, as ical.js reads it', async () => {
    const response = await fetchFeed();
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['cache-control']).toBe('private, max-age=300');
    const text = response.body as string;
    // RFC 5545: CRLF line ends, content lines folded at 75 octets.
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text).toMatch(/\r\nDTSTART:20220505T050000Z\r\n/);
    const calendar = readCalendar(text);
    expect(calendar.name).toBe('Azovstal, Russian ceasefire');
    expect(calendar.events.map((e) => [e.uid, e.start, e.end])).toEqual(
      corridor.windows.map((w) => [`${w.id}@localhost`, w.startsAt, w.endsAt]),
    );
    for (const event of calendar.events) {
      expect(event).toMatchObject({
        sequence: 0,
        status: 'TENTATIVE',
        url: `http://localhost:3000/corridors/${corridor.id}`,
      });
      expect(event.summary).toBe('Azovstal: Russian ceasefire corridor 08:00-18:00 Moscow time, 5-7 May');
      expect(event.description).toContain('Local time (Europe/Moscow): ');
      expect(event.description).toContain('08:00 – 18:00');
      // The promise beside the status: people got out, Ukraine had not confirmed.
      expect(event.description).toMatch(
        /Corridor status: (completed|failed), promise (unconfirmed|broken)\./,
      );
      expect(event.description).toContain('- Government of Ukraine: ');
    }
  });

  it('keeps each event’s UID and SEQUENCE while nothing changes, and raises the SEQUENCE when a stance or the corridor changes', async () => {
    const before = readCalendar((await fetchFeed()).body as string).events;
    expect(readCalendar((await fetchFeed()).body as string).events).toEqual(before);

    api.clock.set('2022-05-10T12:10:00Z');
    const confirmed = await as(coordinator).post(`/corridors/${corridor.id}/confirmations`, {
      partyId: uaGov,
      stance: 'confirmed',
      statedAt: '2022-05-06T10:00:00+03:00',
    });
    expect(confirmed.status).toBe(201);
    const afterStance = readCalendar((await fetchFeed()).body as string).events;
    expect(afterStance.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    // Said on 6 May: the 5 May window was already over, the others heard it; and the corridor's promise, which every
    // window's description states, is no longer unconfirmed.
    expect(afterStance.map((e) => e.sequence)).toEqual([1, 1, 1]);
    expect(afterStance[0].description).not.toContain('promise unconfirmed');
    expect(afterStance[1].description).toContain(
      '- Government of Ukraine: confirmed (stated 2022-05-06T07:00:00Z)',
    );
    expect(afterStance[1].stamp).not.toBe(before[1].stamp);

    const cancelled = await as(coordinator).post(`/corridors/${corridor.id}/cancel`, {
      reason: 'Withdrawn by its announcer.',
    });
    expect(cancelled.status).toBe(200);
    const afterCancel = readCalendar((await fetchFeed()).body as string).events;
    expect(afterCancel.map((e) => e.status)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
    expect(afterCancel.map((e) => e.sequence)).toEqual([2, 2, 2]);
    expect(afterCancel[0].description).toMatch(/^This corridor was cancelled\./);
  });

  it('carries every window when the feed has no filter, and lets a viewer have feeds of their own', async () => {
    const created = await as(colleague).post('/feeds', { name: 'Everything' });
    expect(created.status).toBe(201);
    const windows = await api.db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM corridor_window');
    const events = readCalendar((await fetchFeed(created.body.url)).body as string).events;
    expect(events).toHaveLength(Number(windows?.n));
    // The same window in two feeds is one event to a calendar: the same UID and SEQUENCE.
    const mine = readCalendar((await fetchFeed()).body as string).events;
    for (const event of mine) expect(events).toContainEqual(event);
  });

  it('refuses a bad feed with problems naming the field, and an unknown address with 404', async () => {
    expectProblem(await as(coordinator).post('/feeds', { filter: {} }), 400, 'validation', 'name');
    expectProblem(
      await as(coordinator).post('/feeds', { name: 'x', filter: { status: 'promised' } }),
      400,
      'validation',
      'filter.status',
    );
    expectProblem(
      await as(coordinator).post('/feeds', { name: 'x', filter: { from: 'soon' } }),
      400,
      'invalid-time',
      'filter.from',
    );
    expectProblem(
      await as(coordinator).post('/feeds', { name: 'x', filter: { limit: 5 } }),
      400,
      'validation',
      'filter.limit',
    );
    expectProblem(await api.http.get('/api/v1/feeds/not-a-token/windows.ics'), 404, 'not-found');
    expectProblem(await api.http.get(`/api/v1/feeds/cwf_${'A'.repeat(43)}/windows.ics`), 404, 'not-found');
    expectProblem(await api.http.post('/api/v1/feeds').send({ name: 'anonymous' }), 401, 'unauthenticated');
  });

  it('is revoked by its owner only (another user’s revoke reads as unknown), and its address then answers 404', async () => {
    expectProblem(await as(colleague).delete(`/feeds/${feedId}`), 404, 'not-found');
    expect((await fetchFeed()).status).toBe(200);
    const seq = await lastAuditSeq(api);
    expect((await as(coordinator).delete(`/feeds/${feedId}`)).status).toBe(204);
    expectProblem(await api.http.get(new URL(feedUrl).pathname), 404, 'not-found');
    expectProblem(await as(coordinator).delete(`/feeds/${feedId}`), 404, 'not-found');
    expect((await as(coordinator).get('/feeds')).body.items).toEqual([]);
    expect(await auditSince(api, seq)).toEqual([
      expect.objectContaining({ action: 'feed.revoke', entityId: feedId, actorId: coordinator.id }),
    ]);
  });

  it('stops answering when its owner is disabled', async () => {
    const created = await as(colleague).post('/feeds', { name: 'Until I leave' });
    expect((await fetchFeed(created.body.url)).status).toBe(200);
    const disabled = await api.http
      .patch(`/api/v1/users/${colleague.id}`)
      .set(api.auth)
      .send({ disabled: true });
    expect(disabled.status).toBe(200);
    expectProblem(await api.http.get(new URL(created.body.url).pathname), 404, 'not-found');
  });
});
