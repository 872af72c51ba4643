// `npm run restore -- <backup file> [--replace]`: restores a backup of `npm run backup` into DATABASE_URL.
import { parseArgs } from 'node:util';
import { loadConfig } from '#cw/config';
import { BackupError, restoreDatabase } from './backup/database-backup.js';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { replace: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new BackupError('usage: npm run restore -- <backup file> [--replace]');
  const { DATABASE_URL } = loadConfig();
  const { rows } = await restoreDatabase(DATABASE_URL, positionals[0], { replace: values.replace });
  const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
  console.log(`restored ${Object.keys(rows).length} tables, ${total} rows:`);
  for (const [table, n] of Object.entries(rows)) console.log(`  ${table}: ${n}`);
}

main().catch((error) => {
  console.error(error instanceof BackupError || error instanceof TypeError ? error.message : error);
  process.exit(1);
});
