import { expect } from '@jest/globals';
import type { Role } from '#cw/accounts';
import type { Response } from 'supertest';
import type { ApiHarness } from './api-harness.js';

export const MEMBER_PASSWORD = 'a passphrase long enough';

/** A signed-in user of an organisation, as a test acts through them. */
export interface Member {
  id: string;
  email: string;
  role: Role;
  organisationId: string;
  token: string;
  auth: { Authorization: string };
}

export async function createOrganisation(api: ApiHarness, name: string): Promise<string> {
  const response = await api.http.post('/api/v1/organisations').set(api.auth).send({ name });
  expect(`${response.status} ${JSON.stringify(response.body)}`).toMatch(/^201 /);
  return response.body.id as string;
}

export async function signIn(api: ApiHarness, email: string, password = MEMBER_PASSWORD): Promise<string> {
  const response = await api.http.post('/api/v1/auth/login').send({ email, password });
  expect(`${response.status} ${JSON.stringify(response.body)}`).toMatch(/^200 /);
  return response.body.token as string;
}

/** A user created by the admin with a password, then signed in. */
export async function createMember(
  api: ApiHarness,
  organisationId: string,
  role: Role,
  email: string,
): Promise<Member> {
  const response = await api.http
    .post('/api/v1/users')
    .set(api.auth)
    .send({ email, displayName: email.split('@')[0], organisationId, role, password: MEMBER_PASSWORD });
  expect(`${response.status} ${JSON.stringify(response.body)}`).toMatch(/^201 /);
  const token = await signIn(api, email);
  return { id: response.body.id, email, role, organisationId, token, auth: bearer(token) };
}

/** Signs the member in again (after a sign-out everywhere ended their sessions). */
export async function refresh(api: ApiHarness, member: Member): Promise<void> {
  member.token = await signIn(api, member.email);
  member.auth = bearer(member.token);
}

export async function createKey(
  api: ApiHarness,
  auth: { Authorization: string },
  scopes: string[] = ['read', 'write'],
): Promise<{ id: string; key: string; auth: { Authorization: string } }> {
  const response = await api.http.post('/api/v1/api-keys').set(auth).send({ name: 'test key', scopes });
  expect(`${response.status} ${JSON.stringify(response.body)}`).toMatch(/^201 /);
  return { id: response.body.id, key: response.body.key, auth: bearer(response.body.key) };
}

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}

export interface AuditEntry {
  seq: number;
  actorId: string | null;
  actorCredential: string | null;
  organisationId: string | null;
  action: string;
  entity: string;
  entityId: string;
  corridorId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  outcome: string;
}

/** The audit entries after `seq`, oldest first, read through the admin's GET /audit. */
export async function auditSince(api: ApiHarness, seq: number): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let cursor: string | null = null;
  do {
    const response: Response = await api.http
      .get('/api/v1/audit')
      .query({ limit: 200, ...(cursor ? { cursor } : {}) })
      .set(api.auth);
    expect(response.status).toBe(200);
    const page = response.body.items as AuditEntry[];
    entries.push(...page.filter((e) => e.seq > seq));
    cursor =
      page.length && page[page.length - 1].seq > seq ? (response.body.nextCursor as string | null) : null;
  } while (cursor);
  return entries.reverse();
}

export async function lastAuditSeq(api: ApiHarness): Promise<number> {
  const response = await api.http.get('/api/v1/audit').query({ limit: 1 }).set(api.auth);
  return (response.body.items[0]?.seq as number | undefined) ?? 0;
}
