import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createOrganisation } from '../support/accounts.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startApi, type ApiHarness } from '../support/api-harness.js';
import { availableDialects } from '../support/test-database.js';

// The smaller holes a probe found (issue 16, defect 8), each checked as an operator or an attacker would meet it.
describe.each(availableDialects())('operator hardening on %s', (dialect) => {
  let api: ApiHarness;
  let organisationId: string;

  beforeAll(async () => {
    api = await startApi(dialect);
    organisationId = await createOrganisation(api, 'Field NGO');
  });

  afterAll(async () => {
    await api?.close();
  });

  // A shared or proxy cache, or the browser's own, must never keep an answer that carries a credential.
  describe('answers that carry a secret', () => {
    it('are sent with Cache-Control: no-store: sign-in, a new API key, an invitation, a feed, a webhook secret', async () => {
      const answers = {
        'sign-in': await api.http
          .post('/api/v1/auth/login')
          .send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
        'API key': await api.http
          .post('/api/v1/api-keys')
          .set(api.auth)
          .send({ name: 'export', scopes: ['read'] }),
        invitation: await api.http.post('/api/v1/users').set(api.auth).send({
          email: 'invited@ngo.test',
          displayName: 'Invited',
          organisationId,
          role: 'viewer',
        }),
        feed: await api.http.post('/api/v1/feeds').set(api.auth).send({ name: 'All windows', filter: {} }),
        'webhook secret': await api.http
          .post('/api/v1/webhook-endpoints')
          .set(api.auth)
          .send({ url: 'https://93.184.215.14/hook', events: ['flag.raised'] }),
      };
      for (const [what, response] of Object.entries(answers)) {
        expect({ what, status: response.status }).toEqual({ what, status: expect.any(Number) });
        expect(response.status).toBeLessThan(300);
        expect({ what, cacheControl: response.headers['cache-control'] }).toEqual({
          what,
          cacheControl: 'no-store',
        });
      }
      expect(answers.invitation.body.inviteUrl).toEqual(expect.any(String));
      const token = new URL(answers.invitation.body.inviteUrl as string).pathname.split('/').pop()!;
      const invite = await api.http.get(`/api/v1/auth/invite?token=${token}`);
      expect(invite.status).toBe(200);
      expect(invite.headers['cache-control']).toBe('no-store');
    });
  });
});
