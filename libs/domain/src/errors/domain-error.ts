// String values are stable slugs: the api renders them as the problem+json `type`.
export enum DomainErrorCode {
  WindowEndNotAfterStart = 'window-end-not-after-start',
  TimeWithoutOffset = 'time-without-offset',
  InvalidTime = 'invalid-time',
  UnknownTimeZone = 'unknown-time-zone',
  InvalidCount = 'invalid-count',
  InvalidSchedule = 'invalid-schedule',
  InvalidPeriod = 'invalid-period',
  InvalidEmbargo = 'invalid-embargo',
  ReportedByItself = 'reported-by-itself',
}

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
