import { Module } from '@nestjs/common';
import { ApiKeyPrincipalCache } from './api-key-principal-cache.js';
import { ApiKeyService } from './api-key.service.js';
import { AuthService } from './auth.service.js';
import { PasswordHasher } from './password-hasher.js';

@Module({
  providers: [AuthService, ApiKeyService, PasswordHasher, ApiKeyPrincipalCache],
  exports: [AuthService, ApiKeyService],
})
export class AccountsModule {}
