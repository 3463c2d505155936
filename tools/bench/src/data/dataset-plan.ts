import { currencyExponent, platformFee } from '@ideagora/money';
import type { DatasetSize } from './dataset.types';
import { hashSeed, Random, UUID_KIND, uuidV7 } from './random';
import { challengeSubmissions, STREAM } from './submission-sequence';
import { challengeTitle, organizationName, PRIZE_LABELS } from './vocabulary';

/**
 * The skeleton of the whole data set, small enough to hold in memory (tens of thousands of challenges, the solver
 * ids): who owns what, every challenge's timeline, prizes, funding, winners and payouts. Loaders turn it into rows;
 * the bulk (submissions and their text) is streamed from it, never stored.
 */

export interface SizeSpec {
  challenges: number;
  solvers: number;
  submissions: number;
  bigChallengeSubmissions: number;
  awards: number;
}

/**
 * `tiny` has 400 solvers rather than 200: its big challenge holds 300 submissions and (challenge, author) is unique,
 * so it needs at least 300 distinct solvers.
 */
export const SIZES: Record<DatasetSize, SizeSpec> = {
  tiny: { challenges: 40, solvers: 400, submissions: 1_000, bigChallengeSubmissions: 300, awards: 40 },
  small: { challenges: 2_000, solvers: 10_000, submissions: 50_000, bigChallengeSubmissions: 10_000, awards: 2_000 },
  large: { challenges: 20_000, solvers: 200_000, submissions: 1_000_000, bigChallengeSubmissions: 100_000, awards: 20_000 },
};

export type PlannedStatus = 'DRAFT' | 'OPEN' | 'JUDGING' | 'CLOSED';
export type ChallengeKindName = 'IDEATION' | 'THEORETICAL' | 'REDUCTION_TO_PRACTICE' | 'DESIGN';

export interface UserPlan {
  id: string;
  createdAt: number;
}

export interface OrganizationPlan {
  index: number;
  id: string;
  name: string;
  owner: UserPlan;
  createdAt: number;
}

export interface FundingPlan {
  id: string;
  /** n of pi_bench_<n> / ch_bench_<n>. */
  sequence: number;
  prizePoolMinor: bigint;
  feeMinor: bigint;
  createdAt: number;
  /** Whole seconds: set from the Stripe event's `created`. */
  succeededAt: number;
  updatedAt: number;
  /** challenges.challenge_funding.updated_at (FundingSucceeded applied). */
  readModelUpdatedAt: number;
}

export interface AwardPlan {
  id: string;
  payoutId: string;
  rank: number;
  amountMinor: bigint;
  submissionId: string;
  winnerIndex: number;
  winnerId: string;
  awardedAt: number;
  /** When challenges applied PrizeAwarded (prize.awarded_at). */
  appliedAt: number;
  /** When the payout processor claimed the payout (its lease starts). */
  claimedAt: number;
  paidAt: number;
  /** n of tr_bench_<n>. */
  transferSequence: number;
}

export interface PrizePlan {
  rank: number;
  label: string;
  amountMinor: bigint;
  award: AwardPlan | null;
}

export interface SettlementPlan {
  refundId: string;
  createdAt: number;
  settledAt: number;
}

export interface ChallengePlan {
  index: number;
  id: string;
  organization: OrganizationPlan;
  status: PlannedStatus;
  type: ChallengeKindName;
  visibility: 'PUBLIC' | 'INVITE_ONLY';
  currency: string;
  title: string;
  titleNouns: string[];
  createdAt: number;
  publishedAt: number | null;
  deadline: number;
  updatedAt: number;
  /** ChallengeChanged version: created 1, published 2, judging 3, awarded 4, closed 5. */
  version: number;
  prizes: PrizePlan[];
  totalPrizeMinor: bigint;
  funding: FundingPlan | null;
  submissionCount: number;
  firstSubmissionSequence: number;
  /** Submissions are stamped within [start, end): after publication, before the deadline (or "now"). */
  submissionWindow: { start: number; end: number };
  settlement: SettlementPlan | null;
  /** updated_at of the read models' rows (the last ChallengeChanged applied a moment after the change). */
  readModelUpdatedAt: number;
}

export interface PayoutAccountPlan {
  userId: string;
  stripeAccountId: string;
  createdAt: number;
  /** Unix seconds of the account.updated event that made it ACTIVE. */
  lastEventCreated: number;
  updatedAt: number;
}

export interface DatasetPlan {
  size: DatasetSize;
  seed: number;
  spec: SizeSpec;
  now: number;
  feeBasisPoints: number;
  sponsors: UserPlan[];
  solverIds: string[];
  solverCreatedAt: Float64Array;
  organizations: OrganizationPlan[];
  challenges: ChallengePlan[];
  bigChallenge: ChallengePlan;
  payoutAccounts: PayoutAccountPlan[];
  totals: { prizes: number; fundings: number; awards: number; ledgerTransactions: number; ledgerPostings: number };
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The generated history spans two years before "now". */
const HISTORY = 730 * DAY;

const TYPES: readonly (readonly [ChallengeKindName, number])[] = [
  ['IDEATION', 35],
  ['THEORETICAL', 20],
  ['REDUCTION_TO_PRACTICE', 25],
  ['DESIGN', 20],
];
const CURRENCIES: readonly (readonly [string, number])[] = [
  ['USD', 80],
  ['EUR', 15],
  ['JPY', 5],
];
const PRIZE_COUNTS: readonly (readonly [number, number])[] = [
  [1, 25],
  [2, 25],
  [3, 25],
  [4, 15],
  [5, 10],
];

const hourFloor = (ms: number) => Math.floor(ms / HOUR) * HOUR;

export function buildPlan(size: DatasetSize, seed: number, now: number, feeBasisPoints: number): DatasetPlan {
  const spec = SIZES[size];
  const rng = new Random(hashSeed(seed, STREAM.plan));
  const windowStart = now - HISTORY;

  // ---- sponsors and their organizations (one OWNER each, created before the history starts) ----
  const organizationCount = Math.max(1, Math.round(spec.challenges / 10));
  const sponsors: UserPlan[] = [];
  const organizations: OrganizationPlan[] = [];
  for (let i = 0; i < organizationCount; i += 1) {
    const organizationCreatedAt = Math.floor(windowStart - rng.between(DAY, 90 * DAY));
    const ownerCreatedAt = Math.floor(organizationCreatedAt - rng.between(HOUR, 30 * DAY));
    const owner = { id: uuidV7(ownerCreatedAt, UUID_KIND.sponsor, i, rng.u32()), createdAt: ownerCreatedAt };
    sponsors.push(owner);
    organizations.push({
      index: i,
      id: uuidV7(organizationCreatedAt, UUID_KIND.organization, i, rng.u32()),
      name: organizationName(rng),
      owner,
      createdAt: organizationCreatedAt,
    });
  }

  // ---- solvers: signed up before the history starts, so any submission comes after its author's sign-up ----
  const solverIds: string[] = new Array(spec.solvers);
  const solverCreatedAt = new Float64Array(spec.solvers);
  for (let i = 0; i < spec.solvers; i += 1) {
    const createdAt = Math.floor(windowStart - rng.between(0, 365 * DAY));
    solverCreatedAt[i] = createdAt;
    solverIds[i] = uuidV7(createdAt, UUID_KIND.solver, i, rng.u32());
  }

  // ---- statuses: 5 % DRAFT, 10 % JUDGING, 30 % CLOSED, the rest OPEN ----
  const drafts = Math.round(spec.challenges * 0.05);
  const judging = Math.max(1, Math.round(spec.challenges * 0.1));
  const closed = Math.round(spec.challenges * 0.3);
  const statuses: PlannedStatus[] = rng.shuffle([
    ...Array<PlannedStatus>(drafts).fill('DRAFT'),
    ...Array<PlannedStatus>(judging).fill('JUDGING'),
    ...Array<PlannedStatus>(closed).fill('CLOSED'),
    ...Array<PlannedStatus>(spec.challenges - drafts - judging - closed).fill('OPEN'),
  ]);
  if (spec.awards < closed || spec.awards > closed * PRIZE_LABELS.length) {
    throw new Error(`${spec.awards} awards cannot be spread over ${closed} closed challenges of 1 to ${PRIZE_LABELS.length} prizes`);
  }
  const bigIndex = statuses.indexOf('JUDGING');

  // Closed challenges award every prize: their prize counts add up to the award target exactly.
  const closedPrizeCounts = closedPrizeCountsFor(rng, closed, spec.awards);
  let closedSeen = 0;

  const challenges: ChallengePlan[] = [];
  let fundingSequence = 0;
  for (let index = 0; index < spec.challenges; index += 1) {
    const status = statuses[index]!;
    const organization = organizations[rng.int(0, organizationCount - 1)]!;
    const big = index === bigIndex;
    const currency = big ? 'USD' : rng.weighted(CURRENCIES);
    const prizeCount = status === 'CLOSED' ? closedPrizeCounts[closedSeen++]! : rng.weighted(PRIZE_COUNTS);
    const prizes = prizesFor(rng, currency, prizeCount);
    const totalPrizeMinor = prizes.reduce((sum, p) => sum + p.amountMinor, 0n);
    const { title, nouns } = challengeTitle(rng);
    const timeline = timelineFor(rng, status, now, windowStart);
    const challenge: ChallengePlan = {
      index,
      id: uuidV7(timeline.createdAt, UUID_KIND.challenge, index, rng.u32()),
      organization,
      status,
      type: rng.weighted(TYPES),
      visibility: !big && rng.chance(0.1) ? 'INVITE_ONLY' : 'PUBLIC',
      currency,
      title,
      titleNouns: nouns,
      createdAt: timeline.createdAt,
      publishedAt: timeline.publishedAt,
      deadline: timeline.deadline,
      updatedAt: timeline.updatedAt,
      version: { DRAFT: 1, OPEN: 2, JUDGING: 3, CLOSED: 5 }[status],
      prizes,
      totalPrizeMinor,
      funding: null,
      submissionCount: 0,
      firstSubmissionSequence: 0,
      submissionWindow: timeline.submissionWindow,
      settlement: null,
      readModelUpdatedAt: timeline.updatedAt,
    };
    if (timeline.publishedAt !== null) {
      // Funded between creation and publication (publishing requires a SUCCEEDED funding).
      const createdAt = Math.floor(timeline.createdAt + (timeline.publishedAt - timeline.createdAt) * rng.between(0.3, 0.7));
      const succeededAt = Math.floor((createdAt + rng.between(30 * SECOND, 10 * MINUTE)) / SECOND) * SECOND;
      const updatedAt = succeededAt + rng.int(200, 2000);
      fundingSequence += 1;
      challenge.funding = {
        id: uuidV7(createdAt, UUID_KIND.funding, fundingSequence, rng.u32()),
        sequence: fundingSequence,
        prizePoolMinor: totalPrizeMinor,
        feeMinor: platformFee(totalPrizeMinor, feeBasisPoints),
        createdAt,
        succeededAt,
        updatedAt,
        readModelUpdatedAt: updatedAt + rng.int(100, 1000),
      };
    }
    challenges.push(challenge);
  }
  const bigChallenge = challenges[bigIndex]!;

  distributeSubmissions(rng, challenges, bigChallenge, spec);
  let sequence = 0;
  for (const challenge of challenges) {
    challenge.firstSubmissionSequence = sequence;
    sequence += challenge.submissionCount;
  }

  // ---- closed challenges: every prize awarded to a distinct submission, paid, settled, closed ----
  const plan: DatasetPlan = {
    size,
    seed,
    spec,
    now,
    feeBasisPoints,
    sponsors,
    solverIds,
    solverCreatedAt,
    organizations,
    challenges,
    bigChallenge,
    payoutAccounts: [],
    totals: { prizes: 0, fundings: fundingSequence, awards: 0, ledgerTransactions: 0, ledgerPostings: 0 },
  };
  let awardSequence = 0;
  const firstAwardOf = new Map<number, number>();
  for (const challenge of challenges) {
    plan.totals.prizes += challenge.prizes.length;
    if (challenge.status !== 'CLOSED') continue;
    const winners = new Set<number>();
    while (winners.size < challenge.prizes.length) winners.add(rng.int(0, challenge.submissionCount - 1));
    const ranked = [...winners]; // insertion order: rank 1 first
    const byK = new Map<number, { id: string; authorIndex: number }>();
    const last = Math.max(...ranked);
    let k = 0;
    for (const submission of challengeSubmissions(plan, challenge)) {
      if (winners.has(k)) byK.set(k, { id: submission.id, authorIndex: submission.authorIndex });
      if (k === last) break;
      k += 1;
    }
    const judgingAt = challenge.submissionWindow.end + MINUTE + rng.int(0, 59_999);
    let awardedAt = Math.floor(judgingAt + rng.between(DAY, 14 * DAY));
    for (const prize of challenge.prizes) {
      const winner = byK.get(ranked[prize.rank - 1]!)!;
      awardSequence += 1;
      const claimedAt = awardedAt + rng.int(20, 400);
      const award: AwardPlan = {
        id: uuidV7(awardedAt, UUID_KIND.award, awardSequence, rng.u32()),
        payoutId: uuidV7(awardedAt, UUID_KIND.payout, awardSequence, rng.u32()),
        rank: prize.rank,
        amountMinor: prize.amountMinor,
        submissionId: winner.id,
        winnerIndex: winner.authorIndex,
        winnerId: solverIds[winner.authorIndex]!,
        awardedAt,
        appliedAt: awardedAt + rng.int(100, 1500),
        claimedAt,
        paidAt: claimedAt + rng.int(150, 1500),
        transferSequence: awardSequence,
      };
      prize.award = award;
      const known = firstAwardOf.get(award.winnerIndex);
      if (known === undefined || awardedAt < known) firstAwardOf.set(award.winnerIndex, awardedAt);
      awardedAt += Math.floor(rng.between(MINUTE, 2 * HOUR));
    }
    const awards = challenge.prizes.map((p) => p.award!);
    // The last PrizeAwarded moves the challenge to AWARDED; payouts then queues the settlement (nothing to refund:
    // every prize is awarded), which completes once every transfer is paid; ChallengeSettled closes the challenge.
    const awardedStatusAt = Math.max(...awards.map((a) => a.appliedAt));
    const settlementCreatedAt = awardedStatusAt + rng.int(100, 800);
    const settledAt = Math.max(settlementCreatedAt, ...awards.map((a) => a.paidAt)) + rng.int(50, 1000);
    const closedAt = settledAt + rng.int(100, 800);
    challenge.settlement = {
      refundId: uuidV7(settlementCreatedAt, UUID_KIND.refund, challenge.index, rng.u32()),
      createdAt: settlementCreatedAt,
      settledAt,
    };
    challenge.updatedAt = closedAt;
  }
  plan.totals.awards = awardSequence;
  for (const challenge of challenges) challenge.readModelUpdatedAt = challenge.updatedAt + rng.int(50, 800);

  // ---- winners' Stripe accounts: ACTIVE before their first award (so payouts went straight to PROCESSING) ----
  let accountSequence = 0;
  for (const [winnerIndex, firstAwardAt] of firstAwardOf) {
    const createdAt = Math.floor(firstAwardAt - rng.between(2 * DAY, 60 * DAY));
    const lastEventCreated = Math.floor((createdAt + rng.between(MINUTE, 2 * HOUR)) / SECOND);
    accountSequence += 1;
    plan.payoutAccounts.push({
      userId: solverIds[winnerIndex]!,
      stripeAccountId: `acct_bench_${accountSequence}`,
      createdAt,
      lastEventCreated,
      updatedAt: lastEventCreated * SECOND + rng.int(100, 2000),
    });
  }

  // Ledger: a funding posts 3 postings (2 without a fee); an award and its transfer post 2 each.
  for (const challenge of challenges) {
    if (!challenge.funding) continue;
    plan.totals.ledgerTransactions += 1;
    plan.totals.ledgerPostings += challenge.funding.feeMinor > 0n ? 3 : 2;
  }
  plan.totals.ledgerTransactions += 2 * awardSequence;
  plan.totals.ledgerPostings += 4 * awardSequence;
  return plan;
}

/** Prize counts (1..5) of the closed challenges, adding up to exactly `awards`. */
function closedPrizeCountsFor(rng: Random, closed: number, awards: number): number[] {
  const counts = Array<number>(closed).fill(1);
  let left = awards - closed;
  while (left > 0) {
    const i = rng.int(0, closed - 1);
    if (counts[i]! >= PRIZE_LABELS.length) continue;
    counts[i]! += 1;
    left -= 1;
  }
  return counts;
}

/**
 * A prize pool between 1,000 and 100,000 major units (JPY: 100 times more, it has no minor unit), log-uniform,
 * split over the ranks in decreasing shares rounded to 100 major units (JPY 10,000); rank 1 takes the rest.
 * Stays well under the funding's single-charge limit (99,999,999 minor units with the fee).
 */
function prizesFor(rng: Random, currency: string, count: number): PrizePlan[] {
  const scale = currency === 'JPY' ? 100 : 1;
  const minor = 10n ** BigInt(currencyExponent(currency));
  const poolMajor = Math.round((1_000 * Math.exp(rng.next() * Math.log(100))) / 500) * 500 * scale;
  const unit = 100 * scale;
  const weights = Array.from({ length: count }, (_, i) => count - i);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const majors = weights.map((w) => Math.max(unit, Math.round((poolMajor * w) / totalWeight / unit) * unit));
  majors[0] = Math.max(unit, poolMajor - majors.slice(1).reduce((a, b) => a + b, 0));
  return majors.map((amount, i) => ({
    rank: i + 1,
    label: count === 1 ? 'Grand prize' : PRIZE_LABELS[i]!,
    amountMinor: BigInt(amount) * minor,
    award: null,
  }));
}

interface Timeline {
  createdAt: number;
  publishedAt: number | null;
  deadline: number;
  updatedAt: number;
  submissionWindow: { start: number; end: number };
}

/** Creation, publication and deadline consistent with the status (and with createChallenge's "within two years"). */
function timelineFor(rng: Random, status: PlannedStatus, now: number, windowStart: number): Timeline {
  switch (status) {
    case 'DRAFT': {
      const createdAt = Math.floor(now - rng.between(HOUR, 60 * DAY));
      const deadline = hourFloor(now + rng.between(30 * DAY + HOUR, 120 * DAY));
      return { createdAt, publishedAt: null, deadline, updatedAt: createdAt, submissionWindow: { start: 0, end: 0 } };
    }
    case 'OPEN': {
      const createdAt = Math.floor(now - rng.between(2 * DAY, 600 * DAY));
      const publishedAt = Math.min(Math.floor(createdAt + rng.between(HOUR, 7 * DAY)), now - HOUR);
      const deadline = hourFloor(now + rng.between(30 * DAY + HOUR, 120 * DAY));
      return { createdAt, publishedAt, deadline, updatedAt: publishedAt, submissionWindow: { start: publishedAt + MINUTE, end: now - MINUTE } };
    }
    case 'JUDGING': {
      const deadline = hourFloor(now - rng.between(DAY, 30 * DAY));
      const publishedAt = Math.floor(deadline - rng.between(30 * DAY, 120 * DAY));
      const createdAt = Math.floor(publishedAt - rng.between(HOUR, 7 * DAY));
      // The deadline sweep runs every minute.
      const judgingAt = deadline + rng.int(0, 59_999);
      return { createdAt, publishedAt, deadline, updatedAt: judgingAt, submissionWindow: { start: publishedAt + MINUTE, end: deadline - MINUTE } };
    }
    case 'CLOSED': {
      const deadline = hourFloor(rng.between(windowStart + 130 * DAY, now - 20 * DAY));
      const publishedAt = Math.floor(deadline - rng.between(30 * DAY, 120 * DAY));
      const createdAt = Math.floor(publishedAt - rng.between(HOUR, 7 * DAY));
      // updatedAt is replaced by the closing time once the awards are planned.
      return { createdAt, publishedAt, deadline, updatedAt: deadline, submissionWindow: { start: publishedAt + MINUTE, end: deadline - MINUTE } };
    }
  }
}

/**
 * Exactly `spec.submissions` submissions: the big challenge gets its share, closed challenges at least one per
 * prize (distinct winners), the rest spread log-normally (a few popular contests, a long tail), each capped by the
 * number of solvers and kept below the big challenge.
 */
function distributeSubmissions(rng: Random, challenges: ChallengePlan[], big: ChallengePlan, spec: SizeSpec): void {
  big.submissionCount = spec.bigChallengeSubmissions;
  const eligible = challenges.filter((c) => c.status !== 'DRAFT' && c !== big);
  const cap = Math.min(spec.solvers, spec.bigChallengeSubmissions - 1);
  let left = spec.submissions - spec.bigChallengeSubmissions;
  for (const challenge of eligible) {
    challenge.submissionCount = challenge.status === 'CLOSED' ? Math.max(challenge.prizes.length, 3) : 0;
    left -= challenge.submissionCount;
  }
  if (left < 0) throw new Error('not enough submissions for the closed challenges’ winners');
  const weights = eligible.map(() => Math.exp(1.1 * rng.gaussian()));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const share = left;
  eligible.forEach((challenge, i) => {
    const extra = Math.min(cap - challenge.submissionCount, Math.floor((share * weights[i]!) / totalWeight));
    challenge.submissionCount += extra;
    left -= extra;
  });
  // Rounding (and caps) leave a remainder: one more each, in random order, until none is left.
  const order = rng.shuffle([...eligible]);
  while (left > 0) {
    let placed = 0;
    for (const challenge of order) {
      if (left === 0) break;
      if (challenge.submissionCount >= cap) continue;
      challenge.submissionCount += 1;
      left -= 1;
      placed += 1;
    }
    if (placed === 0) throw new Error(`cannot place ${left} more submissions: every challenge is at its cap of ${cap}`);
  }
}
