import { BadUserInputError } from '@ideagora/subgraph-kit';

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
