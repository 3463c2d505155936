import { BadUserInputError } from '@ideagora/subgraph-kit';
import { JudgingNotOpenError } from './judging.errors';

/** A rubric criterion as the read model holds it (ChallengeChanged's `rubric`; no description travels). */
export interface RubricCriterion {
  key: string;
  label: string;
  weightPercent: number;
}

/** The rubric when the sponsor set none: one criterion weighing everything. */
export const DEFAULT_RUBRIC: readonly RubricCriterion[] = [{ key: 'overall', label: 'Overall', weightPercent: 100 }];

export const MAX_COMMENT_CHARS = 2_000;
/** The judging board's ranking snapshot for payouts (JudgingRankingFixed.shortlist). */
export const MAX_SHORTLIST_IN_RANKING_FIXED = 10_000;
/** FinalistsAnnounced parts. */
export const FINALISTS_ANNOUNCED_PART = 1_000;

export function rubricOrDefault(rubric: readonly RubricCriterion[] | null | undefined): readonly RubricCriterion[] {
  return rubric && rubric.length > 0 ? rubric : DEFAULT_RUBRIC;
}

const SCORE_VALUE = /^(?:10(?:\.0)?|\d(?:\.\d)?)$/;

/** "7.5" -> 75 tenths; null when not a 0..10 decimal with at most one decimal. */
export function parseScoreTenths(value: string): number | null {
  if (typeof value !== 'string' || !SCORE_VALUE.test(value)) return null;
  const [whole, decimal = '0'] = value.split('.');
  return Number(whole) * 10 + Number(decimal);
}

/** Tenths as a decimal string: 75 -> "7.5", 70 -> "7". */
export function formatTenths(tenths: number): string {
  return formatScaled(tenths, 1);
}

/** Thousandths as a decimal string with no trailing zeros: 7250 -> "7.25", 2475 -> "2.475". */
export function formatThousandths(thousandths: number): string {
  return formatScaled(thousandths, 3);
}

/** Hundredths as a decimal string with no trailing zeros. */
export function formatHundredths(hundredths: number): string {
  return formatScaled(hundredths, 2);
}

function formatScaled(value: number, decimals: number): string {
  const scale = 10 ** decimals;
  const negative = value < 0;
  const abs = Math.abs(Math.round(value));
  const whole = Math.floor(abs / scale);
  const fraction = String(abs % scale).padStart(decimals, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** A score card's values by criterion key, in tenths, validated against the rubric. */
export type CriterionTenths = Record<string, number>;

/**
 * Every criterion of the rubric exactly once, each value 0..10 with at most one decimal (BAD_USER_INPUT `scores`);
 * the comment trimmed, empty = none, at most 2,000 characters (`comment`). Returns the values in rubric order and the
 * weighted total in thousandths: sum(tenths x weightPercent), exact.
 */
export function parseScoreCard(
  rubric: readonly RubricCriterion[],
  scores: readonly { criterionKey: string; value: string }[],
  comment: string | null | undefined,
): { scores: CriterionTenths; weightedTotal: number; comment: string | null } {
  const given = new Map<string, number>();
  for (const score of scores) {
    if (given.has(score.criterionKey)) throw new BadUserInputError('scores', `criterion "${score.criterionKey}" is scored twice`);
    if (!rubric.some((c) => c.key === score.criterionKey)) throw new BadUserInputError('scores', `"${score.criterionKey}" is not a criterion of this challenge's rubric`);
    const tenths = parseScoreTenths(score.value);
    if (tenths === null) throw new BadUserInputError('scores', `"${score.value}" is not a score from 0 to 10 with at most one decimal`);
    given.set(score.criterionKey, tenths);
  }
  const missing = rubric.filter((c) => !given.has(c.key)).map((c) => c.key);
  if (missing.length > 0) throw new BadUserInputError('scores', `every criterion must be scored; missing: ${missing.join(', ')}`);
  const ordered: CriterionTenths = {};
  let weightedTotal = 0;
  for (const criterion of rubric) {
    const tenths = given.get(criterion.key) as number;
    ordered[criterion.key] = tenths;
    weightedTotal += tenths * criterion.weightPercent;
  }
  const text = comment?.trim() ?? '';
  if (text.length > MAX_COMMENT_CHARS) throw new BadUserInputError('comment', `at most ${MAX_COMMENT_CHARS} characters`);
  return { scores: ordered, weightedTotal, comment: text === '' ? null : text };
}

/** Mean of weighted totals (thousandths), rounded half up to whole thousandths (3 decimals). */
export function meanThousandths(sum: number, count: number): number {
  return Math.floor((2 * sum + count) / (2 * count));
}

/** The statuses and flags that allow scoring, in the order the errors are checked. */
export interface ScorableChallenge {
  status: string;
  judgingClosed: boolean;
  round: number;
  finalistIds: readonly string[];
}

/** Mean of values in tenths, in hundredths rounded half up (a criterion's mean value, 2 decimals). */
export function meanHundredthsOfTenths(sumTenths: number, count: number): number {
  return Math.floor((20 * sumTenths + count) / (2 * count));
}

/** Kendall's W rounded to 3 decimals (the board's `agreement`). */
export function roundAgreement(w: number): number {
  return Math.round(w * 1000) / 1000;
}

/**
 * Ranks within one judge's values: the highest value ranks 1, ties share the mean of the ranks they span (2 and 3
 * tied: 2.5 each). Returns the ranks in input order and the judge's tie term sum(t^3 - t) over tie groups.
 */
export function midRanks(values: readonly number[]): { ranks: number[]; tieTerm: number } {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => b.value - a.value);
  const ranks = new Array<number>(values.length);
  let tieTerm = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].value === order[start].value) end += 1;
    const t = end - start + 1;
    const rank = (start + 1 + end + 1) / 2;
    for (let i = start; i <= end; i += 1) ranks[order[i].index] = rank;
    tieTerm += t ** 3 - t;
    start = end + 1;
  }
  return { ranks, tieTerm };
}

/**
 * Kendall's coefficient of concordance W with the tie correction, over a complete matrix: `scores[j][i]` is judge j's
 * value of item i (every judge scored every item). Not rounded (roundAgreement).
 */
export function kendallsW(scores: readonly (readonly number[])[]): number | null {
  const m = scores.length;
  const n = m > 0 ? scores[0].length : 0;
  if (m < 2 || n < 2) return null;
  if (scores.some((row) => row.length !== n)) throw new Error('kendallsW needs every judge to score every item');
  const rankSums = new Array<number>(n).fill(0);
  let tieTerms = 0;
  for (const row of scores) {
    const { ranks, tieTerm } = midRanks(row);
    ranks.forEach((rank, i) => (rankSums[i] += rank));
    tieTerms += tieTerm;
  }
  const mean = (m * (n + 1)) / 2;
  const squaredDeviations = rankSums.reduce((sum, r) => sum + (r - mean) ** 2, 0);
  return concordance({ judges: m, items: n, squaredDeviations, tieTerms });
}

/** What W is computed from; the board's SQL sums these over the round's cards (JudgingService.agreement). */
export interface ConcordanceSums {
  /** m: judges. */
  judges: number;
  /** n: items every judge ranked. */
  items: number;
  /** S: sum over items of (rank sum - m (n + 1) / 2)^2, with mid-ranks for ties. */
  squaredDeviations: number;
  /** sum over judges of T_j = sum(t^3 - t) over judge j's tie groups. */
  tieTerms: number;
}

/**
 * W = 12 S / (m^2 (n^3 - n) - m sum_j T_j). Null below 2 judges or 2 items, or when every judge tied every item (no
 * ranking to agree on).
 */
export function concordance({ judges: m, items: n, squaredDeviations, tieTerms }: ConcordanceSums): number | null {
  if (m < 2 || n < 2) return null;
  const denominator = m * m * (n ** 3 - n) - m * tieTerms;
  if (denominator <= 0) return null;
  return (12 * squaredDeviations) / denominator;
}

/** A ChallengeChanged prize list's places: the sum of quantities (1 each when absent). */
export function prizePlacesOf(prizes: readonly { quantity?: number }[] | null | undefined): number {
  return (prizes ?? []).reduce((sum, p) => sum + (Number.isInteger(p.quantity) && (p.quantity as number) > 0 ? (p.quantity as number) : 1), 0);
}

/** Splits a list into parts of at most `size` (FinalistsAnnounced's user ids). */
export function partsOf<T>(items: readonly T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size));
  return parts;
}

/** Why a score is refused, in the order checked after the caller may score (see JudgingService.score). */
export function assertScorable(challenge: ScorableChallenge, submissionId: string): void {
  if (challenge.status !== 'JUDGING' || challenge.judgingClosed) throw new JudgingNotOpenError(challenge.judgingClosed ? 'closed' : 'status');
  if (challenge.round === 2 && !challenge.finalistIds.includes(submissionId)) throw new JudgingNotOpenError('finalist');
}
