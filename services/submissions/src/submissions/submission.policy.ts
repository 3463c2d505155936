import type { ChallengeStatusName, OrganizationRoleName } from '@ideagora/events';
import { ChallengeNotFoundError, ChallengeNotOpenError, OwnChallengeParticipationError, TermsNotAcceptedError } from './submission.errors';

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

/** A challenge as the read model knows it, for the participation rules. */
export interface ChallengeState {
  id: string;
  status: ChallengeStatusName;
  submissionDeadline: Date;
}

export interface SubmittableChallenge extends ChallengeState {
  /** The challenge has terms (challenge_view.terms_required). */
  termsRequired: boolean;
  /** The author has accepted them (a terms_acceptance row). */
  termsAccepted: boolean;
}

/**
 * May the viewer take part in this challenge now (accept its terms, submit)? The challenge must be known, OPEN and
 * before its deadline; anyone in the sponsoring organization (any role) may not take part in its own challenge.
 */
export function assertCanParticipate(
  challengeId: string,
  challenge: ChallengeState | null,
  viewerRoleInSponsor: OrganizationRoleName | null | undefined,
  now: Date,
): asserts challenge is ChallengeState {
  if (!challenge) throw new ChallengeNotFoundError(challengeId);
  if (challenge.status !== 'OPEN') throw new ChallengeNotOpenError('status');
  if (challenge.submissionDeadline.getTime() <= now.getTime()) throw new ChallengeNotOpenError('deadline');
  if (viewerRoleInSponsor) throw new OwnChallengeParticipationError();
}

/** May the viewer submit now? Everything assertCanParticipate checks, then: a challenge with terms needs them accepted. */
export function assertCanSubmit(
  challengeId: string,
  challenge: SubmittableChallenge | null,
  viewerRoleInSponsor: OrganizationRoleName | null | undefined,
  now: Date,
): asserts challenge is SubmittableChallenge {
  assertCanParticipate(challengeId, challenge, viewerRoleInSponsor, now);
  if (challenge.termsRequired && !challenge.termsAccepted) throw new TermsNotAcceptedError();
}
