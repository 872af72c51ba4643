import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ListQueryDto, PageInfoDto } from '#cw/common';
import type { AlertDeliveryEntity } from '#cw/persistence';

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;

export class DeliveryListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: (typeof DELIVERY_STATUSES)[number];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  subscriptionId?: string;
}

export class DeliveryResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) subscriptionId: string;
  @ApiProperty({ enum: ['immediate', 'digest'] }) kind: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) flagId: string | null;
  @ApiProperty({ nullable: true, type: String, description: "digest: the subscriber's local date" })
  digestOn: string | null;
  @ApiProperty() email: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status: string;
  @ApiProperty({ type: 'integer' }) attempts: number;
  @ApiProperty({ format: 'date-time' }) nextAttemptAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'The last SMTP answer or error.' })
  lastError: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt: string | null;
}

export class DeliveryPageDto extends PageInfoDto {
  @ApiProperty({ type: [DeliveryResponseDto] }) items: DeliveryResponseDto[];
}

export function toDeliveryResponse(d: AlertDeliveryEntity): DeliveryResponseDto {
  return {
    id: d.id,
    subscriptionId: d.subscriptionId,
    kind: d.kind,
    flagId: d.flagId,
    digestOn: d.digestOn,
    email: d.email,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt.toISOString(),
    lastError: d.lastError,
    createdAt: d.createdAt.toISOString(),
    sentAt: d.sentAt?.toISOString() ?? null,
  };
}
