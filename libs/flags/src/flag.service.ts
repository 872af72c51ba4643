import { Injectable } from '@nestjs/common';
import { parseMinGrade } from '#cw/domain';
import { viewerOf, type Principal } from '#cw/accounts';
import { AuditService } from '#cw/audit';
import { Clock } from '#cw/clock';
import { AppError } from '#cw/common';
import { Database, FlagRepository } from '#cw/persistence';
import type { FlagAcknowledgeManyDto } from './dto/flag-acknowledge-many.dto.js';
import type { FlagAcknowledgeDto } from './dto/flag-acknowledge.dto.js';
import type { FlagListQueryDto } from './dto/flag-list-query.dto.js';
import {
  FlagAcknowledgedDto,
  FlagPageDto,
  FlagResponseDto,
  toFlagResponse,
} from './dto/flag-response.dto.js';

/** The flag inbox: what was raised, filtered, and acknowledged by coordinators. */
@Injectable()
export class FlagService {
  constructor(
    private readonly clock: Clock,
    private readonly db: Database,
    private readonly flags: FlagRepository,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal, query: FlagListQueryDto): Promise<FlagPageDto> {
    const viewer = viewerOf(principal);
    const page = await this.flags.list({
      viewer,
      isOpen: query.open,
      isAcknowledged: query.acknowledged,
      order: query.order,
      rule: query.rule,
      severity: query.severity,
      corridorId: query.corridorId,
      minGrade: query.minGrade === undefined ? undefined : parseMinGrade(query.minGrade),
      limit: query.limit,
      cursor: query.cursor,
    });
    return { items: page.items.map((row) => toFlagResponse(row, viewer)), nextCursor: page.nextCursor };
  }

  async acknowledge(principal: Principal, id: string, dto: FlagAcknowledgeDto): Promise<FlagResponseDto> {
    // A flag of a corridor under embargo is unknown to other organisations, as its corridor is.
    if (!(await this.flags.findById(id, this.db, viewerOf(principal)))) throw AppError.notFound('flag', id);
    const [flag] = await this.acknowledgeAll(principal, [id], dto.note);
    return flag;
  }

  /** Several flags at once, all or none: one unknown (or not visible to the caller) refuses them all, naming it. */
  async acknowledgeMany(principal: Principal, dto: FlagAcknowledgeManyDto): Promise<FlagAcknowledgedDto> {
    const visible = new Set(
      (await this.flags.findByIds(dto.ids, this.db, viewerOf(principal))).map((flag) => flag.id),
    );
    const unknown = dto.ids.findIndex((id) => !visible.has(id));
    if (unknown >= 0) throw AppError.unknownReference(`ids[${unknown}]`, 'flag', dto.ids[unknown]);
    return { items: await this.acknowledgeAll(principal, dto.ids, dto.note) };
  }

  /**
   * The first acknowledgement stands: a second one changes nothing and records no event. Each flag acknowledged
   * is audited in the same transaction, with its corridor, so the entries stand or fall with the change.
   */
  private async acknowledgeAll(
    principal: Principal,
    ids: readonly string[],
    rawNote: string | undefined,
  ): Promise<FlagResponseDto[]> {
    const now = this.clock.now();
    const note = rawNote?.trim() || null;
    const rows = await this.db.transaction(async (tx) => {
      const acknowledged = new Set(await this.flags.acknowledge(ids, principal.userId, note, now, tx));
      const found = await this.flags.findByIds(ids, tx);
      // Checked before the transaction; a flag gone since (its corridor deleted) undoes the whole request.
      const missing = ids.find((id) => !found.some((flag) => flag.id === id));
      if (missing) throw AppError.notFound('flag', missing);
      for (const row of found.filter((flag) => acknowledged.has(flag.id))) {
        await this.audit.record(tx, {
          actor: principal,
          action: 'flag.acknowledge',
          entity: 'flag',
          entityId: row.id,
          corridorId: row.corridorId,
          before: { acknowledgedAt: null, acknowledgedById: null, ...(note && { acknowledgeNote: null }) },
          after: {
            acknowledgedAt: now.toISOString(),
            acknowledgedById: principal.userId,
            ...(note && { acknowledgeNote: note }),
          },
        });
      }
      return found;
    });
    const viewer = viewerOf(principal);
    const byId = new Map(rows.map((row) => [row.id, toFlagResponse(row, viewer)]));
    return ids.map((id) => byId.get(id)).filter((flag) => flag !== undefined);
  }
}
