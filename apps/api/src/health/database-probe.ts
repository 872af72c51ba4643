import { Injectable } from '@nestjs/common';
import { Database } from '#cw/persistence';

/** `/health`'s question to the database: does it answer a query? */
@Injectable()
export class DatabaseProbe {
  constructor(private readonly db: Database) {}

  async ping(): Promise<void> {
    await this.db.get('SELECT 1 AS ok');
  }
}
