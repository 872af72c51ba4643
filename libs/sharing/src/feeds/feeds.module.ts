import { Module } from '@nestjs/common';
import { AuditModule } from '#cw/audit';
import { FeedService } from './feed.service.js';

@Module({
  imports: [AuditModule],
  providers: [FeedService],
  exports: [FeedService],
})
export class FeedsModule {}
