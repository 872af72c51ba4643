/* global document */
// A viewer in London reads the demo corridors in Ukrainian: times in the place's zone (Kyiv) and theirs, each
// named, never the zone the UN announced from (New York), never Chromium's "Europe/Kiev"; people counted with the
// noun in the form its number takes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, apiToken, launchChromium, loadDemoData, startServer } from './harness.mjs';

let server;
let browser;
let token;

async function api(path) {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return response.json();
}

/** HH:mm of an instant in a zone. */
function clock(iso, zone) {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeStyle: 'short', hourCycle: 'h23' }).format(
    new Date(iso),
  );
}

beforeAll(async () => {
  server = await startServer({ withWorker: false });
  await loadDemoData(server.url);
  token = await apiToken(server.url);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('times and language in Chromium', () => {
  it("shows a Ukrainian reader in London each time in the place's zone and theirs, and counts people as Ukrainian does", async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'uk-UA',
      timezoneId: 'Europe/London',
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Chromium's own name for the zone of Kyiv, the reason the console canonicalises.
    const chromiumKyiv = await page.evaluate(
      () => new Intl.DateTimeFormat('en', { timeZone: 'Europe/Kyiv' }).resolvedOptions().timeZone,
    );
    expect(chromiumKyiv).toBe('Europe/Kiev');

    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel(/Електронна пошта|E-mail/).fill(ADMIN.email);
    await page.getByLabel(/^(Пароль|Password)$/).fill(ADMIN.password);
    await page.getByRole('button', { name: /^(Увійти|Sign in)$/ }).click();
    await page.waitForURL(`${server.url}/`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('uk');

    const corridors = (await api('/corridors?limit=100')).items;
    // UN/ICRC operation 3: announced in New York's zone, from Azovstal, whose zone is Kyiv's.
    const unOperation = corridors.find((c) => c.name.startsWith('UN/ICRC safe passage operation 3'));
    expect([unOperation.timezone, unOperation.placeTimezone]).toEqual(['America/New_York', 'Europe/Kyiv']);
    const { windows } = await api(`/corridors/${unOperation.id}`);
    await page.goto(`${server.url}/corridors/${unOperation.id}`);
    const table = page.getByTestId('window-table');
    await table.waitFor();
    const start = windows[0].startsAt;
    // 00:00 on 5 May in Kyiv is 22:00 on 4 May in London: the viewer's date is given too.
    const cell = table.locator('.when').first();
    await expect.poll(() => cell.textContent()).toContain(`${clock(start, 'Europe/Kyiv')} Europe/Kyiv (`);
    const text = await cell.textContent();
    expect(text).toMatch(
      new RegExp(
        `^5 .+ 2022.+ ${clock(start, 'Europe/Kyiv')} Europe/Kyiv \\(4 .+ 2022.+ ${clock(start, 'Europe/London')} Europe/London, ваш час\\)$`,
      ),
    );
    expect(clock(start, 'Europe/Kyiv')).toBe('00:00');
    expect(clock(start, 'Europe/London')).toBe('22:00');
    const body = await page.locator('main').textContent();
    expect(body).not.toContain('Europe/Kiev');
    expect(await table.textContent()).not.toContain('America/New_York');

    // The new-report form reads its time in the place's zone, and says so.
    await page.goto(`${server.url}/corridors/${unOperation.id}/report/evacuation`);
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('Час у поясі Europe/Kyiv — поясі місця коридору.');

    // The Russian ceasefire of 5–7 May: 51 people (one form), about 40 (many), more than 170 elsewhere.
    const ceasefire = corridors.find((c) => c.name.startsWith('Azovstal: Russian ceasefire corridor'));
    await page.goto(`${server.url}/corridors/${ceasefire.id}`);
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor();
    await expect.poll(() => timeline.textContent()).toContain('51 цивільний');
    const said = await timeline.locator('li.event-evacuation p strong').allTextContents();
    expect(said.map((s) => s.trim()).sort()).toEqual([
      '50 (жінки, діти й літні люди)',
      '51 цивільний',
      '51 цивільний',
      'близько 40 цивільних',
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
