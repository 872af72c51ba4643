import { AppError, AppErrorCode } from '#cw/common';

// OWASP ASVS 2.1: at least 12 characters, long passphrases allowed, no composition rules; but not the account's
// own address, nor one character held down, which every guessing list tries first.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;

/** Why a password is refused, or undefined. `email`: the account's, which the password must not be. */
export function passwordWeakness(password: string, email?: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    return `A password has ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.`;
  }
  if (email !== undefined && password.trim().toLowerCase() === email.trim().toLowerCase()) {
    return 'A password must not be the e-mail address.';
  }
  if (/^(.)\1*$/su.test(password)) return 'A password must not be one character repeated.';
  return undefined;
}

/** Checked by every path that sets a password: the API, invitations, the command line and the first admin. */
export function assertPasswordPolicy(password: string, email?: string): void {
  const weakness = passwordWeakness(password, email);
  if (weakness) throw new AppError(AppErrorCode.PasswordTooWeak, weakness, 'password');
}
