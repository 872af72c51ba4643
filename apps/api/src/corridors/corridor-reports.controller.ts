import { Body, Controller, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '#cw/accounts';
import type { IdempotencyRequest } from '#cw/idempotency';
import {
  ConfirmationCreateDto,
  ConfirmationResponseDto,
  EvacuationReportResponseDto,
  IncidentResponseDto,
  RemainingReportResponseDto,
  REPORT_KIND_NAMES,
  ConfirmationUpdateDto,
  EvacuationCreateDto,
  EvacuationUpdateDto,
  IncidentCreateDto,
  IncidentUpdateDto,
  RemainingCreateDto,
  RemainingUpdateDto,
  ReportCorrectionService,
  ReportRetractDto,
  ReportService,
  RetractionResponseDto,
} from '#cw/reports';
import { Actor } from '../auth/access.decorators.js';
import {
  ApiConflictProblem,
  ApiCorrection,
  ApiCreate,
  ApiProblems,
} from '../http/api-responses.decorator.js';
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
    return this.reports.add('confirmation', principal, corridorId, dto, idempotency);
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
    return this.reports.add('evacuation', principal, corridorId, dto, idempotency);
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
    return this.reports.add('remaining', principal, corridorId, dto, idempotency);
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
    return this.reports.add('incident', principal, corridorId, dto, idempotency);
  }

  @Patch('confirmations/:reportId')
  @ApiCorrection()
  @ApiOperation({ summary: 'Correct a confirmation: the fields given, with the version read' })
  @ApiOkResponse({ type: ConfirmationResponseDto })
  correctConfirmation(
    @Actor() principal: Principal,
    @IdParam('id', 'corridor') corridorId: string,
    @IdParam('reportId', REPORT_KIND_NAMES.confirmation) reportId: string,
    @Body() dto: ConfirmationUpdateDto,
  ): Promise<ConfirmationResponseDto> {
    return this.corrections.correct('confirmation', principal, corridorId, reportId, dto);
  }

  @Patch('evacuations/:reportId')
  @ApiCorrection()
  @ApiOperation({ summary: 'Correct an evacuation report: the fields given, with the version read' })
  @ApiOkResponse({ type: EvacuationReportResponseDto })
  correctEvacuation(
    @Actor() principal: Principal,
    @IdParam('id', 'corridor') corridorId: string,
    @IdParam('reportId', REPORT_KIND_NAMES.evacuation) reportId: string,
    @Body() dto: EvacuationUpdateDto,
  ): Promise<EvacuationReportResponseDto> {
    return this.corrections.correct('evacuation', principal, corridorId, reportId, dto);
  }

  @Patch('remaining/:reportId')
  @ApiCorrection()
  @ApiOperation({ summary: 'Correct a remaining-population report: the fields given, with the version read' })
  @ApiOkResponse({ type: RemainingReportResponseDto })
  correctRemaining(
    @Actor() principal: Principal,
    @IdParam('id', 'corridor') corridorId: string,
    @IdParam('reportId', REPORT_KIND_NAMES.remaining) reportId: string,
    @Body() dto: RemainingUpdateDto,
  ): Promise<RemainingReportResponseDto> {
    return this.corrections.correct('remaining', principal, corridorId, reportId, dto);
  }

  @Patch('incidents/:reportId')
  @ApiCorrection()
  @ApiOperation({ summary: 'Correct an incident: the fields given, with the version read' })
  @ApiOkResponse({ type: IncidentResponseDto })
  correctIncident(
    @Actor() principal: Principal,
    @IdParam('id', 'corridor') corridorId: string,
    @IdParam('reportId', REPORT_KIND_NAMES.incident) reportId: string,
    @Body() dto: IncidentUpdateDto,
  ): Promise<IncidentResponseDto> {
    return this.corrections.correct('incident', principal, corridorId, reportId, dto);
  }

  @Post('confirmations/:reportId/retract')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retract a confirmation that should never have stood; its audit entry keeps it' })
  @ApiConflictProblem('The version sent is not the stored one.')
  @ApiOkResponse({ type: RetractionResponseDto })
  retractConfirmation(
    @Actor() principal: Principal,
    @IdParam('id', 'corridor') corridorId: string,
    @IdParam('reportId', REPORT_KIND_NAMES.confirmation) reportId: string,
    @Body() dto: ReportRetractDto,
  ): Promise<RetractionResponseDto> {
    return this.corrections.retract(principal, 'confirmation', corridorId, reportId, dto);
  }

  @Post('evacuations/:reportId/retract')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Retract an evacuation report that should never have stood; its audit entry keeps it',
  })
  @ApiConflictProblem('The version sent is not the stored one.')
  @ApiOkResponse({ type: RetractionResponseDto })
  retractEvacuation(
    @Actor() principal: Principal,
    @IdParam('id', 'corridor') corridorId: string,
    @IdParam('reportId', REPORT_KIND_NAMES.evacuation) reportId: string,
    @Body() dto: ReportRetractDto,
  ): Promise<RetractionResponseDto> {
    return this.corrections.retract(principal, 'evacuation', corridorId, reportId, dto);
  }

  @Post('remaining/:reportId/retract')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Retract a remaining-population report that should never have stood; its audit entry keeps it',
  })
  @ApiConflictProblem('The version sent is not the stored one.')
  @ApiOkResponse({ type: RetractionResponseDto })
  retractRemaining(
    @Actor() principal: Principal,
    @IdParam('id', 'corridor') corridorId: string,
    @IdParam('reportId', REPORT_KIND_NAMES.remaining) reportId: string,
    @Body() dto: ReportRetractDto,
  ): Promise<RetractionResponseDto> {
    return this.corrections.retract(principal, 'remaining', corridorId, reportId, dto);
  }

  @Post('incidents/:reportId/retract')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retract an incident that should never have stood; its audit entry keeps it' })
  @ApiConflictProblem('The version sent is not the stored one.')
  @ApiOkResponse({ type: RetractionResponseDto })
  retractIncident(
    @Actor() principal: Principal,
    @IdParam('id', 'corridor') corridorId: string,
    @IdParam('reportId', REPORT_KIND_NAMES.incident) reportId: string,
    @Body() dto: ReportRetractDto,
  ): Promise<RetractionResponseDto> {
    return this.corrections.retract(principal, 'incident', corridorId, reportId, dto);
  }
}
