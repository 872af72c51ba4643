import { ApiProperty } from '@nestjs/swagger';
import type { CalendarFeedEntity } from '#cw/persistence';
import { CorridorFilterDto } from '../../corridor-filter.dto.js';

export class FeedResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: CorridorFilterDto }) filter: CorridorFilterDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class FeedCreatedResponseDto extends FeedResponseDto {
  @ApiProperty({
    description:
      'The private address a calendar application subscribes to. Shown once: it is stored only as a hash. Revoke the feed to end it.',
    example: 'https://corridor.example/api/v1/feeds/cwf_…/windows.ics',
  })
  url: string;
}

export class FeedPageDto {
  @ApiProperty({ type: [FeedResponseDto] }) items: FeedResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: "Always null: a user's feeds fit one page." })
  nextCursor: string | null;
}

export function toFeedResponse(feed: CalendarFeedEntity): FeedResponseDto {
  return {
    id: feed.id,
    name: feed.name,
    filter: JSON.parse(feed.filter) as CorridorFilterDto,
    createdAt: feed.createdAt.toISOString(),
  };
}
