import { applyDecorators, Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Principal } from '#cw/accounts';
import { AppError, AppErrorCode } from '#cw/common';
import {
  CSV_CONTENT_TYPE,
  IMPORT_KINDS,
  ImportQueryDto,
  ImportResultDto,
  ImportService,
  type ImportKindName,
} from '#cw/sharing';
import { Actor } from '../auth/access.decorators.js';
import { ApiProblems } from '../http/api-responses.decorator.js';
import { PROBLEM_CONTENT_TYPE } from '../http/problem.js';
import { ImportRefusedDto } from './import-refused.dto.js';
import { ApiFile } from './shared-file.js';

/** The OpenAPI of an import route: a CSV file in, the rows checked (and stored) out. */
const ApiImport = (what: string): MethodDecorator =>
  applyDecorators(
    ApiOperation({
      summary: `Import ${what} from CSV: a dry run (the default) lists every problem by row and column; dryRun=false stores every row or none`,
    }),
    ApiConsumes('text/csv'),
    ApiBody({
      description: 'The CSV file (UTF-8; the columns of GET /imports/{kind}/template.csv).',
      schema: { type: 'string' },
    }),
    ApiExtraModels(ImportResultDto, ImportRefusedDto),
    ApiOkResponse({ type: ImportResultDto }),
    ApiUnprocessableEntityResponse({
      description:
        'A commit refused: nothing was stored. The problem carries the result, `errors` by row and column.',
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ImportRefusedDto) } } },
    }),
  );

@ApiTags('imports')
@ApiProblems()
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportService) {}

  @Get(':kind/template.csv')
  @ApiOperation({ summary: 'The header row, HXL hashtag row and an example row of an import' })
  @ApiParam({ name: 'kind', enum: IMPORT_KINDS })
  @ApiFile('text/csv', 'Fill it in and send it back to POST /imports/{kind}.')
  @Header('content-type', CSV_CONTENT_TYPE)
  template(@Param('kind') kind: string): string {
    if (!(IMPORT_KINDS as readonly string[]).includes(kind))
      throw new AppError(
        AppErrorCode.NotFound,
        `There is no import of "${kind}"; there are ${IMPORT_KINDS.join(', ')}.`,
      );
    return this.imports.template(kind as ImportKindName);
  }

  @Post('corridors')
  @HttpCode(200)
  @ApiImport('corridors')
  corridors(@Actor() principal: Principal, @Query() query: ImportQueryDto, @Body() file: unknown) {
    return this.run(principal, 'corridors', query, file);
  }

  @Post('windows')
  @HttpCode(200)
  @ApiImport('windows of corridors of your organisation')
  windows(@Actor() principal: Principal, @Query() query: ImportQueryDto, @Body() file: unknown) {
    return this.run(principal, 'windows', query, file);
  }

  @Post('evacuations')
  @HttpCode(200)
  @ApiImport('evacuation reports')
  evacuations(@Actor() principal: Principal, @Query() query: ImportQueryDto, @Body() file: unknown) {
    return this.run(principal, 'evacuations', query, file);
  }

  private run(
    principal: Principal,
    kind: ImportKindName,
    query: ImportQueryDto,
    file: unknown,
  ): Promise<ImportResultDto> {
    if (!Buffer.isBuffer(file))
      throw new AppError(
        AppErrorCode.UnsupportedMediaType,
        'Send the file as the body, with content-type text/csv.',
      );
    return this.imports.run(principal, kind, file, query.dryRun);
  }
}
