import { BadUserInputError, requiredId } from '@ideagora/subgraph-kit';

export const TITLE_MAX_CHARS = 200;
export const BODY_MAX_CHARS = 100_000;

export interface SubmitSolutionCommand {
  challengeId: string;
  title: string;
  body: string;
}

/**
 * Required text, trimmed, length counted in Unicode code points (what a person calls characters, and what
 * Postgres' char_length counts). NUL cannot be stored in a Postgres text column: bad input, not a crash.
 */
export function submissionText(value: unknown, field: string, max: number): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0) throw new BadUserInputError(field, 'is required');
  if (text.includes('\u0000')) throw new BadUserInputError(field, 'must not contain NUL characters');
  let chars = 0;
  for (const _ of text) {
    chars += 1;
    if (chars > max) throw new BadUserInputError(field, `must be at most ${max} characters`);
  }
  return text;
}

/** Checks the shape of a submitSolution input; every failure names its field. */
export function parseSubmitSolutionInput(input: { challengeId: unknown; title: unknown; body: unknown }): SubmitSolutionCommand {
  return {
    challengeId: requiredId(input.challengeId as string, 'challengeId'),
    title: submissionText(input.title, 'title', TITLE_MAX_CHARS),
    body: submissionText(input.body, 'body', BODY_MAX_CHARS),
  };
}
