import { requiredText } from '@ideagora/subgraph-kit';
import { ChallengeStatus } from '../challenges/challenge.domain';
import { canManage, type OrganizationRole } from '../organizations/organization.domain';
import { CannotAnswerError, NotAnswerableError, QuestionsClosedError, SponsorCannotAskError, TooManyQuestionsError } from './question.errors';

/** Questions per asker per challenge in a sliding 24 hours. */
export const QUESTIONS_PER_DAY = 10;
export const QUESTION_WINDOW_MS = 24 * 3600 * 1000;

export function validateQuestion(text: string): string {
  return requiredText(text, 'question', { min: 10, max: 2000, multiline: true });
}

export function validateAnswer(text: string): string {
  return requiredText(text, 'answer', { min: 1, max: 5000, multiline: true });
}

/** A signed-in non-member of the sponsor, on an OPEN challenge, under the daily limit. */
export function assertCanAsk(args: { status: ChallengeStatus; role: OrganizationRole | null; askedInWindow: number }): void {
  if (args.role) throw new SponsorCannotAskError();
  if (args.status !== ChallengeStatus.OPEN) throw new QuestionsClosedError();
  if (args.askedInWindow >= QUESTIONS_PER_DAY) throw new TooManyQuestionsError(QUESTIONS_PER_DAY);
}

/** The rule of publish/cancel: an OWNER or ADMIN of the sponsor; while the challenge is OPEN or JUDGING. */
export function assertCanAnswer(args: { status: ChallengeStatus; role: OrganizationRole | null }): void {
  if (!canManage(args.role)) throw new CannotAnswerError();
  if (args.status !== ChallengeStatus.OPEN && args.status !== ChallengeStatus.JUDGING) throw new NotAnswerableError();
}
