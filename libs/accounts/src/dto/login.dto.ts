import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin@corridor.local' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ minLength: 1, maxLength: 1024 })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password: string;

  @ApiPropertyOptional({
    enum: ['token', 'cookie'],
    default: 'token',
    description:
      '`cookie`: the session lives only in the HttpOnly cookie and the answer carries no token, so no script on ' +
      'the page can read it (what the console asks for). `token`: the answer also carries it, for an integrator ' +
      'that sends `Authorization: Bearer`.',
  })
  @IsOptional()
  @IsIn(['token', 'cookie'])
  session?: 'token' | 'cookie';
}
