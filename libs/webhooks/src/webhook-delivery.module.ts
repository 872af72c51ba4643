import { Module } from '@nestjs/common';
import { AlertsModule } from '#cw/alerts';
import { AuditModule } from '#cw/audit';
import { WebhookEventsModule } from './webhook-events.module.js';
import { WebhookFanOutService } from './webhook-fan-out.service.js';
import { WebhookHttpClient } from './webhook-http-client.js';
import { WebhookNoticeService } from './webhook-notice.service.js';
import { WebhookSenderService } from './webhook-sender.service.js';

/** Webhooks for the worker: events fanned out, deliveries sent, disabled endpoints' organisations told. */
@Module({
  imports: [AuditModule, AlertsModule, WebhookEventsModule],
  providers: [WebhookFanOutService, WebhookSenderService, WebhookHttpClient, WebhookNoticeService],
  exports: [WebhookFanOutService, WebhookSenderService, WebhookNoticeService],
})
export class WebhookDeliveryModule {}
