import { Module } from '@nestjs/common';
import { AuditModule } from '#cw/audit';
import { WebhookDeliveryQueue } from './webhook-delivery-queue.js';
import { WebhookEndpointService } from './webhook-endpoint.service.js';
import { WebhookEventsModule } from './webhook-events.module.js';

/** Webhooks: endpoints and their delivery log for the api. */
@Module({
  imports: [AuditModule, WebhookEventsModule],
  providers: [WebhookEndpointService, WebhookDeliveryQueue],
  exports: [WebhookEndpointService, WebhookEventsModule],
})
export class WebhooksModule {}
