import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  registerDecorator,
  ValidationOptions,
} from 'class-validator';

function IsLonLatList(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isLonLatList',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'coordinates must be [longitude, latitude] pairs within WGS84 bounds', ...options },
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) &&
          value.every(
            (p) =>
              Array.isArray(p) &&
              (p.length === 2 || p.length === 3) &&
              p.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
              Math.abs(p[0]) <= 180 &&
              Math.abs(p[1]) <= 90,
          ),
      },
    });
}

/** GeoJSON LineString (RFC 7946): positions are [longitude, latitude]. */
export class RouteDto {
  @ApiProperty({ enum: ['LineString'] })
  @IsIn(['LineString'])
  type: 'LineString';

  @ApiProperty({
    example: [
      [37.61, 47.098],
      [35.139, 47.838],
    ],
    type: 'array',
    items: { type: 'array', items: { type: 'number' } },
  })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(5000)
  @IsLonLatList()
  coordinates: number[][];
}
