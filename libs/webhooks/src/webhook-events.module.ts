import { Module } from '@nestjs/common';
import { WebhookEventRecorder } from './webhook-event-recorder.js';

/** What the write paths need of webhooks (reports): recording an event in their transaction. */
@Module({ providers: [WebhookEventRecorder], exports: [WebhookEventRecorder] })
export class WebhookEventsModule {}
