export { IdempotencyModule } from './idempotency.module.js';
export { hashRequest, IdempotencyService, type IdempotencyRequest } from './idempotency.service.js';
