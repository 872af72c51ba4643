import type { ValidationError } from 'class-validator';

/** class-validator's errors as one `{ field, message }` per failed rule, `field` the dotted path. */
export function validationErrorsOf(
  errors: ValidationError[],
  prefix = '',
): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.includes('should not exist') ? `${field} is not a field of this request` : message,
    }));
    return [...own, ...validationErrorsOf(error.children ?? [], field)];
  });
}
