export { corridorAnnouncements } from './corridor-announcements.js';
export {
  toWebhookDeliveryResponse,
  WEBHOOK_DELIVERY_STATUSES,
  WebhookDeliveryPageDto,
  WebhookDeliveryResponseDto,
  type WebhookDeliveryStatus,
} from './dto/webhook-delivery-response.dto.js';
export { WebhookEndpointCreateDto } from './dto/webhook-endpoint-create.dto.js';
export {
  WebhookEndpointCreatedResponseDto,
  WebhookEndpointPageDto,
  WebhookEndpointResponseDto,
} from './dto/webhook-endpoint-response.dto.js';
export { WebhookEndpointUpdateDto } from './dto/webhook-endpoint-update.dto.js';
export {
  CorridorPromiseSettledDataDto,
  CorridorStatusChangedDataDto,
  FlagEventDataDto,
  WebhookPayloadDto,
} from './dto/webhook-payload.dto.js';
export { SecretBox } from './secret-box.js';
export {
  checkDestination,
  DestinationRefused,
  refusalOf,
  type DestinationPolicy,
} from './webhook-destination.js';
export { WebhookEndpointService } from './webhook-endpoint.service.js';
export { WebhookEventRecorder, type NewWebhookEvent } from './webhook-event-recorder.js';
export {
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_PAYLOAD_VERSION,
  type WebhookEventType,
} from './webhook-event-types.js';
export { WebhookEventsModule } from './webhook-events.module.js';
export { WebhookFanOutService, type StepOutcome } from './webhook-fan-out.service.js';
export { WebhookHttpClient, type WebhookResponse } from './webhook-http-client.js';
export {
  webhookBackoffStrategy,
  webhookDeliverJob,
  WebhookRetryLater,
  WEBHOOK_BACKOFF,
} from './webhook-jobs.js';
export { WebhookNoticeService } from './webhook-notice.service.js';
export { retryAfterMs, retryDelayMs, type RetryPolicy } from './webhook-retry.js';
export { WebhookSenderService, type DeliverOutcome } from './webhook-sender.service.js';
export { newSigningSecret, signatureOf } from './webhook-signature.js';
export { WebhookDeliveryModule } from './webhook-delivery.module.js';
export { WebhooksModule } from './webhooks.module.js';
