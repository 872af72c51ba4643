import { Module } from '@nestjs/common';
import { DashboardLibModule } from '#cw/dashboard';
import { DashboardController } from './dashboard.controller.js';

@Module({ imports: [DashboardLibModule], controllers: [DashboardController] })
export class DashboardModule {}
