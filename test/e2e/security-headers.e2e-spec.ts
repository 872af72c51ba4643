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

describe('content security policy per page', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi('sqlite');
  });

  afterAll(() => api.close());

  it('allows inline styles only on the third-party pages that need them (API docs, Bull Board)', async () => {
    const styleSrc = async (path: string) =>
      /style-src ([^;]*)/.exec(String((await api.http.get(path)).headers['content-security-policy']))?.[1];
    for (const path of ['/', '/health', '/api/v1/corridors', '/api/docsy']) {
      expect(await styleSrc(path)).toBe("'self'");
    }
    for (const path of ['/api/docs', '/api/docs/', '/api/admin/queues']) {
      expect(await styleSrc(path)).toBe("'self' 'unsafe-inline'");
    }
  });
});
