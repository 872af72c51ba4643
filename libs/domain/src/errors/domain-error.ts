// String values are stable slugs: the api renders them as the problem+json `type`.
export enum DomainErrorCode {
  WindowEndNotAfterStart = 'window-end-not-after-start',
  TimeWithoutOffset = 'time-without-offset',
  InvalidTime = 'invalid-time',
  UnknownTimeZone = 'unknown-time-zone',
  InvalidCount = 'invalid-count',
  InvalidSchedule = 'invalid-schedule',
  InvalidPeriod = 'invalid-period',
  TimeInFuture = 'time-in-future',
  InvalidBreakdown = 'invalid-breakdown',
  InvalidGrade = 'invalid-grade',
  InvalidEmbargo = 'invalid-embargo',
  ReportedByItself = 'reported-by-itself',
}

// Well-formed input that cannot be true (a statement of what has not happened yet): 422, not 400.
const UNPROCESSABLE: ReadonlySet<DomainErrorCode> = new Set([DomainErrorCode.TimeInFuture]);

export class DomainError extends Error {
  override readonly name = 'DomainError';
  /** 400 for malformed input, 422 for input that is well-formed but cannot stand. */
  readonly status: 400 | 422;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.status = UNPROCESSABLE.has(code) ? 422 : 400;
  }
}
