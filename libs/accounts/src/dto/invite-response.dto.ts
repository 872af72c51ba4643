import { ApiProperty } from '@nestjs/swagger';
import type { UserEntity } from '#cw/persistence';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-policy.js';

/** The rules a new password must meet, so a form can say them before the server refuses one. */
export class PasswordPolicyDto {
  @ApiProperty({ type: 'integer', example: PASSWORD_MIN_LENGTH }) minLength: number;
  @ApiProperty({ type: 'integer', example: PASSWORD_MAX_LENGTH }) maxLength: number;
}

export class InviteResponseDto {
  @ApiProperty({ description: 'The account the link is for: it signs in with this address.' }) email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ format: 'date-time', description: 'The link works until then, once.' }) expiresAt: string;
  @ApiProperty({ type: PasswordPolicyDto }) passwordPolicy: PasswordPolicyDto;
}

export const PASSWORD_POLICY: PasswordPolicyDto = {
  minLength: PASSWORD_MIN_LENGTH,
  maxLength: PASSWORD_MAX_LENGTH,
};

export function toInviteResponse(user: UserEntity): InviteResponseDto {
  return {
    email: user.email,
    displayName: user.displayName,
    expiresAt: (user.inviteExpiresAt as Date).toISOString(),
    passwordPolicy: PASSWORD_POLICY,
  };
}
