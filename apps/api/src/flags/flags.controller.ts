import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '#cw/accounts';
import {
  FlagAcknowledgedDto,
  FlagAcknowledgeDto,
  FlagAcknowledgeManyDto,
  FlagListQueryDto,
  FlagPageDto,
  FlagResponseDto,
  FlagService,
  TrackRecordDto,
  TrackRecordService,
} from '#cw/flags';
import { Actor } from '../auth/access.decorators.js';
import { ApiProblems, ApiUnprocessableProblem } from '../http/api-responses.decorator.js';
import { IdParam } from '../http/parse-id.pipe.js';

@ApiTags('flags')
@ApiProblems()
@Controller('flags')
export class FlagsController {
  constructor(private readonly flags: FlagService) {}

  @Get()
  @ApiOkResponse({ type: FlagPageDto })
  list(@Actor() principal: Principal, @Query() query: FlagListQueryDto): Promise<FlagPageDto> {
    return this.flags.list(principal, query);
  }

  @Post('acknowledge')
  @HttpCode(200)
  @ApiOkResponse({
    type: FlagAcknowledgedDto,
    description:
      'The flags, in the order asked, all acknowledged in one transaction; one acknowledged before keeps its first acknowledgement.',
  })
  @ApiUnprocessableProblem(
    'An id names no flag this account may see (`errors` names it): none is acknowledged.',
  )
  acknowledgeMany(
    @Actor() principal: Principal,
    @Body() dto: FlagAcknowledgeManyDto,
  ): Promise<FlagAcknowledgedDto> {
    return this.flags.acknowledgeMany(principal, dto);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiOkResponse({ type: FlagResponseDto, description: 'The flag; acknowledging twice keeps the first.' })
  acknowledge(
    @Actor() principal: Principal,
    @IdParam('id', 'flag') id: string,
    @Body() dto: FlagAcknowledgeDto,
  ): Promise<FlagResponseDto> {
    return this.flags.acknowledge(principal, id, dto);
  }
}

@ApiTags('parties')
@ApiProblems()
@Controller('parties')
export class TrackRecordController {
  constructor(private readonly trackRecords: TrackRecordService) {}

  @Get(':id/track-record')
  @ApiOkResponse({ type: TrackRecordDto })
  trackRecord(@IdParam('id', 'party') id: string): Promise<TrackRecordDto> {
    return this.trackRecords.of(id);
  }
}
