/** Stable slugs: each is the `type` of a problem+json answer, so clients may branch on them. */
export enum AppErrorCode {
  NotFound = 'not-found',
  UnknownReference = 'unknown-reference',
  StaleVersion = 'stale-version',
  DuplicateReport = 'duplicate-report',
  Duplicate = 'duplicate',
  IdempotencyKeyReused = 'idempotency-key-reused',
  CorridorCancelled = 'corridor-cancelled',
  TimeInFuture = 'time-in-future',
  InvalidCredentials = 'invalid-credentials',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  InvalidCursor = 'invalid-cursor',
  TooManyRequests = 'too-many-requests',
  PasswordTooWeak = 'password-too-weak',
  UnsafeWebhookUrl = 'unsafe-webhook-url',
  WebhookEndpointDisabled = 'webhook-endpoint-disabled',
  DeliveryInProgress = 'delivery-in-progress',
  ImportRefused = 'import-refused',
  UnsupportedMediaType = 'unsupported-media-type',
  InputTooDeep = 'input-too-deep',
  TooManyWindows = 'too-many-windows',
  CorridorInAnotherOperation = 'corridor-in-another-operation',
  NoRequiredParties = 'no-required-parties',
  NothingUnderEmbargo = 'nothing-under-embargo',
}

const STATUS: Record<AppErrorCode, number> = {
  [AppErrorCode.NotFound]: 404,
  [AppErrorCode.UnknownReference]: 422,
  [AppErrorCode.StaleVersion]: 409,
  [AppErrorCode.DuplicateReport]: 409,
  [AppErrorCode.Duplicate]: 409,
  [AppErrorCode.IdempotencyKeyReused]: 409,
  [AppErrorCode.CorridorCancelled]: 409,
  [AppErrorCode.TimeInFuture]: 422,
  [AppErrorCode.InvalidCredentials]: 401,
  [AppErrorCode.Unauthenticated]: 401,
  [AppErrorCode.Forbidden]: 403,
  [AppErrorCode.InvalidCursor]: 400,
  [AppErrorCode.TooManyRequests]: 429,
  [AppErrorCode.PasswordTooWeak]: 400,
  [AppErrorCode.UnsafeWebhookUrl]: 422,
  [AppErrorCode.WebhookEndpointDisabled]: 409,
  [AppErrorCode.DeliveryInProgress]: 409,
  [AppErrorCode.ImportRefused]: 422,
  [AppErrorCode.UnsupportedMediaType]: 415,
  [AppErrorCode.InputTooDeep]: 400,
  [AppErrorCode.TooManyWindows]: 400,
  [AppErrorCode.CorridorInAnotherOperation]: 422,
  [AppErrorCode.NoRequiredParties]: 422,
  [AppErrorCode.NothingUnderEmbargo]: 409,
};

/** An expected refusal, thrown by services and rendered as problem+json by the api. */
export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;

  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly field?: string,
    /** Members the problem answer carries beside the standard ones (RFC 9457 extension members). */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(message);
    this.status = STATUS[code];
  }

  static notFound(what: string, id: string): AppError {
    return new AppError(AppErrorCode.NotFound, `No ${what} has the id ${id}.`);
  }

  static unknownReference(field: string, what: string, id: string): AppError {
    return new AppError(AppErrorCode.UnknownReference, `No ${what} has the id ${id}.`, field);
  }
}

/** A rate limit refused the request; the client may try again after `retryAfterSeconds` (sent as Retry-After). */
export class RateLimited extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(AppErrorCode.TooManyRequests, message);
  }
}
