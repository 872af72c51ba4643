import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';

export class OperationCreateDto {
  @ApiProperty({
    example: 'Third safe passage operation (UN/ICRC), 5-8 May, during the Russian ceasefire of 5-7 May',
    maxLength: 300,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    isArray: true,
    minItems: 1,
    maxItems: 50,
    description:
      'Its stages, in order (a ceasefire corridor, then the convoy that carried its people). A corridor is a stage ' +
      'of at most one operation.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  corridorIds: string[];

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    isArray: true,
    maxItems: 50,
    description: 'The parties that facilitated it (OCHA, the ICRC).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  facilitatorIds?: string[];

  @ApiPropertyOptional({ maxLength: 2048 })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2048)
  sourceUrl?: string;

  @ApiPropertyOptional({ maxLength: 10000, description: "The source's own wording." })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  note?: string;
}
