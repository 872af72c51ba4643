/* global axe, document */
// axe-core in the page: a check that any browser test can run on any page it has open.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** No serious or critical violation on the page as it is now (the context needs `bypassCSP` to inject axe). */
export async function expectAccessible(page, name) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(() =>
    axe.run(document, { resultTypes: ['violations'] }).then((r) =>
      r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.map((n) => n.target.join(' ')),
      })),
    ),
  );
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `axe serious/critical violations on ${name}`).toEqual([]);
}
