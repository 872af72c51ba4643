import type { EmbargoViewer } from '#cw/domain';

export type Role = 'admin' | 'coordinator' | 'reporter' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'coordinator', 'reporter', 'viewer'];

export type Scope = 'read' | 'write';
export const SCOPES: readonly Scope[] = ['read', 'write'];

/** Who is acting on a request, however they signed in. Passed explicitly to services. */
export interface Principal {
  userId: string;
  organisationId: string;
  role: Role;
  scopes: readonly Scope[];
  credential: { kind: 'session' | 'api_key'; id: string };
  /** The id of the request acting, carried into the audit trail. */
  requestId?: string;
}

const RANK: Record<Role, number> = { viewer: 0, reporter: 1, coordinator: 2, admin: 3 };

export function hasRoleAtLeast(principal: Principal, role: Role): boolean {
  return RANK[principal.role] >= RANK[role];
}

/** What a principal sees of records under embargo: its organisation's, and everything for an admin. */
export function viewerOf(principal: Pick<Principal, 'organisationId' | 'role'>): EmbargoViewer {
  return { organisationId: principal.organisationId, seesEverything: principal.role === 'admin' };
}
