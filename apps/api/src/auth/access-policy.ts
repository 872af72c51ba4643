import type { Role, Scope } from '#cw/accounts';
import type { ReportKind } from '#cw/persistence';

/** Records whose organisation decides who may change them (object-level authorisation, against BOLA). */
export type OwnedRecord =
  | 'corridor'
  | 'location'
  | 'operation'
  | 'api_key'
  | 'user'
  | 'webhook_endpoint'
  | 'subscription'
  | ReportKind;

export interface ObjectRule {
  /** The record named by the route's `:id` (or `param`); it must belong to the caller's organisation (admins: any). */
  record: OwnedRecord;
  /** The path parameter naming the record, when not `id`: a report's `:reportId` under its corridor's `:id`. */
  param?: 'reportId';
  /**
   * 403 where the record is visible to every signed-in user anyway (corridors); 404 where even its existence
   * belongs to its organisation (API keys, users).
   */
  refuseWith: 403 | 404;
  /** The audit action written, with outcome `refused`, when the rule refuses. */
  action: string;
}

export interface RoutePolicy {
  /** The least role; `public` is open without sign-in. Roles rank viewer < reporter < coordinator < admin. */
  role: Role | 'public';
  /** The API-key scope needed; sessions carry both. */
  scope: Scope;
  object?: ObjectRule;
  /** Only for a signed-in session, never an API key: what ends or changes sessions. */
  sessionOnly?: true;
  /** What the rule means, in the words of the README table. */
  note: string;
}

const corridorOfOwnOrganisation = (action: string): ObjectRule => ({
  record: 'corridor',
  refuseWith: 403,
  action,
});

/** Reports are read by everyone signed in, so another organisation's is refused (403), not hidden. */
const reportOfOwnOrganisation = (record: ReportKind, verb: 'update' | 'retract'): ObjectRule => ({
  record,
  param: 'reportId',
  refuseWith: 403,
  action: `${record}.${verb}`,
});

/** Webhook endpoints, like API keys, are their organisation's: another one's reads as unknown (404). */
const endpointOfOwnOrganisation = (action: string): ObjectRule => ({
  record: 'webhook_endpoint',
  refuseWith: 404,
  action,
});
const EXPORTED = 'what GET /corridors selects; audited with its filter';
const IMPORTED = 'dry run, or every row or none; audited';

/**
 * Who may do what: the one table the guard applies to every request, and the one the README and the
 * authorisation e2e test are generated from. A route missing here is refused (403), whatever its decorators.
 * Keys are `METHOD path` as Fastify routes them.
 */
export const ACCESS_POLICY = {
  'GET /health': { role: 'public', scope: 'read', note: 'liveness and readiness' },
  'POST /api/v1/auth/login': { role: 'public', scope: 'write', note: 'rate-limited per account and address' },
  'GET /api/v1/auth/invite': {
    role: 'public',
    scope: 'read',
    note: 'who the invitation is for, and the password rules; changes nothing',
  },
  'POST /api/v1/auth/invite/accept': {
    role: 'public',
    scope: 'write',
    note: 'the one-time invitation token',
  },
  'POST /api/v1/auth/logout': {
    role: 'viewer',
    scope: 'write',
    sessionOnly: true,
    note: 'ends this session',
  },
  'POST /api/v1/auth/logout-everywhere': {
    role: 'viewer',
    scope: 'write',
    sessionOnly: true,
    note: "ends all the caller's sessions",
  },
  'GET /api/v1/auth/me': { role: 'viewer', scope: 'read', note: '' },

  'POST /api/v1/organisations': { role: 'admin', scope: 'write', note: '' },
  'GET /api/v1/organisations': { role: 'admin', scope: 'read', note: '' },
  'PATCH /api/v1/organisations/:id': {
    role: 'admin',
    scope: 'write',
    note: 'its language (the default of its subscriptions)',
  },
  'POST /api/v1/users': { role: 'admin', scope: 'write', note: 'invite or create with a password' },
  'GET /api/v1/users': { role: 'coordinator', scope: 'read', note: 'own organisation; admins all' },
  'PATCH /api/v1/users/:id': {
    role: 'coordinator',
    scope: 'write',
    object: { record: 'user', refuseWith: 404, action: 'user.update' },
    note: 'own organisation (not admins, cannot make admins); admins all',
  },
  'POST /api/v1/api-keys': {
    role: 'coordinator',
    scope: 'write',
    note: 'the key acts as its creator; a key creates only keys with a subset of its scopes',
  },
  'GET /api/v1/api-keys': { role: 'coordinator', scope: 'read', note: 'own organisation' },
  'DELETE /api/v1/api-keys/:id': {
    role: 'coordinator',
    scope: 'write',
    object: { record: 'api_key', refuseWith: 404, action: 'api_key.revoke' },
    note: 'own organisation; admins all; also revokes the keys it created',
  },
  'GET /api/v1/audit': { role: 'admin', scope: 'read', note: '' },

  'POST /api/v1/parties': { role: 'coordinator', scope: 'write', note: '' },
  'GET /api/v1/parties': { role: 'viewer', scope: 'read', note: '' },
  'GET /api/v1/parties/:id': { role: 'viewer', scope: 'read', note: '' },
  'POST /api/v1/locations': { role: 'reporter', scope: 'write', note: '' },
  'GET /api/v1/locations': { role: 'viewer', scope: 'read', note: '' },
  'GET /api/v1/locations/:id': { role: 'viewer', scope: 'read', note: '' },
  'PATCH /api/v1/locations/:id': {
    role: 'reporter',
    scope: 'write',
    object: { record: 'location', refuseWith: 403, action: 'location.update' },
    note: 'places of own organisation; admins all; the last edit wins',
  },

  'POST /api/v1/corridors': {
    role: 'reporter',
    scope: 'write',
    note: "recorded for the caller's organisation",
  },
  'GET /api/v1/corridors': { role: 'viewer', scope: 'read', note: '' },
  'GET /api/v1/corridors/:id': { role: 'viewer', scope: 'read', note: '' },
  'PATCH /api/v1/corridors/:id': {
    role: 'coordinator',
    scope: 'write',
    object: corridorOfOwnOrganisation('corridor.update'),
    note: 'corridors of own organisation; admins all',
  },
  'POST /api/v1/corridors/:id/cancel': {
    role: 'coordinator',
    scope: 'write',
    object: corridorOfOwnOrganisation('corridor.cancel'),
    note: 'corridors of own organisation; admins all',
  },
  'POST /api/v1/corridors/:id/embargo/lift': {
    role: 'coordinator',
    scope: 'write',
    object: corridorOfOwnOrganisation('corridor.embargo_lift'),
    note: "lifts now the corridor's embargo and its claims'; corridors of own organisation; admins all",
  },
  'POST /api/v1/corridors/:id/windows': {
    role: 'reporter',
    scope: 'write',
    object: corridorOfOwnOrganisation('window.create'),
    note: 'corridors of own organisation; admins all',
  },
  'PATCH /api/v1/corridors/:id/windows/:windowId': {
    role: 'reporter',
    scope: 'write',
    object: corridorOfOwnOrganisation('window.update'),
    note: 'closes an open-ended window (or puts its end right); corridors of own organisation; admins all',
  },
  'POST /api/v1/corridors/:id/confirmations': { role: 'coordinator', scope: 'write', note: 'any corridor' },
  'POST /api/v1/corridors/:id/evacuations': { role: 'reporter', scope: 'write', note: 'any corridor' },
  'POST /api/v1/corridors/:id/remaining': { role: 'reporter', scope: 'write', note: 'any corridor' },
  'POST /api/v1/corridors/:id/incidents': { role: 'reporter', scope: 'write', note: 'any corridor' },
  'PATCH /api/v1/corridors/:id/confirmations/:reportId': {
    role: 'coordinator',
    scope: 'write',
    object: reportOfOwnOrganisation('confirmation', 'update'),
    note: 'corrects a confirmation entered for own organisation; admins all',
  },
  'POST /api/v1/corridors/:id/confirmations/:reportId/retract': {
    role: 'coordinator',
    scope: 'write',
    object: reportOfOwnOrganisation('confirmation', 'retract'),
    note: 'withdraws a confirmation entered for own organisation, with the reason; admins all',
  },
  'PATCH /api/v1/corridors/:id/evacuations/:reportId': {
    role: 'reporter',
    scope: 'write',
    object: reportOfOwnOrganisation('evacuation', 'update'),
    note: 'corrects a report entered for own organisation; admins all',
  },
  'POST /api/v1/corridors/:id/evacuations/:reportId/retract': {
    role: 'reporter',
    scope: 'write',
    object: reportOfOwnOrganisation('evacuation', 'retract'),
    note: 'withdraws a report entered for own organisation, with the reason; admins all',
  },
  'PATCH /api/v1/corridors/:id/remaining/:reportId': {
    role: 'reporter',
    scope: 'write',
    object: reportOfOwnOrganisation('remaining', 'update'),
    note: 'corrects a report entered for own organisation; admins all',
  },
  'POST /api/v1/corridors/:id/remaining/:reportId/retract': {
    role: 'reporter',
    scope: 'write',
    object: reportOfOwnOrganisation('remaining', 'retract'),
    note: 'withdraws a report entered for own organisation, with the reason; admins all',
  },
  'PATCH /api/v1/corridors/:id/incidents/:reportId': {
    role: 'reporter',
    scope: 'write',
    object: reportOfOwnOrganisation('incident', 'update'),
    note: 'corrects a report entered for own organisation; admins all',
  },
  'POST /api/v1/corridors/:id/incidents/:reportId/retract': {
    role: 'reporter',
    scope: 'write',
    object: reportOfOwnOrganisation('incident', 'retract'),
    note: 'withdraws a report entered for own organisation, with the reason; admins all',
  },
  'GET /api/v1/corridors/:id/timeline': { role: 'viewer', scope: 'read', note: '' },
  'GET /api/v1/corridors/:id/evacuations/summary': { role: 'viewer', scope: 'read', note: '' },

  'POST /api/v1/operations': {
    role: 'coordinator',
    scope: 'write',
    note: "any corridors as its stages; recorded for the caller's organisation",
  },
  'GET /api/v1/operations': { role: 'viewer', scope: 'read', note: '' },
  'GET /api/v1/operations/:id': { role: 'viewer', scope: 'read', note: '' },
  'PATCH /api/v1/operations/:id': {
    role: 'coordinator',
    scope: 'write',
    object: { record: 'operation', refuseWith: 403, action: 'operation.update' },
    note: 'operations of own organisation; admins all',
  },

  'GET /api/v1/dashboard': {
    role: 'viewer',
    scope: 'read',
    note: 'open corridors, next 48 h windows, open flags, evacuations by day',
  },
  'GET /api/v1/flags': { role: 'viewer', scope: 'read', note: '' },
  'POST /api/v1/flags/:id/acknowledge': { role: 'coordinator', scope: 'write', note: '' },
  'POST /api/v1/flags/acknowledge': {
    role: 'coordinator',
    scope: 'write',
    note: 'several at once, all or none',
  },
  'GET /api/v1/parties/:id/track-record': { role: 'viewer', scope: 'read', note: '' },
  'GET /api/v1/jobs/health': { role: 'admin', scope: 'read', note: 'queue depths, failed jobs, last sweep' },
  'POST /api/v1/jobs/failed/:id/retry': { role: 'admin', scope: 'write', note: '' },

  'POST /api/v1/subscriptions': {
    role: 'coordinator',
    scope: 'write',
    note: "for the caller's organisation",
  },
  'GET /api/v1/subscriptions': { role: 'coordinator', scope: 'read', note: 'own organisation; admins all' },
  'DELETE /api/v1/subscriptions/:id': {
    role: 'coordinator',
    scope: 'write',
    object: { record: 'subscription', refuseWith: 404, action: 'subscription.delete' },
    note: 'own organisation (another one reads as unknown, and the attempt is audited); admins all',
  },
  'GET /api/v1/unsubscribe': {
    role: 'public',
    scope: 'read',
    note: 'the signed token in the e-mail; asks, changes nothing',
  },
  'POST /api/v1/unsubscribe': {
    role: 'public',
    scope: 'write',
    note: 'RFC 8058 one-click; the signed token',
  },
  'GET /api/v1/outbox': { role: 'admin', scope: 'read', note: 'e-mails written to the local folder' },
  'GET /api/v1/outbox/:name': { role: 'admin', scope: 'read', note: '' },
  'GET /api/v1/deliveries': {
    role: 'coordinator',
    scope: 'read',
    note: 'alert e-mails with status; own organisation; admins all',
  },

  'POST /api/v1/webhook-endpoints': {
    role: 'coordinator',
    scope: 'write',
    note: "for the caller's organisation; the signing secret is answered once",
  },
  'GET /api/v1/webhook-endpoints': {
    role: 'coordinator',
    scope: 'read',
    note: 'own organisation; admins all',
  },
  'PATCH /api/v1/webhook-endpoints/:id': {
    role: 'coordinator',
    scope: 'write',
    object: endpointOfOwnOrganisation('webhook_endpoint.update'),
    note: 'own organisation; admins all; `enabled: true` re-enables a disabled one',
  },
  'DELETE /api/v1/webhook-endpoints/:id': {
    role: 'coordinator',
    scope: 'write',
    object: endpointOfOwnOrganisation('webhook_endpoint.delete'),
    note: 'own organisation; admins all',
  },
  'GET /api/v1/webhook-endpoints/:id/deliveries': {
    role: 'coordinator',
    scope: 'read',
    object: endpointOfOwnOrganisation('webhook_delivery.list'),
    note: 'the delivery log; own organisation; admins all',
  },
  'POST /api/v1/webhook-endpoints/:id/deliveries/:deliveryId/replay': {
    role: 'coordinator',
    scope: 'write',
    object: endpointOfOwnOrganisation('webhook_delivery.replay'),
    note: 'sends the event again; own organisation; admins all',
  },
  'GET /api/v1/exports/corridors.csv': { role: 'viewer', scope: 'read', note: EXPORTED },
  'GET /api/v1/exports/windows.csv': { role: 'viewer', scope: 'read', note: EXPORTED },
  'GET /api/v1/exports/claims.csv': { role: 'viewer', scope: 'read', note: EXPORTED },
  'GET /api/v1/exports/flags.csv': { role: 'viewer', scope: 'read', note: EXPORTED },
  'GET /api/v1/exports/corridors.geojson': { role: 'viewer', scope: 'read', note: EXPORTED },
  'POST /api/v1/feeds': { role: 'viewer', scope: 'write', note: "the caller's; its address is shown once" },
  'GET /api/v1/feeds': { role: 'viewer', scope: 'read', note: "the caller's own, without addresses" },
  'DELETE /api/v1/feeds/:id': {
    role: 'viewer',
    scope: 'write',
    note: "the caller's own (another's reads as unknown); admins all",
  },
  'GET /api/v1/feeds/:token/windows.ics': {
    role: 'public',
    scope: 'read',
    note: "the feed's token; a revoked feed or a disabled owner's answers 404",
  },
  'GET /api/v1/imports/:kind/template.csv': { role: 'viewer', scope: 'read', note: '' },
  'POST /api/v1/imports/corridors': { role: 'coordinator', scope: 'write', note: IMPORTED },
  'POST /api/v1/imports/windows': {
    role: 'reporter',
    scope: 'write',
    note: `${IMPORTED}; corridors of own organisation, admins all`,
  },
  'POST /api/v1/imports/evacuations': { role: 'reporter', scope: 'write', note: `${IMPORTED}; any corridor` },

  'POST /api/v1/bench/corridors/:id/evacuations': {
    role: 'public',
    scope: 'write',
    note: 'benchmark only: mounted when BENCH_UNGUARDED_ROUTES=true, refused in production',
  },
} as const satisfies Record<string, RoutePolicy>;

export type PolicyRoute = keyof typeof ACCESS_POLICY;

const POLICIES = new Map<string, RoutePolicy>(Object.entries(ACCESS_POLICY));

/** The policy of a routed request; HEAD is routed with its GET. */
export function policyOf(method: string, routeUrl: string | undefined): RoutePolicy | undefined {
  return POLICIES.get(`${method === 'HEAD' ? 'GET' : method} ${routeUrl}`);
}

const RANK: Record<Role | 'public', number> = {
  public: -1,
  viewer: 0,
  reporter: 1,
  coordinator: 2,
  admin: 3,
};

/** Whether a role passes a route's role rule (the object rule aside). */
export function roleMeets(role: Role, policy: RoutePolicy): boolean {
  return RANK[role] >= RANK[policy.role];
}

/** The policy as the README's Markdown table. */
export function renderPolicyTable(): string {
  const mark = (policy: RoutePolicy, role: Role) => {
    if (policy.role === 'public') return 'open';
    if (!roleMeets(role, policy)) return '—';
    return policy.object && role !== 'admin' ? 'own org' : 'yes';
  };
  const rows = Object.entries(ACCESS_POLICY as Record<string, RoutePolicy>)
    .filter(([, policy]) => !policy.note.startsWith('benchmark only'))
    .map(([route, policy]) => {
      const cells = (['admin', 'coordinator', 'reporter', 'viewer'] as const).map((role) =>
        mark(policy, role),
      );
      const scope = policy.role === 'public' ? '—' : policy.sessionOnly ? 'session only' : policy.scope;
      return `| \`${route}\` | ${cells.join(' | ')} | ${scope} | ${policy.note} |`;
    });
  return [
    '| route | admin | coordinator | reporter | viewer | key scope | rule |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
