import { ApiProperty } from '@nestjs/swagger';

export class PageInfoDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last.',
  })
  nextCursor: string | null;
}
