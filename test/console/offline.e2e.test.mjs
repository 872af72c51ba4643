/* global window, navigator */
// The console in the field, in Chromium against the built API: joining by invitation, every page opening with
// no network after one visit, a report queued offline and stored once, the stale banner, a page whose code did
// not arrive tried again without a reload, a new version taken at the next navigation, the dashboard's period.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { expectAccessible } from './axe.mjs';
import { ADMIN, ROOT, apiToken, launchChromium, loadDemoData, startServer } from './harness.mjs';

const SW_FILE = path.join(ROOT, 'apps/console/dist/sw.js');

let server;
let browser;
let token;
let corridorId;

async function api(method, urlPath, body) {
  const response = await fetch(`${server.directUrl}/api/v1${urlPath}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, data: text ? JSON.parse(text) : null };
}

async function signIn(page, email = ADMIN.email, password = ADMIN.password) {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${server.url}/`);
}

/** No network for this browser context: emulated in Chromium, and cut for real between it and the API. */
async function setOffline(context, offline) {
  server.setNetwork(!offline);
  await context.setOffline(offline);
}

/** Until the service worker has precached everything and controls the page. */
async function serviceWorkerInCharge(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}

const heading = (page) => page.getByRole('heading', { level: 1 });
const evacuationCount = async (id) =>
  (await api('GET', `/corridors/${id}/timeline`)).data.events.filter((e) => e.kind === 'evacuation').length;

beforeAll(async () => {
  server = await startServer({ switchableNetwork: true });
  await loadDemoData(server.directUrl);
  token = await apiToken(server.directUrl);
  browser = await launchChromium();
  const corridors = (await api('GET', '/corridors?limit=100')).data.items;
  corridorId = corridors.find((c) => c.name.startsWith('UN/ICRC safe passage operation 3')).id;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the console in the field', () => {
  it('serves the service worker and the manifest fresh on every visit, under the same security policy', async () => {
    const worker = await fetch(`${server.url}/sw.js`);
    expect(worker.status).toBe(200);
    // Never cached by the browser: a new version is found at the next check, not a year later.
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    expect(worker.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(worker.headers.get('content-security-policy')).toContain("script-src 'self'");
    const body = await worker.text();
    // Every page of the console is in its precache.
    for (const page of ['Flags', 'Corridors', 'CorridorPage', 'ReportEntry', 'Users', 'Jobs', 'Invitation']) {
      expect(body, page).toMatch(new RegExp(`assets/${page}-[\\w-]+\\.js`));
    }
    const manifest = await fetch(`${server.url}/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    expect(await manifest.json()).toMatchObject({
      name: 'Corridor Watch',
      start_url: '/',
      display: 'standalone',
    });
  });

  it('lets an invited reporter choose a password, signs them in, and they enter a report', async () => {
    const organisationId = (await api('GET', '/auth/me')).data.organisationId;
    const invited = await api('POST', '/users', {
      email: 'olena@ngo.example',
      displayName: 'Olena K.',
      organisationId,
      role: 'reporter',
    });
    expect(invited.status).toBe(201);
    const inviteUrl = invited.data.inviteUrl;
    expect(inviteUrl.startsWith(`${server.url}/invite/`)).toBe(true);

    // A fresh browser: no session, nothing cached.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(inviteUrl);
    await expect.poll(() => heading(page).textContent()).toBe('Join Corridor Watch');
    await expect.poll(() => page.getByTestId('invitation').textContent()).toContain('olena@ngo.example');
    // The rules as the server states them.
    expect(await page.getByTestId('password-policy').textContent()).toContain('At least 12 characters');
    await expectAccessible(page, 'invitation');

    await page.getByLabel('New password').fill('short one');
    await page.getByLabel('The same password again').fill('short one');
    await page.getByRole('button', { name: 'Set the password and sign in' }).click();
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('at least 12 characters');

    await page.getByLabel('New password').fill('olena chooses a long passphrase');
    await page.getByLabel('The same password again').fill('olena chooses a long passphrase');
    await page.getByRole('button', { name: 'Set the password and sign in' }).click();
    await page.waitForURL(`${server.url}/`);
    await expect.poll(() => heading(page).textContent()).toBe('Dashboard');
    await expect.poll(() => page.locator('.who').textContent()).toContain('Olena K. · reporter');
    // Signed in by the HttpOnly cookie alone.
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'cw_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
    });

    const before = await evacuationCount(corridorId);
    await page.goto(`${server.url}/corridors/${corridorId}/report/evacuation`);
    await page.getByLabel('Who says so (source)').selectOption({ label: 'Government of Ukraine' });
    await page.getByLabel('exactly').check();
    await page.getByLabel('Number of people').fill('17');
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => page.getByTestId('submission-status').getAttribute('data-state')).toBe('stored');
    expect(await evacuationCount(corridorId)).toBe(before + 1);
    const users = (await api('GET', '/users?limit=200')).data.items;
    expect(users.find((u) => u.email === 'olena@ngo.example')).toMatchObject({ invitePending: false });

    // The link worked once: opened again, it says so plainly.
    const again = await context.newPage();
    await again.goto(inviteUrl);
    await again.getByTestId('invitation-gone').waitFor();
    expect(await again.getByTestId('invitation-gone').textContent()).toContain('expired or was used already');
    await expectAccessible(again, 'invitation-gone');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens every page with no network after one visit, reloads included, and says how old the data is', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page);
    await serviceWorkerInCharge(page);
    // One visit of the pages whose data should show offline: their reads go through the service worker now.
    for (const path of ['/', `/corridors/${corridorId}`, `/corridors/${corridorId}/report/evacuation`]) {
      await page.goto(`${server.url}${path}`);
      await heading(page).waitFor();
      await page.waitForLoadState('networkidle');
    }
    await setOffline(context, true);
    const pages = [
      ['/', 'Dashboard'],
      ['/corridors', 'Corridors'],
      ['/corridors/new', 'New corridor'],
      [`/corridors/${corridorId}`, 'UN/ICRC safe passage operation 3'],
      [`/corridors/${corridorId}/report/evacuation`, 'Evacuation count'],
      ['/report', 'Report'],
      ['/flags', 'Flags'],
      ['/subscriptions', 'Subscriptions'],
      ['/users', 'Users'],
      ['/audit', 'Audit'],
      ['/outbox', 'Outbox'],
      ['/jobs', 'Job'],
      ['/no/such/page', 'Page not found'],
    ];
    for (const [path, title] of pages) {
      await page.goto(`${server.url}${path}`);
      await expect.poll(() => heading(page).textContent(), { message: path }).toContain(title);
      expect(await page.getByText('This page could not be downloaded').count(), path).toBe(0);
      await page.reload();
      await expect.poll(() => heading(page).textContent(), { message: `${path}, reloaded` }).toContain(title);
    }
    // What was read before shows, with its age and the offline banner.
    await page.goto(`${server.url}/corridors/${corridorId}`);
    await expect
      .poll(() => page.getByTestId('stale-banner').textContent())
      .toMatch(/^You are offline\. What you see was fetched/);
    await page.getByTestId('window-table').waitFor();
    await setOffline(context, false);
    // Back online: what came from the device's cache is read again, and the banner leaves.
    await expect.poll(() => page.getByTestId('stale-banner').count(), { timeout: 30_000 }).toBe(0);
    await expect
      .poll(() => page.getByTestId('freshness').textContent())
      .toMatch(/^Updated \d\d:\d\d \S+, now$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps a report entered offline, across a reload, and stores it once when the connection returns', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page);
    await serviceWorkerInCharge(page);
    const form = `${server.url}/corridors/${corridorId}/report/remaining`;
    await page.goto(form);
    await page.getByLabel('Who says so (source)').waitFor();
    await page.waitForLoadState('networkidle');
    const keys = [];
    context.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/remaining')) keys.push(r.headers()['idempotency-key']);
    });
    const remainingCount = async () =>
      (await api('GET', `/corridors/${corridorId}/timeline`)).data.events.filter(
        (e) => e.kind === 'remaining',
      ).length;
    const before = await remainingCount();

    await setOffline(context, true);
    await page.reload();
    await page.getByLabel('Who says so (source)').selectOption({ label: 'Government of Ukraine' });
    await page.getByLabel('about').check();
    await page.getByLabel('Number of people').fill('300');
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => page.getByTestId('submission-status').getAttribute('data-state')).toBe('pending');
    // Kept across a reload with no network, and said in words, not the browser's "Failed to fetch".
    await page.reload();
    const pending = page.getByTestId('pending-submissions');
    await expect.poll(() => pending.textContent()).toContain('1 report not yet stored');
    await expect.poll(() => pending.textContent()).toContain('no answer from the server');
    expect(await pending.textContent()).not.toContain('Failed to fetch');
    expect(await remainingCount()).toBe(before);

    await setOffline(context, false);
    await expect.poll(() => page.getByTestId('pending-submissions').count(), { timeout: 30_000 }).toBe(0);
    expect(await remainingCount()).toBe(before + 1);
    expect(keys.length).toBeGreaterThanOrEqual(1);
    expect(new Set(keys).size).toBe(1);
    await context.close();
  });

  it('offers "Try again" when a page’s code did not arrive, and it works without a reload', async () => {
    // No service worker here: the first visit, before anything is saved on the device.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
      serviceWorkers: 'block',
      bypassCSP: true,
    });
    const page = await context.newPage();
    await signIn(page);
    await page.evaluate(() => (window.cwSamePage = true));
    await setOffline(context, true);
    await page.getByRole('link', { name: 'Flags', exact: true }).click();
    await expect.poll(() => heading(page).textContent()).toBe('This page could not be downloaded');
    const alert = await page.getByRole('alert').first().textContent();
    expect(alert).not.toMatch(/dynamically imported module|Failed to fetch/);
    await expectAccessible(page, 'page-not-downloaded');
    await setOffline(context, false);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Flags');
    expect(await page.evaluate(() => window.cwSamePage)).toBe(true);
    await context.close();
  });

  it('announces a new version and takes it at the next navigation, never while a form holds input', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page);
    await serviceWorkerInCharge(page);
    await page.goto(`${server.url}/corridors/${corridorId}/report/incident`);
    await page.getByLabel('What happened').fill('Convoy held at the checkpoint');
    await page.evaluate(() => (window.cwSamePage = true));
    // The next deployment: the same worker with one byte changed is, to the browser, a new version.
    // It stays deployed until the test ends: restored earlier, the old file would be found as yet another version.
    const original = readFileSync(SW_FILE, 'utf8');
    onTestFinished(() => writeFileSync(SW_FILE, original));
    writeFileSync(SW_FILE, `${original}\n// the next version\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const banner = page.getByTestId('update-ready');
    await expect
      .poll(() => banner.textContent(), { timeout: 30_000 })
      .toContain('A new version of Corridor Watch is ready');
    // Mid-form: no reload, no button that would reload.
    expect(await banner.textContent()).toContain('after you send or leave this form');
    expect(await banner.getByRole('button').count()).toBe(0);
    expect(await page.evaluate(() => window.cwSamePage)).toBe(true);
    expect(await page.getByLabel('What happened').inputValue()).toBe('Convoy held at the checkpoint');
    // The next navigation takes it: the page loads afresh under the new worker.
    await page.getByRole('link', { name: 'Flags', exact: true }).click();
    await expect
      .poll(() => page.evaluate(() => window.cwSamePage ?? 'reloaded'), { timeout: 30_000 })
      .toBe('reloaded');
    await expect.poll(() => heading(page).textContent()).toBe('Flags');
    expect(
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return { waiting: registration.waiting, isControlled: navigator.serviceWorker.controller !== null };
      }),
    ).toEqual({ waiting: null, isControlled: true });
    expect(await page.getByTestId('update-ready').count()).toBe(0);
    await context.close();
  });

  it('looks at 4–5 May 2022 in one click from the dashboard’s days, and says which period it shows', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'en-GB',
      bypassCSP: true,
    });
    const page = await context.newPage();
    await signIn(page);
    await page.getByRole('link', { name: 'Show 2022-05-04' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?from=2022-05-04');
    await expect
      .poll(() => page.getByTestId('period-shown').textContent())
      .toBe('Showing 2022-05-04 to 2022-05-04');
    await page.getByLabel('To day (optional)').fill('2022-05-05');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?from=2022-05-04&to=2022-05-05');
    await expect.poll(() => page.getByRole('heading', { name: 'Windows in this period' }).count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('upcoming-window').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('Mariupol to Zaporizhzhia via Berdiansk')]));
    await expectAccessible(page, 'dashboard-period');
    // The address is the link: opened again, the same period.
    await page.reload();
    await expect
      .poll(() => page.getByTestId('period-shown').textContent())
      .toBe('Showing 2022-05-04 to 2022-05-05');
    await page.getByRole('link', { name: 'Now', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Corridors open now' }).count()).toBe(1);
    await context.close();
  });
});
