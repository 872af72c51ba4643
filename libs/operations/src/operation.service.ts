import { Injectable } from '@nestjs/common';
import type { Principal } from '#cw/accounts';
import { AuditService, changedFields } from '#cw/audit';
import { Clock } from '#cw/clock';
import { AppError, AppErrorCode, newId } from '#cw/common';
import { CorridorRecordService } from '#cw/corridors';
import { IdempotencyService, type IdempotencyRequest } from '#cw/idempotency';
import {
  Database,
  OperationRepository,
  UniqueViolation,
  type OperationEditableFields,
  type OperationEntity,
  type OperationRecord,
  type SqlRunner,
} from '#cw/persistence';
import type { OperationCreateDto } from './dto/operation-create.dto.js';
import { OperationPageDto, OperationResponseDto, toOperationResponse } from './dto/operation-response.dto.js';
import type { OperationUpdateDto } from './dto/operation-update.dto.js';

/** Operations: corridors that are stages of one undertaking, whose people are counted once. */
@Injectable()
export class OperationService {
  constructor(
    private readonly clock: Clock,
    private readonly db: Database,
    private readonly operations: OperationRepository,
    private readonly records: CorridorRecordService,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
  ) {}

  async create(
    principal: Principal,
    dto: OperationCreateDto,
    idempotency?: IdempotencyRequest,
  ): Promise<OperationResponseDto> {
    const facilitatorIds = dto.facilitatorIds ?? [];
    const now = this.clock.now();
    const operation: OperationEntity = {
      id: newId(),
      name: dto.name.trim(),
      sourceUrl: dto.sourceUrl ?? null,
      note: dto.note ?? null,
      version: 1,
      organisationId: principal.organisationId,
      createdById: principal.userId,
      createdAt: now,
      updatedAt: now,
    };
    // Checked inside the work: a retry finds its corridors taken by its own first request, and gets its answer.
    return this.idempotency.create(idempotency, async (tx) => {
      await this.assertReferences(dto.corridorIds, facilitatorIds, null, tx);
      await this.operations.insert(operation, tx);
      await this.replaceStages(operation.id, dto.corridorIds, tx);
      await this.operations.replaceFacilitators(operation.id, facilitatorIds, tx);
      await this.audit.record(tx, {
        actor: principal,
        action: 'operation.create',
        entity: 'operation',
        entityId: operation.id,
        after: {
          name: operation.name,
          corridorIds: dto.corridorIds,
          facilitatorIds: [...facilitatorIds].sort(),
          sourceUrl: operation.sourceUrl,
          note: operation.note,
        },
      });
      return this.get(operation.id, tx);
    });
  }

  async get(id: string, tx?: SqlRunner): Promise<OperationResponseDto> {
    const operation = await this.operations.findById(id, tx);
    if (!operation) throw AppError.notFound('operation', id);
    const [evacuation] = await this.records.evacuationSummaries([operation.corridorIds], tx);
    return toOperationResponse(operation, evacuation);
  }

  /** Newest first, each with its figures: one read of the claims for the whole page. */
  async list(limit: number, cursor?: string): Promise<OperationPageDto> {
    const page = await this.operations.list(limit, cursor);
    const summaries = await this.records.evacuationSummaries(page.items.map((o) => o.corridorIds));
    return {
      items: page.items.map((operation, i) => toOperationResponse(operation, summaries[i])),
      nextCursor: page.nextCursor,
    };
  }

  async update(principal: Principal, id: string, dto: OperationUpdateDto): Promise<OperationResponseDto> {
    const current = await this.operations.findById(id);
    if (!current) throw AppError.notFound('operation', id);
    const fields: OperationEditableFields = {};
    if (dto.name !== undefined) fields.name = dto.name.trim();
    if (dto.sourceUrl !== undefined) fields.sourceUrl = dto.sourceUrl;
    if (dto.note !== undefined) fields.note = dto.note;
    // Null clears the facilitators; the stages are replaced only when sent.
    const facilitatorIds = dto.facilitatorIds === null ? [] : dto.facilitatorIds;
    return this.db.transaction(async (tx) => {
      await this.assertReferences(dto.corridorIds ?? [], facilitatorIds ?? [], id, tx);
      if (!(await this.operations.updateFields(id, dto.version, fields, this.clock.now(), tx)))
        throw staleVersion(current.version);
      if (dto.corridorIds) await this.replaceStages(id, dto.corridorIds, tx);
      if (facilitatorIds) await this.operations.replaceFacilitators(id, facilitatorIds, tx);
      await this.auditUpdate(
        principal,
        current,
        { ...fields, corridorIds: dto.corridorIds, facilitatorIds },
        tx,
      );
      return this.get(id, tx);
    });
  }

  private async auditUpdate(
    principal: Principal,
    current: OperationRecord,
    changes: OperationEditableFields & { corridorIds?: string[]; facilitatorIds?: string[] },
    tx: SqlRunner,
  ): Promise<void> {
    const diff = changedFields(
      { ...current, facilitatorIds: [...current.facilitatorIds].sort() },
      { ...changes, facilitatorIds: changes.facilitatorIds && [...changes.facilitatorIds].sort() },
    );
    await this.audit.record(tx, {
      actor: principal,
      action: 'operation.update',
      entity: 'operation',
      entityId: current.id,
      before: diff?.before ?? {},
      after: diff?.after ?? {},
    });
  }

  /** The stages; the corridor's key in the database settles a race with another operation taking the same one. */
  private async replaceStages(id: string, corridorIds: readonly string[], tx: SqlRunner): Promise<void> {
    try {
      await this.operations.replaceCorridors(id, corridorIds, tx);
    } catch (error) {
      // The transaction is spoilt (PostgreSQL): nothing more is read in it.
      if (error instanceof UniqueViolation)
        throw inAnotherOperation('One of these corridors', 'another operation');
      throw error;
    }
  }

  private async assertReferences(
    corridorIds: readonly string[],
    facilitatorIds: readonly string[],
    operationId: string | null,
    tx: SqlRunner,
  ): Promise<void> {
    const [unknownCorridor] = await this.operations.missingCorridors(corridorIds, tx);
    if (unknownCorridor) throw AppError.unknownReference('corridorIds', 'corridor', unknownCorridor);
    const [held] = await this.operations.findStagesOf(corridorIds, operationId, tx);
    if (held) throw inAnotherOperation(`Corridor ${held.corridorId}`, `operation ${held.operationId}`);
    const [unknownParty] = await this.operations.missingParties(facilitatorIds, tx);
    if (unknownParty) throw AppError.unknownReference('facilitatorIds', 'party', unknownParty);
  }
}

function inAnotherOperation(corridor: string, operation: string): AppError {
  return new AppError(
    AppErrorCode.CorridorInAnotherOperation,
    `${corridor} is a stage of ${operation} already: a corridor belongs to at most one operation. ` +
      'Take it out of that one first.',
    'corridorIds',
  );
}

function staleVersion(current: number): AppError {
  return new AppError(
    AppErrorCode.StaleVersion,
    `Someone changed this operation since you read it (now version ${current}); reload it and apply your edit again.`,
    'version',
  );
}
