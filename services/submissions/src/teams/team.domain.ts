import { splitByLargestRemainder } from '@ideagora/money';
import { BadUserInputError, FailedPreconditionError } from '@ideagora/subgraph-kit';

/**
 * A team's prize split: basis points per member, summing to TOTAL_BASIS_POINTS, agreed by every member.
 * Values match the GraphQL enum `SplitStatus`.
 */
export enum SplitStatus {
  PROPOSED = 'PROPOSED',
  AGREED = 'AGREED',
}

export const TOTAL_BASIS_POINTS = 10_000;
/** Members plus pending invitations. */
export const MAX_TEAM_SIZE = 20;
export const INVITATION_TTL_DAYS = 14;

/**
 * What changes a split:
 * - create: the creator holds 10,000: version 1, AGREED at once.
 * - propose: any member proposes shares (or an equal split): a new version, PROPOSED, every agreement cleared but the
 *   proposer's (proposing is agreeing: a team of one is AGREED at once, see completeAgreement).
 * - join: an invitee accepts: they hold 0; a new version, PROPOSED, every agreement cleared.
 * - agree: a member agrees to the current version while others have not yet: stays PROPOSED.
 * - completeAgreement: the last agreement (or a proposal/leave after which every member has agreed): AGREED.
 * - leave: a member leaves; their share goes to the others pro rata, nobody's share decreases, so the status stays
 *   (an AGREED split stays AGREED at a new version; a PROPOSED one stays PROPOSED at a new version, agreements kept).
 */
export type SplitAction = 'create' | 'propose' | 'join' | 'agree' | 'completeAgreement' | 'leave';

/** The one table of allowed transitions: action -> (from -> to). `create` has no "from": it starts the machine. */
const TRANSITIONS: Record<Exclude<SplitAction, 'create'>, Partial<Record<SplitStatus, SplitStatus>>> = {
  propose: { [SplitStatus.PROPOSED]: SplitStatus.PROPOSED, [SplitStatus.AGREED]: SplitStatus.PROPOSED },
  join: { [SplitStatus.PROPOSED]: SplitStatus.PROPOSED, [SplitStatus.AGREED]: SplitStatus.PROPOSED },
  agree: { [SplitStatus.PROPOSED]: SplitStatus.PROPOSED },
  completeAgreement: { [SplitStatus.PROPOSED]: SplitStatus.AGREED },
  leave: { [SplitStatus.PROPOSED]: SplitStatus.PROPOSED, [SplitStatus.AGREED]: SplitStatus.AGREED },
};

export const INITIAL_SPLIT_STATUS = SplitStatus.AGREED;

export class InvalidSplitTransitionError extends FailedPreconditionError {
  constructor(
    readonly status: SplitStatus,
    readonly action: SplitAction,
  ) {
    super(status === SplitStatus.AGREED && action === 'agree' ? 'The split is already agreed by every member' : `A ${status} split cannot take "${action}"`);
  }
}

export function canTransition(status: SplitStatus, action: SplitAction): boolean {
  if (action === 'create') return false;
  return TRANSITIONS[action][status] !== undefined;
}

/** The status after `action`, or FAILED_PRECONDITION when the current status does not allow it. */
export function nextSplitStatus(status: SplitStatus, action: SplitAction): SplitStatus {
  if (action === 'create') return INITIAL_SPLIT_STATUS;
  const to = TRANSITIONS[action][status];
  if (to === undefined) throw new InvalidSplitTransitionError(status, action);
  return to;
}

/** A member's place in a split, in the split's stated order (join order). */
export interface SplitShare {
  userId: string;
  basisPoints: number;
  agreedAt: Date | null;
}

export interface Split {
  version: number;
  status: SplitStatus;
  /** An equal split: divided 1:1:… whatever the rounded basis points shown. */
  equal: boolean;
  shares: SplitShare[];
}

/** 10,000 basis points over `count` members in join order (3: 3334/3333/3333). */
export function equalBasisPoints(count: number): number[] {
  return splitByLargestRemainder(BigInt(TOTAL_BASIS_POINTS), Array.from({ length: count }, () => 1n)).map(Number);
}

/**
 * Checks a proposal: every member exactly once, integers 0..10,000, summing to 10,000. Returns the shares in the
 * members' (join) order. BAD_USER_INPUT field "shares" otherwise.
 */
export function parseProposedShares(memberIds: readonly string[], shares: readonly { userId: string; basisPoints: number }[]): { userId: string; basisPoints: number }[] {
  const byUser = new Map<string, number>();
  for (const share of shares) {
    const userId = String(share.userId).toLowerCase();
    if (!Number.isInteger(share.basisPoints) || share.basisPoints < 0 || share.basisPoints > TOTAL_BASIS_POINTS) {
      throw new BadUserInputError('shares', `each share is a whole number of basis points from 0 to ${TOTAL_BASIS_POINTS}`);
    }
    if (byUser.has(userId)) throw new BadUserInputError('shares', 'names a member more than once');
    if (!memberIds.includes(userId)) throw new BadUserInputError('shares', 'names someone who is not a member of the team');
    byUser.set(userId, share.basisPoints);
  }
  const missing = memberIds.filter((id) => !byUser.has(id));
  if (missing.length > 0) throw new BadUserInputError('shares', 'must name every member of the team exactly once');
  const sum = [...byUser.values()].reduce((a, b) => a + b, 0);
  if (sum !== TOTAL_BASIS_POINTS) throw new BadUserInputError('shares', `must sum to ${TOTAL_BASIS_POINTS} basis points (they sum to ${sum})`);
  return memberIds.map((userId) => ({ userId, basisPoints: byUser.get(userId)! }));
}

/** A new proposal by `proposerId`: the next version, PROPOSED (or AGREED when the proposer is the only member). */
export function propose(split: Split, proposerId: string, shares: readonly { userId: string; basisPoints: number }[], equal: boolean, now: Date): Split {
  const status = nextSplitStatus(split.status, 'propose');
  const proposed: Split = {
    version: split.version + 1,
    status,
    equal,
    shares: shares.map((s) => ({ userId: s.userId, basisPoints: s.basisPoints, agreedAt: s.userId === proposerId ? now : null })),
  };
  return completeIfAllAgreed(proposed);
}

/** An invitee joins with 0: the next version, PROPOSED, no agreement left. */
export function join(split: Split, userId: string): Split {
  return {
    version: split.version + 1,
    status: nextSplitStatus(split.status, 'join'),
    equal: false,
    shares: [...split.shares.map((s) => ({ ...s, agreedAt: null })), { userId, basisPoints: 0, agreedAt: null }],
  };
}

/**
 * `userId` agrees to `version`. Agreeing again, or to an AGREED split at its current version, changes nothing
 * (returns the split unchanged). The caller checks the version first (an older one: CONFLICT).
 */
export function agree(split: Split, userId: string, now: Date): Split {
  const share = split.shares.find((s) => s.userId === userId);
  if (!share) throw new RangeError('not a member of the split');
  if (split.status === SplitStatus.AGREED || share.agreedAt) return split;
  const agreed: Split = { ...split, shares: split.shares.map((s) => (s.userId === userId ? { ...s, agreedAt: now } : s)) };
  if (agreed.shares.every((s) => s.agreedAt)) return { ...agreed, status: nextSplitStatus(split.status, 'completeAgreement') };
  return { ...agreed, status: nextSplitStatus(split.status, 'agree') };
}

function completeIfAllAgreed(split: Split): Split {
  if (split.status === SplitStatus.PROPOSED && split.shares.every((s) => s.agreedAt)) return { ...split, status: nextSplitStatus(split.status, 'completeAgreement') };
  return split;
}

/**
 * `userId` leaves: their basis points go to the others pro rata to what they hold (largest remainder; equally when
 * every other member holds 0); an equal split stays equal over the members left. Nobody's share decreases, so the
 * status stays (a PROPOSED split whose only missing agreement was the leaver's becomes AGREED). A new version.
 * Throws RangeError for the last member (the caller decides: dissolve or refuse).
 */
export function leave(split: Split, userId: string): Split {
  const status = nextSplitStatus(split.status, 'leave');
  const rest = split.shares.filter((s) => s.userId !== userId);
  if (rest.length === split.shares.length) throw new RangeError('not a member of the split');
  if (rest.length === 0) throw new RangeError('the last member cannot leave a split');
  const held = rest.map((s) => BigInt(s.basisPoints));
  const points = split.equal
    ? equalBasisPoints(rest.length)
    : splitByLargestRemainder(BigInt(TOTAL_BASIS_POINTS), held.some((w) => w > 0n) ? held : rest.map(() => 1n)).map(Number);
  return completeIfAllAgreed({ version: split.version + 1, status, equal: split.equal, shares: rest.map((s, i) => ({ ...s, basisPoints: points[i] })) });
}

/** TeamSplitAgreed's division weights: 1 each for an equal split, the basis points otherwise. */
export function splitWeights(split: Split): { userId: string; basisPoints: number; weight: number }[] {
  return split.shares.map((s) => ({ userId: s.userId, basisPoints: s.basisPoints, weight: split.equal ? 1 : s.basisPoints }));
}
