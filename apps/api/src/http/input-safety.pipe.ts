import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { AppError, AppErrorCode, findUnsafeInput } from '#cw/common';
import { ValidationProblem } from './validation-problem.js';

/**
 * The first global pipe, before validation: refuses input that the recursive readers after it (class-transformer,
 * class-validator) or the databases cannot take, naming the field that holds it. Bodies of every parser (JSON,
 * the CSV of an import, a form), queries and path parameters alike; what our custom decorators give (the
 * caller) is not input.
 */
@Injectable()
export class InputSafetyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const unsafe = findUnsafeInput(value, metadata.data ?? '');
    if (!unsafe) return value;
    if (unsafe.kind === 'too-deep') {
      throw new AppError(AppErrorCode.InputTooDeep, unsafe.message, unsafe.field || undefined);
    }
    throw new ValidationProblem([{ field: unsafe.field, message: unsafe.message }]);
  }
}
