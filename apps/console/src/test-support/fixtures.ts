import type { Corridor, Flag, Role, User } from '../api/types';

/**
 * A corridor as GET /corridors/{id} answers it: Mariupol to Zaporizhzhia, announced by p-1 for the confirmation of
 * p-2, entered by organisation org-a, nothing reported yet. A test names what its story depends on in `overrides`.
 */
export function aCorridor(overrides: Partial<Corridor> = {}): Corridor {
  return {
    id: 'c-1',
    name: 'Mariupol → Zaporizhzhia',
    status: 'announced',
    promise: 'pending',
    cancelledAt: null,
    originId: 'l-1',
    destinationId: 'l-2',
    announcedById: 'p-1',
    announcedAt: '2022-04-30T08:00:00Z',
    timezone: 'Europe/Kyiv',
    placeTimezone: 'Europe/Kyiv',
    evacuation: { low: null, high: null, reportCount: 0, measure: null },
    version: 1,
    requiredConfirmationIds: ['p-2'],
    stopIds: [],
    operationId: null,
    sourceUrl: null,
    sourceNote: null,
    route: null,
    cancelReason: null,
    windows: [],
    confirmations: [],
    enteredById: 'u-9',
    organisationId: 'org-a',
    enteredAt: '2022-04-30T08:05:00Z',
    updatedAt: '2022-04-30T08:05:00Z',
    ...overrides,
  };
}

/** The signed-in person, as GET /auth/me answers: what the console offers depends on these two. */
export function aUser(role: Role, organisationId: string): User {
  return {
    id: 'u-1',
    email: 'me@ngo.test',
    displayName: 'Me',
    organisationId,
    role,
    disabled: false,
    invitePending: false,
  };
}

/** An open flag nobody has acknowledged, on the window of 5 May 2022 (05:00–15:00 UTC) of corridor c-1. */
export function aFlag(overrides: Partial<Flag> = {}): Flag {
  return {
    id: 'f-1',
    corridorId: 'c-1',
    corridorName: 'Mariupol → Zaporizhzhia',
    windowId: 'w-1',
    windowStartsAt: '2022-05-05T05:00:00Z',
    windowEndsAt: '2022-05-05T15:00:00Z',
    placeTimezone: 'Europe/Kyiv',
    rule: 'never_confirmed',
    severity: 'critical',
    isOpen: true,
    raisedAt: '2022-05-05T15:00:00Z',
    resolvedAt: null,
    acknowledgedAt: null,
    acknowledgedById: null,
    acknowledgedBy: null,
    acknowledgeNote: null,
    evidenceReliability: null,
    evidenceCredibility: null,
    detail: null,
    ...overrides,
  };
}
