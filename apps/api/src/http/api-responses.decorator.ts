import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, ProblemDto } from './problem.js';

/** A problem answer as it is sent: application/problem+json, so generated clients parse it as one. */
const problemOf = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } },
});

/** A 409 with its own reason (a stale version, an already cancelled corridor). */
export const ApiConflictProblem = (description: string): MethodDecorator =>
  applyDecorators(ApiExtraModels(ProblemDto), ApiConflictResponse(problemOf(description)));

/** A 422 with its own reason (a reference to nothing, a rule the stored records would break). */
export const ApiUnprocessableProblem = (description: string): MethodDecorator =>
  applyDecorators(ApiExtraModels(ProblemDto), ApiUnprocessableEntityResponse(problemOf(description)));

/** The errors every authenticated route may answer with. */
export const ApiProblems = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiExtraModels(ProblemDto),
    ApiBadRequestResponse(problemOf('Invalid input: each failed field is named in `errors`.')),
    ApiUnauthorizedResponse(problemOf('No valid session or API key.')),
    ApiForbiddenResponse(problemOf('The role or the key scope does not allow this.')),
    ApiNotFoundResponse(problemOf('The id in the path names nothing stored.')),
  );

/** A create that accepts Idempotency-Key and may refuse duplicates or unknown references. */
export const ApiCreate = (): MethodDecorator =>
  applyDecorators(
    ApiExtraModels(ProblemDto),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'A retry with the same key and body returns the first answer and creates nothing.',
    }),
    ApiConflictResponse(
      problemOf('The key was used with another body, or the same report is stored already.'),
    ),
    ApiUnprocessableEntityResponse(
      problemOf('The body names a party, location or window that does not exist.'),
    ),
  );

/** A correction of a stored report: a stale version or a repeat of another report, or a reference to nothing. */
export const ApiCorrection = (): MethodDecorator =>
  applyDecorators(
    ApiConflictProblem('The version sent is not the stored one, or the corrected report repeats another.'),
    ApiUnprocessableEntityResponse(
      problemOf('The body names a party, location or window that does not exist, or a time to come.'),
    ),
  );
