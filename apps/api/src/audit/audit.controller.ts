import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditEntryPageDto, AuditQueryDto, AuditService } from '#cw/audit';
import { parseInstant } from '#cw/domain';
import { ApiProblems } from '../http/api-responses.decorator.js';

@ApiTags('audit')
@ApiProblems()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Every write and every refused cross-organisation attempt, newest first. */
  @Get()
  @ApiOkResponse({ type: AuditEntryPageDto })
  list(@Query() query: AuditQueryDto): Promise<AuditEntryPageDto> {
    return this.audit.list(
      query,
      query.from ? parseInstant(query.from, 'from') : undefined,
      query.to ? parseInstant(query.to, 'to') : undefined,
    );
  }
}
