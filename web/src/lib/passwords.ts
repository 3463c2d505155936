/** Password rules and messages shared by the forms (in the browser) and the server actions. */

export const MIN_PASSWORD_LENGTH = 10;

/** Shown after any reset request, whether the address has an account or not: the page reveals none. */
export const RESET_REQUESTED_MESSAGE = 'If an account exists for that address, we have sent a link to reset its password. It is valid for 60 minutes.';

/** The API's answer for an unknown, used or expired link; also shown for a link without a token. */
export const INVALID_RESET_LINK_MESSAGE = 'This reset link is invalid or has expired.';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emailError(email: string): string | undefined {
  if (!email.trim()) return 'Enter your email address';
  if (!EMAIL.test(email.trim())) return 'Enter an email address like name@example.com';
  return undefined;
}

/** The sign-up rule for a password being chosen (the server checks it again). */
export function newPasswordError(password: string): string | undefined {
  if (password && password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters`;
  return undefined;
}

/** A new password and its confirmation (reset). */
export function validateNewPassword(newPassword: string, confirmPassword: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const passwordProblem = newPassword ? newPasswordError(newPassword) : 'Enter a new password';
  if (passwordProblem) errors.newPassword = passwordProblem;
  if (!confirmPassword) errors.confirmPassword = 'Enter the new password again';
  else if (confirmPassword !== newPassword) errors.confirmPassword = 'The two passwords do not match';
  return errors;
}
