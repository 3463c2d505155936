import { FailedPreconditionError } from '@ideagora/subgraph-kit';
import { ChallengeStatus, ChallengeVisibility } from '../challenges/challenge.domain';
import { InvitationNotPendingError, SubmitterCannotJudgeError } from './challenge-invitation.errors';
import {
  answeredStatus,
  assertCanInvite,
  ChallengeInvitationRole as R,
  ChallengeInvitationStatus as I,
  effectiveStatus,
  isRenewable,
  participantInvitationAllowed,
  revokedStatus,
} from './challenge-invitation.domain';

describe('challenge invitation state machine', () => {
  const now = new Date('2030-01-01T00:00:00Z');
  const later = new Date('2030-01-02T00:00:00Z');

  it('reads a PENDING invitation past its expiry as EXPIRED (at the instant of expiry too), every other status as stored', () => {
    expect(effectiveStatus({ status: I.PENDING, expiresAt: later }, now)).toBe(I.PENDING);
    expect(effectiveStatus({ status: I.PENDING, expiresAt: now }, now)).toBe(I.EXPIRED);
    expect(effectiveStatus({ status: I.PENDING, expiresAt: new Date(now.getTime() - 1) }, now)).toBe(I.EXPIRED);
    for (const status of [I.ACCEPTED, I.DECLINED, I.REVOKED]) expect(effectiveStatus({ status, expiresAt: new Date(0) }, now)).toBe(status);
  });

  it('renews (PENDING again) a DECLINED, REVOKED or EXPIRED invitation when invited again; a PENDING or ACCEPTED one is returned as it is', () => {
    const renewable = Object.values(I).filter(isRenewable);
    expect(renewable.sort()).toEqual([I.DECLINED, I.EXPIRED, I.REVOKED]);
  });

  it('invites while the challenge is DRAFT, OPEN or JUDGING only', () => {
    for (const status of Object.values(ChallengeStatus)) {
      const allowed = [ChallengeStatus.DRAFT, ChallengeStatus.OPEN, ChallengeStatus.JUDGING].includes(status);
      if (allowed) expect(() => assertCanInvite(status)).not.toThrow();
      else expect(() => assertCanInvite(status)).toThrow(FailedPreconditionError);
    }
  });

  it('invites PARTICIPANTs to INVITE_ONLY challenges only', () => {
    expect(participantInvitationAllowed(ChallengeVisibility.INVITE_ONLY)).toBe(true);
    expect(participantInvitationAllowed(ChallengeVisibility.PUBLIC)).toBe(false);
  });

  it('answers a PENDING invitation only: accept -> ACCEPTED, decline -> DECLINED; EXPIRED and the rest FAILED_PRECONDITION', () => {
    for (const role of [R.JUDGE, R.PARTICIPANT]) {
      expect(answeredStatus({ status: I.PENDING, accept: true, role, hasSubmitted: false })).toBe(I.ACCEPTED);
      expect(answeredStatus({ status: I.PENDING, accept: false, role, hasSubmitted: true })).toBe(I.DECLINED);
      for (const status of [I.ACCEPTED, I.DECLINED, I.REVOKED, I.EXPIRED]) {
        for (const accept of [true, false]) {
          expect(() => answeredStatus({ status, accept, role, hasSubmitted: false })).toThrow(InvitationNotPendingError);
        }
      }
    }
    expect(new InvitationNotPendingError('EXPIRED')).toBeInstanceOf(FailedPreconditionError);
  });

  it('keeps someone who submitted from accepting to judge (declining, or entering as a PARTICIPANT, stays open)', () => {
    expect(() => answeredStatus({ status: I.PENDING, accept: true, role: R.JUDGE, hasSubmitted: true })).toThrow(SubmitterCannotJudgeError);
    expect(answeredStatus({ status: I.PENDING, accept: true, role: R.PARTICIPANT, hasSubmitted: true })).toBe(I.ACCEPTED);
  });

  it('revokes from any status; an accepted invitation loses its role; revoking again changes nothing', () => {
    for (const status of [I.PENDING, I.DECLINED, I.EXPIRED]) expect(revokedStatus(status)).toEqual({ status: I.REVOKED, roleLost: false, changed: true });
    expect(revokedStatus(I.ACCEPTED)).toEqual({ status: I.REVOKED, roleLost: true, changed: true });
    expect(revokedStatus(I.REVOKED)).toEqual({ status: I.REVOKED, roleLost: false, changed: false });
  });
});
