export { IdempotencyModule } from './idempotency.module.js';
export { hashRequest, IdempotencyService, type IdempotencyRequest } from './idempotency.service.js';
export { IDEMPOTENCY_RETENTION_MS, IdempotencyPurgeService } from './idempotency-purge.service.js';
