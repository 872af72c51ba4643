import type { LoggerOptions } from 'pino';
import type { AppConfig } from '#cw/config';

/** One pino configuration for Fastify's request logger and Nest's application logger. */
export function logOptions(config: AppConfig): LoggerOptions {
  return {
    level: config.LOG_LEVEL,
    base: { service: 'api' },
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
  };
}
