import { mapRowForRead, pgArray } from '@ideagora/db';
import { NO_READ_MODEL_WAIT, recordEvent, type ReadModelWait } from '@ideagora/events';
import { BadUserInputError, emailAddress, isUuid, requiredId } from '@ideagora/subgraph-kit';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { ChallengeEntity } from '../challenges/challenge.entity';
import { INVITED_CHALLENGE_IDS } from '../challenges/challenge.listing';
import { lockForManager } from '../challenges/challenge.service';
import { findUserEmail, invitationExpiry } from '../read-models/read-model.service';
import {
  answeredStatus,
  assertCanInvite,
  ChallengeInvitationRole,
  ChallengeInvitationStatus,
  effectiveStatus,
  INVITATION_LIFETIME_DAYS,
  isRenewable,
  MAX_EMAILS_PER_CALL,
  MAX_JUDGE_INVITATIONS,
  participantInvitationAllowed,
  revokedStatus,
} from './challenge-invitation.domain';
import { ChallengeInvitationEntity } from './challenge-invitation.entity';
import { ChallengeInvitationNotFoundError, TooManyJudgesError } from './challenge-invitation.errors';
import type { InviteToChallengeInput, RespondToChallengeInvitationInput } from './challenge-invitation.inputs';

/** How many invitations Challenge.invitations and User.challengeInvitations list. */
export const LISTED_PER_CHALLENGE = 100;
export const LISTED_PER_USER = 50;
const ROLES = new Set<string>(Object.values(ChallengeInvitationRole));


export class ChallengeInvitationService {
  constructor(
    private readonly em: EntityManager,
    private readonly readModel: ReadModelWait = NO_READ_MODEL_WAIT,
  ) {}

  /**
   * Invites each address (see the mutation's description). Under the challenge's row lock, so the cap of judges
   * holds against concurrent calls; ChallengeInvitationSent for each new or renewed invitation, in the same
   * transaction. A DRAFT's invitations are mailed when it is published (sendPendingInvitations): until then the
   * challenge is the sponsor's business only, its judges' included.
   */
  async invite(viewerId: string, input: InviteToChallengeInput): Promise<ChallengeInvitationEntity[]> {
    const challengeId = requiredId(input.challengeId, 'challengeId');
    const emails = parseEmails(input.emails);
    if (!ROLES.has(input.role)) throw new BadUserInputError('role', 'is not a valid role');
    const role = input.role;
    return this.em.transactional(async (em) => {
      const { challenge } = await lockForManager(em, viewerId, challengeId);
      assertCanInvite(challenge.status);
      if (role === ChallengeInvitationRole.PARTICIPANT && !participantInvitationAllowed(challenge.visibility)) {
        throw new BadUserInputError('role', 'PARTICIPANT invitations are for INVITE_ONLY challenges: anyone can enter a public one');
      }
      const existing = await em.find(ChallengeInvitationEntity, { challengeId, role, email: { $in: emails } });
      const byEmail = new Map(existing.map((i) => [i.email, i]));
      const fresh = emails.filter((e) => !byEmail.has(e));
      if (role === ChallengeInvitationRole.JUDGE && fresh.length > 0) {
        const judges = await em.count(ChallengeInvitationEntity, { challengeId, role });
        if (judges + fresh.length > MAX_JUDGE_INVITATIONS) throw new TooManyJudgesError(MAX_JUDGE_INVITATIONS);
      }
      const now = new Date();
      const organizationName = challenge.organizationName;
      for (const invitation of existing) {
        if (!isRenewable(effectiveStatus(invitation, now))) continue;
        invitation.status = ChallengeInvitationStatus.PENDING;
        invitation.expiresAt = invitationExpiry(now, INVITATION_LIFETIME_DAYS);
        invitation.invitedBy = viewerId;
        if (challenge.publishedAt) recordSent(em, invitation, challenge, organizationName);
      }
      for (const email of fresh) {
        const invitation = em.create(ChallengeInvitationEntity, {
          challengeId,
          email,
          role,
          invitedBy: viewerId,
          expiresAt: invitationExpiry(now, INVITATION_LIFETIME_DAYS),
          createdAt: now,
        });
        byEmail.set(email, invitation);
        if (challenge.publishedAt) recordSent(em, invitation, challenge, organizationName);
      }
      await em.flush();
      return emails.map((e) => byEmail.get(e) as ChallengeInvitationEntity);
    });
  }

  /**
   * The invitee answers a PENDING invitation. Only the account whose email (challenges' user_view) is the
   * invitation's: NOT_FOUND for anyone else. Accepting grants the role: ChallengeRoleChanged (granted, next version).
   */
  async respond(viewerId: string, input: RespondToChallengeInvitationInput): Promise<{ invitation: ChallengeInvitationEntity; challenge: ChallengeEntity }> {
    const invitationId = requiredId(input.invitationId, 'invitationId');
    // Someone who just signed up with the invited address: their email reaches user_view by event.
    const email = await this.readModel.until(() => findUserEmail(this.em, viewerId), (known) => known === undefined);
    return this.em.transactional(async (em) => {
      const found = await em.findOne(ChallengeInvitationEntity, { id: invitationId });
      if (!found || !email || found.email !== email) throw new ChallengeInvitationNotFoundError(invitationId);
      // The challenge's row first (as invite and revoke take it), then the invitation's.
      const challenge = await em.findOneOrFail(ChallengeEntity, { id: found.challengeId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      // A draft's invitee has not been told yet (the mail goes at publication): nothing to answer.
      if (!challenge.publishedAt) throw new ChallengeInvitationNotFoundError(invitationId);
      const invitation = await em.findOneOrFail(ChallengeInvitationEntity, { id: invitationId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      const status = effectiveStatus(invitation, new Date());
      const judging = input.accept && status === ChallengeInvitationStatus.PENDING && invitation.role === ChallengeInvitationRole.JUDGE;
      invitation.status = answeredStatus({ status, accept: input.accept, role: invitation.role, hasSubmitted: judging && (await hasSubmitted(em, challenge.id, viewerId)) });
      if (invitation.status === ChallengeInvitationStatus.ACCEPTED) {
        invitation.userId = viewerId;
        recordRoleChanged(em, invitation, true);
      }
      await em.flush();
      return { invitation, challenge };
    });
  }

  /** OWNER/ADMIN withdraws an invitation; an accepted one's role is lost (ChallengeRoleChanged, not granted). */
  async revoke(viewerId: string, invitationIdInput: string): Promise<ChallengeInvitationEntity> {
    const invitationId = requiredId(invitationIdInput, 'invitationId');
    return this.em.transactional(async (em) => {
      const found = await em.findOne(ChallengeInvitationEntity, { id: invitationId });
      if (!found) throw new ChallengeInvitationNotFoundError(invitationId);
      try {
        await lockForManager(em, viewerId, found.challengeId);
      } catch (error) {
        // Someone who cannot see the challenge learns nothing of its invitations.
        if (error instanceof Error && (error as { code?: string }).code === 'NOT_FOUND') throw new ChallengeInvitationNotFoundError(invitationId);
        throw error;
      }
      const invitation = await em.findOneOrFail(ChallengeInvitationEntity, { id: invitationId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      const revoked = revokedStatus(invitation.status);
      if (!revoked.changed) return invitation;
      if (revoked.roleLost) recordRoleChanged(em, invitation, false);
      invitation.status = revoked.status;
      await em.flush();
      return invitation;
    });
  }

  // ---- queries ----------------------------------------------------------------

  /**
   * The viewer's invitations (by their email) to published challenges, every status, the newest LISTED_PER_USER:
   * one statement. A draft's invitations appear when it is published (and mailed).
   */
  async invitationsOf(userId: string): Promise<ChallengeInvitationEntity[]> {
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select i.* from challenge_invitation i
       where i.email = (select u.email from user_view u where u.id = ?)
         and exists (select 1 from challenge c where c.id = i.challenge_id and c.published_at is not null)
       order by i.created_at desc, i.id desc limit ?`,
      [userId, LISTED_PER_USER],
      'all',
    );
    return rows.map((row) => mapRowForRead(this.em, ChallengeInvitationEntity, row));
  }

  /** The newest LISTED_PER_CHALLENGE invitations of each challenge (a DataLoader batch): one statement. */
  async invitationsTo(challengeIds: readonly string[]): Promise<ChallengeInvitationEntity[]> {
    const ids = challengeIds.filter(isUuid);
    if (ids.length === 0) return [];
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select i.* from unnest(?::uuid[]) as k(challenge_id)
       cross join lateral (
         select * from challenge_invitation x where x.challenge_id = k.challenge_id order by x.created_at desc, x.id desc limit ?
       ) i`,
      [pgArray(ids), LISTED_PER_CHALLENGE],
      'all',
    );
    return rows.map((row) => mapRowForRead(this.em, ChallengeInvitationEntity, row));
  }

  /**
   * The viewer's JUDGE/PARTICIPANT roles on each challenge (a DataLoader batch): accepted invitations, and
   * PARTICIPANT for the author of a submission (submission_view). One statement.
   */
  async rolesOf(userId: string, challengeIds: readonly string[]): Promise<{ challengeId: string; role: ChallengeInvitationRole }[]> {
    const ids = challengeIds.filter(isUuid);
    if (ids.length === 0) return [];
    const rows = await this.em.execute<{ challenge_id: string; role: ChallengeInvitationRole }[]>(
      `select challenge_id, role from challenge_invitation where user_id = ? and status = 'ACCEPTED' and challenge_id = any(?::uuid[])
       union
       select distinct challenge_id, 'PARTICIPANT' from submission_view where author_id = ? and challenge_id = any(?::uuid[])`,
      [userId, pgArray(ids), userId, pgArray(ids)],
      'all',
    );
    return rows.map((r) => ({ challengeId: r.challenge_id, role: r.role }));
  }

  /** Which of the challenges the viewer accepted an invitation to (visibility): one statement. */
  async invitedTo(userId: string, challengeIds: readonly string[]): Promise<Set<string>> {
    const ids = challengeIds.filter(isUuid);
    if (ids.length === 0) return new Set();
    const rows = await this.em.execute<{ challenge_id: string }[]>(
      `select distinct challenge_id from (${INVITED_CHALLENGE_IDS}) v where challenge_id = any(?::uuid[])`,
      [userId, pgArray(ids)],
      'all',
    );
    return new Set(rows.map((r) => r.challenge_id));
  }
}

/** 1..MAX_EMAILS_PER_CALL addresses, each valid (BAD_USER_INPUT `emails` naming the bad one), lower-cased, duplicates once. */
function parseEmails(input: string[]): string[] {
  if (!Array.isArray(input) || input.length < 1) throw new BadUserInputError('emails', 'give at least one email address');
  if (input.length > MAX_EMAILS_PER_CALL) throw new BadUserInputError('emails', `at most ${MAX_EMAILS_PER_CALL} addresses per call`);
  const emails = input.map((raw) => {
    try {
      return emailAddress(raw, 'emails');
    } catch {
      throw new BadUserInputError('emails', `"${String(raw).slice(0, 254)}" is not a valid email address`);
    }
  });
  return [...new Set(emails)];
}

/** Whether the user authored a submission to the challenge (submission_view, from SubmissionCreated). */
async function hasSubmitted(em: EntityManager, challengeId: string, userId: string): Promise<boolean> {
  const rows = await em.execute(`select 1 from submission_view where challenge_id = ? and author_id = ? limit 1`, [challengeId, userId], 'all');
  return rows.length > 0;
}

/**
 * At publication (in its transaction, under the challenge's row lock): the PENDING invitations made while it was a
 * DRAFT are mailed now, each valid INVITATION_LIFETIME_DAYS from now (ChallengeInvitationSent each).
 */
export async function sendPendingInvitations(em: EntityManager, challenge: ChallengeEntity, now: Date): Promise<void> {
  const pending = await em.find(ChallengeInvitationEntity, { challengeId: challenge.id, status: ChallengeInvitationStatus.PENDING }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  for (const invitation of pending) {
    invitation.expiresAt = invitationExpiry(now, INVITATION_LIFETIME_DAYS);
    recordSent(em, invitation, challenge, challenge.organizationName);
  }
}

function recordSent(em: EntityManager, invitation: ChallengeInvitationEntity, challenge: ChallengeEntity, organizationName: string): void {
  recordEvent(em, 'ChallengeInvitationSent', {
    invitationId: invitation.id,
    challengeId: challenge.id,
    challengeTitle: challenge.title,
    organizationName,
    role: invitation.role,
    email: invitation.email,
    invitedBy: invitation.invitedBy,
    expiresAt: invitation.expiresAt.toISOString(),
  });
}

/** The next version of (challenge, user, role): one invitation per (challenge, email, role), and a user has one email. */
function recordRoleChanged(em: EntityManager, invitation: ChallengeInvitationEntity, granted: boolean): void {
  if (!invitation.userId) return;
  invitation.roleVersion += 1;
  recordEvent(em, 'ChallengeRoleChanged', {
    challengeId: invitation.challengeId,
    userId: invitation.userId,
    role: invitation.role,
    granted,
    version: invitation.roleVersion,
  });
}
