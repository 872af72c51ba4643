/* global document, axe, getComputedStyle */
// The admin console in a real browser (Debian's chromium via playwright-core) against the real built API.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createServer } from 'node:http';
import { Queue } from 'bullmq';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../apps/console/src/i18n/en.ts';
import {
  ADMIN,
  apiClient,
  apiToken,
  desktopPage,
  launchChromium,
  loadDemoData,
  screenshotDir,
  startServer,
} from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = screenshotDir();

/** Every interface key, so a raw key showing on a page is caught. */
function keysOf(tree, prefix = '') {
  return Object.entries(tree).flatMap(([k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    return typeof v === 'string' ? [key, key.replace(/_(one|few|many|other)$/, '')] : keysOf(v, key);
  });
}
const KEYS = new Set(keysOf(en));

let server;
let browser;
let token;
let api;
const axeFindings = [];

async function checkPage(page, name) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  const text = await page.evaluate(() => document.body.innerText);
  const rawKeys = text.split(/[\s,;:()]+/).filter((word) => KEYS.has(word));
  expect(rawKeys, `raw translation keys on ${name}`).toEqual([]);
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(() =>
    axe.run(document, { resultTypes: ['violations'] }).then((r) =>
      r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3),
      })),
    ),
  );
  axeFindings.push({ page: name, violations: result });
  const serious = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `axe serious/critical violations on ${name}`).toEqual([]);
}

async function signIn(page) {
  await page.goto(`${server.url}/`);
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel(/E-mail|Електронна пошта/).fill(ADMIN.email);
  await page.getByLabel(/^(Password|Пароль)$/).fill(ADMIN.password);
  const [answer] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/login')),
    page.getByRole('button', { name: /^(Sign in|Увійти)$/ }).click(),
  ]);
  // The session lives in the HttpOnly cookie only: no script on the page ever holds its token.
  expect(Object.keys(await answer.json()).sort()).toEqual(['expiresAt', 'user']);
  await page.waitForURL(`${server.url}/`);
}

/** A local date and time in Kyiv, `minutes` from now, as the schedule builder takes them. */
function kyivIn(minutes) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Kyiv',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() + minutes * 60_000));
  const get = (type) => parts.find((p) => p.type === type).value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

beforeAll(async () => {
  // Webhooks go to a receiver this test starts on 127.0.0.1.
  server = await startServer({ env: { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_INTERVAL_MS: '300' } });
  await loadDemoData(server.url);
  token = await apiToken(server.url);
  api = apiClient(server.url, token);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (axeFindings.length) {
    const minor = axeFindings.flatMap((f) => f.violations.map((v) => `${f.page}: ${v.id} (${v.impact})`));
    if (minor.length) console.log(`[console e2e] axe, moderate/minor only:\n  ${minor.join('\n  ')}`);
  }
});

describe('the admin console in Chromium', () => {
  let corridorId;

  it('signs in, creates a corridor from a daily schedule, shows its windows and records a confirmation', async () => {
    // Bypass CSP only so the test can inject axe-core; the console itself runs under the API's CSP.
    const { context, page } = await desktopPage(browser, { bypassCSP: true });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/sign-in/);
    await checkPage(page, 'sign-in');
    await signIn(page);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Dashboard');
    await checkPage(page, 'dashboard');

    await page.getByRole('link', { name: 'Corridors', exact: true }).click();
    await page.getByTestId('corridor-list').waitFor();
    expect(await page.getByTestId('corridor-list').locator('tbody tr').count()).toBe(5);
    await checkPage(page, 'corridors');

    // A window starting within the confirmation lead time: its deadline is already past.
    const start = kyivIn(60);
    await page.getByRole('link', { name: 'New corridor' }).click();
    await page.getByLabel('Corridor', { exact: true }).fill('E2E: Azovstal to Zaporizhzhia, daily 2 days');
    await page.getByLabel('From (origin)').selectOption({ label: 'Azovstal Iron and Steel Works' });
    await page.getByLabel('To (destination)').selectOption({ label: 'Zaporizhzhia' });
    await page
      .getByLabel('Announced by')
      .selectOption({ label: 'Ministry of Defence of the Russian Federation' });
    await page.getByLabel('Time zone (IANA name)').fill('Europe/Kyiv');
    await page.getByLabel('First day').fill(start.date);
    await page.getByLabel('Number of days').fill('2');
    await page.getByLabel('From (local time)').fill(start.time);
    await page.getByLabel('To (local time)').fill(kyivIn(240).time);
    await expect.poll(() => page.getByTestId('schedule-preview').locator('li').count()).toBe(2);
    await checkPage(page, 'new-corridor');
    await page.getByRole('button', { name: /Save the corridor with 2 windows/ }).click();
    await page.waitForURL(/\/corridors\/[0-9a-f-]{36}$/);
    corridorId = page.url().split('/').pop();
    await expect.poll(() => page.getByTestId('window-table').locator('tbody tr').count()).toBe(2);
    expect((await api('GET', `/corridors/${corridorId}`)).data.windows).toHaveLength(2);
    await page.getByTestId('corridor-map').waitFor();
    await checkPage(page, 'corridor');

    await page.getByRole('link', { name: 'Confirmation or rejection' }).click();
    // The report page loads as its own chunk: until it has, the corridor page (with its own forms) is showing.
    await page.waitForURL(/\/corridors\/[0-9a-f-]{36}\/report\/confirmation$/);
    await page.getByRole('heading', { name: 'Confirmation or rejection' }).waitFor();
    await page.getByLabel('Party').selectOption({ label: 'Government of Ukraine' });
    await page.getByLabel('confirmed').check();
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => page.getByTestId('submission-status').getAttribute('data-state')).toBe('stored');
    await checkPage(page, 'report-confirmation');

    const corridor = await api('GET', `/corridors/${corridorId}`);
    expect(corridor.data.confirmations.map((c) => c.stance)).toEqual(['confirmed']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps an evacuation count entered offline as pending and stores it once, with the same key, when back online', async () => {
    const { context, page } = await desktopPage(browser);
    await signIn(page);
    await page.goto(`${server.url}/corridors/${corridorId}/report/evacuation`);
    await page.getByLabel('Who says so (source)').selectOption({ label: 'Government of Ukraine' });
    await page.getByLabel('at least').check();
    await page.getByLabel('Number of people').fill('58');
    const keys = [];
    page.on('request', (r) => r.method() === 'POST' && keys.push(r.headers()['idempotency-key']));
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => page.getByTestId('submission-status').getAttribute('data-state')).toBe('pending');
    await expect
      .poll(() => page.getByTestId('pending-submissions').textContent())
      .toContain('1 report not yet stored');
    await page.screenshot({ path: path.join(SHOTS, 'report-pending-offline.png'), fullPage: true });
    await context.setOffline(false);
    await expect
      .poll(() => page.getByTestId('submission-status').getAttribute('data-state'), { timeout: 20_000 })
      .toBe('stored');
    const summary = await api('GET', `/corridors/${corridorId}/evacuations/summary`);
    expect(summary.data.total.bySource).toHaveLength(1);
    expect(summary.data.total.bySource[0].count).toEqual({ qualifier: 'at_least', value: 58 });
    expect(keys.length).toBeGreaterThanOrEqual(1);
    expect(new Set(keys).size).toBe(1);
    await context.close();
  });

  it('shows the flag raised past the deadline on the dashboard, and acknowledges it', async () => {
    const { context, page } = await desktopPage(browser, { bypassCSP: true });
    await signIn(page);
    // The worker evaluates the new corridor at once, or its sweep catches it.
    await expect
      .poll(
        async () => {
          await page.reload();
          await page
            .getByTestId('dashboard-flags')
            .locator('[data-testid="dashboard-flag"], .muted, [role="alert"]')
            .first()
            .waitFor();
          return page.getByTestId('dashboard-flag').filter({ hasText: 'E2E: Azovstal' }).count();
        },
        { timeout: 45_000, intervals: [500, 1000, 2000] },
      )
      .toBeGreaterThan(0);
    expect(
      await page.getByTestId('dashboard-flag').filter({ hasText: 'E2E: Azovstal' }).first().textContent(),
    ).toContain('Unconfirmed at the deadline');
    await checkPage(page, 'dashboard-with-flag');
    const awaiting = async () =>
      Number(/\d+/.exec(await page.getByTestId('dashboard-flags-awaiting').textContent())[0]);
    const awaitingBefore = await awaiting();
    expect(awaitingBefore).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Flags', exact: true }).click();
    const group = page.getByTestId('flag-group').filter({ hasText: 'E2E: Azovstal' }).first();
    await group.getByTestId('flag-select').first().check();
    await page.getByLabel('Note (optional)').fill('Buses held at Zaporizhzhia');
    await page.getByTestId('acknowledge-selected').click();
    await expect.poll(() => page.getByTestId('acknowledge-done').textContent()).toBe('Acknowledged: 1.');
    await checkPage(page, 'flags');
    const flags = await api('GET', `/flags?corridorId=${corridorId}&acknowledged=true`);
    expect(flags.data.items.map((f) => [f.acknowledgeNote, f.acknowledgedBy?.displayName])).toEqual([
      ['Buses held at Zaporizhzhia', 'Administrator'],
    ]);
    // Back on the dashboard the flag is still open, marked acknowledged, and one fewer awaits a coordinator.
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await expect.poll(awaiting).toBe(awaitingBefore - 1);
    const marked = page
      .getByTestId('dashboard-flag')
      .filter({ hasText: 'E2E: Azovstal' })
      .filter({ hasText: '(acknowledged)' });
    expect(await marked.count()).toBe(1);
    await context.close();
  });

  it('shows the demo corridor Russia declared completed but Ukraine never confirmed in amber, with its flags, and acknowledges two of them at once', async () => {
    const { context, page } = await desktopPage(browser, { bypassCSP: true });
    await signIn(page);
    const ceasefire = (await api('GET', '/corridors?limit=100')).data.items.find((c) =>
      c.name.startsWith('Azovstal: Russian ceasefire corridor'),
    );
    expect(ceasefire).toMatchObject({ status: 'completed', promise: 'unconfirmed' });
    // The worker raises never_confirmed on each of its three windows once the demo is imported.
    await expect
      .poll(
        async () =>
          (await api('GET', `/flags?corridorId=${ceasefire.id}&open=true&acknowledged=false`)).data.items
            .length,
        { timeout: 45_000, intervals: [500, 1000, 2000] },
      )
      .toBeGreaterThanOrEqual(3);
    const before = (await api('GET', `/corridors?q=${encodeURIComponent('Russian ceasefire')}`)).data
      .items[0];
    expect(before.openFlags.critical).toBeGreaterThanOrEqual(3);

    await page.goto(`${server.url}/corridors?q=${encodeURIComponent('Russian ceasefire')}`);
    const row = page.getByTestId('corridor-list').getByRole('row').filter({ hasText: ceasefire.name });
    const badge = row.getByTestId('corridor-badge');
    await expect.poll(() => badge.textContent()).toContain('completed · promise unconfirmed');
    const look = await badge.evaluate((element) => ({
      tone: element.dataset.tone,
      color: getComputedStyle(element).color,
      ok: getComputedStyle(document.documentElement).getPropertyValue('--ok').trim(),
    }));
    // Amber (the warning colour), not the green of a success.
    expect(look).toMatchObject({ tone: 'warning', color: 'rgb(122, 75, 0)' });
    expect(look.ok).toBe('#1e6b34');
    expect(look.color).not.toBe('rgb(30, 107, 52)');
    expect(await row.getByTestId('flag-counts').textContent()).toContain(
      `${before.openFlags.critical} critical`,
    );
    await checkPage(page, 'corridors-with-flags');

    await page.goto(`${server.url}/corridors/${ceasefire.id}`);
    const pageBadge = page.getByTestId('corridor-badge').first();
    await expect.poll(() => pageBadge.textContent()).toContain('completed · promise unconfirmed');
    expect(await pageBadge.getAttribute('data-tone')).toBe('warning');
    await expect.poll(() => page.getByTestId('grade').count()).toBeGreaterThan(0);

    // From the list's flag column to that corridor's flags, most severe first.
    await page.goto(`${server.url}/corridors?q=${encodeURIComponent('Russian ceasefire')}`);
    await row.getByTestId('flag-counts').click();
    await page.waitForURL(/\/flags\?corridorId=/);
    await expect.poll(() => page.getByTestId('flag-select').count()).toBeGreaterThanOrEqual(3);
    await page.getByTestId('flag-select').nth(0).check();
    await page.getByTestId('flag-select').nth(1).check();
    await expect
      .poll(() => page.getByTestId('acknowledge-selected').textContent())
      .toBe('Acknowledge selected (2)');
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/api/v1/flags/acknowledge')),
      page.getByTestId('acknowledge-selected').click(),
    ]);
    expect(answer.status()).toBe(200);
    const acknowledgedIds = (await answer.json()).items.map((f) => f.id);
    expect(acknowledgedIds).toHaveLength(2);
    await expect.poll(() => page.getByTestId('acknowledge-done').textContent()).toBe('Acknowledged: 2.');
    // They leave the open list ...
    const open = (await api('GET', `/flags?corridorId=${ceasefire.id}&open=true&acknowledged=false`)).data
      .items;
    expect(open.filter((f) => acknowledgedIds.includes(f.id))).toEqual([]);
    await expect.poll(() => page.getByTestId('flag-select').count()).toBe(open.length);
    const after = (await api('GET', `/corridors?q=${encodeURIComponent('Russian ceasefire')}`)).data.items[0];
    expect(after.openFlags.critical + after.openFlags.warning + after.openFlags.info).toBe(
      before.openFlags.critical + before.openFlags.warning + before.openFlags.info - 2,
    );
    // ... for the acknowledged view, which says who and when.
    await page.getByTestId('flag-view').selectOption('acknowledged');
    await expect.poll(() => page.getByTestId('flag-acknowledged').count()).toBe(2);
    expect(await page.getByTestId('flag-acknowledged').first().textContent()).toMatch(
      /^Acknowledged by Administrator \(admin@corridor\.local\) · /,
    );
    await checkPage(page, 'flags-acknowledged');
    await context.close();
  });

  it('loads the dashboard with one request for its data, started by the page before its scripts run', async () => {
    const html = await fetch(`${server.url}/`, { headers: { cookie: `cw_session=${token}` } }).then((r) =>
      r.text(),
    );
    expect(html).toContain('<link rel="preload" href="/api/v1/dashboard" as="fetch" crossorigin>');
    const anonymous = await fetch(`${server.url}/`).then((r) => r.text());
    expect(anonymous).not.toContain('/api/v1/dashboard');

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    const host = new URL(server.url).hostname;
    await context.addCookies([{ name: 'cw_session', value: token, domain: host, path: '/', httpOnly: true }]);
    const page = await context.newPage();
    const apiCalls = [];
    page.on('request', (r) => r.url().includes('/api/') && apiCalls.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/`);
    await page.waitForFunction(
      () =>
        document.querySelectorAll('.dashboard section.card[data-ready="true"]').length === 4 &&
        !document.querySelector('.dashboard .loading'),
    );
    await page.waitForLoadState('networkidle');
    expect(apiCalls.filter((p) => p === '/api/v1/dashboard')).toHaveLength(1);
    expect(apiCalls.filter((p) => p !== '/api/v1/dashboard' && p !== '/api/v1/auth/me')).toEqual([]);
    expect(await page.getByTestId('upcoming-window').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('edits a corridor with its version, draws its route, adds a window, a party and a place, and cancels a corridor', async () => {
    const { context, page } = await desktopPage(browser, { bypassCSP: true });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page);
    await page.goto(`${server.url}/corridors/${corridorId}`);
    await page.getByTestId('corridor-manage').waitFor();

    // A pick-up point on the way, and the ICRC, missing from the lists: added from the corridor page.
    await page.getByText('A party or place is missing from the lists? Add it').click();
    const place = page.getByTestId('new-place');
    await place.getByLabel('Name of the place').fill('Nikolske checkpoint');
    await place.getByLabel('Latitude').fill('47.196');
    await place.getByLabel('Longitude').fill('37.323');
    await place.getByRole('button', { name: 'Add the place' }).click();
    await expect.poll(() => place.getByTestId('submission-status').getAttribute('data-state')).toBe('stored');
    const party = page.getByTestId('new-party');
    await party.getByLabel('Name of the party').fill('Ukrainian Red Cross Society');
    await party.getByLabel('Short name (optional)').fill('URCS');
    await party.getByLabel('Kind of party').selectOption('humanitarian');
    await party.getByRole('button', { name: 'Add the party' }).click();
    await expect.poll(() => party.getByTestId('submission-status').getAttribute('data-state')).toBe('stored');
    const parties = (await api('GET', '/parties?limit=200')).data.items;
    expect(parties.find((p) => p.shortName === 'URCS')).toMatchObject({ kind: 'humanitarian' });

    // The route: origin, the checkpoint, destination; and a new name, sent with the version read.
    const before = (await api('GET', `/corridors/${corridorId}`)).data;
    await page.getByText('Edit the corridor', { exact: true }).click();
    const form = page.getByTestId('edit-form');
    await form.getByRole('button', { name: 'Start from the origin and destination' }).click();
    await form.getByRole('button', { name: 'Add a point' }).click();
    await form.getByLabel('Point 3', { exact: true }).selectOption({ label: 'Nikolske checkpoint' });
    await form.getByRole('button', { name: 'Move point 3 up' }).click();
    await form.getByLabel('Corridor', { exact: true }).fill('E2E: Azovstal to Zaporizhzhia via Nikolske');
    await form.getByRole('button', { name: 'Save the changes' }).click();
    await expect.poll(() => form.getByTestId('edit-outcome').textContent()).toBe('Saved.');
    const edited = (await api('GET', `/corridors/${corridorId}`)).data;
    expect(edited.name).toBe('E2E: Azovstal to Zaporizhzhia via Nikolske');
    expect(edited.version).toBe(before.version + 1);
    expect(edited.route.coordinates).toHaveLength(3);
    expect(edited.route.coordinates[1]).toEqual([37.323, 47.196]);
    await page.getByRole('heading', { level: 1, name: edited.name }).waitFor();

    // Someone else edits meanwhile: the next save is refused, not lost, and the current version can be loaded.
    const other = await api('PATCH', `/corridors/${corridorId}`, {
      version: edited.version,
      sourceNote: 'Edited by a colleague in another office',
    });
    expect(other.status).toBe(200);
    await form.getByLabel('Corridor', { exact: true }).fill('E2E: a stale edit');
    await form.getByRole('button', { name: 'Save the changes' }).click();
    await form.getByTestId('stale-version').waitFor();
    await checkPage(page, 'corridor-edit-stale');
    await form.getByRole('button', { name: 'Load the current version' }).click();
    await expect
      .poll(() => form.getByLabel('Source note').inputValue())
      .toBe('Edited by a colleague in another office');
    expect(await form.getByLabel('Corridor', { exact: true }).inputValue()).toBe(edited.name);
    expect((await api('GET', `/corridors/${corridorId}`)).data.name).toBe(edited.name);

    // One more window, read in the corridor's zone.
    const start = kyivIn(3 * 24 * 60);
    const end = kyivIn(3 * 24 * 60 + 120);
    await page.getByText('Add a window', { exact: true }).click();
    const addWindow = page.getByTestId('add-window');
    await addWindow.getByLabel('Starts (local time)').fill(`${start.date}T${start.time}`);
    await addWindow.getByLabel('Ends (local time)').fill(`${end.date}T${end.time}`);
    await addWindow.getByRole('button', { name: 'Add the window' }).click();
    await expect
      .poll(() => addWindow.getByTestId('submission-status').getAttribute('data-state'))
      .toBe('stored');
    await expect.poll(() => page.getByTestId('window-table').locator('tbody tr').count()).toBe(3);
    const windows = (await api('GET', `/corridors/${corridorId}`)).data.windows;
    expect(windows).toHaveLength(3);
    expect(windows[2].endsAt > windows[2].startsAt).toBe(true);

    // The timeline says what changed, from its fields.
    await expect
      .poll(() => page.getByTestId('timeline').textContent())
      .toContain('Changed: Corridor, Route, point by point');
    await checkPage(page, 'corridor-manage');

    // The checkpoint was added in a hurry: its Ukrainian name and its zone are put right on the Places page.
    const checkpoint = (await api('GET', '/locations?q=Nikolske')).data.items[0];
    await page.goto(`${server.url}/places`);
    await page.getByRole('button', { name: 'Edit Nikolske checkpoint' }).click();
    const placeForm = page.getByTestId('edit-place');
    await placeForm.getByLabel('Name in Ukrainian').fill('Нікольське');
    await placeForm.getByLabel('Time zone').fill('Europe/Kiev');
    await checkPage(page, 'place-edit');
    await placeForm.getByRole('button', { name: 'Save the changes' }).click();
    await placeForm.waitFor({ state: 'detached' });
    expect((await api('GET', `/locations/${checkpoint.id}`)).data).toMatchObject({
      name: 'Nikolske checkpoint',
      names: { uk: 'Нікольське' },
      lat: 47.196,
      timezone: 'Europe/Kyiv',
    });

    // Cancelling another corridor.
    const second = await api('POST', '/corridors', {
      name: 'E2E: to be cancelled',
      originId: before.originId,
      announcedById: before.announcedById,
      announcedAt: new Date().toISOString(),
      timezone: 'Europe/Kyiv',
    });
    expect(second.status).toBe(201);
    await page.goto(`${server.url}/corridors/${second.data.id}`);
    await page.getByText('Cancel the corridor', { exact: true }).click();
    await page.getByLabel('Reason for the cancellation').fill('Withdrawn by the announcing party');
    await page.getByRole('button', { name: 'Cancel it now' }).click();
    await expect
      .poll(() => page.locator('.notice').first().textContent())
      .toBe('Cancelled: Withdrawn by the announcing party');
    expect((await api('GET', `/corridors/${second.data.id}`)).data.status).toBe('cancelled');
    await checkPage(page, 'corridor-cancelled');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("corrects a demo evacuation report's count from the timeline, sent with its version; the figures follow", async () => {
    const { context, page } = await desktopPage(browser, { bypassCSP: true });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page);
    // The unilateral Russian corridor of 25 April: one evacuation report, "no one has used it" (exactly 0).
    const demo = (await api('GET', '/corridors?limit=100')).data.items.find((c) =>
      c.name.startsWith('Azovstal: unilateral Russian ceasefire'),
    );
    const timelineOf = async () => (await api('GET', `/corridors/${demo.id}/timeline`)).data.events;
    const [report] = (await timelineOf()).filter((e) => e.kind === 'evacuation');
    expect(report.count).toEqual({ qualifier: 'exact', value: 0 });
    expect((await api('GET', `/corridors/${demo.id}`)).data.evacuation).toMatchObject({ low: 0, high: 0 });

    await page.goto(`${server.url}/corridors/${demo.id}`);
    const entry = page.getByTestId('timeline').locator('li.event-evacuation');
    const correct = entry.getByRole('button', { name: /^Correct/ });
    expect(await correct.getAttribute('aria-expanded')).toBe('false');
    await correct.click();
    const form = entry.getByTestId('correction-form');
    await form.waitFor();
    expect(await correct.getAttribute('aria-expanded')).toBe('true');
    expect(await form.getByLabel('Number of people').inputValue()).toBe('0');
    expect(await form.getByLabel('When it was reported').inputValue()).toBe('2022-04-25T20:00');
    await form.getByLabel('Number of people').fill('12');
    await checkPage(page, 'corridor-correction');
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH'),
      form.getByRole('button', { name: 'Save the correction' }).click(),
    ]);
    expect(answer.status()).toBe(200);
    // Only the count changed, and it travels with the version read.
    expect(answer.request().postDataJSON()).toEqual({
      count: { qualifier: 'exact', value: 12 },
      version: report.version,
    });
    await expect.poll(() => entry.getByTestId('correction-saved').textContent()).toBe('Correction saved.');
    await expect
      .poll(() => page.getByTestId('timeline').textContent())
      .toContain('Evacuation report corrected: count');
    await expect.poll(() => entry.locator('p strong').textContent()).toBe('12 civilians ');
    await expect.poll(() => page.getByTestId('summary-total').textContent()).toMatch(/^12 /);

    // Read back: the report, its correction on the timeline, and the corridor's figures.
    const events = await timelineOf();
    expect(events.find((e) => e.kind === 'evacuation')).toMatchObject({
      recordId: report.recordId,
      count: { qualifier: 'exact', value: 12 },
      version: report.version + 1,
    });
    expect(events.find((e) => e.kind === 'edit' && e.recordId === report.recordId)).toMatchObject({
      entity: 'evacuation',
      changes: [
        {
          field: 'count',
          before: { qualifier: 'exact', value: 0 },
          after: { qualifier: 'exact', value: 12 },
        },
      ],
    });
    expect((await api('GET', `/corridors/${demo.id}`)).data.evacuation).toMatchObject({ low: 12, high: 12 });
    const summary = (await api('GET', `/corridors/${demo.id}/evacuations/summary`)).data;
    expect(summary.total).toMatchObject({ low: 12, high: 12 });

    // Someone else corrects the report while the form is open: the save is refused, the current version loads.
    await correct.click();
    await form.waitFor();
    const colleague = await api('PATCH', `/corridors/${demo.id}/evacuations/${report.recordId}`, {
      version: report.version + 1,
      note: 'Corrected by a colleague in another office',
    });
    expect(colleague.status).toBe(200);
    await form.getByLabel('Number of people').fill('15');
    await form.getByRole('button', { name: 'Save the correction' }).click();
    await form.getByTestId('correction-stale').waitFor();
    await checkPage(page, 'corridor-correction-stale');
    await form.getByRole('button', { name: 'Load the current version' }).click();
    await expect
      .poll(() => form.getByLabel('Note (the source’s own words)').inputValue())
      .toBe('Corrected by a colleague in another office');
    expect(await form.getByLabel('Number of people').inputValue()).toBe('12');
    expect((await api('GET', `/corridors/${demo.id}`)).data.evacuation).toMatchObject({ low: 12, high: 12 });

    // It was entered on the wrong corridor after all: retracted, with the reason, at the version now current.
    const retraction = entry.getByTestId('retraction');
    await retraction.getByText('Retract this report').click();
    await retraction.getByLabel('Why is it retracted?').fill('Entered on the wrong corridor');
    await checkPage(page, 'corridor-retraction');
    const [retracted] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/retract')),
      retraction.getByRole('button', { name: 'Retract the report' }).click(),
    ]);
    expect(retracted.status()).toBe(200);
    expect(retracted.request().postDataJSON()).toEqual({
      version: report.version + 2,
      reason: 'Entered on the wrong corridor',
    });
    const timeline = page.getByTestId('timeline');
    await expect
      .poll(() => timeline.locator('li.event-retraction').textContent())
      .toContain('Entered on the wrong corridor');
    expect(await timeline.locator('li.event-evacuation').count()).toBe(0);
    expect((await api('GET', `/corridors/${demo.id}`)).data.evacuation).toMatchObject({ reportCount: 0 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('goes from a demo corridor to its operation: the stages in order and its people counted once', async () => {
    const { context, page } = await desktopPage(browser, { bypassCSP: true });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page);
    // The Russian ceasefire of 5–7 May: the first stage of the third UN/ICRC operation.
    const corridors = (await api('GET', '/corridors?limit=100')).data.items;
    const ceasefire = corridors.find((c) => c.name.startsWith('Azovstal: Russian ceasefire corridor'));
    const operation = (await api('GET', `/operations/${ceasefire.operationId}`)).data;
    await page.goto(`${server.url}/corridors/${ceasefire.id}`);
    await page.getByTestId('corridor-operation').getByRole('link', { name: operation.name }).click();
    await page.getByRole('heading', { level: 1, name: operation.name }).waitFor();
    const stageNames = operation.corridorIds.map((id) => corridors.find((c) => c.id === id).name);
    await expect
      .poll(() => page.getByTestId('operation-stages').getByRole('link').allTextContents())
      .toEqual(stageNames);
    const total = await page.getByTestId('operation-total').textContent();
    expect(total).toContain(String(operation.evacuation.total.low));
    expect(total).toContain(String(operation.evacuation.total.high));
    expect(await page.getByTestId('operation-claims').getByRole('listitem').count()).toBe(
      operation.evacuation.total.bySource.length,
    );
    // Each claim with its grade; each stage with its status and promise: the ceasefire Ukraine never confirmed is
    // completed but amber, never the green of a kept promise.
    expect(await page.getByTestId('operation-claims').getByTestId('grade').count()).toBe(
      operation.evacuation.total.bySource.length,
    );
    const ceasefireBadge = page
      .getByTestId('operation-stages')
      .getByRole('listitem')
      .filter({ hasText: ceasefire.name })
      .getByTestId('corridor-badge');
    await expect.poll(() => ceasefireBadge.textContent()).toContain('completed · promise unconfirmed');
    expect(await ceasefireBadge.getAttribute('data-tone')).toBe('warning');
    expect(await ceasefireBadge.evaluate((element) => getComputedStyle(element).color)).not.toBe(
      'rgb(30, 107, 52)',
    );
    await checkPage(page, 'operation');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches to Ukrainian, and every admin page shows no raw key and passes axe', async () => {
    const { context, page } = await desktopPage(browser, { bypassCSP: true });
    await signIn(page);
    await page.getByTestId('language').selectOption('uk');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Огляд');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('uk');
    await checkPage(page, 'uk-dashboard');
    // The timeline speaks Ukrainian from its fields: the confirmation's stance, not the API's English summary.
    await page.goto(`${server.url}/corridors/${corridorId}`);
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('Підтвердження');
    const timeline = await page.getByTestId('timeline').textContent();
    expect(timeline).toContain('підтвердив');
    expect(timeline).not.toMatch(/Stance:|Edited:|evacuated|Flag raised/);
    for (const [route, name] of [
      [`/corridors/${corridorId}`, 'uk-corridor'],
      ['/corridors', 'uk-corridors'],
      ['/flags', 'uk-flags'],
      ['/places', 'uk-places'],
      ['/subscriptions', 'uk-subscriptions'],
      ['/webhooks', 'uk-webhooks'],
      ['/feeds', 'uk-feeds'],
      ['/import', 'uk-import'],
      ['/users', 'uk-users'],
      ['/audit', 'uk-audit'],
      ['/outbox', 'uk-outbox'],
      ['/jobs', 'uk-jobs'],
      ['/report', 'uk-report'],
    ]) {
      await page.goto(`${server.url}${route}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page
        .waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 10_000 })
        .catch(() => undefined);
      await checkPage(page, name);
    }
    // The choice is kept: a reload stays in Ukrainian.
    await page.reload();
    await expect.poll(() => page.getByRole('link', { name: 'Коридори', exact: true }).count()).toBe(1);
    await context.close();
  });

  it('registers a webhook endpoint, shows its secret once, lists its deliveries and replays one', async () => {
    const received = [];
    const receiver = createServer((request, response) => {
      const chunks = [];
      request.on('data', (chunk) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(204).end();
      });
    });
    await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${receiver.address().port}/corridor-watch`;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    try {
      await signIn(page);
      await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
      await page.getByLabel('URL').fill(hook);
      for (const name of [
        /^flag raised/,
        /^flag resolved/,
        /^corridor status changed/,
        /^corridor promise settled/,
      ])
        await page.getByRole('checkbox', { name }).uncheck();
      await page.getByRole('button', { name: 'Create the endpoint' }).click();
      const secret = (await page.getByTestId('webhook-secret').locator('code').textContent()).trim();
      expect(secret).toMatch(/^whsec_/);
      await checkPage(page, 'webhooks-secret');
      await page.getByRole('button', { name: 'I have kept it' }).click();
      expect(await page.getByTestId('webhook-secret').count()).toBe(0);

      // A corridor of its own: the other tests count the reports of theirs.
      const [party] = (await api('GET', '/parties?limit=1')).data.items;
      const [place] = (await api('GET', '/locations?limit=1')).data.items;
      const corridor = await api('POST', '/corridors', {
        name: 'Webhook test corridor',
        originId: place.id,
        announcedById: party.id,
        announcedAt: new Date(Date.now() - 3_600_000).toISOString(),
        timezone: 'Europe/Kyiv',
      });
      expect(corridor.status).toBe(201);
      const report = await api('POST', `/corridors/${corridor.data.id}/evacuations`, {
        sourcePartyId: party.id,
        reportedAt: new Date(Date.now() - 60_000).toISOString(),
        count: { qualifier: 'exact', value: 42 },
        category: 'civilians',
      });
      expect(report.status).toBe(201);
      await expect.poll(() => received.length, { timeout: 20_000 }).toBe(1);
      // The browser showed the secret once; with it the standardwebhooks package verifies what arrived.
      const payload = new Webhook(secret).verify(received[0].body, received[0].headers);
      expect(payload).toMatchObject({ type: 'evacuation.reported', data: { id: report.data.id } });

      await page.getByRole('button', { name: `Deliveries of ${hook}` }).click();
      const deliveries = page.getByTestId('webhook-deliveries');
      await expect.poll(() => deliveries.textContent(), { timeout: 10_000 }).toContain('delivered');
      expect(await deliveries.textContent()).toContain('204');
      await checkPage(page, 'webhooks-deliveries');
      await page.getByRole('button', { name: /^Replay evacuation reported / }).click();
      await expect.poll(() => received.length, { timeout: 20_000 }).toBe(2);
      expect(received[1].headers['webhook-id']).toBe(received[0].headers['webhook-id']);
    } finally {
      await context.close();
      receiver.closeAllConnections();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('shows a failed job with its error on the job page, and retries it', async () => {
    // A job no worker has a handler for: the running worker fails it.
    const queue = new Queue('maintenance', { connection: { url: server.redisUrl }, prefix: 'bull' });
    const job = await queue.add('NoSuchJob', {}, { attempts: 1 });
    await expect.poll(() => job.isFailed(), { timeout: 10_000, interval: 50 }).toBe(true);
    // The axe check injects its script: the page's own policy allows no inline script.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`${server.url}/jobs`);
    const failed = page.getByTestId('failed-jobs');
    await failed.waitFor();
    // This run's job (the Redis database may keep failed jobs of earlier runs).
    const retryButton = page.getByRole('button', { name: `Retry job NoSuchJob (${job.id})` });
    const row = failed.getByRole('row').filter({ has: retryButton });
    await expect.poll(() => row.textContent()).toContain('no handler for job NoSuchJob on maintenance');
    expect(await page.getByTestId('last-sweep').textContent()).not.toBe('');
    await checkPage(page, 'jobs-failed');
    await retryButton.click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: String(job.id) })
          .count(),
      )
      .toBe(1);
    // The retry is the server's: the job left the failed set (and the worker, still without a handler, fails it again).
    const retried = await api('GET', '/audit?entity=job');
    expect(retried.data.items.map((entry) => entry.action)).toContain('job.retry');
    await queue.close();
    await context.close();
  });

  it('works on a 360 px phone screen: dashboard, corridor and a report, with no sideways scrolling', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'uk-UA',
      bypassCSP: true,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/sign-in/);
    // A browser set to Ukrainian gets Ukrainian without asking.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Коридор-Монітор');
    await signIn(page);
    // The root's client width, not innerWidth: a phone's browser widens innerWidth to fit a page that is too wide.
    const fits = () =>
      page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1);
    await page.getByTestId('dashboard-flags').waitFor();
    expect(await fits()).toBe(true);
    await checkPage(page, 'phone-dashboard');
    await page.goto(`${server.url}/corridors/${corridorId}`);
    await page.getByTestId('window-table').waitFor();
    expect(await fits()).toBe(true);
    await checkPage(page, 'phone-corridor');
    // The parts folded on a phone (timeline, details, changes), and the forms that change a corridor, fit opened.
    await openEverySection(page);
    for (const summary of await page.locator('.manage summary').all()) await summary.click();
    await page.getByTestId('route-editor').waitFor();
    expect(await fits()).toBe(true);
    await checkPage(page, 'phone-corridor-manage');
    // A report's correction opens under it, and fits too.
    const evacuation = page.getByTestId('timeline').locator('li.event-evacuation');
    await evacuation.getByRole('button', { name: /^Виправити/ }).click();
    await evacuation.getByTestId('correction-form').waitFor();
    expect(await fits()).toBe(true);
    await checkPage(page, 'phone-correction');
    await page.goto(`${server.url}/corridors/${corridorId}/report/remaining`);
    await page.getByLabel('Хто про це каже (джерело)').selectOption({ label: 'Government of Ukraine' });
    await page.getByLabel('діапазон', { exact: true }).check();
    await page.getByLabel('Щонайменше', { exact: true }).fill('100');
    await page.getByLabel('Щонайбільше', { exact: true }).fill('200');
    expect(await fits()).toBe(true);
    await page.getByRole('button', { name: 'Надіслати' }).click();
    await expect.poll(() => page.getByTestId('submission-status').getAttribute('data-state')).toBe('stored');
    await checkPage(page, 'phone-report');
    await context.close();
  });
});

/** Opens each folded part of a page (the corridor page folds its timeline, details and changes on a phone). */
async function openEverySection(page) {
  await page.evaluate(() => {
    for (const section of document.querySelectorAll('details.section:not([open])')) section.open = true;
  });
  // What the opened sections load must arrive: a page checked while still loading would prove nothing.
  await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 15_000 });
}
