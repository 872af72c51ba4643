import { Body, Controller, Get, Header, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  UserCreateDto,
  UserCreatedResponseDto,
  UserListQueryDto,
  UserPageDto,
  UserResponseDto,
  UserService,
  UserUpdateDto,
  type Principal,
} from '#cw/accounts';
import { Actor } from '../auth/access.decorators.js';
import { ApiConflictProblem, ApiProblems } from '../http/api-responses.decorator.js';
import { IdParam } from '../http/parse-id.pipe.js';

@ApiTags('users')
@ApiProblems()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UserService) {}

  @Post()
  @Header('cache-control', 'no-store')
  @ApiCreatedResponse({ type: UserCreatedResponseDto })
  @ApiConflictProblem('Someone has this e-mail address already.')
  create(@Actor() principal: Principal, @Body() dto: UserCreateDto): Promise<UserCreatedResponseDto> {
    return this.users.create(principal, dto);
  }

  @Get()
  @ApiOkResponse({ type: UserPageDto })
  list(@Actor() principal: Principal, @Query() query: UserListQueryDto): Promise<UserPageDto> {
    return this.users.list(principal, query);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserResponseDto })
  update(
    @Actor() principal: Principal,
    @IdParam('id', 'user') id: string,
    @Body() dto: UserUpdateDto,
  ): Promise<UserResponseDto> {
    return this.users.update(principal, id, dto);
  }
}
