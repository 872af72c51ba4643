export { AppError, AppErrorCode, RateLimited } from './app-error.js';
export { ListQueryDto } from './list-query.dto.js';
export { PageInfoDto } from './page.dto.js';
export { SourcedDto } from './source.dto.js';
export { IsTimeZone } from './time-zone.validator.js';
export { newId } from './new-id.js';
export { validationErrorsOf } from './validation-errors.js';
export { findUnsafeInput, MAX_INPUT_DEPTH, type UnsafeInput } from './unsafe-input.js';
