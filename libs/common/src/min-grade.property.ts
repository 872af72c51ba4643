import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/**
 * `minGrade=B3`: only what rests on claims whose source is at least that reliable (A–F) and that are at least that
 * credible (1–6), the Admiralty code. Anything else is refused (400) naming the field.
 */
export function MinGradeProperty(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      pattern: '^[A-F][1-6]$',
      example: 'B3',
      description:
        'Admiralty grade: only claims whose source reliability is this letter or better (A–F) and whose credibility is this number or better (1–6).',
    }),
    IsOptional(),
    Matches(/^[A-F][1-6]$/, {
      message: 'minGrade must be a source reliability A–F followed by a credibility 1–6, such as B3',
    }),
  );
}
