#!/usr/bin/env node
// Draws the console's PNG icons (home screen, install prompt) from the SVGs in apps/console/public, in Chromium.
//   node scripts/console-icons.mjs
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, launchChromium } from '../test/console/harness.mjs';

const PUBLIC = path.join(ROOT, 'apps/console/public');
const ICONS = [
  { svg: 'icon.svg', png: 'icon-192.png', size: 192 },
  { svg: 'icon.svg', png: 'icon-512.png', size: 512 },
  { svg: 'icon.svg', png: 'apple-touch-icon.png', size: 180 },
  { svg: 'icon-maskable.svg', png: 'icon-maskable-512.png', size: 512 },
];

const browser = await launchChromium();
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    const svg = readFileSync(path.join(PUBLIC, icon.svg), 'utf8');
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `)}</body></html>`,
    );
    await page.screenshot({ path: path.join(PUBLIC, icon.png), omitBackground: true });
    await page.close();
    console.log(`${icon.png} ${icon.size}×${icon.size}`);
  }
} finally {
  await browser.close();
}
