import type { FastifyRequest } from 'fastify';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from './session-cookie.js';

/**
 * Which site a browser sent a request from, as the headers no page can forge say: `Sec-Fetch-Site`, and where it is
 * not sent (older browsers, plain http on a field network) `Origin`, which browsers send on every non-GET request.
 * Our x-requested-with header counts as this site: a cross-site page cannot send it without a CORS preflight.
 * `unknown`: neither header, so not a browser (a script, curl).
 *
 * `alsoTrusted`: origins besides this one (PUBLIC_URL's, or the address the request was sent to) whose pages may
 * send it, such as CORS_ORIGINS. A sibling subdomain (`same-site`) and a page that hides its origin (`null`) are
 * other sites.
 */
export function siteOf(
  request: FastifyRequest,
  publicOrigin: string,
  alsoTrusted: readonly string[] = [],
): 'this-site' | 'other-site' | 'unknown' {
  if (request.headers[CSRF_HEADER] === CSRF_HEADER_VALUE) return 'this-site';
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  const isAlsoTrusted = origin !== undefined && alsoTrusted.includes(origin);
  if (site !== undefined) return site === 'same-origin' || isAlsoTrusted ? 'this-site' : 'other-site';
  if (origin === undefined) return 'unknown';
  const isThisOrigin = origin === publicOrigin || origin === `${request.protocol}://${request.host}`;
  return isThisOrigin || isAlsoTrusted ? 'this-site' : 'other-site';
}
