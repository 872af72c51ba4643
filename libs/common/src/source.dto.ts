import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';

/** Every fact keeps its source: the page that backs it and the source's own wording (null: none, as absent). */
export class SourcedDto {
  @ApiPropertyOptional({
    type: String,
    example: 'https://news.un.org/en/story/2022/05/1117562',
    maxLength: 2048,
  })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2048)
  sourceUrl?: string | null;

  @ApiPropertyOptional({
    type: String,
    description: "The source's own wording, or a translation of it.",
    maxLength: 10000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  note?: string | null;
}
