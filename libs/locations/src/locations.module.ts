import { Module } from '@nestjs/common';
import { IdempotencyModule } from '#cw/idempotency';
import { LocationService } from './location.service.js';

@Module({ imports: [IdempotencyModule], providers: [LocationService], exports: [LocationService] })
export class LocationsModule {}
