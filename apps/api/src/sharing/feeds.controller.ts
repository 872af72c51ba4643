import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '#cw/accounts';
import { AppError, AppErrorCode } from '#cw/common';
import {
  FEED_TOKEN_PREFIX,
  FeedCreateDto,
  FeedCreatedResponseDto,
  FeedPageDto,
  FeedService,
} from '#cw/sharing';
import { Actor } from '../auth/access.decorators.js';
import { ApiProblems } from '../http/api-responses.decorator.js';
import { IdParam } from '../http/parse-id.pipe.js';
import { ApiFile, streamed } from './shared-file.js';

const TOKEN = new RegExp(`^${FEED_TOKEN_PREFIX}[\\w-]{43}$`);

@ApiTags('feeds')
@ApiProblems()
@Controller('feeds')
export class FeedsController {
  constructor(private readonly feeds: FeedService) {}

  @Post()
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'A private iCalendar feed of the windows of the corridors a filter selects' })
  @ApiCreatedResponse({
    type: FeedCreatedResponseDto,
    description: 'The feed address is in `url`, this once.',
  })
  create(@Actor() principal: Principal, @Body() dto: FeedCreateDto): Promise<FeedCreatedResponseDto> {
    return this.feeds.create(principal, dto);
  }

  @Get()
  @ApiOperation({ summary: "The caller's own feeds, without their addresses" })
  @ApiOkResponse({ type: FeedPageDto })
  list(@Actor() principal: Principal): Promise<FeedPageDto> {
    return this.feeds.listOwn(principal);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked: its address answers 404 from now on.' })
  revoke(@Actor() principal: Principal, @IdParam('id', 'feed') id: string): Promise<void> {
    return this.feeds.revoke(principal, id);
  }

  @Get(':token/windows.ics')
  @ApiOperation({
    summary:
      'The feed itself (RFC 5545): what a calendar application subscribes to; the token is the only key',
  })
  // The token is a credential: no shared cache may keep the answer; the subscriber's own may, a few minutes.
  @Header('cache-control', 'private, max-age=300')
  @Header('x-robots-tag', 'noindex')
  @ApiFile(
    'text/calendar',
    'One VEVENT per window, times in UTC, the corridor zone named in the description.',
  )
  async calendar(@Param('token') token: string): Promise<StreamableFile> {
    if (!TOKEN.test(token))
      throw new AppError(AppErrorCode.NotFound, 'No feed has this address, or it was revoked.');
    return streamed(await this.feeds.calendar(token), 'inline');
  }
}
