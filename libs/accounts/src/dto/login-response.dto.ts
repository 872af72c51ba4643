import { ApiProperty } from '@nestjs/swagger';
import { UserResponseDto } from './user-response.dto.js';

export class LoginResponseDto {
  @ApiProperty({
    description: 'Send as `Authorization: Bearer <token>`; the console uses the cookie instead.',
  })
  token: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ type: UserResponseDto })
  user: UserResponseDto;
}
