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
  EvacuationSummaryQueryDto,
  TimelineDto,
  TimelineQueryDto,
  WindowCreateDto,
  WindowResponseDto,
  WindowUpdateDto,
} from '#cw/corridors';
import { AppError, AppErrorCode } from '#cw/common';
import { EmbargoLiftService } from '#cw/embargo';
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
    private readonly embargoes: EmbargoLiftService,
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

  @Post(':id/embargo/lift')
  @HttpCode(200)
  @ApiOkResponse({
    type: CorridorResponseDto,
    description: "The corridor, its embargo and its claims' lifted.",
  })
  @ApiConflictProblem('Nothing on this corridor is under embargo (never was, or already lifted).')
  async liftEmbargo(
    @Actor() principal: Principal,
    @IdParam('id', 'corridor') id: string,
  ): Promise<CorridorResponseDto> {
    await this.corridors.get(id, viewerOf(principal));
    // As a second cancel: the state asked for is already there (409), and nothing changes.
    if (!(await this.embargoes.liftCorridorNow(id, principal))) {
      throw new AppError(AppErrorCode.NothingUnderEmbargo, 'Nothing on this corridor is under embargo.');
    }
    return this.corridors.get(id, viewerOf(principal));
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
  evacuationSummary(
    @IdParam('id', 'corridor') id: string,
    @Query() query: EvacuationSummaryQueryDto,
  ): Promise<EvacuationSummaryDto> {
    return this.records.evacuationSummary(id, query.minGrade);
  }
}
