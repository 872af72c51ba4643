/**
 * A request's URL as the log keeps it. Two links carry their secret in the URL itself: the unsubscribe link
 * (`?token=`, signed, good for years) and the invitation or password-reset page (`/invite/<token>`, which sets a
 * password); the log keeps the rest of the URL and replaces the secret.
 */
export function loggableUrl(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]').replace(/^(\/invite\/)[^/?#]+/i, '$1[redacted]');
}
