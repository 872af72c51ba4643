import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '#cw/accounts';
import { ListQueryDto } from '#cw/common';
import type { IdempotencyRequest } from '#cw/idempotency';
import { PartyCreateDto, PartyPageDto, PartyResponseDto, PartyService } from '#cw/parties';
import { Actor } from '../auth/access.decorators.js';
import { ApiCreate, ApiProblems } from '../http/api-responses.decorator.js';
import { Idempotency } from '../http/idempotency-key.decorator.js';
import { IdParam } from '../http/parse-id.pipe.js';

@ApiTags('parties')
@ApiProblems()
@Controller('parties')
export class PartiesController {
  constructor(private readonly parties: PartyService) {}

  @Post()
  @ApiCreate()
  @ApiCreatedResponse({ type: PartyResponseDto })
  create(
    @Actor() principal: Principal,
    @Body() dto: PartyCreateDto,
    @Idempotency() idempotency?: IdempotencyRequest,
  ): Promise<PartyResponseDto> {
    return this.parties.create(principal, dto, idempotency);
  }

  @Get()
  @ApiOkResponse({ type: PartyPageDto })
  list(@Query() query: ListQueryDto): Promise<PartyPageDto> {
    return this.parties.list(query.limit, query.cursor);
  }

  @Get(':id')
  @ApiOkResponse({ type: PartyResponseDto })
  get(@IdParam('id', 'party') id: string): Promise<PartyResponseDto> {
    return this.parties.get(id);
  }
}
