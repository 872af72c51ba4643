import { ApiProperty } from '@nestjs/swagger';
import { PageInfoDto } from '#cw/common';
import type { AuditEntryEntity } from '#cw/persistence';

export class AuditEntryResponseDto {
  @ApiProperty({ type: 'integer', description: 'Order of commit; the cursor counts down from the newest.' })
  seq: number;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: the system itself.' })
  actorId: string | null;
  @ApiProperty({ enum: ['session', 'api_key', null], nullable: true, type: String })
  actorCredential: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorCredentialId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) organisationId: string | null;
  @ApiProperty({ example: 'corridor.update' }) action: string;
  @ApiProperty({ example: 'corridor' }) entity: string;
  @ApiProperty({ description: 'The id of the record; of a job queue, its name (`all`: every queue).' })
  entityId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) corridorId: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The changed fields as they were.',
  })
  before: Record<string, unknown> | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The changed fields as they became.',
  })
  after: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
  @ApiProperty({ enum: ['done', 'refused'] }) outcome: string;
}

export class AuditEntryPageDto extends PageInfoDto {
  @ApiProperty({ type: [AuditEntryResponseDto] }) items: AuditEntryResponseDto[];
}

export function toAuditEntryResponse(entry: AuditEntryEntity): AuditEntryResponseDto {
  return {
    seq: entry.seq,
    at: entry.at.toISOString(),
    actorId: entry.actorUserId,
    actorCredential: entry.actorCredential,
    actorCredentialId: entry.actorCredentialId,
    organisationId: entry.organisationId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    corridorId: entry.corridorId,
    before: entry.before ? (JSON.parse(entry.before) as Record<string, unknown>) : null,
    after: entry.after ? (JSON.parse(entry.after) as Record<string, unknown>) : null,
    requestId: entry.requestId,
    outcome: entry.outcome,
  };
}
