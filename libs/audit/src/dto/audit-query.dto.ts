import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ListQueryDto } from '#cw/common';

export class AuditQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Entries of this user.' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: 'corridor', description: 'The kind of record: corridor, user, api_key …' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,32}$/)
  entity?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  entityId?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Entries at or after this instant (with offset).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries before this instant (with offset).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @MaxLength(40)
  to?: string;
}
