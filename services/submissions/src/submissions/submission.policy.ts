import { isChallengeVisibleTo, isChallengeWithheldFrom, type ChallengeAudience, type ChallengeStatusName, type OrganizationRoleName } from '@ideagora/events';
import {
  ChallengeNotFoundError,
  ChallengeNotOpenError,
  FinalRoundSubmissionError,
  JudgeParticipationError,
  OwnChallengeParticipationError,
  ShortlistClosedError,
  ShortlistForbiddenError,
  SubmissionNotFoundError,
  TermsNotAcceptedError,
} from './submission.errors';

/**
 * Sealed submissions: readable only by their author (a team's: its members) and by the sponsoring organization's OWNERs and ADMINs
 * (from the membership read model). A plain MEMBER of the sponsor does not see them.
 */
export function isSponsorReviewer(role: OrganizationRoleName | null | undefined): boolean {
  return role === 'OWNER' || role === 'ADMIN';
}

/**
 * Who reads a challenge's sealed submissions as a whole (fields, Challenge.submissions, `_entities`): the sponsor's
 * OWNERs and ADMINs and the challenge's accepted judges (never the teams' private details: TeamService keeps those
 * to members and the sponsor).
 */
export function isSubmissionReviewer(access: { role: OrganizationRoleName | null; judge?: boolean } | null | undefined): boolean {
  return isSponsorReviewer(access?.role) || access?.judge === true;
}

/**
 * Readers of a sealed submission: a solo one's author; every current member of a team's (a member who left no longer
 * reads it, the first submitter included); the sponsor's OWNERs and ADMINs; the challenge's accepted judges.
 */
export function canReadSubmission(
  viewerId: string | null,
  submission: { authorId: string; teamId?: string | null },
  viewerRoleInSponsor: OrganizationRoleName | null | undefined,
  viewerTeamIds: ReadonlySet<string> = new Set(),
  viewerJudgesChallenge = false,
): boolean {
  if (!viewerId) return false;
  if (isSponsorReviewer(viewerRoleInSponsor) || viewerJudgesChallenge) return true;
  return submission.teamId ? viewerTeamIds.has(submission.teamId) : submission.authorId === viewerId;
}

/** A challenge as the read model knows it, for the participation rules. */
export interface ChallengeState extends ChallengeAudience {
  id: string;
  status: ChallengeStatusName;
  submissionDeadline: Date;
  /** Judging (absent: round 1, not a judge). Round 2's submission deadline is finalRoundDeadline. */
  round?: number;
  finalRoundDeadline?: Date | null;
  finalistIds?: readonly string[];
  /** The viewer is an accepted JUDGE of this challenge (challenge_role_view). */
  viewerIsJudge?: boolean;
  /** The viewer holds a role on it through an accepted invitation (JUDGE or PARTICIPANT): it is visible to them. */
  viewerHasChallengeRole?: boolean;
}

/** The deadline submissions answer to now: round 2's finalRoundDeadline, else the submission deadline. */
export function currentSubmissionDeadline(challenge: Pick<ChallengeState, 'submissionDeadline' | 'round' | 'finalRoundDeadline'>): Date {
  return challenge.round === 2 && challenge.finalRoundDeadline ? challenge.finalRoundDeadline : challenge.submissionDeadline;
}

export interface SubmittableChallenge extends ChallengeState {
  /** The submission this submit would version (the viewer's solo one, or their team's); null: a first submission. */
  viewerSubmissionId?: string | null;
  /** The challenge has terms (challenge_view.terms_required). */
  termsRequired: boolean;
  /** The author has accepted them (a terms_acceptance row). */
  termsAccepted: boolean;
}

/**
 * May the viewer take part in this challenge now (accept its terms, submit)? The challenge must be known and visible
 * to the viewer (a draft or an INVITE_ONLY challenge of another organization is NOT_FOUND, as in the challenges
 * context), OPEN and before its deadline; anyone in the sponsoring organization (any role) may not take part in its
 * own challenge.
 */
export function assertCanParticipate(
  challengeId: string,
  challenge: ChallengeState | null,
  viewerRoleInSponsor: OrganizationRoleName | null | undefined,
  now: Date,
): asserts challenge is ChallengeState {
  if (!challenge || !isChallengeVisibleTo(challenge, viewerRoleInSponsor, challenge.viewerHasChallengeRole === true)) throw new ChallengeNotFoundError(challengeId);
  if (challenge.status !== 'OPEN') throw new ChallengeNotOpenError('status');
  if (currentSubmissionDeadline(challenge).getTime() <= now.getTime()) throw new ChallengeNotOpenError('deadline');
  if (viewerRoleInSponsor) throw new OwnChallengeParticipationError();
  // Conflict of interest: a judge neither submits, nor accepts the terms, nor creates or joins a team.
  if (challenge.viewerIsJudge) throw new JudgeParticipationError();
}

/**
 * Could an event in flight explain why the read model refuses participation? The challenge is unknown (its
 * ChallengeChanged not applied yet) or still a DRAFT (its publication not applied yet): the command waits for the
 * read model (read-your-writes). Any later status is final for participation, and answered at once.
 */
export function isParticipationBehind(challenge: ChallengeState | null, viewerHasEntered = false): boolean {
  return challenge === null || challenge.status === 'DRAFT' || isFinalRoundPossiblyInFlight(challenge, viewerHasEntered);
}

/**
 * Could a ChallengeRoleChanged in flight explain why the read model hides a challenge from the viewer? A published
 * INVITE_ONLY challenge of an organization the viewer is not in, with no role of theirs known here: an invited
 * PARTICIPANT (or JUDGE) who accepted a moment ago reads or submits back to back (read-your-writes; bounded wait, then
 * the NOT_FOUND anyone else gets: an unknown id waits as long, so the wait tells nothing).
 */
export function isChallengeRolePossiblyInFlight(challenge: ChallengeState | null, viewerRoleInSponsor: OrganizationRoleName | null | undefined): boolean {
  return !!challenge && isChallengeWithheldFrom(challenge, viewerRoleInSponsor, challenge.viewerHasChallengeRole === true);
}

/**
 * A JUDGING challenge in round 1 refuses an entry, unless advanceToFinalRound has just reopened it for its finalists
 * and the ChallengeChanged saying so is in flight: only someone who has entered can be a finalist, so only their
 * refusal waits (a partner sends advanceToFinalRound, then the finalist's submitSolution, back to back).
 */
function isFinalRoundPossiblyInFlight(challenge: ChallengeState, viewerHasEntered: boolean): boolean {
  return viewerHasEntered && challenge.status === 'JUDGING' && (challenge.round ?? 1) === 1;
}

/** May the viewer submit now? Everything assertCanParticipate checks, then: a challenge with terms needs them accepted. */
export function assertCanSubmit(
  challengeId: string,
  challenge: SubmittableChallenge | null,
  viewerRoleInSponsor: OrganizationRoleName | null | undefined,
  now: Date,
): asserts challenge is SubmittableChallenge {
  assertCanParticipate(challengeId, challenge, viewerRoleInSponsor, now);
  // Round 2: only new versions of a finalist submission, by its author (a team's: its members).
  if (challenge.round === 2 && !(challenge.viewerSubmissionId && (challenge.finalistIds ?? []).includes(challenge.viewerSubmissionId))) {
    throw new FinalRoundSubmissionError();
  }
  if (challenge.termsRequired && !challenge.termsAccepted) throw new TermsNotAcceptedError();
}

/** The challenge statuses in which the judges may change the shortlist. */
export const SHORTLIST_STATUSES: readonly ChallengeStatusName[] = ['OPEN', 'JUDGING'];

/** What shortlisting needs to know about a submission: its challenge's status (from the read model). */
export interface ShortlistTarget extends ChallengeAudience {
  id: string;
  challengeStatus: ChallengeStatusName;
}

/**
 * May the viewer change this submission's shortlist flag? A submission to a challenge the viewer may not see is
 * NOT_FOUND. The shortlist is the judges' tool: the same readers as
 * Challenge.submissions (the sponsor's OWNERs and ADMINs, isSponsorReviewer; its author is not one of them), and
 * only while the challenge is OPEN or JUDGING.
 */
export function assertCanShortlist(
  submissionId: string,
  target: ShortlistTarget | null,
  viewerRoleInSponsor: OrganizationRoleName | null | undefined,
): asserts target is ShortlistTarget {
  if (!target || !isChallengeVisibleTo(target, viewerRoleInSponsor)) throw new SubmissionNotFoundError(submissionId);
  if (!isSponsorReviewer(viewerRoleInSponsor)) throw new ShortlistForbiddenError();
  if (!SHORTLIST_STATUSES.includes(target.challengeStatus)) throw new ShortlistClosedError();
}

/** Submission.shortlisted: true/false for the sponsor's OWNERs and ADMINs, null (not shown) for anyone else. */
export function shortlistedFor(submission: { shortlistedAt: Date | null }, viewerRoleInSponsor: OrganizationRoleName | null | undefined): boolean | null {
  return isSponsorReviewer(viewerRoleInSponsor) ? submission.shortlistedAt !== null : null;
}

export type SubmissionVisibilityName = 'SEALED' | 'GALLERY' | 'GALLERY_AFTER_CLOSE';

/** What deciding whether a challenge's entries are public needs (challenge_view, fed by ChallengeChanged). */
export interface SubmissionAudience extends ChallengeAudience {
  submissionVisibility: SubmissionVisibilityName;
  /** The first time the challenge was seen past OPEN (JUDGING, AWARDED, CLOSED); null while it never was. */
  submissionsClosedAt: Date | null;
}

/**
 * Are the challenge's entries public to this viewer (title, body, author, files; never teams' private details,
 * scores, the shortlist)? The challenge must be visible to them (isChallengeVisibleTo) and published, and its mode
 * GALLERY, or GALLERY_AFTER_CLOSE once submissions closed: for good from then on (through a final round's OPEN and a
 * later cancellation; a challenge cancelled while OPEN never closed, so its entries stay sealed). SEALED: never.
 * The one rule of every read path: Challenge.gallery, Submission (`_entities`, Query.submission), User.submissions,
 * the files' URLs. SQL that filters by it (SUBMISSION_PUBLIC_SQL in submission.service.ts) says the same.
 */
export function isSubmissionPublic(
  challenge: SubmissionAudience | null | undefined,
  viewerRoleInSponsor: OrganizationRoleName | null | undefined,
  viewerHasChallengeRole = false,
): boolean {
  if (!challenge || !challenge.published || !isChallengeVisibleTo(challenge, viewerRoleInSponsor, viewerHasChallengeRole)) return false;
  if (challenge.submissionVisibility === 'GALLERY') return true;
  return challenge.submissionVisibility === 'GALLERY_AFTER_CLOSE' && challenge.submissionsClosedAt !== null;
}

/** The viewer and a challenge, as the read paths know them (ChallengeAccess in submission.service.ts). */
export interface ViewerChallengeAccess {
  role: OrganizationRoleName | null;
  judge: boolean;
  challengeRole: boolean;
  audience: SubmissionAudience;
}

/** Public to the viewer (isSubmissionPublic) with what the access read says. */
export function isPublicTo(access: ViewerChallengeAccess | null | undefined): boolean {
  return !!access && isSubmissionPublic(access.audience, access.role, access.challengeRole);
}

/**
 * May the viewer read this submission (its fields, its files' URLs)? Public (isSubmissionPublic), or one of its sealed
 * readers (canReadSubmission: the author, the team's members, the sponsor's OWNER/ADMIN, the challenge's judges).
 */
export function mayReadSubmission(
  viewerId: string | null,
  submission: { authorId: string; teamId?: string | null },
  access: ViewerChallengeAccess | null | undefined,
  viewerTeamIds: ReadonlySet<string> = new Set(),
): boolean {
  return isPublicTo(access) || canReadSubmission(viewerId, submission, access?.role, viewerTeamIds, access?.judge === true);
}
