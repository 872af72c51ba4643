/** The events an endpoint may ask for, as API.md names them. */
export const WEBHOOK_EVENT_TYPES = [
  'flag.raised',
  'flag.resolved',
  'corridor.status_changed',
  'corridor.promise_settled',
  'evacuation.reported',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * The payload's schema version. Within a version fields are only ever added; a change that removes or renames one
 * is a new version.
 */
export const WEBHOOK_PAYLOAD_VERSION = 1;
