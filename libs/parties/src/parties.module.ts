import { Module } from '@nestjs/common';
import { IdempotencyModule } from '#cw/idempotency';
import { PartyService } from './party.service.js';

@Module({ imports: [IdempotencyModule], providers: [PartyService], exports: [PartyService] })
export class PartiesModule {}
