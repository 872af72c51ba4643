/* global document, getComputedStyle */
// The console on a 360 px phone, page by page, and its maps, in Debian's chromium against the built API and the demo.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './axe.mjs';
import { ROOT, apiClient, apiToken, launchChromium, loadDemoData, startServer } from './harness.mjs';

let server;
let browser;
let token;
let api;
const demo = {};

/** A phone: 360 px wide, touch, signed in as the demo's admin unless `signedIn` is false. */
async function phone({ signedIn = true } = {}) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
    // Only so that axe-core can be injected; the console runs under the API's own policy.
    bypassCSP: true,
  });
  if (signedIn) {
    await context.addCookies([
      { name: 'cw_session', value: token, domain: new URL(server.url).hostname, path: '/', httpOnly: true },
    ]);
  }
  return context;
}

/**
 * How much wider than the screen the page is (0: it never scrolls sideways). Against the root's client width: a
 * phone's browser widens `innerWidth` to fit a page that is too wide.
 */
const sidewaysScroll = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The page has its heading and has finished loading what it shows. */
async function settled(page) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 15_000 });
}

/** Opens every folded part of the page, and every form folded inside them (which render once opened). */
async function openEverything(page) {
  for (let round = 0; round < 5; round++) {
    const opened = await page.evaluate(() => {
      const closed = [...document.querySelectorAll('details:not([open])')];
      for (const details of closed) details.open = true;
      return closed.length;
    });
    if (opened === 0) return;
    await settled(page);
  }
  throw new Error(`${page.url()}: a folded part does not stay open`);
}

/**
 * Every path the console routes (read from its own routes.tsx, so a new page is never forgotten), with its
 * parameters filled from the demo data.
 */
function consoleRoutes() {
  const source = readFileSync(path.join(ROOT, 'apps/console/src/routes.tsx'), 'utf8');
  const paths = [...source.matchAll(/<Route path="([^"]+)"/g)].map((m) => m[1]);
  const values = { id: null, kind: ['confirmation', 'evacuation', 'remaining', 'incident'], token: null };
  return paths.flatMap((route) => {
    const params = [...route.matchAll(/:(\w+)/g)].map((m) => m[1]);
    for (const param of params) {
      if (!(param in values)) throw new Error(`no value for :${param} of ${route}: add one to this test`);
    }
    if (route.startsWith('/operations/')) return [route.replace(':id', demo.operationId)];
    if (route.startsWith('/invite/')) return [route.replace(':token', demo.inviteToken)];
    const withId = route.replace(':id', demo.corridorId);
    return params.includes('kind') ? values.kind.map((kind) => withId.replace(':kind', kind)) : [withId];
  });
}

beforeAll(async () => {
  server = await startServer({ withWorker: false });
  await loadDemoData(server.url);
  token = await apiToken(server.url);
  api = apiClient(server.url, token);
  browser = await launchChromium();
  const corridors = (await api('GET', '/corridors?limit=100')).data.items;
  const byName = (start) => corridors.find((c) => c.name.startsWith(start));
  demo.corridorId = byName('Mariupol to Zaporizhzhia via Berdiansk').id;
  demo.firstOperationId = byName('UN/ICRC safe passage operation 1').id;
  demo.thirdOperationId = byName('UN/ICRC safe passage operation 3').id;
  demo.operationId = (await api('GET', `/corridors/${demo.corridorId}`)).data.operationId;
  const organisationId = (await api('GET', '/auth/me')).data.organisationId;
  const invited = await api('POST', '/users', {
    email: 'phone.reporter@ngo.example',
    displayName: 'Phone Reporter',
    organisationId,
    role: 'reporter',
  });
  demo.inviteToken = new URL(invited.data.inviteUrl).pathname.split('/').pop();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the console on a 360 px phone', () => {
  it('fits every page, opened all the way, with no sideways scrolling and no serious axe finding', async () => {
    const routes = consoleRoutes();
    // Each route the console has, with its parameters: the check below reaches them all.
    expect(routes).toEqual(expect.arrayContaining(['/', '/corridors', '/flags', '/jobs', '/sign-in']));
    const context = await phone();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The measure sees a page wider than the screen (a phone's browser does not zoom out to hide it).
    await page.goto(`${server.url}/corridors`);
    await settled(page);
    await page.evaluate(() => {
      const wide = document.createElement('div');
      wide.style.width = '600px';
      wide.style.height = '1px';
      document.querySelector('main').append(wide);
    });
    expect(await sidewaysScroll(page)).toBeGreaterThan(200);
    const tooWide = [];
    for (const route of [...routes, '/no-such-page']) {
      if (route === '/sign-in' || route.startsWith('/invite/')) continue;
      await page.goto(`${server.url}${route}`);
      await settled(page);
      await expectAccessible(page, route);
      await openEverything(page);
      const overflow = await sidewaysScroll(page);
      if (overflow > 1) tooWide.push(`${route}: ${overflow} px too wide`);
      await expectAccessible(page, `${route}, opened`);
    }
    await context.close();
    // Signed out: the sign-in page and an invitation.
    const guest = await phone({ signedIn: false });
    const guestPage = await guest.newPage();
    for (const route of routes.filter((r) => r === '/sign-in' || r.startsWith('/invite/'))) {
      await guestPage.goto(`${server.url}${route}`);
      await settled(guestPage);
      const overflow = await sidewaysScroll(guestPage);
      if (overflow > 1) tooWide.push(`${route}: ${overflow} px too wide`);
      await expectAccessible(guestPage, route);
    }
    await guest.close();
    expect(tooWide).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('folds the header under a menu, and gives every control a 44 px target', async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto(`${server.url}/corridors`);
    await settled(page);
    const header = await page.locator('header.top').boundingBox();
    expect(header.height).toBeLessThanOrEqual(64);
    const corridorsLink = page.getByRole('link', { name: 'Corridors', exact: true });
    expect(await corridorsLink.isVisible()).toBe(false);
    const menu = page.getByTestId('menu-button');
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await corridorsLink.waitFor({ state: 'visible' });
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, select, input:not([type=checkbox]):not([type=radio]), header a')]
        .filter((element) => element.getClientRects().length > 0)
        .map((element) => ({
          text: element.textContent.trim() || element.outerHTML.slice(0, 60),
          height: element.getBoundingClientRect().height,
        }))
        .filter((target) => target.height < 44),
    );
    expect(small).toEqual([]);
    // A new page closes the menu.
    await page.getByRole('link', { name: 'Flags', exact: true }).click();
    await page.waitForURL(/\/flags$/);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    // The corridor list is a list of cards, each value under its column's name.
    await page.goto(`${server.url}/corridors`);
    await settled(page);
    const firstCard = page.getByTestId('corridor-list').locator('tbody tr').first();
    expect(await firstCard.evaluate((row) => getComputedStyle(row).display)).toBe('block');
    expect(await firstCard.locator('td[data-label]').count()).toBeGreaterThan(2);
    await context.close();
  });

  it('asks before discarding a queued report, and keeps it when told to', async () => {
    const context = await phone();
    const page = await context.newPage();
    // The server cannot be reached for this report: it waits in the queue.
    await page.route('**/api/v1/corridors/*/incidents', (route) => route.abort('internetdisconnected'));
    await page.goto(`${server.url}/corridors/${demo.thirdOperationId}/report/incident`);
    await settled(page);
    await page.getByLabel('What happened').fill('Convoy stopped at the Vasylivka checkpoint.');
    await page.getByLabel('Where it happened').selectOption({ label: 'Vasylivka' });
    await page.getByRole('button', { name: 'Send report' }).click();
    const queued = page.getByTestId('pending-submission');
    await queued.waitFor();
    const discard = queued.getByRole('button', { name: 'Discard', exact: true });
    expect((await discard.boundingBox()).height).toBeGreaterThanOrEqual(44);

    await discard.click();
    await queued.getByText('Discard this report? It is kept nowhere else and will not be sent.').waitFor();
    const keep = queued.getByRole('button', { name: 'Keep it' });
    // The safe answer is where the finger and the focus are.
    expect(await keep.evaluate((button) => document.activeElement === button)).toBe(true);
    await keep.click();
    expect(await page.getByTestId('pending-submission').count()).toBe(1);

    await queued.getByRole('button', { name: 'Discard', exact: true }).click();
    await queued.getByRole('button', { name: 'Discard it' }).click();
    await expect.poll(() => page.getByTestId('pending-submission').count()).toBe(0);
    const said = (timeline) =>
      timeline.data.events.filter((e) => e.note === 'Convoy stopped at the Vasylivka checkpoint.');
    expect(said(await api('GET', `/corridors/${demo.thirdOperationId}/timeline`))).toEqual([]);

    // Sent again with the server in reach, it is stored where it happened.
    await page.unroute('**/api/v1/corridors/*/incidents');
    await page.getByLabel('What happened').fill('Convoy stopped at the Vasylivka checkpoint.');
    await page.getByLabel('Where it happened').selectOption({ label: 'Vasylivka' });
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => page.getByTestId('submission-status').getAttribute('data-state')).toBe('stored');
    const vasylivka = (await api('GET', '/locations?q=Vasylivka')).data.items[0].id;
    expect(
      said(await api('GET', `/corridors/${demo.thirdOperationId}/timeline`)).map((e) => e.placeId),
    ).toEqual([vasylivka]);
    await context.close();
  });
});

describe('the maps', () => {
  it('draws the way of a corridor with no drawn route through its stops, on its basemap, with a legend', async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto(`${server.url}/corridors/${demo.corridorId}`);
    const map = page.getByTestId('corridor-map');
    await map.waitFor();
    // Mariupol → Berdiansk → Tokmak → Vasylivka → Zaporizhzhia, dashed: the line says nothing of the roads.
    const way = map.getByTestId('map-way');
    expect(await way.getAttribute('data-drawn')).toBe('false');
    expect(await way.getAttribute('data-points')).toBe('5');
    expect(await map.locator('[data-testid="map-pin"][data-role="stop"]').count()).toBe(3);
    expect(await map.locator('.pin-label').allTextContents()).toEqual([
      'Mariupol',
      'Berdiansk',
      'Tokmak',
      'Vasylivka',
      'Zaporizhzhia',
    ]);
    await expect.poll(() => map.locator('path.land').getAttribute('d')).toMatch(/^M/);
    expect(await map.getByTestId('map-legend').locator('li').allTextContents()).toEqual([
      'Way through the places in order (not the roads)',
      'Origin',
      'Stop on the way',
      'Destination',
    ]);
    await context.close();
  });

  it('marks the incidents reported at a place, and shows the corridors of a day on the dashboard', async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto(`${server.url}/corridors/${demo.firstOperationId}`);
    const map = page.getByTestId('corridor-map');
    await map.waitFor();
    // Operation 1: out of the plant through Manhush; two incidents at the plant.
    expect(await map.getByTestId('map-way').getAttribute('data-points')).toBe('3');
    const incident = map.getByTestId('map-incident');
    await incident.waitFor();
    expect(await incident.locator('title').textContent()).toMatch(
      /^Incidents at Azovstal Iron and Steel Works: 2 \(/,
    );

    await page.goto(`${server.url}/?from=2022-05-04`);
    const overview = page.getByTestId('overview-map');
    await overview.waitFor();
    const corridors = await page.locator('.map-key li').allTextContents();
    expect(corridors).toContain(
      'Mariupol to Zaporizhzhia via Berdiansk (Lunacharske ring), Tokmak and Vasylivka, 4 May',
    );
    expect(await overview.getByTestId('map-way').count()).toBeGreaterThanOrEqual(1);
    await context.close();
  });
});
