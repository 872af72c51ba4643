import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { viewerOf, type Principal } from '#cw/accounts';
import {
  CorridorCancelDto,
  CorridorCreateDto,
  CorridorListQueryDto,
  CorridorPageDto,
  CorridorRecordService,
  CorridorResponseDto,
  CorridorService,
  CorridorUpdateDto,
  EvacuationSummaryDto,
  TimelineDto,
  TimelineQueryDto,
  WindowCreateDto,
  WindowResponseDto,
  WindowUpdateDto,
} from '#cw/corridors';
import type { IdempotencyRequest } from '#cw/idempotency';
import { Actor } from '../auth/access.decorators.js';
import {
  ApiConflictProblem,
  ApiCreate,
  ApiProblems,
  ApiUnprocessableProblem,
} from '../http/api-responses.decorator.js';
import { Idempotency } from '../http/idempotency-key.decorator.js';
import { IdParam } from '../http/parse-id.pipe.js';

@ApiTags('corridors')
@ApiProblems()
@Controller('corridors')
export class CorridorsController {
  constructor(
    private readonly corridors: CorridorService,
    private readonly records: CorridorRecordService,
  ) {}

  @Post()
  @ApiCreate()
  @ApiCreatedResponse({ type: CorridorResponseDto })
  create(
    @Actor() principal: Principal,
    @Body() dto: CorridorCreateDto,
    @Idempotency() idempotency?: IdempotencyRequest,
  ): Promise<CorridorResponseDto> {
    return this.corridors.create(principal, dto, idempotency);
  }

  @Get()
  @ApiOkResponse({ type: CorridorPageDto })
  list(@Actor() principal: Principal, @Query() query: CorridorListQueryDto): Promise<CorridorPageDto> {
    return this.corridors.list(principal, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CorridorResponseDto })
  get(@Actor() principal: Principal, @IdParam('id', 'corridor') id: string): Promise<CorridorResponseDto> {
    return this.corridors.get(id, viewerOf(principal));
  }

  @Patch(':id')
  @ApiOkResponse({ type: CorridorResponseDto })
  @ApiConflictProblem('The version sent is not the stored one.')
  @ApiUnprocessableProblem(
    'The body names a party or a place (origin, destination, stop) that does not exist.',
  )
  update(
    @Actor() principal: Principal,
    @IdParam('id', 'corridor') id: string,
    @Body() dto: CorridorUpdateDto,
  ): Promise<CorridorResponseDto> {
    return this.corridors.update(principal, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: CorridorResponseDto })
  @ApiConflictProblem('Already cancelled.')
  cancel(
    @Actor() principal: Principal,
    @IdParam('id', 'corridor') id: string,
    @Body() dto: CorridorCancelDto,
  ): Promise<CorridorResponseDto> {
    return this.corridors.cancel(principal, id, dto);
  }

  @Post(':id/windows')
  @ApiCreate()
  @ApiCreatedResponse({ type: WindowResponseDto })
  addWindow(
    @Actor() principal: Principal,
    @IdParam('id', 'corridor') id: string,
    @Body() dto: WindowCreateDto,
    @Idempotency() idempotency?: IdempotencyRequest,
  ): Promise<WindowResponseDto> {
    return this.corridors.addWindow(principal, id, dto, idempotency);
  }

  @Patch(':id/windows/:windowId')
  @ApiOkResponse({ type: WindowResponseDto })
  @ApiConflictProblem('The version sent is not the stored one.')
  updateWindow(
    @Actor() principal: Principal,
    @IdParam('id', 'corridor') id: string,
    @IdParam('windowId', 'window') windowId: string,
    @Body() dto: WindowUpdateDto,
  ): Promise<WindowResponseDto> {
    return this.corridors.updateWindow(principal, id, windowId, dto);
  }

  @Get(':id/timeline')
  @ApiOkResponse({ type: TimelineDto })
  async timeline(
    @Actor() principal: Principal,
    @IdParam('id', 'corridor') id: string,
    @Query() query: TimelineQueryDto,
  ): Promise<TimelineDto> {
    const page = await this.records.timeline(id, viewerOf(principal), query);
    const next = page.nextCursor
      ? `/api/v1/corridors/${id}/timeline?${new URLSearchParams({ limit: String(query.limit), cursor: page.nextCursor })}`
      : null;
    return { ...page, next };
  }

  @Get(':id/evacuations/summary')
  @ApiOkResponse({ type: EvacuationSummaryDto })
  evacuationSummary(@IdParam('id', 'corridor') id: string): Promise<EvacuationSummaryDto> {
    return this.records.evacuationSummary(id);
  }
}
