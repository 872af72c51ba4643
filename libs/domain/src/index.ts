export { DomainError, DomainErrorCode } from './errors/domain-error.js';
export {
  assertNotInFuture,
  isValidTimeZone,
  parseInstant,
  hasExplicitOffset,
  formatInZone,
} from './time/instant.js';
export { canonicalTimeZone } from './time/time-zone.js';
export { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type Language } from './language/language.js';
export { describeCountIn, describePeople } from './language/people.js';
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
  countUpperBound,
  describeCount,
  type Count,
  type CountQualifier,
} from './count/count.js';
export {
  BREAKDOWN_PARTS,
  DEFAULT_MEASURE,
  EVACUATION_MEASURES,
  assertBreakdownFits,
  claimRange,
  countDiscrepancy,
  headlineAfterClaim,
  headlineMeasure,
  headlineOfGroups,
  likeGroups,
  parseBreakdown,
  summarizeEvacuations,
  type Breakdown,
  type CountDiscrepancy,
  type EvacuationClaim,
  type EvacuationMeasure,
  type EvacuationSummary,
  type FigureSummary,
  type Headline,
  type LikeGroup,
  type MeasureRange,
} from './count/figures.js';
export {
  CORRIDOR_STATUSES,
  CONFIRMATION_STANCES,
  assertReportedByAnother,
  latestStances,
  deriveCorridorStatus,
  corridorConfirmationState,
  type CorridorConfirmationState,
  type CorridorStatus,
  type ConfirmationStance,
  type StatedConfirmation,
  type CorridorFacts,
} from './corridor/corridor-status.js';
export {
  PARTY_KINDS,
  defaultRequiredConfirmations,
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
export { oneOf } from './claim/one-of.js';
export {
  INCIDENT_KINDS,
  POPULATION_CATEGORIES,
  type IncidentKind,
  type PopulationCategory,
} from './claim/report-words.js';
export { attributeClaims, type AttributableClaim, type AttributableWindow } from './claim/attribution.js';
export {
  CREDIBILITIES,
  RELIABILITIES,
  UNGRADED,
  formatGrade,
  meetsGrade,
  parseMinGrade,
  weakestGrade,
  type Credibility,
  type Grade,
  type Reliability,
} from './claim/grade.js';
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
