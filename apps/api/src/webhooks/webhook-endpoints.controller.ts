import { Body, Controller, Delete, Get, Header, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Principal } from '#cw/accounts';
import { ListQueryDto } from '#cw/common';
import {
  WebhookDeliveryPageDto,
  WebhookDeliveryResponseDto,
  WebhookEndpointCreateDto,
  WebhookEndpointCreatedResponseDto,
  WebhookEndpointPageDto,
  WebhookEndpointResponseDto,
  WebhookEndpointService,
  WebhookEndpointUpdateDto,
  WebhookPayloadDto,
} from '#cw/webhooks';
import { Actor } from '../auth/access.decorators.js';
import { ApiConflictProblem, ApiProblems } from '../http/api-responses.decorator.js';
import { PROBLEM_CONTENT_TYPE, ProblemDto } from '../http/problem.js';
import { IdParam } from '../http/parse-id.pipe.js';

const UNSAFE_URL = {
  description:
    'The url is not one webhooks are sent to: http in production, credentials in it, or a host that does not resolve or resolves to a link-local, metadata, private or loopback address (the last two allowed by WEBHOOK_ALLOW_PRIVATE).',
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } },
};

@ApiTags('webhooks')
@ApiProblems()
@ApiExtraModels(WebhookPayloadDto)
@Controller('webhook-endpoints')
export class WebhookEndpointsController {
  constructor(private readonly endpoints: WebhookEndpointService) {}

  @Post()
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Registers an endpoint of the caller’s organisation',
    description: `Each event it asked for is POSTed to it as a WebhookPayloadDto (schema ${getSchemaPath(WebhookPayloadDto)}), signed per Standard Webhooks with the secret in this answer.`,
  })
  @ApiCreatedResponse({
    type: WebhookEndpointCreatedResponseDto,
    description: 'The secret is in `secret`, this once.',
  })
  @ApiUnprocessableEntityResponse(UNSAFE_URL)
  create(
    @Actor() principal: Principal,
    @Body() dto: WebhookEndpointCreateDto,
  ): Promise<WebhookEndpointCreatedResponseDto> {
    return this.endpoints.create(principal, dto);
  }

  @Get()
  @ApiOkResponse({
    type: WebhookEndpointPageDto,
    description: "The caller's organisation's; admins see all.",
  })
  list(@Actor() principal: Principal, @Query() query: ListQueryDto): Promise<WebhookEndpointPageDto> {
    return this.endpoints.list(principal, query.limit, query.cursor);
  }

  @Patch(':id')
  @ApiOkResponse({ type: WebhookEndpointResponseDto })
  @ApiUnprocessableEntityResponse(UNSAFE_URL)
  update(
    @Actor() principal: Principal,
    @IdParam('id', 'webhook endpoint') id: string,
    @Body() dto: WebhookEndpointUpdateDto,
  ): Promise<WebhookEndpointResponseDto> {
    return this.endpoints.update(principal, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Nothing more is sent to it; its delivery log goes with it.' })
  remove(@Actor() principal: Principal, @IdParam('id', 'webhook endpoint') id: string): Promise<void> {
    return this.endpoints.remove(principal, id);
  }

  @Get(':id/deliveries')
  @ApiOkResponse({ type: WebhookDeliveryPageDto, description: 'Newest first.' })
  deliveries(
    @Actor() principal: Principal,
    @IdParam('id', 'webhook endpoint') id: string,
    @Query() query: ListQueryDto,
  ): Promise<WebhookDeliveryPageDto> {
    return this.endpoints.deliveryLog(principal, id, query.limit, query.cursor);
  }

  @Post(':id/deliveries/:deliveryId/replay')
  @HttpCode(200)
  @ApiOkResponse({
    type: WebhookDeliveryResponseDto,
    description: 'Due at once, as a new round of attempts.',
  })
  @ApiConflictProblem('The endpoint is disabled, or an attempt of this delivery is on its way.')
  replay(
    @Actor() principal: Principal,
    @IdParam('id', 'webhook endpoint') id: string,
    @IdParam('deliveryId', 'webhook delivery') deliveryId: string,
  ): Promise<WebhookDeliveryResponseDto> {
    return this.endpoints.replay(principal, id, deliveryId);
  }
}
