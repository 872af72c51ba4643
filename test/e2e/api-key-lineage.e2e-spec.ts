import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  auditSince,
  bearer,
  createKey,
  createMember,
  createOrganisation,
  lastAuditSeq,
  type Member,
} from '../support/accounts.js';
import { startApi, type ApiHarness } from '../support/api-harness.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';

// An API key is a narrower stand-in for its creator: it must never mint a wider one, and what it minted must
// not outlive it (issue 16: a write-only key minted a read+write key, which stayed valid after its parent
// was revoked).
describe.each(availableDialects())('keys minted by keys on %s', (dialect) => {
  let api: ApiHarness;
  let coordinator: Member;

  const mint = (auth: { Authorization: string }, scopes: string[], name = 'minted') =>
    api.http.post('/api/v1/api-keys').set(auth).send({ name, scopes });
  const works = async (auth: { Authorization: string }) =>
    (await api.http.get('/api/v1/auth/me').set(auth)).status;

  beforeAll(async () => {
    api = await startApi(dialect);
    const org = await createOrganisation(api, 'Field NGO');
    coordinator = await createMember(api, org, 'coordinator', 'coordinator@ngo.test');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('lets a key mint only keys with a subset of its own scopes', async () => {
    const writeOnly = await createKey(api, coordinator.auth, ['write']);
    expectProblem(await mint(writeOnly.auth, ['read', 'write']), 403, 'forbidden', 'scopes');
    expectProblem(await mint(writeOnly.auth, ['read']), 403, 'forbidden', 'scopes');
    const sameScopes = await mint(writeOnly.auth, ['write']);
    expect(sameScopes.status).toBe(201);
    expect(sameScopes.body.parentKeyId).toBe(writeOnly.id);

    const readWrite = await createKey(api, coordinator.auth, ['read', 'write']);
    const readOnly = await mint(readWrite.auth, ['read']);
    expect(readOnly.status).toBe(201);
    expect(readOnly.body.scopes).toEqual(['read']);
    // A signed-in person mints any scopes; the key has no parent.
    expect((await createKey(api, coordinator.auth, ['read', 'write'])).id).toEqual(expect.any(String));
  });

  it('revokes with a key every key it minted, and theirs, and audits each; other keys carry on', async () => {
    const parent = await createKey(api, coordinator.auth, ['read', 'write']);
    const child = await mint(parent.auth, ['read', 'write'], 'child');
    const grandchild = await mint(bearer(child.body.key), ['read'], 'grandchild');
    const sibling = await createKey(api, coordinator.auth, ['read']);
    for (const auth of [bearer(child.body.key), bearer(grandchild.body.key)])
      expect(await works(auth)).toBe(200);
    const seq = await lastAuditSeq(api);

    expect((await api.http.delete(`/api/v1/api-keys/${parent.id}`).set(coordinator.auth)).status).toBe(204);

    for (const auth of [parent.auth, bearer(child.body.key), bearer(grandchild.body.key)]) {
      expectProblem(await api.http.get('/api/v1/auth/me').set(auth), 401, 'unauthenticated');
    }
    expect(await works(sibling.auth)).toBe(200);
    const listed = (await api.http.get('/api/v1/api-keys').set(coordinator.auth)).body as {
      id: string;
      revokedAt: string | null;
    }[];
    const revoked = new Set(listed.filter((key) => key.revokedAt).map((key) => key.id));
    for (const id of [parent.id, child.body.id, grandchild.body.id]) expect(revoked.has(id)).toBe(true);
    expect(revoked.has(sibling.id)).toBe(false);
    const entries = (await auditSince(api, seq)).filter((entry) => entry.action === 'api_key.revoke');
    expect(entries.map((entry) => entry.entityId).sort()).toEqual(
      [parent.id, child.body.id, grandchild.body.id].sort(),
    );
    expect(entries.find((entry) => entry.entityId === grandchild.body.id)?.after).toMatchObject({
      revokedWith: parent.id,
    });
  });

  it('refuses a mint by a key revoked elsewhere, though this replica still remembers it', async () => {
    const parent = await createKey(api, coordinator.auth, ['read', 'write']);
    expect(await works(parent.auth)).toBe(200); // now cached by this replica for a few seconds
    // As another replica revokes it: the row changes, this replica's cache does not hear of it.
    await api.db.run('UPDATE api_key SET revoked_at = :at WHERE id = :id', {
      id: parent.id,
      at: api.clock.now(),
    });
    expectProblem(await mint(parent.auth, ['read']), 401, 'unauthenticated');
    expect(
      await api.db.get('SELECT id FROM api_key WHERE parent_key_id = :id', { id: parent.id }),
    ).toBeUndefined();
  });

  it('keeps session-only actions from keys: signing out everywhere needs a signed-in session', async () => {
    const key = await createKey(api, coordinator.auth, ['read', 'write']);
    expectProblem(await api.http.post('/api/v1/auth/logout-everywhere').set(key.auth), 403, 'forbidden');
    expect(await works(coordinator.auth)).toBe(200);
    expect((await api.http.post('/api/v1/auth/logout-everywhere').set(coordinator.auth)).status).toBe(204);
    expectProblem(await api.http.get('/api/v1/auth/me').set(coordinator.auth), 401, 'unauthenticated');
  });
});
