import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiUnauthorizedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ProblemDto } from './problem.js';

const problemOf = (description: string) => ({ description, type: ProblemDto });

/** The errors every authenticated route may answer with. */
export const ApiProblems = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiBadRequestResponse(problemOf('Invalid input: each failed field is named in `errors`.')),
    ApiUnauthorizedResponse(problemOf('No valid session or API key.')),
    ApiForbiddenResponse(problemOf('The role or the key scope does not allow this.')),
    ApiNotFoundResponse(problemOf('The id in the path names nothing stored.')),
  );

/** A create that accepts Idempotency-Key and may refuse duplicates or unknown references. */
export const ApiCreate = (): MethodDecorator =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'A retry with the same key and body returns the first answer and creates nothing.',
    }),
    ApiConflictResponse(problemOf('The key was used with another body, or the same report is stored already.')),
    ApiUnprocessableEntityResponse(problemOf('The body names a party, location or window that does not exist.')),
  );
