import type { ChallengeStatusName, OrganizationRoleName } from '@ideagora/events';
import { ChallengeNotFoundError, ChallengeNotOpenError, OwnChallengeSubmissionError } from './submission.errors';

/**
 * Sealed submissions: readable only by their author and by the sponsoring organization's OWNERs and ADMINs
 * (from the membership read model). A plain MEMBER of the sponsor does not see them.
 */
export function isSponsorReviewer(role: OrganizationRoleName | null | undefined): boolean {
  return role === 'OWNER' || role === 'ADMIN';
}

export function canReadSubmission(
  viewerId: string | null,
  submission: { authorId: string },
  viewerRoleInSponsor: OrganizationRoleName | null | undefined,
): boolean {
  if (!viewerId) return false;
  return submission.authorId === viewerId || isSponsorReviewer(viewerRoleInSponsor);
}

export interface SubmittableChallenge {
  id: string;
  status: ChallengeStatusName;
  submissionDeadline: Date;
}

/**
 * May the viewer submit to this challenge now? The challenge must be known, OPEN and before its deadline;
 * anyone in the sponsoring organization (any role) may not submit to its own challenge.
 */
export function assertCanSubmit(
  challengeId: string,
  challenge: SubmittableChallenge | null,
  viewerRoleInSponsor: OrganizationRoleName | null | undefined,
  now: Date,
): asserts challenge is SubmittableChallenge {
  if (!challenge) throw new ChallengeNotFoundError(challengeId);
  if (challenge.status !== 'OPEN') throw new ChallengeNotOpenError('status');
  if (challenge.submissionDeadline.getTime() <= now.getTime()) throw new ChallengeNotOpenError('deadline');
  if (viewerRoleInSponsor) throw new OwnChallengeSubmissionError();
}
