import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { ListQueryDto } from '#cw/common';

export class UserListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "Admins only; everyone else always sees their own organisation's users.",
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}
