import { Injectable } from '@nestjs/common';
import { AuditService } from '#cw/audit';
import { Clock } from '#cw/clock';
import { AppError, AppErrorCode, newId } from '#cw/common';
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

  /**
   * The key is returned once; only its SHA-256 is stored, and the audit keeps neither. A key minted by a key has
   * at most its scopes and is recorded as its child, so revoking the parent revokes it.
   */
  async create(principal: Principal, dto: ApiKeyCreateDto): Promise<ApiKeyCreatedResponseDto> {
    const parentKeyId = principal.credential.kind === 'api_key' ? principal.credential.id : null;
    const wider = dto.scopes.filter((scope) => !principal.scopes.includes(scope));
    if (parentKeyId && wider.length) {
      throw new AppError(
        AppErrorCode.Forbidden,
        `This API key has the scopes ${principal.scopes.join(', ')}; a key it creates may have only those, not ${wider.join(', ')}.`,
        'scopes',
      );
    }
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
      parentKeyId,
    };
    await this.db.transaction(async (tx) => {
      // Another replica may have revoked the parent while this one still remembers it (for a few seconds).
      if (parentKeyId && !(await this.apiKeys.isActiveForMinting(parentKeyId, tx))) {
        throw new AppError(AppErrorCode.Unauthenticated, 'This API key has been revoked.');
      }
      await this.apiKeys.insert(entity, tx);
      await this.audit.record(tx, {
        actor: principal,
        action: 'api_key.create',
        entity: 'api_key',
        entityId: entity.id,
        after: {
          name: entity.name,
          prefix: entity.keyPrefix,
          scopes: entity.scopes.split(','),
          ...(parentKeyId ? { parentKeyId } : {}),
        },
      });
    });
    return { ...toApiKeyResponse(entity), key };
  }

  async list(principal: Principal): Promise<ApiKeyResponseDto[]> {
    return (await this.apiKeys.listByOrganisation(principal.organisationId)).map(toApiKeyResponse);
  }

  /** Revokes the key and every key minted from it, at any depth, each audited. */
  async revoke(principal: Principal, id: string): Promise<void> {
    const key = await this.apiKeys.findById(id);
    // The guard's object rule refused other organisations' keys already; this stays as a second lock.
    if (!key || (key.organisationId !== principal.organisationId && principal.role !== 'admin')) {
      throw AppError.notFound('API key', id);
    }
    const at = this.clock.now();
    const forgotten = [key.keyHash];
    await this.db.transaction(async (tx) => {
      const revocation = (entityId: string, revokedWith?: string) => ({
        actor: principal,
        action: 'api_key.revoke',
        entity: 'api_key',
        entityId,
        organisationId: key.organisationId,
        before: { revokedAt: null },
        after: { revokedAt: at.toISOString(), ...(revokedWith ? { revokedWith } : {}) },
      });
      // The key's own row first: on PostgreSQL its lock makes a mint running beside this wait, then be refused.
      if (await this.apiKeys.revoke(id, at, tx)) await this.audit.record(tx, revocation(id));
      for (const descendant of await this.apiKeys.findActiveDescendants(id, tx)) {
        await this.apiKeys.revoke(descendant.id, at, tx);
        await this.audit.record(tx, revocation(descendant.id, id));
        forgotten.push(descendant.keyHash);
      }
    });
    for (const hash of forgotten) this.principals.forget(hash);
  }
}
