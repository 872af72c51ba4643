/**
 * A request's URL as the log keeps it. Three links carry their secret in the URL itself: the unsubscribe link
 * (`?token=`, signed, good for years), the invitation or password-reset page (`/invite/<token>`, which sets a
 * password) and a calendar feed (`/api/v1/feeds/<token>/windows.ics`, which reads windows); the log keeps the
 * rest of the URL and replaces the secret.
 */
export function loggableUrl(url: string): string {
  return url
    .replace(/([?&]token=)[^&#]*/gi, '$1[redacted]')
    .replace(/^(\/invite\/)[^/?#]+/i, '$1[redacted]')
    .replace(/^(\/api\/v1\/feeds\/)[^/?#]+(?=\/windows\.ics)/i, '$1[redacted]');
}
