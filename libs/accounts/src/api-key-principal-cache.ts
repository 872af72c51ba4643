import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { Principal } from './principal.js';

/**
 * Who an API key acts for, remembered for a few seconds: a field phone sends many reports in a row, and
 * looking the key up each time costs more than the report. Revoking forgets the key at once on this
 * replica; other replicas stop accepting it within the TTL.
 */
export const API_KEY_CACHE_TTL_MS = 5_000;

@Injectable()
export class ApiKeyPrincipalCache {
  private readonly byKeyHash = new LRUCache<string, Principal>({ max: 10_000, ttl: API_KEY_CACHE_TTL_MS });

  get(keyHash: string): Principal | undefined {
    return this.byKeyHash.get(keyHash);
  }

  remember(keyHash: string, principal: Principal): void {
    this.byKeyHash.set(keyHash, principal);
  }

  forget(keyHash: string): void {
    this.byKeyHash.delete(keyHash);
  }

  /** A user disabled or given another role: their keys are looked up afresh on this replica from now on. */
  forgetUser(userId: string): void {
    for (const [keyHash, principal] of this.byKeyHash.entries()) {
      if (principal.userId === userId) this.byKeyHash.delete(keyHash);
    }
  }
}
