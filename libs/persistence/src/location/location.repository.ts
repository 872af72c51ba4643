import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Database, type SqlRunner } from '../database/database.js';
import { likeContaining } from '../shared/like.js';
import type { Page } from '../shared/page.js';
import { ReferenceTableRepository } from '../shared/reference-table.repository.js';
import { LocationEntity } from './location.entity.js';

@Injectable()
export class LocationRepository extends ReferenceTableRepository<LocationEntity> {
  constructor(db: Database, @InjectDataSource() dataSource: DataSource) {
    super(db, dataSource, LocationEntity);
  }

  /** The fields given, and nothing else; the caller has read the place in the same transaction. */
  async update(
    id: string,
    fields: Partial<Omit<LocationEntity, 'id' | 'organisationId' | 'createdById' | 'createdAt'>>,
    tx: SqlRunner,
  ): Promise<void> {
    const { assignments, params } = this.table.assignmentsOf(fields);
    if (assignments.length === 0) return;
    await tx.run(`UPDATE location SET ${assignments.join(', ')} WHERE id = :id`, { ...params, id });
  }

  async organisationOf(id: string): Promise<string | undefined> {
    const row = await this.db.get<{ organisation_id: string }>(
      'SELECT organisation_id FROM location WHERE id = :id',
      { id },
    );
    return row?.organisation_id;
  }

  /**
   * By name, then id; with `q` (lower-cased by the caller as `searchText` was), only the places whose name, local
   * names or aliases contain it.
   */
  search(limit: number, cursor?: string, q?: string): Promise<Page<LocationEntity>> {
    return this.listWhere(
      limit,
      cursor,
      q ? { sql: "search_text LIKE :q ESCAPE '\\'", params: { q: likeContaining(q) } } : undefined,
    );
  }
}
