/**
 * Read-your-writes for the sponsor's commands (fundChallenge, awardPrize): could an event still in flight explain
 * why the read models would refuse? Then the command waits for them (ReadModelWait) before its transaction;
 * otherwise (a definitive refusal, or nothing to refuse) it goes on at once. See docs/ARCHITECTURE.md.
 */
export interface SponsorCommandFacts {
  /** null: challenges' ChallengeChanged for it has not been applied here (or the id names no challenge). */
  challengeStatus: string | null;
  /** The viewer's role in the sponsor, as the membership read model holds it. */
  role: string | null;
  /** Some membership of the sponsor is known: a new organization's first MembershipChanged (its OWNER) has arrived. */
  organizationKnown: boolean;
  /** Only for awardPrize: the submission's SubmissionCreated has been applied here. */
  submissionKnown?: boolean;
  /** Only for awardPrize to a team's submission: the team's TeamSplitAgreed has been applied here. */
  teamSplitKnown?: boolean;
  /**
   * The caller is an API key of this challenge's sponsor (its signed identity says so) whose ADMIN membership has not
   * arrived yet: a key created a moment ago, its MembershipChanged in flight (issue 16).
   */
  sponsorKeyUnknown?: boolean;
}

/** Statuses a challenge goes through before JUDGING: an award seeing one of them waits for the close to arrive. */
const BEFORE_JUDGING = new Set(['DRAFT', 'OPEN']);

export function isFundingBehind(facts: SponsorCommandFacts): boolean {
  return isSponsorshipBehind(facts);
}

export function isAwardBehind(facts: SponsorCommandFacts): boolean {
  if (isSponsorshipBehind(facts)) return true;
  if (!isSponsorAdmin(facts.role)) return false; // FORBIDDEN, at once
  return BEFORE_JUDGING.has(facts.challengeStatus!) || facts.submissionKnown === false || facts.teamSplitKnown === false;
}

/**
 * The challenge is unknown, or its sponsor is: both arrive from challenges by event. A known organization in which
 * the viewer has no admin role is a definitive FORBIDDEN (a role granted a moment ago is the one case not waited for).
 */
function isSponsorshipBehind(facts: SponsorCommandFacts): boolean {
  return facts.challengeStatus === null || (!facts.organizationKnown && !isSponsorAdmin(facts.role)) || facts.sponsorKeyUnknown === true;
}

function isSponsorAdmin(role: string | null): boolean {
  return role === 'OWNER' || role === 'ADMIN';
}
