export { AuditModule } from './audit.module.js';
export { AuditService, type AuditActor, type AuditRecord } from './audit.service.js';
export { changedFields } from './changed-fields.js';
export {
  AuditEntryPageDto,
  AuditEntryResponseDto,
  toAuditEntryResponse,
} from './dto/audit-entry-response.dto.js';
export { AuditQueryDto } from './dto/audit-query.dto.js';
