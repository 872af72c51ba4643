import { Injectable } from '@nestjs/common';
import type { Principal } from '#cw/accounts';
import { AuditService } from '#cw/audit';
import { Clock } from '#cw/clock';
import { AppError, newId } from '#cw/common';
import { IdempotencyService, type IdempotencyRequest } from '#cw/idempotency';
import { LocationRepository } from '#cw/persistence';
import type { LocationCreateDto } from './dto/location-create.dto.js';
import { LocationPageDto, LocationResponseDto, toLocationResponse } from './dto/location-response.dto.js';
import { foldForSearch, placeSearchText } from './place-search.js';

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
      const name = dto.name.trim();
      const names = dto.names
        ? Object.fromEntries(Object.entries(dto.names).map(([tag, local]) => [tag, local.trim()]))
        : null;
      const aliases = dto.aliases
        ? [...new Set(dto.aliases.map((alias) => alias.trim()).filter(Boolean))]
        : null;
      const location = {
        id: newId(),
        name,
        names,
        aliases,
        searchText: placeSearchText({ name, names, aliases }),
        lat: dto.lat ?? null,
        lon: dto.lon ?? null,
        adminArea: dto.adminArea?.trim() || null,
        countryCode: dto.countryCode ?? null,
        timezone: dto.timezone ?? null,
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
          names: location.names,
          aliases: location.aliases,
          lat: location.lat,
          lon: location.lon,
          adminArea: location.adminArea,
          countryCode: location.countryCode,
          timezone: location.timezone,
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

  /** By name; with `q`, the places whose name, local names or aliases contain it, in any case. */
  async list(limit: number, cursor?: string, q?: string): Promise<LocationPageDto> {
    const wanted = q?.trim();
    const page = await this.locations.search(limit, cursor, wanted ? foldForSearch(wanted) : undefined);
    return { items: page.items.map(toLocationResponse), nextCursor: page.nextCursor };
  }
}
