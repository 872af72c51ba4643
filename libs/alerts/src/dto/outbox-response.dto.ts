import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class OutboxQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}

export class OutboxMessageDto {
  @ApiProperty({ description: 'The file name; GET /outbox/{name} returns the message.' }) name: string;
  @ApiProperty() to: string;
  @ApiProperty() subject: string;
  @ApiProperty({ description: 'The Date header.' }) date: string;
  @ApiProperty({ type: 'integer' }) sizeBytes: number;
  @ApiProperty({ format: 'date-time' }) writtenAt: string;
}

export class OutboxPageDto {
  @ApiProperty({ description: 'true: e-mails go to an SMTP server and this folder is not written.' })
  isSmtp: boolean;
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: [OutboxMessageDto] }) items: OutboxMessageDto[];
}
