import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PARTY_KINDS, type PartyKind } from '#cw/domain';

export class PartyCreateDto {
  @ApiProperty({ example: 'Ministry of Defence of the Russian Federation', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: PARTY_KINDS })
  @IsIn(PARTY_KINDS)
  kind: PartyKind;

  @ApiPropertyOptional({ example: 'Russian MoD', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  shortName?: string;

  @ApiPropertyOptional({
    example: 'Russia',
    maxLength: 64,
    description:
      "The side of the front line it is on: by default a corridor needs the confirmation of every belligerent not on its announcer's side. Compared without regard to case.",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  side?: string;
}
