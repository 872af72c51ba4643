export { CorridorFilterDto } from './corridor-filter.dto.js';
export { CSV_CONTENT_TYPE } from './csv/csv-file.js';
export { ClaimsExportQueryDto } from './exports/dto/claims-export-query.dto.js';
export { CSV_GRAINS, ExportService, type CsvGrain, type SharedFile } from './exports/export.service.js';
export { ExportsModule } from './exports/exports.module.js';
export { FeedCreateDto } from './feeds/dto/feed-create.dto.js';
export { FeedCreatedResponseDto, FeedPageDto, FeedResponseDto } from './feeds/dto/feed-response.dto.js';
export { FEED_TOKEN_PREFIX, FeedService } from './feeds/feed.service.js';
export { FeedsModule } from './feeds/feeds.module.js';
export { ImportQueryDto } from './imports/dto/import-query.dto.js';
export {
  IMPORT_KINDS,
  ImportProblemDto,
  ImportResultDto,
  type ImportKindName,
} from './imports/dto/import-result.dto.js';
export { ImportService } from './imports/import.service.js';
export { ImportsModule } from './imports/imports.module.js';
