import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Database } from '../database/database.js';
import { ReferenceTableRepository } from '../shared/reference-table.repository.js';
import { LocationEntity } from './location.entity.js';

@Injectable()
export class LocationRepository extends ReferenceTableRepository<LocationEntity> {
  constructor(db: Database, @InjectDataSource() dataSource: DataSource) {
    super(db, dataSource, LocationEntity);
  }
}
