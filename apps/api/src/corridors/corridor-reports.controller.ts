import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '#cw/accounts';
import {
  ConfirmationResponseDto,
  EvacuationReportResponseDto,
  IncidentResponseDto,
  RemainingReportResponseDto,
} from '#cw/corridors';
import type { IdempotencyRequest } from '#cw/idempotency';
import {
  ConfirmationCreateDto,
  EvacuationCreateDto,
  IncidentCreateDto,
  RemainingCreateDto,
  ReportService,
} from '#cw/reports';
import { Actor } from '../auth/access.decorators.js';
import { ApiCreate, ApiProblems } from '../http/api-responses.decorator.js';
import { Idempotency } from '../http/idempotency-key.decorator.js';
import { IdParam } from '../http/parse-id.pipe.js';

@ApiTags('reports')
@ApiProblems()
@Controller('corridors/:id')
export class CorridorReportsController {
  constructor(private readonly reports: ReportService) {}

  @Post('confirmations')
  @ApiCreate()
  @ApiCreatedResponse({ type: ConfirmationResponseDto })
  addConfirmation(
    @Actor() principal: Principal,
    @IdParam('id', 'corridor') corridorId: string,
    @Body() dto: ConfirmationCreateDto,
    @Idempotency() idempotency?: IdempotencyRequest,
  ): Promise<ConfirmationResponseDto> {
    return this.reports.addConfirmation(principal, corridorId, dto, idempotency);
  }

  @Post('evacuations')
  @ApiCreate()
  @ApiCreatedResponse({ type: EvacuationReportResponseDto })
  addEvacuation(
    @Actor() principal: Principal,
    @IdParam('id', 'corridor') corridorId: string,
    @Body() dto: EvacuationCreateDto,
    @Idempotency() idempotency?: IdempotencyRequest,
  ): Promise<EvacuationReportResponseDto> {
    return this.reports.addEvacuation(principal, corridorId, dto, idempotency);
  }

  @Post('remaining')
  @ApiCreate()
  @ApiCreatedResponse({ type: RemainingReportResponseDto })
  addRemaining(
    @Actor() principal: Principal,
    @IdParam('id', 'corridor') corridorId: string,
    @Body() dto: RemainingCreateDto,
    @Idempotency() idempotency?: IdempotencyRequest,
  ): Promise<RemainingReportResponseDto> {
    return this.reports.addRemaining(principal, corridorId, dto, idempotency);
  }

  @Post('incidents')
  @ApiCreate()
  @ApiCreatedResponse({ type: IncidentResponseDto })
  addIncident(
    @Actor() principal: Principal,
    @IdParam('id', 'corridor') corridorId: string,
    @Body() dto: IncidentCreateDto,
    @Idempotency() idempotency?: IdempotencyRequest,
  ): Promise<IncidentResponseDto> {
    return this.reports.addIncident(principal, corridorId, dto, idempotency);
  }
}
