import { registerDecorator, ValidationOptions } from 'class-validator';
import { isValidTimeZone } from '#cw/domain';

/** An IANA time-zone name such as Europe/Kyiv. */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an IANA time zone such as Europe/Kyiv', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidTimeZone(value) },
    });
}
