import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Database } from '../database/database.js';
import { likeContaining } from '../shared/like.js';
import type { Page } from '../shared/page.js';
import { ReferenceTableRepository } from '../shared/reference-table.repository.js';
import { LocationEntity } from './location.entity.js';

@Injectable()
export class LocationRepository extends ReferenceTableRepository<LocationEntity> {
  constructor(db: Database, @InjectDataSource() dataSource: DataSource) {
    super(db, dataSource, LocationEntity);
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
