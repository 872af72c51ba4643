import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthService, LoginDto, LoginResponseDto, UserResponseDto, type Principal } from '#cw/accounts';
import { AppConfig } from '#cw/config';
import { ApiProblems } from '../http/api-responses.decorator.js';
import { Actor, Public } from './access.decorators.js';
import { SESSION_COOKIE } from './session-cookie.js';

@ApiTags('auth')
@ApiProblems()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  async login(
    @Body() dto: LoginDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponseDto> {
    const session = await this.auth.login(dto.email, dto.password);
    void reply.setCookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.PUBLIC_URL.startsWith('https://'),
      path: '/',
      expires: new Date(session.expiresAt),
    });
    return session;
  }

  @Post('logout')
  @HttpCode(204)
  @ApiCookieAuth()
  async logout(
    @Actor() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(principal);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @ApiOkResponse({ type: UserResponseDto })
  me(@Actor() principal: Principal): Promise<UserResponseDto> {
    return this.auth.describe(principal);
  }
}
