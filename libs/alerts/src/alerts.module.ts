import { Module } from '@nestjs/common';
import { AuditModule } from '#cw/audit';
import { IdempotencyModule } from '#cw/idempotency';
import { AlertComposer } from './alert-composer.js';
import { AlertFanOutService } from './alert-fan-out.service.js';
import { AlertSenderService } from './alert-sender.service.js';
import { MailTransport } from './mail-transport.js';
import { OutboxFiles } from './outbox-files.js';
import { SubscriptionService } from './subscription.service.js';
import { UnsubscribeTokens } from './unsubscribe-tokens.js';

const PROVIDERS = [
  AlertComposer,
  AlertFanOutService,
  AlertSenderService,
  MailTransport,
  OutboxFiles,
  SubscriptionService,
  UnsubscribeTokens,
];

/** Alert e-mails: subscriptions and the outbox for the api; fan-out and sending for the worker. */
@Module({ imports: [IdempotencyModule, AuditModule], providers: PROVIDERS, exports: PROVIDERS })
export class AlertsModule {}
