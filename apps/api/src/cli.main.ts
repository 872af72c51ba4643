// `npm run cli -- <command>`: accounts on the server itself, without HTTP. Same configuration as the api.
//   create-organisation <name>
//   create-user --email <e-mail> --name <display name> --organisation <name or id> --role <role> [--password-stdin]
//   reset-password --email <e-mail> [--password-stdin]
// Without --password-stdin, users get a one-time link to set their own password; it is printed, never logged.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AccountsModule, OrganisationService, ROLES, UserService, type Role } from '#cw/accounts';
import { ClockModule } from '#cw/clock';
import { AppError } from '#cw/common';
import { ConfigError, ConfigModule } from '#cw/config';
import { PersistenceModule } from '#cw/persistence';

@Module({
  imports: [ConfigModule.forRoot(), ClockModule.forRoot(), PersistenceModule.forRoot(), AccountsModule],
})
class CliModule {}

const USAGE = `usage: npm run cli -- create-organisation <name>
       npm run cli -- create-user --email <e-mail> --name <display name> --organisation <name or id> --role <${ROLES.join('|')}> [--password-stdin]
       npm run cli -- reset-password --email <e-mail> [--password-stdin]`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class UsageError extends Error {}

async function readPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      organisation: { type: 'string' },
      role: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  if (!['create-organisation', 'create-user', 'reset-password'].includes(command ?? ''))
    throw new UsageError(USAGE);
  const password = values['password-stdin'] ? await readPassword() : null;

  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    const organisations = app.get(OrganisationService);
    const users = app.get(UserService);
    switch (command) {
      case 'create-organisation': {
        const name = positionals.join(' ').trim();
        if (!name) throw new UsageError(USAGE);
        const created = await organisations.create(null, name);
        console.log(`organisation "${created.name}" created: ${created.id}`);
        return;
      }
      case 'create-user': {
        const { email, name, organisation, role } = values;
        if (!email || !name || !organisation || !ROLES.includes(role as Role)) throw new UsageError(USAGE);
        const organisationId = UUID.test(organisation)
          ? organisation
          : (await organisations.findByName(organisation))?.id;
        if (!organisationId) throw new UsageError(`no organisation is named "${organisation}"`);
        const created = await users.create(null, {
          email,
          displayName: name,
          organisationId,
          role: role as Role,
          ...(password === null ? {} : { password }),
        });
        console.log(`user ${created.email} (${created.role}) created: ${created.id}`);
        console.log(
          created.inviteUrl ? `invitation link, valid 72 hours: ${created.inviteUrl}` : 'password set',
        );
        return;
      }
      case 'reset-password': {
        if (!values.email) throw new UsageError(USAGE);
        const { inviteUrl } = await users.resetPassword(values.email, password);
        console.log('every session of the user has ended');
        console.log(inviteUrl ? `link to set a new password, valid 72 hours: ${inviteUrl}` : 'password set');
        return;
      }
    }
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(
    error instanceof UsageError || error instanceof AppError || error instanceof ConfigError
      ? error.message
      : error,
  );
  process.exit(1);
});
