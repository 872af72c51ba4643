import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { AppError, AppErrorCode, findUnsafeInput } from '#cw/common';

/**
 * The first global pipe, before validation: refuses input that the recursive readers after it (class-transformer,
 * class-validator) or the databases cannot take, with the field that holds it. Bodies of every parser (JSON, the
 * CSV of an import, a form) and queries alike; the caller (our custom decorators) is not input.
 */
@Injectable()
export class InputSafetyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const unsafe = findUnsafeInput(value, metadata.data ?? '');
    if (unsafe) throw new AppError(AppErrorCode.InputTooDeep, unsafe.message, unsafe.field || undefined);
    return value;
  }
}
