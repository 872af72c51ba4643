import { Module } from '@nestjs/common';
import { AuditModule } from '#cw/audit';
import { CorridorsModule } from '#cw/corridors';
import { IdempotencyModule } from '#cw/idempotency';
import { OperationService } from './operation.service.js';

@Module({
  imports: [IdempotencyModule, AuditModule, CorridorsModule],
  providers: [OperationService],
  exports: [OperationService],
})
export class OperationsModule {}
