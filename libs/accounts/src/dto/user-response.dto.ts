import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageInfoDto } from '#cw/common';
import type { UserEntity } from '#cw/persistence';
import { ROLES, type Role } from '../principal.js';

export class UserResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ description: 'A disabled user cannot sign in, and their API keys are refused.' })
  disabled: boolean;
  @ApiProperty({ description: 'Invited and not yet signed up: no password is set.' }) invitePending: boolean;
}

export class UserCreatedResponseDto extends UserResponseDto {
  @ApiPropertyOptional({
    description:
      'Only when no password was given: a one-time link (valid 72 hours) for the user to set their password. ' +
      'Shown this once; only its hash is stored.',
  })
  inviteUrl?: string;
}

export class UserPageDto extends PageInfoDto {
  @ApiProperty({ type: [UserResponseDto] }) items: UserResponseDto[];
}

export function toUserResponse(user: UserEntity): UserResponseDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    organisationId: user.organisationId,
    role: user.role as Role,
    disabled: user.disabledAt !== null,
    invitePending: user.passwordHash === null,
  };
}
