import { BadUserInputError } from './errors';

/**
 * The one input-validation layer of the subgraphs. Two levels:
 * - every String and ID argument, at any depth, is checked before any resolver runs (`guardTextArguments`, applied
 *   by `buildFederatedSchema`): no NUL or other control character but tab, line feed and carriage return, well-formed
 *   Unicode, at most TEXT_CEILING characters (IDs: ID_CEILING);
 * - each field's own rules in the services (`requiredText`, `optionalText`, `requiredId`, `emailAddress`): trimmed,
 *   its length, and single-line unless it is prose.
 * Lengths count Unicode code points, as Postgres' char_length does.
 */
export const TEXT_CEILING = 100_000;
export const ID_CEILING = 64;
export const EMAIL_MAX = 254;

/** Single-line: names, titles, labels, emails, codes. Multi-line: prose (descriptions, terms, questions, bodies). */
export type TextKind = 'single-line' | 'multi-line';

// C0 controls other than tab, line feed and carriage return; DEL and the C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// A surrogate without its pair: not Unicode, and silently replaced (altered) on its way to Postgres.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LINE_BREAK_OR_TAB = /[\t\n\r\u2028\u2029]/;

/** What is wrong with a text's characters for its kind, or null. Postgres refuses NUL in text. */
export function textProblem(value: string, kind: TextKind): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  if (CONTROL.test(value)) return 'must not contain control characters';
  if (LONE_SURROGATE.test(value)) return 'is not valid Unicode text';
  if (kind === 'single-line' && LINE_BREAK_OR_TAB.test(value)) return 'must be a single line (no line breaks or tabs)';
  return null;
}

/** Whether `text` has more than `max` code points (counted only when its UTF-16 length could exceed it). */
export function longerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let count = 0;
  for (const _ of text) {
    count += 1;
    if (count > max) return true;
  }
  return false;
}

export interface TextRule {
  /** In code points. */
  max: number;
  /** Prose that may hold line breaks and tabs; otherwise single-line. */
  multiline?: boolean;
}

function checkText(text: string, field: string, { max, multiline = false }: TextRule): string {
  const problem = textProblem(text, multiline ? 'multi-line' : 'single-line');
  if (problem) throw new BadUserInputError(field, problem);
  if (longerThan(text, max)) throw new BadUserInputError(field, `must be at most ${max} characters`);
  return text;
}

/** Trims and checks a required text input, naming the field on failure. */
export function requiredText(value: string, field: string, { min = 1, ...rule }: TextRule & { min?: number }): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length < min) throw new BadUserInputError(field, min <= 1 ? 'is required' : `must be at least ${min} characters`);
  return checkText(text, field, rule);
}

/** Trims and checks an optional text input: absent or blank is null (none), naming the field on failure. */
export function optionalText(value: string | null | undefined, field: string, rule: TextRule): string | null {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0) return null;
  return checkText(text, field, rule);
}

/** Secrets and tokens: not trimmed (every character counts), any printable character, at most `max`. */
export function opaqueText(value: string, field: string, max: number): string {
  if (typeof value !== 'string') throw new BadUserInputError(field, 'is required');
  return checkText(value, field, { max });
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A well-formed email, trimmed and lower-cased (as stored), at most 254 characters (RFC 5321). */
export function emailAddress(value: string, field = 'email'): string {
  const email = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (email.length > EMAIL_MAX || textProblem(email, 'single-line') || !EMAIL.test(email)) {
    throw new BadUserInputError(field, 'is not a valid email address');
  }
  return email;
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
