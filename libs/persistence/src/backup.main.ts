// `npm run backup [-- --to <file>]`: copies DATABASE_URL's database while the api and the worker run.
import { parseArgs } from 'node:util';
import { loadConfig } from '#cw/config';
import { BackupError, backupDatabase, defaultBackupFile } from './backup/database-backup.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { to: { type: 'string' } } });
  const { DATABASE_URL } = loadConfig();
  const started = Date.now();
  const { file, bytes } = await backupDatabase(
    DATABASE_URL,
    values.to ?? defaultBackupFile(DATABASE_URL, new Date()),
  );
  console.log(
    `backed up to ${file} (${(bytes / 1_048_576).toFixed(1)} MiB in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}

main().catch((error) => {
  console.error(error instanceof BackupError || error instanceof TypeError ? error.message : error);
  process.exit(1);
});
