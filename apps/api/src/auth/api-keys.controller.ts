import { Body, Controller, Delete, Get, Header, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  ApiKeyCreateDto,
  ApiKeyCreatedResponseDto,
  ApiKeyResponseDto,
  ApiKeyService,
  type Principal,
} from '#cw/accounts';
import { ApiProblems } from '../http/api-responses.decorator.js';
import { IdParam } from '../http/parse-id.pipe.js';
import { Actor } from './access.decorators.js';

@ApiTags('api-keys')
@ApiProblems()
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeyService) {}

  @Post()
  @Header('cache-control', 'no-store')
  @ApiCreatedResponse({ type: ApiKeyCreatedResponseDto, description: 'The key is in `key`, this once.' })
  create(@Actor() principal: Principal, @Body() dto: ApiKeyCreateDto): Promise<ApiKeyCreatedResponseDto> {
    return this.apiKeys.create(principal, dto);
  }

  @Get()
  @ApiOkResponse({ type: [ApiKeyResponseDto] })
  list(@Actor() principal: Principal): Promise<ApiKeyResponseDto[]> {
    return this.apiKeys.list(principal);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked; requests with it are refused from now on.' })
  revoke(@Actor() principal: Principal, @IdParam('id', 'API key') id: string): Promise<void> {
    return this.apiKeys.revoke(principal, id);
  }
}
