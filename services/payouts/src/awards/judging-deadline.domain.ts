import { splitByLargestRemainder } from '@ideagora/money';

/** A prize as the judging deadline sees it: its amount per place, its places, and how many are awarded already. */
export interface DeadlinePrize {
  rank: number;
  amountMinor: bigint;
  quantity: number;
  awarded: number;
  /** Awarded by the public vote (decideCommunityChoice): the judging deadline leaves it alone. */
  communityChoice?: boolean;
}

export interface JudgingDeadlineFacts {
  /** The whole pool is paid out: without it, nothing is awarded (what is left is refunded). */
  guaranteed: boolean;
  prizes: readonly DeadlinePrize[];
  /** The final ranking (JudgingRankingFixed), best first. */
  ranking: readonly string[];
  /** The shortlist (JudgingRankingFixed), in its order. */
  shortlist: readonly string[];
  /** Every submission of the challenge payouts knows (submission_view), oldest first. */
  submissions: readonly string[];
  /**
   * Submissions already awarded something in this challenge other than a community-choice prize (the vote's winners
   * may win a jury place too, whichever of the two decisions is applied first).
   */
  awardedSubmissions: ReadonlySet<string>;
}

/** An automatic award: a prize place to a submission, and what it pays (the prize's amount, or a share). */
export interface AutomaticAward {
  prizeRank: number;
  submissionId: string;
  amountMinor: bigint;
  /** PLACE: a ranked submission fills a place; SHARE: a share of the money of places left without one. */
  kind: 'PLACE' | 'SHARE';
}

/**
 * What the judging deadline decides for what is left undecided ("nothing stays undecided"):
 * - not guaranteed: nothing (the rest is refunded);
 * - guaranteed: each prize's remaining places (quantity minus awarded), prize by prize in rank order, go to the
 *   best-ranked submissions not yet awarded anything; the money of places left without a ranked submission is shared
 *   equally (largest remainder, integer minor units) among the shortlisted submissions not awarded, else among all
 *   the challenge's submissions not awarded; with none, nothing (refunded).
 * Community-choice prizes are left to the vote (decideCommunityChoice): their places are not filled from the judges'
 * ranking, and their money is not shared. Only submissions the challenge has count (an id of another challenge, or
 * unknown, is passed over). A share is recorded against the prizes whose money it is: the leftover money of each prize
 * and each recipient's share laid end to end (rank order, recipients' order), one award per (prize, recipient)
 * overlap. So a prize's shares sum to its leftover money, a recipient's awards sum to its share, and each (prize,
 * submission) appears once.
 */
export function decideJudgingDeadline(facts: JudgingDeadlineFacts): AutomaticAward[] {
  if (!facts.guaranteed) return [];
  return fillPrizePlaces({ ...facts, prizes: facts.prizes.filter((p) => !p.communityChoice) }, { share: true });
}

/**
 * Fills the given prizes' remaining places from the ranking (submissions not taken), prize by prize in rank order;
 * with `share`, the money of places left unfilled is shared among the shortlisted submissions not taken, else among
 * all of them not taken.
 */
export function fillPrizePlaces(facts: Omit<JudgingDeadlineFacts, 'guaranteed'>, options: { share: boolean }): AutomaticAward[] {
  const known = new Set(facts.submissions.map(lower));
  const taken = new Set([...facts.awardedSubmissions].map(lower));
  const eligible = (ids: readonly string[]) => unique(ids.map(lower)).filter((id) => known.has(id) && !taken.has(id));

  const ranked = eligible(facts.ranking);
  const awards: AutomaticAward[] = [];
  const leftovers: { rank: number; money: bigint }[] = [];
  for (const prize of [...facts.prizes].sort((a, b) => a.rank - b.rank)) {
    const remaining = Math.max(0, prize.quantity - prize.awarded);
    let unfilled = 0;
    for (let place = 0; place < remaining; place += 1) {
      const next = ranked.shift();
      if (next === undefined) {
        unfilled += 1;
        continue;
      }
      taken.add(next);
      awards.push({ prizeRank: prize.rank, submissionId: next, amountMinor: prize.amountMinor, kind: 'PLACE' });
    }
    if (unfilled > 0 && prize.amountMinor > 0n) leftovers.push({ rank: prize.rank, money: prize.amountMinor * BigInt(unfilled) });
  }

  const leftover = leftovers.reduce((sum, l) => sum + l.money, 0n);
  if (!options.share || leftover === 0n) return awards;
  const shortlisted = eligible(facts.shortlist);
  const recipients = shortlisted.length > 0 ? shortlisted : eligible(facts.submissions);
  if (recipients.length === 0) return awards;
  const shares = shareEqually(leftover, recipients.length);
  return awards.concat(allocateShares(leftovers, recipients, shares));
}

/** `total` in `count` parts differing by at most one minor unit (largest remainder: the first ones get the extra unit). */
export function shareEqually(total: bigint, count: number): bigint[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError('shares need at least one recipient');
  return splitByLargestRemainder(total, new Array<number>(count).fill(1));
}

/** Lays the prizes' leftover money and the recipients' shares end to end: one award per positive overlap. */
function allocateShares(leftovers: readonly { rank: number; money: bigint }[], recipients: readonly string[], shares: readonly bigint[]): AutomaticAward[] {
  const awards: AutomaticAward[] = [];
  let prize = 0;
  let prizeLeft = leftovers[0]?.money ?? 0n;
  recipients.forEach((submissionId, index) => {
    let shareLeft = shares[index]!;
    while (shareLeft > 0n && prize < leftovers.length) {
      const amount = shareLeft < prizeLeft ? shareLeft : prizeLeft;
      awards.push({ prizeRank: leftovers[prize]!.rank, submissionId, amountMinor: amount, kind: 'SHARE' });
      shareLeft -= amount;
      prizeLeft -= amount;
      if (prizeLeft === 0n) {
        prize += 1;
        prizeLeft = leftovers[prize]?.money ?? 0n;
      }
    }
  });
  return awards;
}

function lower(id: string): string {
  return id.toLowerCase();
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
