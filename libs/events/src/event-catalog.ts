/**
 * The events bounded contexts exchange (see docs/ARCHITECTURE.md). Payloads are plain JSON:
 * money as decimal strings of minor units, instants as ISO-8601 strings.
 */
export type ChallengeStatusName = 'DRAFT' | 'OPEN' | 'JUDGING' | 'AWARDED' | 'CLOSED' | 'CANCELLING' | 'CANCELLED';
export type OrganizationRoleName = 'OWNER' | 'ADMIN' | 'MEMBER';

export interface EventPayloads {
  ChallengeChanged: {
    id: string;
    organizationId: string;
    status: ChallengeStatusName;
    submissionDeadline: string;
    currency: string;
    /**
     * `quantity` (default 1 when absent: events queued before it): how many different submissions the prize can be
     * awarded to, each receiving `amountMinor`; the pool is the sum of amountMinor x quantity. `label` optional.
     */
    prizes: { rank: number; amountMinor: string; quantity?: number; label?: string; communityChoice?: boolean }[];
    version: number;
    /** Solvers must accept the challenge's terms before submitting. Optional: events queued before it existed lack it (= false). */
    termsRequired?: boolean;
    /** Who may see it (with `published`; see challenge-visibility.ts). Optional: events queued before lack both. */
    visibility?: 'PUBLIC' | 'INVITE_ONLY';
    /** It has been published (a cancelled draft never was). */
    published?: boolean;
    /** Its title, for payouts to name it on the payment page. Optional: events queued before lack it. */
    title?: string;
    /**
     * Judging (issue 13). All optional: events queued before lack them. `rubric`: the weighted criteria, fixed at
     * publication (absent or empty: the default rubric, one criterion `overall` weighing 100). `guaranteed`: the whole
     * pool will be paid out. `judgingDeadline` ISO-8601: when nothing may stay undecided. `judgingClosed`: the judging
     * deadline passed while JUDGING (challenges' deadline job): no more scores nor sponsor awards; submissions answers
     * with JudgingRankingFixed, payouts then decides what is left and answers JudgingConcluded.
     * `round` (1, or 2 once advanced to the final round), `finalRoundDeadline` (round 2's submission deadline) and
     * `finalistSubmissionIds` (round 2: only these submissions' authors may submit new versions).
     */
    rubric?: { key: string; label: string; weightPercent: number }[];
    guaranteed?: boolean;
    judgingDeadline?: string;
    judgingClosed?: boolean;
    round?: number;
    finalRoundDeadline?: string | null;
    finalistSubmissionIds?: string[];
    /**
     * Entries (issue 14). All optional: events queued before lack them (SEALED, no voting). `submissionVisibility`:
     * who reads the entries (SEALED: the authors, the sponsor's OWNER/ADMIN and the judges; GALLERY: everyone once
     * submitted; GALLERY_AFTER_CLOSE: everyone once submissions closed). `voting`: the public vote's window (ISO-8601;
     * null: no vote). `votingClosed`: the window's end passed (challenges' deadline job): submissions answers with
     * VotingRankingFixed, payouts then awards the community-choice prizes (prizes[].communityChoice).
     */
    submissionVisibility?: 'SEALED' | 'GALLERY' | 'GALLERY_AFTER_CLOSE';
    voting?: { startsAt: string; endsAt: string } | null;
    votingClosed?: boolean;
  };
  /**
   * `principal` (issue 16): API_KEY when `userId` is an organization's API key acting as its ADMIN (created: ADMIN;
   * revoked: null), so the contexts that authorize by membership let it in with nothing else to learn; the contexts that
   * reach people (solvers' notifications of managers) skip it. Absent: a person (events queued before it).
   */
  MembershipChanged: { organizationId: string; userId: string; role: OrganizationRoleName | null; version: number; principal?: 'USER' | 'API_KEY' };
  /**
   * An organization's API key, created or revoked (issue 16), for the gateway's key registry: `secretHash` is the
   * hex SHA-256 of the secret (the secret itself is never stored nor sent), `scopes` the key's ApiScope names,
   * `revokedAt` ISO-8601 or null. `version` grows with each change of the key.
   */
  ApiKeyChanged: { id: string; organizationId: string; scopes: string[]; secretHash: string; revokedAt: string | null; version: number };
  /** Keys the gateway saw used since its last report, with the latest use of each (ISO-8601): lastUsedAt, batched. */
  ApiKeysUsed: { uses: { apiKeyId: string; lastUsedAt: string }[] };
  /**
   * A submission's new version. `authorId` is the submission's author (for a team's submission: the member who
   * submitted it first). `teamId` names the team whose submission it is (absent: a solo submission; events queued
   * before teams existed lack it).
   */
  SubmissionCreated: { id: string; challengeId: string; authorId: string; version: number; teamId?: string | null };
  /**
   * A team's prize split became AGREED (every member agreed; a team's creation, whose creator holds 10,000; or a
   * member's leaving, whose share is redistributed). The split in force for an award is the latest agreed version.
   * `shares` lists every member in the split's stated order (the order of ties in the largest-remainder division);
   * `weight` is what the division uses: the basis points, or 1 each for an equal split (3 members: 3334/3333/3333
   * basis points shown, 1:1:1 divided). Members with 0 basis points are listed with weight 0.
   */
  TeamSplitAgreed: {
    teamId: string;
    challengeId: string;
    splitVersion: number;
    shares: { userId: string; basisPoints: number; weight: number }[];
  };
  /** A team member invited someone by email to join their team; solvers mails the invitee. `expiresAt` ISO-8601. */
  TeamInvitationSent: {
    invitationId: string;
    teamId: string;
    teamName: string;
    challengeId: string;
    challengeTitle?: string;
    invitedBy: string;
    email: string;
    expiresAt: string;
  };
  /**
   * Someone gained or lost a role on one challenge through a challenge invitation (accepted: `granted` true; revoked:
   * false). `version` grows per (challengeId, userId, role): an older one is ignored. Submissions lets JUDGEs read
   * and score the challenge's sealed submissions.
   */
  ChallengeRoleChanged: { challengeId: string; userId: string; role: 'JUDGE' | 'PARTICIPANT'; granted: boolean; version: number };
  /** A sponsor invited someone by email to judge (or enter) a challenge; solvers mails the invitee. `expiresAt` ISO-8601. */
  ChallengeInvitationSent: {
    invitationId: string;
    challengeId: string;
    challengeTitle: string;
    organizationName: string;
    role: 'JUDGE' | 'PARTICIPANT';
    email: string;
    invitedBy: string;
    expiresAt: string;
  };
  /**
   * The sponsor chose the finalists (advanceToFinalRound): solvers mails each user, `finalist` or not. Emitted by
   * submissions (which knows every author and team member) when it learns of round 2, in parts of at most 1,000 users.
   */
  FinalistsAnnounced: {
    challengeId: string;
    challengeTitle?: string;
    finalRoundDeadline: string;
    finalist: boolean;
    userIds: string[];
  };
  /**
   * submissions' answer to a ChallengeChanged with `judgingClosed`: the final ranking of scored submissions (round 2's
   * finalists first, then round 1's others; at most as many as the challenge has prize places) and the shortlist (at
   * most 10,000), for payouts to award what is left of a guaranteed pool. `submissionCount`: the challenge's
   * submissions then (payouts waits, by redelivery, until its own view holds as many: the shares among "all the
   * submissions" must not miss one whose SubmissionCreated is still in flight; absent in events queued before it).
   */
  JudgingRankingFixed: { challengeId: string; ranking: string[]; shortlist: string[]; submissionCount?: number };
  /**
   * submissions' answer to a ChallengeChanged with `votingClosed`: the counted votes' ranking (most votes first, then
   * earlier submission; at most as many as the community-choice places), for payouts to award the community-choice
   * prizes. Emitted once per challenge.
   */
  VotingRankingFixed: { challengeId: string; ranking: { submissionId: string; voteCount: number }[] };
  /**
   * payouts decided what the judging deadline left undecided (guaranteed places awarded, `automaticAwards` of them);
   * challenges moves the challenge to AWARDED, and payouts then refunds what is left in escrow.
   */
  JudgingConcluded: { challengeId: string; automaticAwards: number };
  FundingSucceeded: { challengeId: string; fundingId: string };
  FundingFailed: { challengeId: string; fundingId: string; reason?: string };
  /**
   * A prize was awarded; its payout is sent once the winner can receive transfers (HELD until then). `winnerId`,
   * `amountMinor` (the prize) and `currency` are optional: events queued before they existed lack them (no mail then).
   */
  PrizeAwarded: {
    challengeId: string;
    prizeRank: number;
    submissionId: string;
    /** The award (optional: events queued before lack it). */
    awardId?: string;
    /** Decided at the judging deadline by the rules, not by the sponsor. */
    automatic?: boolean;
    /** The solo winner; absent for a team award (see `recipients`). */
    winnerId?: string;
    amountMinor?: string;
    currency?: string;
    /** A team award: the team and each member's part (members with a non-zero part only). */
    teamId?: string;
    recipients?: { userId: string; amountMinor: string }[];
  };
  /** A payout's transfer reached the winner's Stripe account: recorded once per payout, with its move to PAID. */
  PayoutPaid: { payoutId: string; challengeId: string; winnerId: string; amountMinor: string; currency: string };
  ChallengeSettled: { challengeId: string };
  /**
   * payouts' answer to a ChallengeChanged with status CANCELLING (a JUDGING challenge the sponsor cancels):
   * confirmed when no prize is awarded, and from then on payouts refuses awards; rejected when one already is.
   * `requestVersion` is the version of that ChallengeChanged, so an answer to an older request is recognised.
   */
  ChallengeCancellationConfirmed: { challengeId: string; requestVersion: number };
  ChallengeCancellationRejected: { challengeId: string; requestVersion: number; reason: string };
  /**
   * A user signed up. `email` (lower-cased, as stored) is optional: events queued before it existed lack it (solvers'
   * migration Migration20261206090000_announce_users announced every account again with it). Challenges keeps
   * `user_view` from it: which user ids exist, and whose email an invitation by email names. `createdAt` (ISO-8601):
   * the account's creation (submissions: the minimum age to vote, accounts created together); absent in events
   * queued before it (the envelope's occurredAt stands in).
   */
  UserRegistered: { id: string; displayName: string; email?: string; createdAt?: string };
  /**
   * An organization invited someone (a new invitation, or an expired one renewed; not a role change of a pending one).
   * Exactly one of `email` (inviteOrganizationMember: the address as typed, normalised) and `userId`
   * (addOrganizationMember). Solvers mails the invitee: "sign in to accept" when the address has an account, "sign up
   * with this address" otherwise. `expiresAt` ISO-8601.
   */
  OrganizationInvitationSent: {
    invitationId: string;
    organizationId: string;
    organizationName: string;
    invitedBy: string;
    role: OrganizationRoleName;
    expiresAt: string;
    email?: string;
    userId?: string;
  };

  // ---- Communities (issue 15) ------------------------------------------------------------------------------------
  /**
   * A user's public profile changed (updateProfile). `skills` trimmed, de-duplicated case-insensitively, as typed;
   * `version` grows per user (an older one is ignored). Challenges keeps the skills to recommend challenges.
   */
  ProfileChanged: { userId: string; displayName: string; skills: string[]; publicProfile: boolean; version: number };
  /**
   * An organization's public page changed (updateOrganization). `logoAttachmentId`: an image attachment uploaded
   * through submissions (null: no logo). `version` grows per organization.
   */
  OrganizationChanged: {
    organizationId: string;
    name: string;
    slug: string | null;
    brandColor: string | null;
    logoAttachmentId: string | null;
    version: number;
  };
  /** An attachment's bytes were checked and found as declared (READY). Challenges accepts image ones as logos. */
  AttachmentReady: { attachmentId: string; uploadedBy: string; contentType: string; byteSize: number };
  /** A solver asked a question about a challenge; the sponsor's OWNER/ADMINs are told. */
  QuestionAsked: { questionId: string; challengeId: string; challengeTitle: string; organizationId: string; askedBy: string };
  /** The sponsor answered a question (first answer only; an edit is not news). The asker is told. */
  QuestionAnswered: { questionId: string; challengeId: string; challengeTitle: string; askedBy: string; public: boolean };
  /** A payout's transfer failed for good (FAILED): the winner is told what to do. */
  PayoutFailed: { payoutId: string; challengeId: string; winnerId: string; amountMinor: string; currency: string; reason?: string };
  /** A paid payout's transfer was reversed (REVERSED): the winner is told. */
  PayoutReversed: { payoutId: string; challengeId: string; winnerId: string; amountMinor: string; currency: string };
  /** A team member proposed a new prize split; every member is asked to agree. */
  TeamSplitProposed: { teamId: string; challengeId: string; teamName: string; proposedBy: string; splitVersion: number; memberIds: string[] };
}

export type EventType = keyof EventPayloads;

export interface EventEnvelope<T extends EventType = EventType> {
  eventId: string;
  type: T;
  occurredAt: string;
  producer: string;
  payload: EventPayloads[T];
}

/** Which context consumes which events. Every process declares the whole topology, so none is lost at first boot. */
export const SUBSCRIPTIONS: Record<string, EventType[]> = {
  // UserRegistered: user_view (ids that exist, emails that invitations name).
  // SubmissionCreated: submission_view (finalists must be this challenge's submissions). JudgingConcluded: -> AWARDED.
  // AttachmentReady: attachment_view (an organization's logo must be its uploader's READY image).
  challenges: [
    'UserRegistered',
    'FundingSucceeded',
    'FundingFailed',
    'PrizeAwarded',
    'ChallengeSettled',
    'ChallengeCancellationConfirmed',
    'ChallengeCancellationRejected',
    'SubmissionCreated',
    'JudgingConcluded',
    'AttachmentReady',
    // ProfileChanged: solver_skill_view (recommended challenges).
    'ProfileChanged',
    // ApiKeysUsed: the keys' lastUsedAt, reported by the gateway in batches (no write per request).
    'ApiKeysUsed',
    // Partner webhooks (issue 16): payout.paid and payout.failed (and, with the events above, submission.created,
    // prize.awarded, challenge.settled) become deliveries to the sponsor's endpoints.
    'PayoutPaid',
    'PayoutFailed',
  ],
  // The gateway's API key registry (issue 16): it verifies keys in memory, fed by this event.
  gateway: ['ApiKeyChanged'],
  // UserRegistered: user_view (whose email a team invitation names). ChallengeRoleChanged: the judges.
  // OrganizationChanged: an attachment chosen as a logo is kept (never swept as an orphan).
  submissions: ['ChallengeChanged', 'MembershipChanged', 'UserRegistered', 'ChallengeRoleChanged', 'OrganizationChanged'],
  // TeamSplitAgreed: the split in force, recorded with an award to the team. JudgingRankingFixed: the deadline's awards.
  // VotingRankingFixed: the community-choice prizes' awards.
  // ChallengeRoleChanged: an INVITE_ONLY challenge's invited participants and judges read its funding and prizes.
  payouts: ['ChallengeChanged', 'MembershipChanged', 'SubmissionCreated', 'TeamSplitAgreed', 'JudgingRankingFixed', 'VotingRankingFixed', 'ChallengeRoleChanged'],
  // The winner's mail: "you won" and "your prize money has been sent".
  // And the invitee's mail: "X invited you to join Org".
  // And a team invitation's mail.
  // And challenge invitations (judges), and the finalists' news.
  // Reputation (issue 15): SubmissionCreated (challenges entered), FinalistsAnnounced and PrizeAwarded.
  // Notifications (issue 15): ChallengeChanged (challenge_view: deadline moved, closed, results), MembershipChanged
  // (the sponsors' OWNER/ADMINs), SubmissionCreated and TeamSplitAgreed (who takes part), and the events told.
  solvers: [
    'PrizeAwarded',
    'PayoutPaid',
    'OrganizationInvitationSent',
    'TeamInvitationSent',
    'ChallengeInvitationSent',
    'FinalistsAnnounced',
    'ChallengeChanged',
    'MembershipChanged',
    'SubmissionCreated',
    'TeamSplitAgreed',
    'QuestionAsked',
    'QuestionAnswered',
    'PayoutFailed',
    'PayoutReversed',
    'TeamSplitProposed',
  ],
};

export function queueName(consumer: string, type: EventType): string {
  return `${consumer}_${type}`;
}
