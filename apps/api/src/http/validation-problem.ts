import type { ValidationError } from 'class-validator';
import { validationErrorsOf } from '#cw/common';
import type { FieldErrorDto } from './problem.js';

/** Thrown by the validation pipe; carries every failed field with its dotted path. */
export class ValidationProblem extends Error {
  override name = 'ValidationProblem';

  constructor(readonly errors: FieldErrorDto[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }

  static fromValidationErrors(errors: ValidationError[]): ValidationProblem {
    return new ValidationProblem(validationErrorsOf(errors));
  }
}
