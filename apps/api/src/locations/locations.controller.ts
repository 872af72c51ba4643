import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '#cw/accounts';
import type { IdempotencyRequest } from '#cw/idempotency';
import {
  LocationCreateDto,
  LocationListQueryDto,
  LocationPageDto,
  LocationResponseDto,
  LocationService,
  LocationUpdateDto,
} from '#cw/locations';
import { Actor } from '../auth/access.decorators.js';
import { ApiCreate, ApiProblems } from '../http/api-responses.decorator.js';
import { Idempotency } from '../http/idempotency-key.decorator.js';
import { IdParam } from '../http/parse-id.pipe.js';

@ApiTags('locations')
@ApiProblems()
@Controller('locations')
export class LocationsController {
  constructor(private readonly locations: LocationService) {}

  @Post()
  @ApiCreate()
  @ApiCreatedResponse({ type: LocationResponseDto })
  create(
    @Actor() principal: Principal,
    @Body() dto: LocationCreateDto,
    @Idempotency() idempotency?: IdempotencyRequest,
  ): Promise<LocationResponseDto> {
    return this.locations.create(principal, dto, idempotency);
  }

  @Get()
  @ApiOkResponse({ type: LocationPageDto })
  list(@Query() query: LocationListQueryDto): Promise<LocationPageDto> {
    return this.locations.list(query.limit, query.cursor, query.q);
  }

  @Get(':id')
  @ApiOkResponse({ type: LocationResponseDto })
  get(@IdParam('id', 'location') id: string): Promise<LocationResponseDto> {
    return this.locations.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: LocationResponseDto })
  update(
    @Actor() principal: Principal,
    @IdParam('id', 'location') id: string,
    @Body() dto: LocationUpdateDto,
  ): Promise<LocationResponseDto> {
    return this.locations.update(principal, id, dto);
  }
}
