import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Principal } from '#cw/accounts';
import {
  DeliveryListQueryDto,
  DeliveryPageDto,
  MailTransport,
  OutboxFiles,
  OutboxPageDto,
  OutboxQueryDto,
  SubscriptionService,
} from '#cw/alerts';
import { AppError } from '#cw/common';
import { Actor } from '../auth/access.decorators.js';
import { ApiProblems } from '../http/api-responses.decorator.js';

/** The local mail folder (no SMTP server configured) for the console's outbox page. */
@ApiTags('outbox')
@ApiProblems()
@Controller('outbox')
export class OutboxController {
  constructor(
    private readonly files: OutboxFiles,
    private readonly transport: MailTransport,
  ) {}

  @Get()
  @ApiOkResponse({ type: OutboxPageDto, description: 'E-mails written to OUTBOX_DIR, newest first.' })
  async list(@Query() query: OutboxQueryDto): Promise<OutboxPageDto> {
    const page = await this.files.list(query.limit, query.offset);
    return {
      isSmtp: this.transport.isSmtp,
      total: page.total,
      items: page.items.map((item) => ({ ...item, writtenAt: item.writtenAt.toISOString() })),
    };
  }

  @Get(':name')
  @Header('Content-Type', 'message/rfc822')
  @ApiProduces('message/rfc822')
  @ApiOkResponse({
    description: 'The e-mail as written (.eml).',
    content: { 'message/rfc822': { schema: { type: 'string' } } },
  })
  async read(@Param('name') name: string): Promise<StreamableFile> {
    const message = await this.files.read(name);
    if (!message) throw AppError.notFound('outbox message', name);
    return new StreamableFile(message);
  }
}

/** Every alert e-mail with its status: what waits, what was sent, what failed for good and why. */
@ApiTags('outbox')
@ApiProblems()
@Controller('deliveries')
export class DeliveriesController {
  constructor(private readonly subscriptions: SubscriptionService) {}

  @Get()
  @ApiOkResponse({ type: DeliveryPageDto, description: "The caller's organisation's; admins see all." })
  list(@Actor() principal: Principal, @Query() query: DeliveryListQueryDto): Promise<DeliveryPageDto> {
    return this.subscriptions.deliveries(principal, query);
  }
}
