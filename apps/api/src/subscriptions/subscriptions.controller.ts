import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '#cw/accounts';
import {
  SubscriptionCreateDto,
  SubscriptionPageDto,
  SubscriptionResponseDto,
  SubscriptionService,
} from '#cw/alerts';
import { ListQueryDto } from '#cw/common';
import type { IdempotencyRequest } from '#cw/idempotency';
import { Actor } from '../auth/access.decorators.js';
import { ApiCreate, ApiProblems } from '../http/api-responses.decorator.js';
import { Idempotency } from '../http/idempotency-key.decorator.js';
import { IdParam } from '../http/parse-id.pipe.js';

@ApiTags('subscriptions')
@ApiProblems()
@Controller('subscriptions')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionService) {}

  @Post()
  @ApiCreate()
  @ApiCreatedResponse({ type: SubscriptionResponseDto })
  create(
    @Actor() principal: Principal,
    @Body() dto: SubscriptionCreateDto,
    @Idempotency() idempotency?: IdempotencyRequest,
  ): Promise<SubscriptionResponseDto> {
    return this.subscriptions.create(principal, dto, idempotency);
  }

  @Get()
  @ApiOkResponse({ type: SubscriptionPageDto, description: "The caller's organisation's; admins see all." })
  list(@Actor() principal: Principal, @Query() query: ListQueryDto): Promise<SubscriptionPageDto> {
    return this.subscriptions.list(principal, query.limit, query.cursor);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'No further e-mail; e-mails already sent stay in the delivery list.' })
  async remove(@Actor() principal: Principal, @IdParam('id', 'subscription') id: string): Promise<void> {
    await this.subscriptions.remove(principal, id);
  }
}
