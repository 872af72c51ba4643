export const SESSION_COOKIE = 'cw_session';
/** Cookie-signed-in writes must carry this header: a cross-site form cannot set it. */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'corridor-watch';
