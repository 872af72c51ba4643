import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from './app-config.js';

@Global()
@Module({})
export class ConfigModule {
  /** Tests pass their own environment; processes use process.env. */
  static forRoot(env?: Record<string, string | undefined>): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: AppConfig, useFactory: () => loadConfig(env) }],
      exports: [AppConfig],
    };
  }
}
