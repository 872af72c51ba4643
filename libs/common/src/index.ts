export { AppError, AppErrorCode } from './app-error.js';
