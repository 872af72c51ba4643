import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '#cw/accounts';
import { AuditService } from '#cw/audit';
import { AppError, AppErrorCode, newId } from '#cw/common';
import { EvaluationTrigger } from '#cw/jobs';
import { Database } from '#cw/persistence';
import { csvHead, csvLines } from '../csv/csv-file.js';
import type { ImportKindName, ImportResultDto } from './dto/import-result.dto.js';
import { IMPORT_KIND } from './import-kinds.js';
import { ImportProblems } from './import-problems.js';
import { ImportRowReader } from './import-row-reader.service.js';
import { ImportRowWriter } from './import-row-writer.service.js';

/**
 * CSV imports of corridors, windows and evacuation reports. Every row goes through the request DTO and the
 * service the API uses for it, in one unit of work: a commit stores every row or none, a dry run checks them
 * all and stores nothing. Rows imported before (the same cells, in this file or another) are left as they are.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly db: Database,
    private readonly reader: ImportRowReader,
    private readonly writer: ImportRowWriter,
    private readonly audit: AuditService,
    private readonly evaluations: EvaluationTrigger,
  ) {}

  /** The header row, the HXL hashtag row and one example row of the columns an import reads. */
  template(kindName: ImportKindName): string {
    const columns = IMPORT_KIND[kindName].columns.filter((c) => c.read);
    const examples = columns.map((c) => ({ ...c, write: () => c.read?.example }));
    return csvHead(columns) + csvLines(examples, [undefined as never]);
  }

  async run(
    principal: Principal,
    kindName: ImportKindName,
    bytes: Buffer,
    dryRun: boolean,
  ): Promise<ImportResultDto> {
    const kind = IMPORT_KIND[kindName];
    const problems = new ImportProblems();
    const file = await this.reader.read(kind, principal, bytes, problems);
    let stored = 0;
    if (file.toStore.length) {
      stored = await this.db.unitOfWork(
        async (tx) => {
          const count = await this.writer.storeAll(kind, principal, file.toStore, problems, tx);
          if (problems.count) return count;
          await this.audit.record(tx, {
            actor: principal,
            action: 'import.commit',
            entity: 'import',
            entityId: newId(),
            after: {
              kind: kind.name,
              rows: file.rows,
              stored: count,
              unchanged: file.unchanged,
              fileSha256: createHash('sha256').update(bytes).digest('hex'),
            },
          });
          return count;
        },
        { rollBack: () => dryRun || problems.count > 0 },
      );
    }
    const isStored = !dryRun && problems.count === 0;
    if (isStored && stored) this.evaluations.corridorChanged();
    const result: ImportResultDto = {
      kind: kindName,
      dryRun,
      rows: file.rows,
      valid: problems.isFileWide ? 0 : file.rows - problems.rowCount,
      stored: isStored ? stored : 0,
      unchanged: file.unchanged,
      errorCount: problems.count,
      errors: problems.sortedBy(file.headers),
    };
    if (dryRun || problems.count === 0) return result;
    throw new AppError(
      AppErrorCode.ImportRefused,
      `Nothing was stored: ${problems.count} problem${problems.count === 1 ? '' : 's'} (see errors); a dry run lists them without storing.`,
      undefined,
      { ...result },
    );
  }
}
