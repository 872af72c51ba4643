import { Module } from '@nestjs/common';
import { AuditModule } from '#cw/audit';
import { ApiKeyPrincipalCache } from './api-key-principal-cache.js';
import { ApiKeyService } from './api-key.service.js';
import { AuthService } from './auth.service.js';
import { OrganisationService } from './organisation.service.js';
import { PasswordHasher } from './password-hasher.js';
import { UserService } from './user.service.js';

@Module({
  imports: [AuditModule],
  providers: [
    AuthService,
    ApiKeyService,
    UserService,
    OrganisationService,
    PasswordHasher,
    ApiKeyPrincipalCache,
  ],
  exports: [AuthService, ApiKeyService, UserService, OrganisationService],
})
export class AccountsModule {}
