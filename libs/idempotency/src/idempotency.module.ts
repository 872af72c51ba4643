import { Module } from '@nestjs/common';
import { IdempotencyPurgeService } from './idempotency-purge.service.js';
import { IdempotencyService } from './idempotency.service.js';

@Module({
  providers: [IdempotencyService, IdempotencyPurgeService],
  exports: [IdempotencyService, IdempotencyPurgeService],
})
export class IdempotencyModule {}
