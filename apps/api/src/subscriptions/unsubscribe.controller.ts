import { Controller, Get, Header, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import Handlebars from 'handlebars';
import { MAIL_WORDS, SubscriptionService, type UnsubscribeRecipient } from '#cw/alerts';
import { AppError } from '#cw/common';

const LAYOUT = (body: string) => `<!doctype html>
<html lang="{{lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} - Corridor Watch</title></head>
<body style="font-family: sans-serif; max-width: 36em; margin: 2em auto; padding: 0 1em">
${body}
</body></html>
`;

const CONFIRM_PAGE = Handlebars.compile(
  LAYOUT(`<h1>{{question}}</h1><p>{{noMore}}</p>
<form method="post" action="?token={{token}}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit" style="font-size: 1.1em; padding: 0.6em 1.2em">{{button}}</button>
</form>`),
);

const DONE_PAGE = Handlebars.compile(LAYOUT('<h1>{{title}}</h1><p>{{noMore}}</p>'));

/** The page's words in the subscriber's language. */
function pageWords({ email, language }: UnsubscribeRecipient) {
  const words = MAIL_WORDS[language].unsubscribePage;
  return { lang: language, noMore: words.noMore(email), words };
}

/**
 * The link in every alert e-mail, and the one-click POST mail providers send (RFC 8058). Public: the signed token
 * is the authority. Opening the link only asks: scanners and previews open links in e-mails, and a coordinator
 * must not lose critical alerts to one. The POST, from that page's button or from the mail provider, unsubscribes;
 * it is idempotent.
 */
@ApiTags('subscriptions')
@ApiNotFoundResponse({ description: 'The link is not valid, or its subscription is gone.' })
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(private readonly subscriptions: SubscriptionService) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/html')
  @ApiQuery({ name: 'token', type: String, description: 'The signed token from the e-mail.' })
  @ApiOkResponse({
    description: 'A page asking to confirm, with a button that sends the POST.',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  async link(@Query('token') token?: string): Promise<string> {
    const valid = tokenOf(token);
    const { lang, noMore, words } = pageWords(await this.subscriptions.recipientOf(valid));
    return CONFIRM_PAGE({
      lang,
      noMore,
      token: valid,
      title: words.title,
      question: words.question,
      button: words.title,
    });
  }

  @Post()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiQuery({
    name: 'token',
    type: String,
    description: 'The signed token from the List-Unsubscribe header.',
  })
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({
    description: 'The subscription ended: a page for a browser, JSON otherwise.',
    content: {
      'application/json': {
        schema: {
          type: 'object',
          properties: { unsubscribed: { type: 'boolean', enum: [true] } },
          required: ['unsubscribed'],
        },
      },
      'text/html': { schema: { type: 'string' } },
    },
  })
  async oneClick(
    @Query('token') token: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ unsubscribed: true } | string> {
    const recipient = await this.subscriptions.unsubscribe(tokenOf(token));
    if (!accept?.includes('text/html')) return { unsubscribed: true };
    void reply.type('text/html; charset=utf-8');
    const { lang, noMore, words } = pageWords(recipient);
    return DONE_PAGE({ lang, noMore, title: words.doneTitle });
  }
}

function tokenOf(token: string | undefined): string {
  if (typeof token !== 'string' || token.length === 0 || token.length > 300) {
    throw AppError.notFound('subscription', 'in this link');
  }
  return token;
}
