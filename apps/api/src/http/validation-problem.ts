import type { ValidationError } from 'class-validator';
import type { FieldErrorDto } from './problem.js';

/** Thrown by the validation pipe; carries every failed field with its dotted path. */
export class ValidationProblem extends Error {
  override name = 'ValidationProblem';

  constructor(readonly errors: FieldErrorDto[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }

  static fromValidationErrors(errors: ValidationError[]): ValidationProblem {
    return new ValidationProblem(flatten(errors, ''));
  }
}

function flatten(errors: ValidationError[], prefix: string): FieldErrorDto[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.includes('should not exist') ? `${field} is not a field of this request` : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
