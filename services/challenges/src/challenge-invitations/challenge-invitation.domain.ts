import { FailedPreconditionError } from '@ideagora/subgraph-kit';
import { ChallengeStatus, ChallengeVisibility } from '../challenges/challenge.domain';
import { InvitationNotPendingError, SubmitterCannotJudgeError } from './challenge-invitation.errors';

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

/**
 * The invitee's answer: PENDING -accept-> ACCEPTED, -decline-> DECLINED; any other (read) status, EXPIRED included:
 * FAILED_PRECONDITION. Someone who submitted to the challenge cannot accept to judge it.
 * (Inviting again: DECLINED, REVOKED, EXPIRED -> PENDING, see isRenewable. Revoking: any -> REVOKED, see revokedStatus.)
 */
export function answeredStatus(args: { status: ChallengeInvitationStatus; accept: boolean; role: ChallengeInvitationRole; hasSubmitted: boolean }): ChallengeInvitationStatus {
  if (args.status !== ChallengeInvitationStatus.PENDING) throw new InvitationNotPendingError(args.status);
  if (!args.accept) return ChallengeInvitationStatus.DECLINED;
  if (args.role === ChallengeInvitationRole.JUDGE && args.hasSubmitted) throw new SubmitterCannotJudgeError();
  return ChallengeInvitationStatus.ACCEPTED;
}

/** The sponsor withdraws an invitation, whatever its status (again: no change); an ACCEPTED one's role is lost. */
export function revokedStatus(status: ChallengeInvitationStatus): { status: ChallengeInvitationStatus; roleLost: boolean; changed: boolean } {
  return { status: ChallengeInvitationStatus.REVOKED, roleLost: status === ChallengeInvitationStatus.ACCEPTED, changed: status !== ChallengeInvitationStatus.REVOKED };
}
