import { StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, type ReferenceObject, type SchemaObject } from '@nestjs/swagger';

import { applyDecorators } from '@nestjs/common';
import type { SharedFile } from '#cw/sharing';

/** A file streamed as it is read, named for the folder it is saved in. */
export function streamed(
  file: SharedFile,
  disposition: 'attachment' | 'inline' = 'attachment',
): StreamableFile {
  return new StreamableFile(file.body, {
    type: file.contentType,
    disposition: `${disposition}; filename="${file.filename}"`,
  });
}

/** The OpenAPI answer of a route that sends a file of this media type (text, unless a schema says more). */
export const ApiFile = (
  mediaType: string,
  description: string,
  schema: SchemaObject | ReferenceObject = { type: 'string' },
): MethodDecorator =>
  applyDecorators(
    ApiProduces(mediaType),
    ApiOkResponse({ description, content: { [mediaType]: { schema } } }),
  );
