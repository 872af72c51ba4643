import { AppError, AppErrorCode } from '#cw/common';

// OWASP ASVS 2.1: at least 12 characters, long passphrases allowed, no composition rules.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;

/** For passwords that do not come through a validated DTO (the command line). */
export function assertPasswordPolicy(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw new AppError(
      AppErrorCode.PasswordTooWeak,
      `A password has ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.`,
      'password',
    );
  }
}
