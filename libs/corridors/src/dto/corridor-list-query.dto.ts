import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ListQueryDto } from '#cw/common';
import { CORRIDOR_PROMISES, CORRIDOR_STATUSES, type CorridorPromise, type CorridorStatus } from '#cw/domain';

export class CorridorListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: CORRIDOR_STATUSES })
  @IsOptional()
  @IsIn(CORRIDOR_STATUSES)
  status?: CorridorStatus;

  @ApiPropertyOptional({
    enum: CORRIDOR_PROMISES,
    description:
      'What became of the promise: pending until every window is over, then kept, unconfirmed or broken; cancelled.',
  })
  @IsOptional()
  @IsIn(CORRIDOR_PROMISES)
  promise?: CorridorPromise;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Announced by, or needing confirmation from, this party.',
  })
  @IsOptional()
  @IsUUID()
  partyId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Origin, destination or a stop on the way.' })
  @IsOptional()
  @IsUUID()
  locationId?: string;

  @ApiPropertyOptional({
    description: 'Only corridors with a window ending after this instant (ISO 8601 with offset).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({
    description: 'Only corridors with a window starting before this instant (ISO 8601 with offset).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;

  @ApiPropertyOptional({ description: 'Words in the corridor name.', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
