import { Body, Controller, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  ConfirmationUpdateDto,
  EvacuationCreateDto,
  EvacuationUpdateDto,
  IncidentCreateDto,
  IncidentUpdateDto,
  RemainingCreateDto,
  RemainingUpdateDto,
  ReportCorrectionService,
  ReportService,
} from '#cw/reports';
import { Actor } from '../auth/access.decorators.js';
import { ApiCorrection, ApiCreate, ApiProblems } from '../http/api-responses.decorator.js';
import { Idempotency } from '../http/idempotency-key.decorator.js';
import { IdParam } from '../http/parse-id.pipe.js';

@ApiTags('reports')
@ApiProblems()
@Controller('corridors/:id')
export class CorridorReportsController {
  constructor(
    private readonly reports: ReportService,
    private readonly corrections: ReportCorrectionService,
  ) {}

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

  @Patch('confirmations/:reportId')
  @ApiCorrection()
  @ApiOperation({ summary: 'Correct a confirmation: the fields given, with the version read' })
  @ApiOkResponse({ type: ConfirmationResponseDto })
  correctConfirmation(
    @Actor() principal: Principal,
    @IdParam('id', 'corridor') corridorId: string,
    @IdParam('reportId', 'confirmation') reportId: string,
    @Body() dto: ConfirmationUpdateDto,
  ): Promise<ConfirmationResponseDto> {
    return this.corrections.correctConfirmation(principal, corridorId, reportId, dto);
  }

  @Patch('evacuations/:reportId')
  @ApiCorrection()
  @ApiOperation({ summary: 'Correct an evacuation report: the fields given, with the version read' })
  @ApiOkResponse({ type: EvacuationReportResponseDto })
  correctEvacuation(
    @Actor() principal: Principal,
    @IdParam('id', 'corridor') corridorId: string,
    @IdParam('reportId', 'evacuation report') reportId: string,
    @Body() dto: EvacuationUpdateDto,
  ): Promise<EvacuationReportResponseDto> {
    return this.corrections.correctEvacuation(principal, corridorId, reportId, dto);
  }

  @Patch('remaining/:reportId')
  @ApiCorrection()
  @ApiOperation({ summary: 'Correct a remaining-population report: the fields given, with the version read' })
  @ApiOkResponse({ type: RemainingReportResponseDto })
  correctRemaining(
    @Actor() principal: Principal,
    @IdParam('id', 'corridor') corridorId: string,
    @IdParam('reportId', 'remaining-population report') reportId: string,
    @Body() dto: RemainingUpdateDto,
  ): Promise<RemainingReportResponseDto> {
    return this.corrections.correctRemaining(principal, corridorId, reportId, dto);
  }

  @Patch('incidents/:reportId')
  @ApiCorrection()
  @ApiOperation({ summary: 'Correct an incident: the fields given, with the version read' })
  @ApiOkResponse({ type: IncidentResponseDto })
  correctIncident(
    @Actor() principal: Principal,
    @IdParam('id', 'corridor') corridorId: string,
    @IdParam('reportId', 'incident') reportId: string,
    @Body() dto: IncidentUpdateDto,
  ): Promise<IncidentResponseDto> {
    return this.corrections.correctIncident(principal, corridorId, reportId, dto);
  }
}
