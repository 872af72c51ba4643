import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { IsInt, IsString, Min, validateSync, ValidateNested } from 'class-validator';
import { plainToInstance, Type } from 'class-transformer';
import { cacheValidationRules } from './validation-rules-cache.js';

class Inner {
  @IsInt() @Min(1) n!: number;
}

class Base {
  @IsString() name!: string;
}

class Derived extends Base {
  @IsInt() count!: number;
  @ValidateNested() @Type(() => Inner) inner!: Inner;
}

const OPTIONS = { whitelist: true, forbidNonWhitelisted: true };
const messages = (plain: object) =>
  validateSync(plainToInstance(Derived, plain), OPTIONS).map((e) => [
    e.property,
    e.constraints,
    e.children?.map((c) => [c.property, c.constraints]),
  ]);

describe(cacheValidationRules.name, () => {
  const bodies = [
    { name: 'a', count: 1, inner: { n: 1 } },
    { name: 1, count: 'x', inner: { n: 0 }, extra: true },
    { inner: {} },
  ];

  it('finds the same rules, inherited and nested ones too, with and without the cache', () => {
    const before = bodies.map(messages);
    cacheValidationRules();
    cacheValidationRules(); // installing twice changes nothing
    expect(bodies.map(messages)).toEqual(before);
    expect(bodies.map(messages)).toEqual(before);
  });

  it('sees a rule added after a lookup, on a class already looked up', () => {
    cacheValidationRules();
    expect(messages({ name: '', count: 1, inner: { n: 1 } })).toEqual([]);
    Min(5)(Derived.prototype, 'count');
    expect(messages({ name: '', count: 1, inner: { n: 1 } })).toEqual([
      ['count', { min: 'count must not be less than 5' }, []],
    ]);
  });
});
