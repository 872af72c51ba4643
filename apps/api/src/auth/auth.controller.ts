import { Body, Controller, Get, Header, HttpCode, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AuthService,
  InviteAcceptDto,
  InviteResponseDto,
  InviteTokenDto,
  LoginDto,
  LoginResponseDto,
  UserResponseDto,
  UserService,
  type Principal,
} from '#cw/accounts';
import { AppConfig } from '#cw/config';
import { ApiProblems } from '../http/api-responses.decorator.js';
import { Actor } from './access.decorators.js';
import { RateLimits } from './rate-limits.js';
import { sessionCookieName } from './session-cookie.js';
import { SignInGuard } from './sign-in.guard.js';

@ApiTags('auth')
@ApiProblems()
@Controller('auth')
export class AuthController {
  private readonly sessionCookie: string;

  constructor(
    private readonly auth: AuthService,
    private readonly users: UserService,
    private readonly limits: RateLimits,
    private readonly config: AppConfig,
  ) {
    this.sessionCookie = sessionCookieName(config.PUBLIC_URL);
  }

  @Post('login')
  @Header('cache-control', 'no-store')
  @HttpCode(200)
  @UseGuards(SignInGuard)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnsupportedMediaTypeResponse({ description: 'The body is not application/json.' })
  @ApiTooManyRequestsResponse({
    description: 'Too many failed sign-ins for this account or address; see Retry-After.',
  })
  async login(
    @Body() dto: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponseDto> {
    await this.limits.reserveLoginAttempt(dto.email, request.ip);
    const session = await this.auth.login(dto.email, dto.password, {
      requestId: String(request.id),
      previousToken: request.cookies?.[this.sessionCookie],
    });
    await this.limits.loginSucceeded(dto.email, request.ip);
    void reply.setCookie(this.sessionCookie, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.PUBLIC_URL.startsWith('https://'),
      path: '/',
      expires: new Date(session.expiresAt),
    });
    if (dto.session === 'cookie') return { expiresAt: session.expiresAt, user: session.user };
    return session;
  }

  // The token in the query, as the unsubscribe link has it: the log redacts `?token=`, and it changes nothing.
  @Get('invite')
  @Header('cache-control', 'no-store')
  @ApiOkResponse({
    type: InviteResponseDto,
    description:
      'Who the link is for and the password rules; 404 when it is unknown, used already or expired.',
  })
  checkInvite(@Query() dto: InviteTokenDto): Promise<InviteResponseDto> {
    return this.users.describeInvite(dto.token);
  }

  @Post('invite/accept')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The password is set; sign in with it. The link no longer works.' })
  acceptInvite(@Body() dto: InviteAcceptDto, @Req() request: FastifyRequest): Promise<void> {
    return this.users.acceptInvite(dto.token, dto.password, String(request.id));
  }

  @Post('logout')
  @HttpCode(204)
  @ApiCookieAuth()
  async logout(
    @Actor() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(principal);
    void reply.clearCookie(this.sessionCookie, { path: '/' });
  }

  @Post('logout-everywhere')
  @HttpCode(204)
  @ApiCookieAuth()
  @ApiNoContentResponse({ description: 'Every session of the caller has ended, on every device.' })
  async logoutEverywhere(
    @Actor() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logoutEverywhere(principal);
    void reply.clearCookie(this.sessionCookie, { path: '/' });
  }

  @Get('me')
  @ApiOkResponse({ type: UserResponseDto })
  me(@Actor() principal: Principal): Promise<UserResponseDto> {
    return this.auth.describe(principal);
  }
}
