/**
 * The session cookie's name. Over https it carries the __Host- prefix, which browsers accept only from the
 * host itself (Secure, Path=/, no Domain): a sibling subdomain cannot plant a session of its choosing.
 */
export function sessionCookieName(publicUrl: string): string {
  return publicUrl.startsWith('https://') ? '__Host-cw_session' : 'cw_session';
}
/** Cookie-signed-in writes must carry this header: a cross-site form cannot set it. */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'corridor-watch';
