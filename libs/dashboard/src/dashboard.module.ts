import { Module } from '@nestjs/common';
import { DashboardService } from './dashboard.service.js';

/** One read for the console's first screen: open corridors, the next 48 hours, open flags, evacuations. */
@Module({ providers: [DashboardService], exports: [DashboardService] })
export class DashboardLibModule {}
