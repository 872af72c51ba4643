import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { viewerOf, type Principal } from '#cw/accounts';
import { Actor } from '../auth/access.decorators.js';
import { ApiProblems } from '../http/api-responses.decorator.js';
import { DashboardDto, DashboardQueryDto, DashboardService } from '#cw/dashboard';

@ApiTags('dashboard')
@ApiProblems()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @ApiOperation({
    summary: 'What the console dashboard shows, in one answer',
    description:
      'Corridors open now; windows in the next 48 hours with each required party’s confirmation state; open ' +
      'flags by severity with the most severe; evacuation totals by day (ranges, never averaged) over the most ' +
      'recently announced corridors with reports. With `from` and `to` (at most 31 days), the same for that ' +
      'period: corridors and windows in it, the flags of those windows (open or resolved since), evacuations ' +
      'reported in it. `?from=2022-05-04T00:00&to=2022-05-06T00:00&timezone=Europe/Kyiv` is 4–5 May 2022 in Kyiv.',
  })
  @ApiOkResponse({ type: DashboardDto })
  read(@Actor() principal: Principal, @Query() query: DashboardQueryDto): Promise<DashboardDto> {
    return this.dashboard.read(viewerOf(principal), query);
  }
}
