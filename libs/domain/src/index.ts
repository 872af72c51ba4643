export { DomainError, DomainErrorCode } from './errors/domain-error.js';
export { isValidTimeZone, parseInstant, hasExplicitOffset, formatInZone } from './time/instant.js';
export { MAX_PERIOD_DAYS, readPeriod, type Period } from './time/period.js';
export { expandDailySchedule, type DailySchedule, type WindowBounds } from './schedule/daily-schedule.js';
export {
  announcedEnd,
  announcedWindow,
  assertWindowBounds,
  isInsideWindow,
  reviewEnd,
} from './window/window.js';
export {
  COUNT_QUALIFIERS,
  assertValidCount,
  statedFigures,
  describeCount,
  type Count,
  type CountQualifier,
} from './count/count.js';
export {
  reconcileCounts,
  countRange,
  type SourcedCount,
  type CountClaim,
  type CountRange,
  type CountReconciliation,
} from './count/count-reconciliation.js';
export {
  CORRIDOR_STATUSES,
  CONFIRMATION_STANCES,
  assertReportedByAnother,
  latestStances,
  deriveCorridorStatus,
  type CorridorStatus,
  type ConfirmationStance,
  type StatedConfirmation,
  type CorridorFacts,
} from './corridor/corridor-status.js';
export {
  PARTY_KINDS,
  corridorConfirmationState,
  defaultRequiredConfirmations,
  type CorridorConfirmationState,
  type PartyKind,
  type SidedParty,
} from './corridor/required-confirmations.js';
export {
  confirmationDeadline,
  windowConfirmationState,
  partiesNeverConfirmed,
  type WindowConfirmationStatus,
  type PartyConfirmationState,
  type WindowConfirmationState,
} from './confirmation/window-confirmation-state.js';
export {
  FLAG_RULES,
  FLAG_SEVERITIES,
  FLAG_RULE_SEVERITY,
  evaluateWindowFlags,
  type FlagRule,
  type FlagSeverity,
  type FlagRuleSettings,
  type WindowFacts,
  type FlagDecision,
} from './flag/flag-rules.js';
export {
  partyTrackRecord,
  type AnnouncedWindowFacts,
  type TrackRecord,
} from './track-record/track-record.js';
export {
  CORRIDOR_PROMISES,
  SETTLED_PROMISES,
  derivePromise,
  lastEnd,
  settledPromise,
  stancePromise,
  statesSomeoneMoved,
  windowPromise,
  type CorridorPromise,
  type PromiseFacts,
  type PromiseWindow,
  type SettledPromise,
} from './promise/promise.js';
export {
  NO_EMBARGO,
  PUBLIC_VIEWER,
  embargoLiftsAt,
  isUnderEmbargo,
  isVisibleTo,
  readEmbargo,
  type EmbargoRequest,
  type EmbargoState,
  type EmbargoViewer,
} from './embargo/embargo.js';
