import { FailedPreconditionError } from '@ideagora/subgraph-kit';
import { ChallengeStatus, ChallengeVisibility } from '../challenges/challenge.domain';

/** What the viewer is to a challenge. Organization roles come from the membership; JUDGE and PARTICIPANT from an accepted invitation (PARTICIPANT also from a submission). */
export enum ChallengeRole {
  OWNER = 'OWNER',
  ADMIN = 'ADMIN',
  MEMBER = 'MEMBER',
  JUDGE = 'JUDGE',
  PARTICIPANT = 'PARTICIPANT',
}

/** Values match ChallengeRoleChanged's and ChallengeInvitationSent's `role`. */
export enum ChallengeInvitationRole {
  JUDGE = 'JUDGE',
  PARTICIPANT = 'PARTICIPANT',
}

/** Stored: PENDING, ACCEPTED, DECLINED, REVOKED. EXPIRED is read: a PENDING one past its expiry. */
export enum ChallengeInvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}

export const INVITATION_LIFETIME_DAYS = 30;
export const MAX_EMAILS_PER_CALL = 50;
export const MAX_JUDGE_INVITATIONS = 50;

/** The status as read at `now`: a PENDING invitation past its expiry is EXPIRED. */
export function effectiveStatus(invitation: { status: ChallengeInvitationStatus; expiresAt: Date }, now: Date): ChallengeInvitationStatus {
  if (invitation.status === ChallengeInvitationStatus.PENDING && invitation.expiresAt.getTime() <= now.getTime()) return ChallengeInvitationStatus.EXPIRED;
  return invitation.status;
}

const INVITING: readonly ChallengeStatus[] = [ChallengeStatus.DRAFT, ChallengeStatus.OPEN, ChallengeStatus.JUDGING];

/** Invitations are sent while the challenge is being prepared, run or judged. */
export function assertCanInvite(status: ChallengeStatus): void {
  if (!INVITING.includes(status)) throw new FailedPreconditionError(`A ${status} challenge cannot invite anyone any more`);
}

/** Whether inviting again renews the invitation (PENDING again, new expiry, mailed again). */
export function isRenewable(status: ChallengeInvitationStatus): boolean {
  return status === ChallengeInvitationStatus.DECLINED || status === ChallengeInvitationStatus.REVOKED || status === ChallengeInvitationStatus.EXPIRED;
}

/** PARTICIPANT invitations open an INVITE_ONLY challenge; a PUBLIC one needs none. */
export function participantInvitationAllowed(visibility: ChallengeVisibility): boolean {
  return visibility === ChallengeVisibility.INVITE_ONLY;
}
