import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/api-responses.decorator.js';
import { DashboardDto, DashboardService } from '#cw/dashboard';

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
      'recently announced corridors with reports.',
  })
  @ApiOkResponse({ type: DashboardDto })
  read(): Promise<DashboardDto> {
    return this.dashboard.read();
  }
}
