import type { DatasetPlan } from './dataset-plan';
import { copyRow, copyTimestamp } from './copy-stream';
import { hashSeed, Random, UUID_KIND, uuidV7 } from './random';
import { challengeSubmissions, STREAM } from './submission-sequence';

/** Judges of the big contest: Q4 reads its board. */
export const BIG_CONTEST_JUDGES = 3;
const MINUTE = 60_000;

/**
 * The big contest's judges: the owners of other sponsors' organizations (any account may judge; none of them submitted
 * to it, since sponsors never submit in the generated data). Accepted invitations: challenge_role_view rows.
 */
export function bigContestJudges(plan: DatasetPlan): string[] {
  const judges = plan.organizations.filter((o) => o.owner.id !== plan.bigChallenge.organization.owner.id).slice(0, BIG_CONTEST_JUDGES).map((o) => o.owner.id);
  if (judges.length < BIG_CONTEST_JUDGES) throw new Error(`the big contest needs ${BIG_CONTEST_JUDGES} judges from other organizations, only ${judges.length} exist`);
  return judges;
}

/** When the judges accepted (ChallengeRoleChanged applied): right after the close of submissions. */
function acceptedAt(plan: DatasetPlan, judge: number): number {
  return plan.bigChallenge.deadline + 10 * MINUTE + judge * MINUTE;
}

/** challenge_role_view: (challenge_id, user_id, role, granted, version, updated_at). */
export function* judgeRoleRows(plan: DatasetPlan): Generator<string> {
  const judges = bigContestJudges(plan);
  for (let j = 0; j < judges.length; j += 1) yield copyRow([plan.bigChallenge.id, judges[j]!, 'JUDGE', 't', 1, copyTimestamp(acceptedAt(plan, j))]);
}

interface ScoredSubmission {
  submissionId: string;
  firstSubmittedAt: number;
  /** Each judge's overall score in tenths (0..100): the default rubric, one criterion weighted 100 %. */
  tenths: number[];
  scoredAt: number[];
  /** uuidv7 random bits of each card's id. */
  cardRandom: number[];
}

/**
 * Every submission of the big contest scored by every judge in round 1, as scoreSubmission leaves it: seeded per
 * submission (a quality shared by the judges plus each judge's noise), so the scores do not depend on generation order.
 */
function* scoredSubmissions(plan: DatasetPlan): Generator<ScoredSubmission> {
  const judges = bigContestJudges(plan);
  const start = plan.bigChallenge.deadline + 15 * MINUTE;
  const span = Math.max(MINUTE, plan.now - MINUTE - start);
  for (const s of challengeSubmissions(plan, plan.bigChallenge)) {
    const rng = new Random(hashSeed(plan.seed, STREAM.scores, s.sequence));
    const quality = 55 + 18 * rng.gaussian();
    const tenths = judges.map(() => Math.max(0, Math.min(100, Math.round(quality + 8 * rng.gaussian()))));
    const scoredAt = judges.map(() => start + Math.floor(rng.next() * span));
    const cardRandom = judges.map(() => rng.u32());
    yield { submissionId: s.id, firstSubmittedAt: s.firstSubmittedAt, tenths, scoredAt, cardRandom };
  }
}

/** score_card: id, challenge_id, submission_id, judge_id, round, scores, weighted_total, comment, created_at, updated_at. */
export function* scoreCardRows(plan: DatasetPlan): Generator<string> {
  const judges = bigContestJudges(plan);
  let n = 0;
  for (const s of scoredSubmissions(plan)) {
    for (let j = 0; j < judges.length; j += 1) {
      n += 1;
      const at = copyTimestamp(s.scoredAt[j]!);
      // weighted total = sum(tenths x weight %): thousandths of a point (a 7.5 weighted 100 % is 7,500).
      yield copyRow([uuidV7(s.scoredAt[j]!, UUID_KIND.scoreCard, n, s.cardRandom[j]!), plan.bigChallenge.id, s.submissionId, judges[j]!, 1, JSON.stringify({ overall: s.tenths[j] }), s.tenths[j]! * 100, null, at, at]);
    }
  }
}

/** submission_score: the aggregate scoreSubmission recomputes (mean rounded half up to thousandths, as in SQL). */
export function* submissionScoreRows(plan: DatasetPlan): Generator<string> {
  for (const s of scoredSubmissions(plan)) {
    const count = s.tenths.length;
    const sum = s.tenths.reduce((a, t) => a + t * 100, 0);
    const mean = Math.floor((2 * sum + count) / (2 * count));
    yield copyRow([s.submissionId, 1, plan.bigChallenge.id, count, sum, mean, copyTimestamp(s.firstSubmittedAt)]);
  }
}
