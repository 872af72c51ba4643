import { ApiProperty } from '@nestjs/swagger';
import type { UserEntity } from '#cw/persistence';
import { ROLES, type Role } from '../principal.js';

export class UserResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ enum: ROLES }) role: Role;
}

export function toUserResponse(user: UserEntity): UserResponseDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    organisationId: user.organisationId,
    role: user.role as Role,
  };
}
