import { Transform } from 'class-transformer';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { canonicalTimeZone, isValidTimeZone } from '#cw/domain';

/**
 * An IANA time-zone name such as Europe/Kyiv. An alias is taken and read as the zone's current name (Europe/Kiev,
 * as Chromium says it, becomes Europe/Kyiv), so what is stored and answered is always the canonical name.
 */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  const canonical = Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? canonicalTimeZone(value) : value,
  );
  return (target: object, propertyName: string | symbol) => {
    canonical(target, propertyName);
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an IANA time zone such as Europe/Kyiv', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidTimeZone(value) },
    });
  };
}
