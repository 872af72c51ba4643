import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { CorridorFilterDto } from '../../corridor-filter.dto.js';

export class FeedCreateDto {
  @ApiProperty({ example: 'Azovstal windows', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    type: CorridorFilterDto,
    description:
      'The corridors whose windows the feed carries: the filters of GET /corridors. Every corridor when absent.',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CorridorFilterDto)
  filter?: CorridorFilterDto;
}
