export { AccountsModule } from './accounts.module.js';
export { ApiKeyService } from './api-key.service.js';
export { AuthService } from './auth.service.js';
export { ApiKeyCreateDto } from './dto/api-key-create.dto.js';
export { ApiKeyCreatedResponseDto, ApiKeyResponseDto } from './dto/api-key-response.dto.js';
export { InviteAcceptDto, InviteTokenDto } from './dto/invite-accept.dto.js';
export { InviteResponseDto, PasswordPolicyDto } from './dto/invite-response.dto.js';
export { LoginDto } from './dto/login.dto.js';
export { LoginResponseDto } from './dto/login-response.dto.js';
export {
  OrganisationCreateDto,
  OrganisationUpdateDto,
  OrganisationPageDto,
  OrganisationResponseDto,
} from './dto/organisation.dto.js';
export { UserCreateDto } from './dto/user-create.dto.js';
export { UserListQueryDto } from './dto/user-list-query.dto.js';
export { UserCreatedResponseDto, UserPageDto, UserResponseDto } from './dto/user-response.dto.js';
export { UserUpdateDto } from './dto/user-update.dto.js';
export { OrganisationService } from './organisation.service.js';
export { PASSWORD_MIN_LENGTH } from './password-policy.js';
export {
  hasRoleAtLeast,
  ROLES,
  SCOPES,
  viewerOf,
  type Principal,
  type Role,
  type Scope,
} from './principal.js';
export { constantTimeEqual, newSecret, sha256Hex } from './secret-token.js';
export { UserService } from './user.service.js';
