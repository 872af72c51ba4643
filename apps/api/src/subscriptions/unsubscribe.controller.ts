import { Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import Handlebars from 'handlebars';
import { SubscriptionService } from '#cw/alerts';
import { AppError } from '#cw/common';

const PAGE = Handlebars.compile(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Unsubscribed - Corridor Watch</title></head>
<body style="font-family: sans-serif; max-width: 36em; margin: 2em auto; padding: 0 1em">
<h1>Unsubscribed</h1><p>{{email}} will receive no further Corridor Watch alerts from this subscription.</p>
</body></html>
`);

/**
 * The link in every alert e-mail, and the one-click POST mail providers send (RFC 8058). Public: the signed token
 * is the authority. Both are idempotent.
 */
@ApiTags('subscriptions')
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(private readonly subscriptions: SubscriptionService) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/html')
  @ApiQuery({ name: 'token', description: 'The signed token from the e-mail.' })
  @ApiOkResponse({ description: 'A page saying the subscription ended.' })
  async link(@Query('token') token?: string): Promise<string> {
    const { email } = await this.subscriptions.unsubscribe(tokenOf(token));
    return PAGE({ email });
  }

  @Post()
  @HttpCode(200)
  @ApiQuery({ name: 'token', description: 'The signed token from the List-Unsubscribe header.' })
  @ApiOkResponse({ description: 'The subscription ended.' })
  async oneClick(@Query('token') token?: string): Promise<{ unsubscribed: true }> {
    await this.subscriptions.unsubscribe(tokenOf(token));
    return { unsubscribed: true };
  }
}

function tokenOf(token: string | undefined): string {
  if (typeof token !== 'string' || token.length === 0 || token.length > 300) {
    throw AppError.notFound('subscription', 'in this link');
  }
  return token;
}
