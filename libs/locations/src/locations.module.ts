import { Module } from '@nestjs/common';
import { AuditModule } from '#cw/audit';
import { IdempotencyModule } from '#cw/idempotency';
import { LocationService } from './location.service.js';

@Module({
  imports: [IdempotencyModule, AuditModule],
  providers: [LocationService],
  exports: [LocationService],
})
export class LocationsModule {}
