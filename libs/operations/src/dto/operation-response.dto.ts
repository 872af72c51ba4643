import { ApiProperty } from '@nestjs/swagger';
import { PageInfoDto } from '#cw/common';
import { EvacuationSummaryDto } from '#cw/corridors';
import type { OperationRecord } from '#cw/persistence';

export class OperationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, format: 'uuid', isArray: true, description: 'Its stages, in order.' })
  corridorIds: string[];
  @ApiProperty({ type: String, format: 'uuid', isArray: true }) facilitatorIds: string[];
  @ApiProperty({ nullable: true, type: String }) sourceUrl: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({
    type: EvacuationSummaryDto,
    description:
      'The claims of all its stages summarised as one whole: the people the operation moved are counted once, ' +
      'never as the sum of each stage.',
  })
  evacuation: EvacuationSummaryDto;
  @ApiProperty({ type: 'integer', description: 'Send it back with an edit.' }) version: number;
  @ApiProperty({
    format: 'uuid',
    description: 'The organisation that entered it: its coordinators (and admins) edit it.',
  })
  organisationId: string;
  @ApiProperty({ format: 'uuid' }) enteredById: string;
  @ApiProperty({ format: 'date-time' }) enteredAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class OperationPageDto extends PageInfoDto {
  @ApiProperty({ type: [OperationResponseDto] }) items: OperationResponseDto[];
}

export function toOperationResponse(
  operation: OperationRecord,
  evacuation: EvacuationSummaryDto,
): OperationResponseDto {
  return {
    id: operation.id,
    name: operation.name,
    corridorIds: operation.corridorIds,
    facilitatorIds: operation.facilitatorIds,
    sourceUrl: operation.sourceUrl,
    note: operation.note,
    evacuation,
    version: operation.version,
    organisationId: operation.organisationId,
    enteredById: operation.createdById,
    enteredAt: operation.createdAt.toISOString(),
    updatedAt: operation.updatedAt.toISOString(),
  };
}
