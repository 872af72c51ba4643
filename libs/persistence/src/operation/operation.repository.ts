import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Database, SqlRunner } from '../database/database.js';
import { Table } from '../database/table.js';
import { decodeCursor, Page, toPage } from '../shared/page.js';
import { OperationEntity } from './operation.entity.js';

export type OperationEditableFields = Partial<Pick<OperationEntity, 'name' | 'sourceUrl' | 'note'>>;

/** An operation with its stages (corridor ids, in order) and its facilitators. */
export interface OperationRecord extends OperationEntity {
  corridorIds: string[];
  facilitatorIds: string[];
}

/** A corridor that is a stage of an operation. */
export interface OperationStage {
  corridorId: string;
  operationId: string;
}

@Injectable()
export class OperationRepository {
  private readonly operations: Table<OperationEntity>;

  constructor(
    private readonly db: Database,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.operations = new Table(dataSource, OperationEntity);
  }

  async insert(operation: OperationEntity, tx: SqlRunner): Promise<void> {
    await tx.run(this.operations.insertSql, this.operations.toParams(operation));
  }

  async findById(id: string, tx: SqlRunner = this.db): Promise<OperationRecord | undefined> {
    const row = await tx.get(`SELECT ${this.operations.selectList} FROM operation WHERE id = :id`, { id });
    if (!row) return undefined;
    const [record] = await this.withParts([this.operations.hydrate(row)], tx);
    return record;
  }

  /** The organisation that recorded the operation, for the object-level access rule. */
  async organisationOf(id: string): Promise<string | undefined> {
    const row = await this.db.get<{ organisation_id: string }>(
      'SELECT organisation_id FROM operation WHERE id = :id',
      { id },
    );
    return row?.organisation_id;
  }

  /** Newest first; a cursor is the last operation's creation time and id. Three queries whatever the page size. */
  async list(limit: number, cursor?: string): Promise<Page<OperationRecord>> {
    const [createdAt, id] = cursor ? decodeCursor(cursor, 2) : [];
    const rows = await this.db.all(
      `SELECT ${this.operations.selectList} FROM operation
       ${cursor ? 'WHERE (created_at < :createdAt OR (created_at = :createdAt AND id < :id))' : ''}
       ORDER BY created_at DESC, id DESC LIMIT :limit`,
      { createdAt: Number(createdAt), id: String(id), limit: limit + 1 },
    );
    const page = toPage(
      rows.map((row) => this.operations.hydrate(row)),
      limit,
      (last) => [last.createdAt.getTime(), last.id],
    );
    return { items: await this.withParts(page.items), nextCursor: page.nextCursor };
  }

  /** Which of these corridors are already a stage of an operation (other than `exceptOperationId`). */
  async findStagesOf(
    corridorIds: readonly string[],
    exceptOperationId: string | null,
    tx: SqlRunner = this.db,
  ): Promise<OperationStage[]> {
    if (corridorIds.length === 0) return [];
    const rows = await tx.all<{ corridor_id: string; operation_id: string }>(
      `SELECT corridor_id, operation_id FROM operation_corridor
       WHERE corridor_id IN (:...corridorIds) ${exceptOperationId ? 'AND operation_id <> :exceptOperationId' : ''}
       ORDER BY corridor_id`,
      { corridorIds: [...corridorIds], exceptOperationId },
    );
    return rows.map((row) => ({ corridorId: row.corridor_id, operationId: row.operation_id }));
  }

  /** The ids of these that name no corridor. */
  async missingCorridors(ids: readonly string[], tx: SqlRunner = this.db): Promise<string[]> {
    return this.missing('corridor', ids, tx);
  }

  /** The ids of these that name no party. */
  async missingParties(ids: readonly string[], tx: SqlRunner = this.db): Promise<string[]> {
    return this.missing('party', ids, tx);
  }

  /** The stages, in order. A corridor held by another operation breaks the corridor's key: UniqueViolation. */
  async replaceCorridors(operationId: string, corridorIds: readonly string[], tx: SqlRunner): Promise<void> {
    await tx.run('DELETE FROM operation_corridor WHERE operation_id = :operationId', { operationId });
    for (const [position, corridorId] of corridorIds.entries()) {
      await tx.run(
        'INSERT INTO operation_corridor (corridor_id, operation_id, position) VALUES (:corridorId, :operationId, :position)',
        { corridorId, operationId, position },
      );
    }
  }

  async replaceFacilitators(operationId: string, partyIds: readonly string[], tx: SqlRunner): Promise<void> {
    await tx.run('DELETE FROM operation_facilitator WHERE operation_id = :operationId', { operationId });
    for (const partyId of new Set(partyIds)) {
      await tx.run(
        'INSERT INTO operation_facilitator (operation_id, party_id) VALUES (:operationId, :partyId)',
        { operationId, partyId },
      );
    }
  }

  /** Optimistic concurrency: false when `expectedVersion` is no longer the stored one. */
  async updateFields(
    id: string,
    expectedVersion: number,
    fields: OperationEditableFields,
    updatedAt: Date,
    tx: SqlRunner,
  ): Promise<boolean> {
    const { assignments, params } = this.operations.assignmentsOf(fields);
    const changed = await tx.run(
      `UPDATE operation SET ${[...assignments, 'version = version + 1', 'updated_at = :updatedAt'].join(', ')}
       WHERE id = :id AND version = :expectedVersion`,
      { ...params, updatedAt, id, expectedVersion },
    );
    return changed > 0;
  }

  private async missing(
    table: 'corridor' | 'party',
    ids: readonly string[],
    tx: SqlRunner,
  ): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = await tx.all<{ id: string }>(`SELECT id FROM ${table} WHERE id IN (:...ids)`, {
      ids: [...ids],
    });
    const known = new Set(found.map((row) => row.id));
    return ids.filter((id) => !known.has(id));
  }

  /** Each operation with its stages and facilitators: two queries for the lot. */
  private async withParts(
    operations: OperationEntity[],
    tx: SqlRunner = this.db,
  ): Promise<OperationRecord[]> {
    if (operations.length === 0) return [];
    const operationIds = operations.map((o) => o.id);
    const [stages, facilitators] = await Promise.all([
      tx.all<{ operation_id: string; corridor_id: string }>(
        `SELECT operation_id, corridor_id FROM operation_corridor WHERE operation_id IN (:...operationIds)
         ORDER BY operation_id, position`,
        { operationIds },
      ),
      tx.all<{ operation_id: string; party_id: string }>(
        `SELECT operation_id, party_id FROM operation_facilitator WHERE operation_id IN (:...operationIds)
         ORDER BY operation_id, party_id`,
        { operationIds },
      ),
    ]);
    return operations.map((operation) => ({
      ...operation,
      corridorIds: stages.filter((s) => s.operation_id === operation.id).map((s) => s.corridor_id),
      facilitatorIds: facilitators.filter((f) => f.operation_id === operation.id).map((f) => f.party_id),
    }));
  }
}
