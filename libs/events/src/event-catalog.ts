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
    prizes: { rank: number; amountMinor: string }[];
    version: number;
    /** Solvers must accept the challenge's terms before submitting. Optional: events queued before it existed lack it (= false). */
    termsRequired?: boolean;
    /** Who may see it (with `published`; see challenge-visibility.ts). Optional: events queued before lack both. */
    visibility?: 'PUBLIC' | 'INVITE_ONLY';
    /** It has been published (a cancelled draft never was). */
    published?: boolean;
    /** Its title, for payouts to name it on the payment page. Optional: events queued before lack it. */
    title?: string;
  };
  MembershipChanged: { organizationId: string; userId: string; role: OrganizationRoleName | null; version: number };
  SubmissionCreated: { id: string; challengeId: string; authorId: string; version: number };
  FundingSucceeded: { challengeId: string; fundingId: string };
  FundingFailed: { challengeId: string; fundingId: string; reason?: string };
  /**
   * A prize was awarded; its payout is sent once the winner can receive transfers (HELD until then). `winnerId`,
   * `amountMinor` (the prize) and `currency` are optional: events queued before they existed lack them (no mail then).
   */
  PrizeAwarded: { challengeId: string; prizeRank: number; submissionId: string; winnerId?: string; amountMinor?: string; currency?: string };
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
   * `user_view` from it: which user ids exist, and whose email an invitation by email names.
   */
  UserRegistered: { id: string; displayName: string; email?: string };
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
  challenges: ['UserRegistered', 'FundingSucceeded', 'FundingFailed', 'PrizeAwarded', 'ChallengeSettled', 'ChallengeCancellationConfirmed', 'ChallengeCancellationRejected'],
  submissions: ['ChallengeChanged', 'MembershipChanged'],
  payouts: ['ChallengeChanged', 'MembershipChanged', 'SubmissionCreated'],
  // The winner's mail: "you won" and "your prize money has been sent".
  // And the invitee's mail: "X invited you to join Org".
  solvers: ['PrizeAwarded', 'PayoutPaid', 'OrganizationInvitationSent'],
};

export function queueName(consumer: string, type: EventType): string {
  return `${consumer}_${type}`;
}
