import { BadUserInputError } from './errors';

/** Trims and length-checks a required text input, naming the field on failure. */
export function requiredText(value: string, field: string, { min = 1, max }: { min?: number; max: number }): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length < min) throw new BadUserInputError(field, min <= 1 ? 'is required' : `must be at least ${min} characters`);
  if (text.length > max) throw new BadUserInputError(field, `must be at most ${max} characters`);
  return text;
}

/** Trims and length-checks an optional text input: absent or blank is null (none), naming the field on failure. */
export function optionalText(value: string | null | undefined, field: string, { max }: { max: number }): string | null {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0) return null;
  if (text.length > max) throw new BadUserInputError(field, `must be at most ${max} characters`);
  return text;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a row, so it is bad input rather than a failed query. */
export function requiredId(value: string, field: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw new BadUserInputError(field, 'is not a valid id');
  return value.toLowerCase();
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
