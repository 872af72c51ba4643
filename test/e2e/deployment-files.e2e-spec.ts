import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

/** The `KEY: value` entries of a top-level block of docker-compose.yml (`x-app-environment: &app-environment`). */
function blockEntries(yaml: string, header: RegExp): Map<string, string> {
  const lines = yaml.split('\n');
  const start = lines.findIndex((line) => header.test(line));
  const entries = new Map<string, string>();
  if (start < 0) return entries;
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break; // the next top-level key
    const match = /^ {2}([A-Z_]+):\s*(.*)$/.exec(line);
    if (match) entries.set(match[1], match[2]);
  }
  return entries;
}

// The image runs with NODE_ENV=production, where the api and the worker refuse to start without APP_SECRET
// (it signs unsubscribe links and seals webhook secrets): `docker compose up` must pass one to both.
describe('docker-compose.yml', () => {
  it('passes APP_SECRET, required, to the api and the worker alike', () => {
    expect(read('Dockerfile')).toMatch(/NODE_ENV=production/);
    const compose = read('docker-compose.yml');
    const shared = blockEntries(compose, /^x-app-environment: &app-environment\s*$/);
    expect(shared.get('APP_SECRET')).toMatch(/^\$\{APP_SECRET:\?.+\}$/);
    // Both services take the shared block.
    for (const service of ['api', 'worker']) {
      const section = compose.slice(compose.indexOf(`\n  ${service}:\n`));
      const environment = section.slice(section.indexOf('environment:'), section.indexOf('volumes:'));
      expect({ service, merges: environment.includes('<<: *app-environment') }).toEqual({
        service,
        merges: true,
      });
    }
  });
});
