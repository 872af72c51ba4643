import { Param, PipeTransform } from '@nestjs/common';
import { AppError } from '#cw/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not a UUID names nothing we store: 404, like any unknown id. */
class ParseIdPipe implements PipeTransform<string, string> {
  constructor(private readonly what: string) {}

  transform(value: string): string {
    if (!UUID.test(value)) throw AppError.notFound(this.what, value);
    return value.toLowerCase();
  }
}

export function IdParam(name: string, what: string): ParameterDecorator {
  return Param(name, new ParseIdPipe(what));
}
