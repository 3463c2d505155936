import type { ChallengePlan, DatasetPlan } from './dataset-plan';
import { gcd, hashSeed, Random, UUID_KIND, uuidV7 } from './random';

/** Stream ids of hashSeed: each purpose draws from its own sequence, so adding one never shifts another. */
export const STREAM = {
  plan: 1,
  submissions: 2,
  submissionText: 3,
  challengeText: 4,
  users: 5,
  ledger: 6,
  sentences: 7,
  scores: 8,
} as const;

/** What every context needs of one submission (the text is generated only by the submissions loader). */
export interface SubmissionSkeleton {
  /** Global sequence number (unique across the data set). */
  sequence: number;
  id: string;
  authorIndex: number;
  firstSubmittedAt: number;
  /** submitted_at of versions 1..n (ascending); the last one is the submission's submitted_at. */
  versionTimes: number[];
}

/**
 * The submissions of one challenge, regenerated identically on every call from (seed, challenge index): the
 * submissions, payouts and planning steps each walk them without anyone holding the million rows.
 *
 * Authors are `offset + k * stride (mod solvers)` with the stride coprime to the number of solvers, so the first n
 * are distinct: the (challenge, author) unique constraint holds by construction.
 */
export function* challengeSubmissions(plan: DatasetPlan, challenge: ChallengePlan): Generator<SubmissionSkeleton> {
  const count = challenge.submissionCount;
  if (count === 0) return;
  const solvers = plan.solverIds.length;
  const rng = new Random(hashSeed(plan.seed, STREAM.submissions, challenge.index));
  const offset = rng.int(0, solvers - 1);
  let stride = solvers > 1 ? rng.int(1, solvers - 1) : 1;
  while (gcd(stride, solvers) !== 1) stride = (stride % (solvers - 1)) + 1;
  const { start, end } = challenge.submissionWindow;
  for (let k = 0; k < count; k += 1) {
    const authorIndex = (offset + k * stride) % solvers;
    const firstSubmittedAt = start + Math.floor(rng.next() * (end - start - 1000));
    const versions = rng.weighted(VERSION_WEIGHTS);
    // Version 1 is stamped after the row lock, a few ms after first_submitted_at (SubmissionService.submit).
    const versionTimes = [firstSubmittedAt + rng.int(0, 30)];
    for (let v = 2; v <= versions; v += 1) {
      const previous = versionTimes[versionTimes.length - 1]!;
      const room = end - previous;
      if (room < 2000) break; // too close to the deadline for a revision
      versionTimes.push(previous + 1000 + Math.floor(rng.next() * (room - 1000) * 0.4));
    }
    const sequence = challenge.firstSubmissionSequence + k;
    yield { sequence, id: uuidV7(firstSubmittedAt, UUID_KIND.submission, sequence, rng.u32()), authorIndex, firstSubmittedAt, versionTimes };
  }
}

/** 1 to 3 versions per submission, most solvers submit once. */
const VERSION_WEIGHTS: readonly (readonly [number, number])[] = [
  [1, 0.65],
  [2, 0.25],
  [3, 0.1],
];
