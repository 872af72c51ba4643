import { Injectable } from '@nestjs/common';
import type { Principal } from '#cw/accounts';
import { AuditService } from '#cw/audit';
import { Clock } from '#cw/clock';
import { AppError, AppErrorCode, newId } from '#cw/common';
import { IdempotencyService, type IdempotencyRequest } from '#cw/idempotency';
import { PartyRepository, UniqueViolation } from '#cw/persistence';
import type { PartyCreateDto } from './dto/party-create.dto.js';
import { PartyPageDto, PartyResponseDto, toPartyResponse } from './dto/party-response.dto.js';

@Injectable()
export class PartyService {
  constructor(
    private readonly clock: Clock,
    private readonly parties: PartyRepository,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
  ) {}

  async create(
    principal: Principal,
    dto: PartyCreateDto,
    idempotency?: IdempotencyRequest,
  ): Promise<PartyResponseDto> {
    try {
      return await this.idempotency.create(idempotency, async (tx) => {
        const party = {
          id: newId(),
          name: dto.name.trim(),
          shortName: dto.shortName?.trim() || null,
          kind: dto.kind,
          side: dto.side?.trim() || null,
          organisationId: principal.organisationId,
          createdById: principal.userId,
          createdAt: this.clock.now(),
        };
        await this.parties.insert(party, tx);
        await this.audit.record(tx, {
          actor: principal,
          action: 'party.create',
          entity: 'party',
          entityId: party.id,
          after: { name: party.name, shortName: party.shortName, kind: party.kind, side: party.side },
        });
        return toPartyResponse(party);
      });
    } catch (error) {
      if (error instanceof UniqueViolation && error.constraint.includes('party')) {
        throw new AppError(AppErrorCode.Duplicate, `A party named "${dto.name}" exists already.`, 'name');
      }
      throw error;
    }
  }

  async get(id: string): Promise<PartyResponseDto> {
    const party = await this.parties.findById(id);
    if (!party) throw AppError.notFound('party', id);
    return toPartyResponse(party);
  }

  async list(limit: number, cursor?: string): Promise<PartyPageDto> {
    const page = await this.parties.list(limit, cursor);
    return { items: page.items.map(toPartyResponse), nextCursor: page.nextCursor };
  }
}
