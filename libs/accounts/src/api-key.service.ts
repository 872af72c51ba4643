import { Injectable } from '@nestjs/common';
import { AuditService } from '#cw/audit';
import { Clock } from '#cw/clock';
import { AppError, newId } from '#cw/common';
import { ApiKeyRepository, Database } from '#cw/persistence';
import type { ApiKeyCreateDto } from './dto/api-key-create.dto.js';
import { ApiKeyCreatedResponseDto, ApiKeyResponseDto, toApiKeyResponse } from './dto/api-key-response.dto.js';
import { ApiKeyPrincipalCache } from './api-key-principal-cache.js';
import type { Principal } from './principal.js';
import { API_KEY_PREFIX, newSecret, sha256Hex } from './secret-token.js';

@Injectable()
export class ApiKeyService {
  constructor(
    private readonly clock: Clock,
    private readonly db: Database,
    private readonly apiKeys: ApiKeyRepository,
    private readonly principals: ApiKeyPrincipalCache,
    private readonly audit: AuditService,
  ) {}

  /** The key is returned once; only its SHA-256 is stored, and the audit keeps neither. */
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
    await this.db.transaction(async (tx) => {
      await this.apiKeys.insert(entity, tx);
      await this.audit.record(tx, {
        actor: principal,
        action: 'api_key.create',
        entity: 'api_key',
        entityId: entity.id,
        after: { name: entity.name, prefix: entity.keyPrefix, scopes: entity.scopes.split(',') },
      });
    });
    return { ...toApiKeyResponse(entity), key };
  }

  async list(principal: Principal): Promise<ApiKeyResponseDto[]> {
    return (await this.apiKeys.listByOrganisation(principal.organisationId)).map(toApiKeyResponse);
  }

  async revoke(principal: Principal, id: string): Promise<void> {
    const key = await this.apiKeys.findById(id);
    // The guard's object rule refused other organisations' keys already; this stays as a second lock.
    if (!key || (key.organisationId !== principal.organisationId && principal.role !== 'admin')) {
      throw AppError.notFound('API key', id);
    }
    const at = this.clock.now();
    await this.db.transaction(async (tx) => {
      if (!(await this.apiKeys.revoke(id, at, tx))) return;
      await this.audit.record(tx, {
        actor: principal,
        action: 'api_key.revoke',
        entity: 'api_key',
        entityId: id,
        organisationId: key.organisationId,
        before: { revokedAt: null },
        after: { revokedAt: at.toISOString() },
      });
    });
    this.principals.forget(key.keyHash);
  }
}
