import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '#cw/accounts';
import { ListQueryDto } from '#cw/common';
import type { IdempotencyRequest } from '#cw/idempotency';
import {
  OperationCreateDto,
  OperationPageDto,
  OperationResponseDto,
  OperationService,
  OperationUpdateDto,
} from '#cw/operations';
import { Actor } from '../auth/access.decorators.js';
import {
  ApiConflictProblem,
  ApiCreate,
  ApiProblems,
  ApiUnprocessableProblem,
} from '../http/api-responses.decorator.js';
import { Idempotency } from '../http/idempotency-key.decorator.js';
import { IdParam } from '../http/parse-id.pipe.js';

const UNPROCESSABLE =
  'The body names a corridor or a party that does not exist, or a corridor that is a stage of another operation.';

@ApiTags('operations')
@ApiProblems()
@Controller('operations')
export class OperationsController {
  constructor(private readonly operations: OperationService) {}

  @Post()
  @ApiUnprocessableProblem(UNPROCESSABLE)
  @ApiCreate()
  @ApiCreatedResponse({ type: OperationResponseDto })
  create(
    @Actor() principal: Principal,
    @Body() dto: OperationCreateDto,
    @Idempotency() idempotency?: IdempotencyRequest,
  ): Promise<OperationResponseDto> {
    return this.operations.create(principal, dto, idempotency);
  }

  @Get()
  @ApiOkResponse({ type: OperationPageDto })
  list(@Query() query: ListQueryDto): Promise<OperationPageDto> {
    return this.operations.list(query.limit, query.cursor);
  }

  @Get(':id')
  @ApiOkResponse({ type: OperationResponseDto })
  get(@IdParam('id', 'operation') id: string): Promise<OperationResponseDto> {
    return this.operations.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: OperationResponseDto })
  @ApiConflictProblem('The version sent is not the stored one.')
  @ApiUnprocessableProblem(UNPROCESSABLE)
  update(
    @Actor() principal: Principal,
    @IdParam('id', 'operation') id: string,
    @Body() dto: OperationUpdateDto,
  ): Promise<OperationResponseDto> {
    return this.operations.update(principal, id, dto);
  }
}
