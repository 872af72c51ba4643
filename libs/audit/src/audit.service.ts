import { Injectable } from '@nestjs/common';
import { Clock } from '#cw/clock';
import { AuditRepository, type NewAuditEntry, type SqlRunner } from '#cw/persistence';
import { AuditEntryPageDto, toAuditEntryResponse } from './dto/audit-entry-response.dto.js';
import type { AuditQueryDto } from './dto/audit-query.dto.js';

/**
 * Who acted: a signed-in principal (structurally, so this library needs no accounts import), or null for
 * the system itself (the command line, background jobs).
 */
export interface AuditActor {
  userId: string;
  organisationId: string;
  credential?: { kind: 'session' | 'api_key'; id: string };
  requestId?: string;
}

export interface AuditRecord {
  actor: AuditActor | null;
  /** `<entity>.<verb>`, e.g. `corridor.update`. */
  action: string;
  entity: string;
  entityId: string;
  corridorId?: string | null;
  /** The organisation the write was for; the actor's own when absent. */
  organisationId?: string | null;
  /** The changed fields only; null for a create's before or a removal's after. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  outcome?: 'done' | 'refused';
}

@Injectable()
export class AuditService {
  constructor(
    private readonly clock: Clock,
    private readonly entries: AuditRepository,
  ) {}

  /** Appends one entry in the caller's transaction: the entry stands or falls with the change it records. */
  async record(tx: SqlRunner, record: AuditRecord): Promise<void> {
    await this.entries.insert(this.toEntry(record), tx);
  }

  /**
   * Appends one entry on its own, for a change made outside the database (a job retried in Redis): written once
   * the change happened, so it never records one that did not.
   */
  async recordAlone(record: AuditRecord): Promise<void> {
    await this.entries.insert(this.toEntry(record));
  }

  async list(query: AuditQueryDto, from?: Date, to?: Date): Promise<AuditEntryPageDto> {
    const page = await this.entries.list({
      actorId: query.actorId,
      entity: query.entity,
      entityId: query.entityId,
      from,
      to,
      limit: query.limit,
      cursor: query.cursor,
    });
    return { items: page.items.map(toAuditEntryResponse), nextCursor: page.nextCursor };
  }

  private toEntry(record: AuditRecord): NewAuditEntry {
    return {
      at: this.clock.now(),
      actorUserId: record.actor?.userId ?? null,
      actorCredential: record.actor?.credential?.kind ?? null,
      actorCredentialId: record.actor?.credential?.id ?? null,
      organisationId: record.organisationId ?? record.actor?.organisationId ?? null,
      action: record.action,
      entity: record.entity,
      entityId: record.entityId,
      corridorId: record.corridorId ?? null,
      before: record.before ? JSON.stringify(record.before) : null,
      after: record.after ? JSON.stringify(record.after) : null,
      requestId: record.actor?.requestId ?? null,
      outcome: record.outcome ?? 'done',
    };
  }
}
