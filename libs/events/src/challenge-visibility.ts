import type { OrganizationRoleName } from './event-catalog';

export type ChallengeVisibilityName = 'PUBLIC' | 'INVITE_ONLY';

/** What another context knows of who may see a challenge, from ChallengeChanged. */
export interface ChallengeAudience {
  visibility: ChallengeVisibilityName;
  /** Published at some point (OPEN and every later status but a cancelled draft). */
  published: boolean;
}

/**
 * Who may see a challenge, the rule the challenges context applies (challenge.domain.ts `isPublic`), for the contexts
 * that learn of challenges by event: a published PUBLIC challenge is everyone's; any other (a draft, an INVITE_ONLY
 * one) only its organization's members'. Until invitations exist, nobody outside the sponsor can see an INVITE_ONLY
 * challenge, so nobody can enter one (members may not enter their own organization's challenges).
 */
export function isChallengeVisibleTo(
  challenge: ChallengeAudience,
  viewerRoleInSponsor: OrganizationRoleName | null | undefined,
  /** The viewer holds a role on this challenge through an accepted challenge invitation (JUDGE, PARTICIPANT). */
  hasChallengeRole = false,
): boolean {
  if (viewerRoleInSponsor || hasChallengeRole) return true;
  return challenge.visibility === 'PUBLIC' && challenge.published;
}

/**
 * For answers that must not fail while an event is in flight (`__resolveReference`): a challenge is withheld only
 * when what the read model knows of it cannot change any more: published (its visibility is then fixed) INVITE_ONLY,
 * and the viewer not a member. A draft is not withheld there: a just-published challenge would otherwise fail to
 * resolve until its ChallengeChanged arrives, and nothing another context holds about a draft is worth hiding (no
 * submissions; the funding field hides itself).
 */
export function isChallengeWithheldFrom(challenge: ChallengeAudience, viewerRoleInSponsor: OrganizationRoleName | null | undefined, hasChallengeRole = false): boolean {
  return !viewerRoleInSponsor && !hasChallengeRole && challenge.visibility === 'INVITE_ONLY' && challenge.published;
}

/**
 * The audience a ChallengeChanged describes. Events recorded before these fields existed lack them: those are read
 * as PUBLIC, and as published unless a DRAFT (a migration re-announced every challenge that is not public since).
 */
export function challengeAudienceOf(payload: { status: string; visibility?: ChallengeVisibilityName; published?: boolean }): ChallengeAudience {
  return { visibility: payload.visibility ?? 'PUBLIC', published: payload.published ?? payload.status !== 'DRAFT' };
}
