import { Injectable } from '@nestjs/common';
import { viewerOf, type Principal } from '#cw/accounts';
import { AuditService } from '#cw/audit';
import { Clock } from '#cw/clock';
import { AppError } from '#cw/common';
import { Database, FlagRepository } from '#cw/persistence';
import type { FlagAcknowledgeDto } from './dto/flag-acknowledge.dto.js';
import type { FlagListQueryDto } from './dto/flag-list-query.dto.js';
import { FlagPageDto, FlagResponseDto, toFlagResponse } from './dto/flag-response.dto.js';

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
    const page = await this.flags.list({
      viewer: viewerOf(principal),
      isOpen: query.open,
      rule: query.rule,
      severity: query.severity,
      corridorId: query.corridorId,
      limit: query.limit,
      cursor: query.cursor,
    });
    return { items: page.items.map(toFlagResponse), nextCursor: page.nextCursor };
  }

  /**
   * The first acknowledgement stands: a second one changes nothing and records no event. The first is audited
   * in its transaction, with the corridor, so the entry stands or falls with it.
   */
  async acknowledge(principal: Principal, id: string, dto: FlagAcknowledgeDto): Promise<FlagResponseDto> {
    const now = this.clock.now();
    const note = dto.note?.trim() || null;
    // A flag of a corridor under embargo is unknown to other organisations, as its corridor is.
    if (!(await this.flags.findById(id, this.db, viewerOf(principal)))) throw AppError.notFound('flag', id);
    const flag = await this.db.transaction(async (tx) => {
      const isAcknowledged = await this.flags.acknowledge(id, principal.userId, note, now, tx);
      const row = await this.flags.findById(id, tx);
      if (isAcknowledged && row) {
        await this.audit.record(tx, {
          actor: principal,
          action: 'flag.acknowledge',
          entity: 'flag',
          entityId: id,
          corridorId: row.corridorId,
          before: { acknowledgedAt: null, acknowledgedById: null, ...(note && { acknowledgeNote: null }) },
          after: {
            acknowledgedAt: now.toISOString(),
            acknowledgedById: principal.userId,
            ...(note && { acknowledgeNote: note }),
          },
        });
      }
      return row;
    });
    if (!flag) throw AppError.notFound('flag', id);
    return toFlagResponse(flag);
  }
}
