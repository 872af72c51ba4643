import { Injectable } from '@nestjs/common';
import type { Principal } from '#cw/accounts';
import { AuditService, changedFields } from '#cw/audit';
import { Clock } from '#cw/clock';
import { AppError, newId } from '#cw/common';
import { IdempotencyService, type IdempotencyRequest } from '#cw/idempotency';
import { Database, LocationRepository, type LocationEntity } from '#cw/persistence';
import type { LocationCreateDto } from './dto/location-create.dto.js';
import type { LocationUpdateDto } from './dto/location-update.dto.js';
import { LocationPageDto, LocationResponseDto, toLocationResponse } from './dto/location-response.dto.js';
import { foldForSearch, placeSearchText } from './place-search.js';

@Injectable()
export class LocationService {
  constructor(
    private readonly clock: Clock,
    private readonly db: Database,
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
      const names = trimmedNames(dto.names);
      const aliases = trimmedAliases(dto.aliases);
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

  /**
   * Changes the fields sent (null clears an optional one) and audits what changed, before and after; the search
   * text follows the names. No version: the last edit wins, field by field.
   */
  update(principal: Principal, id: string, dto: LocationUpdateDto): Promise<LocationResponseDto> {
    return this.db.transaction(async (tx) => {
      const current = await this.locations.findById(id, tx);
      if (!current) throw AppError.notFound('location', id);
      const edited = editedFields(dto);
      const diff = changedFields(current as unknown as Record<string, unknown>, edited);
      if (!diff) return toLocationResponse(current);
      const fields: Partial<LocationEntity> = { ...edited };
      if ('name' in diff.after || 'names' in diff.after || 'aliases' in diff.after)
        fields.searchText = placeSearchText({ ...current, ...edited });
      await this.locations.update(id, fields, tx);
      await this.audit.record(tx, {
        actor: principal,
        action: 'location.update',
        entity: 'location',
        entityId: id,
        before: diff.before,
        after: diff.after,
      });
      return toLocationResponse({ ...current, ...fields });
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

type EditableFields = Pick<
  LocationEntity,
  'name' | 'names' | 'aliases' | 'lat' | 'lon' | 'adminArea' | 'countryCode' | 'timezone'
>;

/** The fields an edit sends, as they are stored: trimmed, and an empty map, list or text stored as none. */
function editedFields(dto: LocationUpdateDto): Partial<EditableFields> {
  const fields: Partial<EditableFields> = {};
  if (dto.name !== undefined) fields.name = (dto.name ?? '').trim();
  if (dto.names !== undefined) fields.names = trimmedNames(dto.names);
  if (dto.aliases !== undefined) fields.aliases = trimmedAliases(dto.aliases);
  // Both or neither, as the DTO checks: a position is never half cleared.
  if (dto.lat !== undefined || dto.lon !== undefined) {
    fields.lat = dto.lat ?? null;
    fields.lon = dto.lon ?? null;
  }
  if (dto.adminArea !== undefined) fields.adminArea = dto.adminArea?.trim() || null;
  if (dto.countryCode !== undefined) fields.countryCode = dto.countryCode ?? null;
  if (dto.timezone !== undefined) fields.timezone = dto.timezone ?? null;
  return fields;
}

function trimmedNames(names: Record<string, string> | null | undefined): Record<string, string> | null {
  const entries = Object.entries(names ?? {}).map(([tag, local]) => [tag, local.trim()]);
  return entries.length ? Object.fromEntries(entries) : null;
}

function trimmedAliases(aliases: readonly string[] | null | undefined): string[] | null {
  const kept = [...new Set((aliases ?? []).map((alias) => alias.trim()).filter(Boolean))];
  return kept.length ? kept : null;
}
