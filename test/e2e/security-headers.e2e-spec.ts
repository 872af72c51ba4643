import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApi, type ApiHarness } from '../support/api-harness.js';

describe.each([
  ['http://10.0.0.5:3000', false],
  ['https://corridors.example.org', true],
])('security headers when the console is reached at %s', (publicUrl, isHttps) => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi('sqlite', { PUBLIC_URL: publicUrl });
  });

  afterAll(() => api.close());

  it(
    isHttps
      ? 'pins HTTPS and upgrades insecure requests'
      : 'neither pins nor upgrades to HTTPS, which an isolated field network may not have',
    async () => {
      const response = await api.http.get('/health');
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp.includes('upgrade-insecure-requests')).toBe(isHttps);
      expect(response.headers['strict-transport-security'] !== undefined).toBe(isHttps);
    },
  );
});
