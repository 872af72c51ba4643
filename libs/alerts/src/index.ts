export { AlertComposer, type ComposedMail } from './alert-composer.js';
export { AlertFanOutService, type FanOutOutcome } from './alert-fan-out.service.js';
export { AlertSenderService, type SendOutcome } from './alert-sender.service.js';
export { AlertsModule } from './alerts.module.js';
export { digestDayOf, nextDigestAt } from './digest-schedule.js';
export {
  DeliveryListQueryDto,
  DeliveryPageDto,
  DeliveryResponseDto,
  DELIVERY_STATUSES,
} from './dto/delivery-response.dto.js';
export { OutboxMessageDto, OutboxPageDto, OutboxQueryDto } from './dto/outbox-response.dto.js';
export { SubscriptionCreateDto, SUBSCRIPTION_MODES } from './dto/subscription-create.dto.js';
export { SubscriptionPageDto, SubscriptionResponseDto } from './dto/subscription-response.dto.js';
export { MailSendError, MailTransport } from './mail-transport.js';
export { OutboxFiles } from './outbox-files.js';
export { SubscriptionService, type UnsubscribeRecipient } from './subscription.service.js';
export { MAIL_WORDS, type MailWords } from './templates/mail-words.js';
export { appSecretOf, UnsubscribeTokens } from './unsubscribe-tokens.js';
