import { ConfigError, loadConfig } from '#cw/config';
import { createApiApp } from './api-app.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp();
  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((error: unknown) => {
  // A bad setting is one clear line, not a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
