import type { LoggerOptions } from 'pino';
import type { AppConfig } from '#cw/config';

/** One pino configuration for Fastify's request logger and Nest's application logger. */
export function logOptions(config: AppConfig): LoggerOptions {
  return {
    level: config.LOG_LEVEL,
    base: { service: 'api' },
    // Secrets never reach a log line, whatever object a log call is given.
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        'password',
        'token',
        'key',
        'inviteUrl',
        '*.password',
        '*.token',
        '*.key',
        '*.inviteUrl',
        '*.passwordHash',
        '*.keyHash',
        '*.tokenHash',
      ],
      censor: '[redacted]',
    },
  };
}
