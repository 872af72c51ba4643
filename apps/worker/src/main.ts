import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { pino } from 'pino';
import { ConfigError, loadConfig } from '#cw/config';
import { PinoNestLogger } from '#cw/logging';
import { WorkerModule } from './worker.module.js';

async function main(): Promise<void> {
  const config = loadConfig();
  // The logger from the start, not buffered until start-up ends: a worker waiting for Redis says so meanwhile.
  const logger = new PinoNestLogger(pino({ level: config.LOG_LEVEL, base: { service: 'worker' } }));
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(), { logger });
  // Graceful stop: the workers finish (or, for a sweep, cut short between batches) the job in hand and take no
  // other; then the connections close and the process exits 0. A second signal does not wait.
  let isStopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (isStopping) process.exit(1);
    isStopping = true;
    logger.log(`${signal}: stopping after the job in hand`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await app.init();
  logger.log('worker started');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
