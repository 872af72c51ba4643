import { Module } from '@nestjs/common';
import { AuditModule } from '#cw/audit';
import { IdempotencyModule } from '#cw/idempotency';
import { PartyService } from './party.service.js';

@Module({ imports: [IdempotencyModule, AuditModule], providers: [PartyService], exports: [PartyService] })
export class PartiesModule {}
