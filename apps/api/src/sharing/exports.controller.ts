import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Principal } from '#cw/accounts';
import { ClaimsExportQueryDto, CorridorFilterDto, ExportService } from '#cw/sharing';
import { Actor } from '../auth/access.decorators.js';
import { ApiProblems } from '../http/api-responses.decorator.js';
import {
  GeoJsonCorridorPropertiesDto,
  GeoJsonFeatureCollectionDto,
  GeoJsonPlacePropertiesDto,
} from './geojson.dto.js';
import { ApiFile, streamed } from './shared-file.js';

const CSV = 'text/csv';
const HXL = 'UTF-8 with a byte-order mark, RFC 4180, a header row then an HXL 1.1 hashtag row; streamed.';

@ApiTags('exports')
@ApiProblems()
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportService) {}

  @Get('corridors.csv')
  @ApiOperation({ summary: 'The corridors GET /corridors selects, one row each' })
  @ApiFile(CSV, HXL)
  async corridors(@Actor() principal: Principal, @Query() query: CorridorFilterDto): Promise<StreamableFile> {
    return streamed(await this.exports.csv(principal, 'corridors', query));
  }

  @Get('windows.csv')
  @ApiOperation({ summary: 'The windows of the corridors GET /corridors selects, in time order' })
  @ApiFile(CSV, HXL)
  async windows(@Actor() principal: Principal, @Query() query: CorridorFilterDto): Promise<StreamableFile> {
    return streamed(await this.exports.csv(principal, 'windows', query));
  }

  @Get('claims.csv')
  @ApiOperation({
    summary:
      'Claims on the corridors GET /corridors selects: confirmations, evacuations, remaining, incidents',
  })
  @ApiFile(CSV, `${HXL} One row per claim, its kind in the "kind" column.`)
  async claims(@Actor() principal: Principal, @Query() query: ClaimsExportQueryDto): Promise<StreamableFile> {
    return streamed(await this.exports.csv(principal, 'claims', query));
  }

  @Get('flags.csv')
  @ApiOperation({ summary: 'Flags raised on windows of the corridors GET /corridors selects' })
  @ApiFile(CSV, HXL)
  async flags(@Actor() principal: Principal, @Query() query: CorridorFilterDto): Promise<StreamableFile> {
    return streamed(await this.exports.csv(principal, 'flags', query));
  }

  @Get('corridors.geojson')
  @ApiOperation({ summary: 'The corridors GET /corridors selects, and their places, as GeoJSON (RFC 7946)' })
  @ApiExtraModels(GeoJsonFeatureCollectionDto, GeoJsonCorridorPropertiesDto, GeoJsonPlacePropertiesDto)
  @ApiFile(
    'application/geo+json',
    'A FeatureCollection: each corridor a LineString (its drawn route, else origin to destination; a Point, or null, when fewer places have coordinates), each place a Point; streamed.',
    { $ref: getSchemaPath(GeoJsonFeatureCollectionDto) },
  )
  async geojson(@Actor() principal: Principal, @Query() query: CorridorFilterDto): Promise<StreamableFile> {
    return streamed(await this.exports.geojson(principal, query));
  }
}
