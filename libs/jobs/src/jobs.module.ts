import { Module } from '@nestjs/common';
import { EvaluationTrigger } from './evaluation-trigger.js';

/** What the api needs of the queues: triggering evaluations after a change commits. */
@Module({ providers: [EvaluationTrigger], exports: [EvaluationTrigger] })
export class JobsModule {}
