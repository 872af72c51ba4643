import { Module } from '@nestjs/common';
import { ApiKeyService } from './api-key.service.js';
import { AuthService } from './auth.service.js';
import { PasswordHasher } from './password-hasher.js';

@Module({
  providers: [AuthService, ApiKeyService, PasswordHasher],
  exports: [AuthService, ApiKeyService],
})
export class AccountsModule {}
