import { StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
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

/** The OpenAPI answer of a route that sends a file of this media type. */
export const ApiFile = (mediaType: string, description: string): MethodDecorator =>
  applyDecorators(
    ApiProduces(mediaType),
    ApiOkResponse({ description, content: { [mediaType]: { schema: { type: 'string' } } } }),
  );
