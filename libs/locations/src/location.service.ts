import { Injectable } from '@nestjs/common';
import type { Principal } from '#cw/accounts';
import { AuditService } from '#cw/audit';
import { Clock } from '#cw/clock';
import { AppError, newId } from '#cw/common';
import { IdempotencyService, type IdempotencyRequest } from '#cw/idempotency';
import { LocationRepository } from '#cw/persistence';
import type { LocationCreateDto } from './dto/location-create.dto.js';
import { LocationPageDto, LocationResponseDto, toLocationResponse } from './dto/location-response.dto.js';

@Injectable()
export class LocationService {
  constructor(
    private readonly clock: Clock,
    private readonly locations: LocationRepository,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
  ) {}

  create(
    principal: Principal,
    dto: LocationCreateDto,
    idempotency?: IdempotencyRequest,
  ): Promise<LocationResponseDto> {
    return this.idempotency.create(idempotency, async (tx) => {
      const location = {
        id: newId(),
        name: dto.name.trim(),
        lat: dto.lat,
        lon: dto.lon,
        adminArea: dto.adminArea?.trim() || null,
        countryCode: dto.countryCode ?? null,
        organisationId: principal.organisationId,
        createdById: principal.userId,
        createdAt: this.clock.now(),
      };
      await this.locations.insert(location, tx);
      await this.audit.record(tx, {
        actor: principal,
        action: 'location.create',
        entity: 'location',
        entityId: location.id,
        after: {
          name: location.name,
          lat: location.lat,
          lon: location.lon,
          adminArea: location.adminArea,
          countryCode: location.countryCode,
        },
      });
      return toLocationResponse(location);
    });
  }

  async get(id: string): Promise<LocationResponseDto> {
    const location = await this.locations.findById(id);
    if (!location) throw AppError.notFound('location', id);
    return toLocationResponse(location);
  }

  async list(limit: number, cursor?: string): Promise<LocationPageDto> {
    const page = await this.locations.list(limit, cursor);
    return { items: page.items.map(toLocationResponse), nextCursor: page.nextCursor };
  }
}
