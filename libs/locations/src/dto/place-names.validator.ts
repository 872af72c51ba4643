import { registerDecorator, ValidationOptions } from 'class-validator';

const MAX_NAMES = 20;
const MAX_LENGTH = 200;

/** Whether `tag` is a well-formed BCP 47 language tag (`uk`, `ru`, `crh-Latn`), as the platform's Intl reads them. */
export function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** `{ <BCP 47 tag>: name }`: a place's names in other languages, each 1–200 characters. */
export function IsPlaceNames(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPlaceNames',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `$property must map BCP 47 language tags (such as uk, ru) to names of 1 to ${MAX_LENGTH} characters, at most ${MAX_NAMES} of them`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= MAX_NAMES &&
          Object.entries(value).every(
            ([tag, name]) =>
              isLanguageTag(tag) &&
              typeof name === 'string' &&
              name.trim().length > 0 &&
              name.length <= MAX_LENGTH,
          ),
      },
    });
}
