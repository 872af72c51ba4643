import { Injectable } from '@nestjs/common';
import { Clock } from '#cw/clock';
import { AppError, newId } from '#cw/common';
import { ApiKeyRepository } from '#cw/persistence';
import type { ApiKeyCreateDto } from './dto/api-key-create.dto.js';
import { ApiKeyCreatedResponseDto, ApiKeyResponseDto, toApiKeyResponse } from './dto/api-key-response.dto.js';
import { ApiKeyPrincipalCache } from './api-key-principal-cache.js';
import type { Principal } from './principal.js';
import { API_KEY_PREFIX, newSecret, sha256Hex } from './secret-token.js';

@Injectable()
export class ApiKeyService {
  constructor(
    private readonly clock: Clock,
    private readonly apiKeys: ApiKeyRepository,
    private readonly principals: ApiKeyPrincipalCache,
  ) {}

  /** The key is returned once; only its SHA-256 is stored. */
  async create(principal: Principal, dto: ApiKeyCreateDto): Promise<ApiKeyCreatedResponseDto> {
    const key = `${API_KEY_PREFIX}${newSecret()}`;
    const entity = {
      id: newId(),
      name: dto.name,
      organisationId: principal.organisationId,
      userId: principal.userId,
      keyHash: sha256Hex(key),
      keyPrefix: key.slice(0, API_KEY_PREFIX.length + 6),
      scopes: [...dto.scopes].sort().join(','),
      createdAt: this.clock.now(),
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.apiKeys.insert(entity);
    return { ...toApiKeyResponse(entity), key };
  }

  async list(principal: Principal): Promise<ApiKeyResponseDto[]> {
    return (await this.apiKeys.listByOrganisation(principal.organisationId)).map(toApiKeyResponse);
  }

  async revoke(principal: Principal, id: string): Promise<void> {
    const key = await this.apiKeys.findById(id);
    if (!key || (key.organisationId !== principal.organisationId && principal.role !== 'admin')) {
      throw AppError.notFound('API key', id);
    }
    await this.apiKeys.revoke(id, this.clock.now());
    this.principals.forget(key.keyHash);
  }
}
