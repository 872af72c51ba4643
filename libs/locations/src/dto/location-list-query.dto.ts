import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ListQueryDto } from '#cw/common';

export class LocationListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({
    description: 'Part of the name, of a local name or of an alias, in any case ("zaporizhia", "запор").',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
