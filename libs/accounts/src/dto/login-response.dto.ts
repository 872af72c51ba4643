import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UserResponseDto } from './user-response.dto.js';

export class LoginResponseDto {
  @ApiPropertyOptional({
    description:
      'Send as `Authorization: Bearer <token>`. Absent when the sign-in asked for `session: "cookie"`.',
  })
  token?: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ type: UserResponseDto })
  user: UserResponseDto;
}
