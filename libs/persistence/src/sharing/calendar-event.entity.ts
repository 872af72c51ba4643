import { Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { CorridorWindowEntity } from '../corridor/corridor-window.entity.js';
import { InstantColumn, IntColumn, TextColumn } from '../shared/columns.js';

/**
 * What calendars were last told about a window: the hash of its event's content and its SEQUENCE, raised
 * whenever a feed finds the content changed (the window, its corridor's status, a party's stance).
 */
@Entity('calendar_event')
export class CalendarEventEntity {
  @ForeignKey(() => CorridorWindowEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'window_id', type: 'varchar', length: 36 })
  windowId: string;
  @IntColumn('sequence') sequence: number;
  @TextColumn('content_hash', 64) contentHash: string;
  @InstantColumn('changed_at') changedAt: Date;
}
