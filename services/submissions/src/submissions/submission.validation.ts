import { requiredId, requiredText } from '@ideagora/subgraph-kit';
import { parseAttachmentIds } from '../attachments/attachment.domain';

export const TITLE_MAX_CHARS = 200;
export const BODY_MAX_CHARS = 100_000;

export interface SubmitSolutionCommand {
  challengeId: string;
  title: string;
  body: string;
  /** Submit as this team (absent: alone). */
  teamId?: string;
  /** The version's files, in order (attachment.domain parseAttachmentIds); absent: none. */
  attachmentIds?: string[];
}

/** Checks the shape of a submitSolution input; every failure names its field. */
export function parseSubmitSolutionInput(input: { challengeId: unknown; title: unknown; body: unknown; teamId?: unknown; attachmentIds?: unknown }): SubmitSolutionCommand {
  return {
    challengeId: requiredId(input.challengeId as string, 'challengeId'),
    title: requiredText(input.title as string, 'title', { max: TITLE_MAX_CHARS }),
    body: requiredText(input.body as string, 'body', { max: BODY_MAX_CHARS, multiline: true }),
    ...(input.teamId === undefined || input.teamId === null ? {} : { teamId: requiredId(input.teamId as string, 'teamId') }),
    ...(Array.isArray(input.attachmentIds) ? { attachmentIds: parseAttachmentIds(input.attachmentIds) } : {}),
  };
}
