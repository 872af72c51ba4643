import { IntersectionType, OmitType } from '@nestjs/swagger';
import { ImportResultDto } from '#cw/sharing';
import { ProblemDto } from '../http/problem.js';

/** A refused commit: a problem (RFC 9457) that carries the result, its `errors` by row and column. */
export class ImportRefusedDto extends IntersectionType(
  ImportResultDto,
  OmitType(ProblemDto, ['errors'] as const),
) {}
