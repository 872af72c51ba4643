import { Body, Controller, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { UserService, type Principal } from '#cw/accounts';
import { AppConfig } from '#cw/config';
import { hashRequest } from '#cw/idempotency';
import { EvacuationCreateDto, EvacuationReportResponseDto, ReportService } from '#cw/reports';
import { IdParam } from '../http/parse-id.pipe.js';

/**
 * `npm run bench` only (BENCH_UNGUARDED_ROUTES=true, refused in production): the same evacuation-report write
 * as POST /corridors/:id/evacuations, same pipe, service, transaction and audit entry, but public in the access
 * policy, so no authentication, authorisation or rate limit runs. It acts as the bootstrap admin.
 */
@ApiExcludeController()
@Controller('bench')
export class BenchController {
  private principal?: Promise<Principal>;

  constructor(
    private readonly reports: ReportService,
    private readonly users: UserService,
    private readonly config: AppConfig,
  ) {}

  @Post('corridors/:id/evacuations')
  async addEvacuation(
    @IdParam('id', 'corridor') corridorId: string,
    @Body() dto: EvacuationCreateDto,
    @Req() request: FastifyRequest,
  ): Promise<EvacuationReportResponseDto> {
    const principal = await (this.principal ??= this.admin());
    const key = request.headers['idempotency-key'];
    const idempotency =
      typeof key === 'string'
        ? {
            principalId: principal.userId,
            key,
            requestHash: hashRequest(request.method, request.url, request.body),
          }
        : undefined;
    return this.reports.add(
      'evacuation',
      { ...principal, requestId: String(request.id) },
      corridorId,
      dto,
      idempotency,
    );
  }

  private async admin(): Promise<Principal> {
    const principal = await this.users.principalOf(this.config.BOOTSTRAP_ADMIN_EMAIL ?? '');
    if (!principal) throw new Error('the benchmark route needs BOOTSTRAP_ADMIN_EMAIL');
    return principal;
  }
}
