import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'windows.0.endsAt' }) field: string;
  @ApiProperty({ example: 'endsAt must be after startsAt' }) message: string;
}

/** RFC 9457 problem details; `type` is a stable slug clients may branch on. */
export class ProblemDto {
  @ApiProperty({ example: '/problems/validation' }) type: string;
  @ApiProperty({ example: 'The request is not valid' }) title: string;
  @ApiProperty({ type: 'integer', example: 400 }) status: number;
  @ApiProperty() detail: string;
  @ApiPropertyOptional() instance?: string;
  @ApiProperty({ type: [FieldErrorDto] }) errors: FieldErrorDto[];
  @ApiPropertyOptional({ description: 'Quote it when reporting a server error.' }) requestId?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<number, string> = {
  400: 'The request is not valid',
  401: 'Sign-in needed',
  403: 'Not allowed',
  404: 'Not found',
  408: 'Request timeout',
  409: 'Conflict with what is stored',
  413: 'The request is too large',
  414: 'The address is too long',
  415: 'Unsupported content type',
  431: 'The request headers are too large',
  422: 'The request cannot be applied',
  429: 'Too many requests',
  500: 'Server error',
  503: 'Service unavailable',
};

export function problem(
  status: number,
  slug: string,
  detail: string,
  errors: FieldErrorDto[] = [],
): ProblemDto {
  return { type: `/problems/${slug}`, title: TITLES[status] ?? 'Error', status, detail, errors };
}
