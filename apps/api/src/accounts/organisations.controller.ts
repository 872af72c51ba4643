import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  OrganisationCreateDto,
  OrganisationPageDto,
  OrganisationResponseDto,
  OrganisationService,
  OrganisationUpdateDto,
  type Principal,
} from '#cw/accounts';
import { ListQueryDto } from '#cw/common';
import { Actor } from '../auth/access.decorators.js';
import { ApiConflictProblem, ApiProblems } from '../http/api-responses.decorator.js';
import { IdParam } from '../http/parse-id.pipe.js';

@ApiTags('organisations')
@ApiProblems()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationService) {}

  @Post()
  @ApiCreatedResponse({ type: OrganisationResponseDto })
  @ApiConflictProblem('An organisation of this name exists already.')
  create(
    @Actor() principal: Principal,
    @Body() dto: OrganisationCreateDto,
  ): Promise<OrganisationResponseDto> {
    return this.organisations.create(principal, dto.name, dto.language);
  }

  @Patch(':id')
  @ApiOkResponse({ type: OrganisationResponseDto, description: 'Its language changed.' })
  update(
    @Actor() principal: Principal,
    @IdParam('id', 'organisation') id: string,
    @Body() dto: OrganisationUpdateDto,
  ): Promise<OrganisationResponseDto> {
    return this.organisations.setLanguage(principal, id, dto.language);
  }

  @Get()
  @ApiOkResponse({ type: OrganisationPageDto })
  list(@Query() query: ListQueryDto): Promise<OrganisationPageDto> {
    return this.organisations.list(query.limit, query.cursor);
  }
}
