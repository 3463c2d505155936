import type { GalleryOrder, SubmissionVisibility, VoteFlagReason } from '@/gql/graphql';
import { CODE_MESSAGES, formMessage, GatewayError, UNREACHABLE_MESSAGE, type FormState } from './errors';

// Plain logic of the public gallery and the community vote (no 'use client'): positions and links, what a card and
// its vote button show, the window in words, refusals in words. The rules mirror submissions' (vote.domain.ts).

/** Entries per gallery page. */
export const GALLERY_PAGE_SIZE = 24;
/** Votes each voter has per challenge (submissions' VOTES_PER_VOTER). */
export const VOTES_PER_VOTER = 3;
/** The sponsor's "Community votes": the top of the vote count. */
export const TOP_VOTED_COUNT = 10;

export type GallerySort = 'newest' | 'votes';
export interface GalleryPosition {
  sort: GallerySort;
  after?: string;
}

export const GALLERY_SORTS: { sort: GallerySort; label: string; order: GalleryOrder }[] = [
  { sort: 'newest', label: 'Newest', order: 'FIRST_SUBMITTED' },
  { sort: 'votes', label: 'Most votes', order: 'VOTES' },
];

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The page's position from its address: `?sort=votes&after=<cursor>`; anything else is the first page by Newest. */
export function parseGalleryPosition(query: Record<string, string | string[] | undefined>): GalleryPosition {
  const sort: GallerySort = one(query.sort) === 'votes' ? 'votes' : 'newest';
  const after = one(query.after);
  return { sort, after: after && after.length <= 500 ? after : undefined };
}

export const galleryOrder = (sort: GallerySort): GalleryOrder => (sort === 'votes' ? 'VOTES' : 'FIRST_SUBMITTED');

export function galleryHref(challengeId: string, position: GalleryPosition = { sort: 'newest' }): string {
  const params = new URLSearchParams();
  if (position.sort === 'votes') params.set('sort', 'votes');
  if (position.after) params.set('after', position.after);
  const search = params.toString();
  return `/challenges/${challengeId}/gallery${search ? `?${search}` : ''}`;
}

export const entryHref = (challengeId: string, submissionId: string) => `/challenges/${challengeId}/gallery/${submissionId}`;

/**
 * Where a vote action may send the viewer back to: a page of this challenge's gallery (or one entry of it), never
 * another site or page (the value comes from a form field).
 */
export function safeGalleryReturn(challengeId: string, value: string): string {
  const base = `/challenges/${challengeId}/gallery`;
  const underGallery = value.startsWith(`${base}?`) || value.startsWith(`${base}/`);
  if (value === base || (underGallery && !value.includes('//') && !value.includes('\\'))) return value;
  return base;
}

/** Whether the entries are public now, from what the challenge page knows (the API's gallery is the authority). */
export function galleryIsPublic(c: { submissionVisibility: SubmissionVisibility; status: string; round?: number | null }): boolean {
  if (c.submissionVisibility === 'GALLERY') return c.status !== 'DRAFT';
  if (c.submissionVisibility === 'GALLERY_AFTER_CLOSE') return ['JUDGING', 'AWARDED', 'CLOSED'].includes(c.status) || (c.status === 'OPEN' && c.round === 2);
  return false;
}

/** A gallery after close whose submissions are still open: its entries are not public yet. */
export const galleryOpensLater = (c: { submissionVisibility: SubmissionVisibility; status: string; round?: number | null }) =>
  c.submissionVisibility === 'GALLERY_AFTER_CLOSE' && !galleryIsPublic(c) && (c.status === 'OPEN' || c.status === 'DRAFT');

export interface VotingState {
  startsAt: string;
  endsAt: string;
  isOpen: boolean;
  viewerVotesLeft?: number | null;
}

export type WindowPhase = 'open' | 'upcoming' | 'closed';

/** Where the window stands: open (the API says so), upcoming (before it starts) or closed. */
export function votingPhase(voting: Pick<VotingState, 'startsAt' | 'isOpen'>, now: Date): WindowPhase {
  if (voting.isOpen) return 'open';
  return new Date(voting.startsAt).getTime() > now.getTime() ? 'upcoming' : 'closed';
}

/** "Votes left: 2 of 3". */
export const votesLeftText = (left: number) => `Votes left: ${Math.max(0, left)} of ${VOTES_PER_VOTER}`;

/** The first image of an entry with a preview (its card's picture), if any. */
export function firstPreview<A extends { contentType: string; previewUrl?: string | null }>(attachments: readonly A[]): A | undefined {
  return attachments.find((a) => a.contentType.startsWith('image/') && a.previewUrl);
}

/**
 * What a card (or the entry page) offers: the vote button (`vote`/`withdraw`), or why not. Sponsor members and the
 * entry's author are told; outside the window nothing is offered (the window's words say why).
 */
export type VoteControl = 'vote' | 'withdraw' | 'votedClosed' | 'own' | 'sponsor' | 'signIn' | 'none';

export function voteControl({ voting, signedIn, own, sponsorMember, viewerHasVoted }: {
  voting: Pick<VotingState, 'isOpen'> | null | undefined;
  signedIn: boolean;
  own: boolean;
  sponsorMember: boolean;
  viewerHasVoted: boolean | null | undefined;
}): VoteControl {
  if (own) return 'own';
  if (!voting) return 'none';
  if (!voting.isOpen) return viewerHasVoted ? 'votedClosed' : 'none';
  if (!signedIn) return 'signIn';
  if (sponsorMember) return 'sponsor';
  return viewerHasVoted ? 'withdraw' : 'vote';
}

export const USED_UP_MESSAGE = `You have used your ${VOTES_PER_VOTER} votes. Withdraw one to vote for this entry.`;

/** A refused castVote or withdrawVote in words (the server's text is only matched, never shown). */
export function voteRefusal(error: unknown, intent: 'cast' | 'withdraw'): FormState {
  if (!(error instanceof GatewayError)) return { formError: UNREACHABLE_MESSAGE };
  const code = error.code;
  const message = error.errors[0]?.message ?? '';
  const say = (formError: string): FormState => ({ formError, code });
  switch (code) {
    case 'UNAUTHENTICATED':
      return say('Your session has ended. Log in again to vote.');
    case 'CONFLICT':
      return say(/used your|votes in this challenge/i.test(message) ? USED_UP_MESSAGE : 'You have already voted for this entry.');
    case 'FORBIDDEN':
      return say(/sponsor/i.test(message) ? 'Members of the sponsoring organization cannot vote in its challenges.' : 'You cannot vote for your own entry or your team’s.');
    case 'FAILED_PRECONDITION': {
      const age = message.match(/at least (\d+) hours? old/);
      if (age) return say(`Your account is too new to vote: accounts can vote once they are ${age[1]} hours old.`);
      return say(intent === 'cast' ? 'Voting is not open now. Reload the page to see when it opens or closes.' : 'Voting has closed: votes can no longer be withdrawn.');
    }
    case 'NOT_FOUND':
      return say(intent === 'cast' ? 'This entry is not public, or no longer exists.' : 'You have no vote for this entry to withdraw. Reload the page to see your votes.');
    default:
      return say(CODE_MESSAGES[code ?? ''] ?? formMessage(code, undefined));
  }
}

/** Why the fraud rules flagged a vote, in words for the sponsor. */
export const FLAG_REASONS: Record<VoteFlagReason, string> = {
  ADDRESS_BURST: 'More than 5 votes from one network address within 10 minutes',
  ACCOUNT_BATCH: 'Account created within 10 minutes of 4 or more others voting for the same entry',
};
