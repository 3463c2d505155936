import type { Client } from 'pg';
import { COPY_NEWLINE, copyRow, copyRows, copyText, copyTimestamp } from './copy-stream';
import { dropIndexes, restoreIndexes } from './index-rebuild';
import { inTransaction } from './schema-client';
import type { ChallengePlan, DatasetPlan } from './dataset-plan';
import { hashSeed, Random } from './random';
import { challengeSubmissions, STREAM } from './submission-sequence';
import { submissionTitle, type SentencePool } from './vocabulary';
import { judgeRoleRows, scoreCardRows, submissionScoreRows } from './judging-scores';

export interface SubmissionsLoadResult {
  challengeViews: number;
  membershipViews: number;
  submissions: number;
  submissionVersions: number;
  judgeRoles: number;
  scoreCards: number;
  submissionScores: number;
}

/** The `prizes` of ChallengeChanged, as both read models store it: [{ rank, amountMinor: "<decimal string>" }]. */
export function prizesJson(challenge: ChallengePlan): string {
  return JSON.stringify(challenge.prizes.map((p) => ({ rank: p.rank, amountMinor: p.amountMinor.toString() })));
}

/**
 * The submissions schema:
 * - challenge_view / membership_view: the last ChallengeChanged / MembershipChanged of every challenge and
 *   membership, as ReadModelService upserts them (drafts included: version 1 is emitted at creation);
 * - submission: one per (challenge, author), current_version = its number of versions, submitted_at = the latest;
 * - submission_version: versions 1..n, each with its own title and body.
 * Two passes over the same regenerated submissions: rows first, then versions (the text is only generated there).
 */
export async function loadSubmissions(client: Client, plan: DatasetPlan, pool: SentencePool): Promise<SubmissionsLoadResult> {
  const challengeViews = await copyRows(
    client,
    'challenge_view',
    ['id', 'organization_id', 'status', 'submission_deadline', 'currency', 'prizes', 'prize_places', 'version', 'updated_at'],
    (function* () {
      for (const c of plan.challenges) {
        // One place per prize (quantity 1): what ChallengeChanged's prizes add up to.
        yield copyRow([c.id, c.organization.id, c.status, copyTimestamp(c.deadline), c.currency, prizesJson(c), c.prizes.length, c.version, copyTimestamp(c.readModelUpdatedAt)]);
      }
    })(),
  );
  const rng = new Random(hashSeed(plan.seed, STREAM.users, 1));
  const membershipViews = await copyRows(
    client,
    'membership_view',
    ['organization_id', 'user_id', 'role', 'version', 'updated_at'],
    (function* () {
      for (const o of plan.organizations) yield copyRow([o.id, o.owner.id, 'OWNER', 1, copyTimestamp(o.createdAt + rng.int(50, 800))]);
    })(),
  );

  // The big contest's judges (accepted JUDGE invitations, as ChallengeRoleChanged leaves them).
  const judgeRoles = await copyRows(client, 'challenge_role_view', ['challenge_id', 'user_id', 'role', 'granted', 'version', 'updated_at'], judgeRoleRows(plan));

  // Keys, indexes and the foreign keys to submission are built (and validated) once, after the loads, in the same
  // transaction (see index-rebuild.ts).
  const bulk = ['submission', 'submission_version', 'score_card', 'submission_score'];
  const [submissions, submissionVersions, scoreCards, submissionScores] = await inTransaction(client, async () => {
    const dropped = await dropIndexes(client, bulk, { constraints: true });
    const counts = await copySubmissions(client, plan, pool);
    // Q4: every submission of the big contest scored by each of its judges in round 1 (scoreSubmission's rows).
    const cards = await copyRows(
      client,
      'score_card',
      ['id', 'challenge_id', 'submission_id', 'judge_id', 'round', 'scores', 'weighted_total', 'comment', 'created_at', 'updated_at'],
      scoreCardRows(plan),
    );
    const scores = await copyRows(client, 'submission_score', ['submission_id', 'round', 'challenge_id', 'card_count', 'total_sum', 'mean_total', 'first_submitted_at'], submissionScoreRows(plan));
    await restoreIndexes(client, bulk, dropped);
    // Each judge's progress, as scoreSubmission keeps it (one version per card written). W's cache stays empty: the
    // first board read computes it.
    await client.query(`insert into judge_round_progress (challenge_id, round, judge_id, scored_count, cards_version)
      select challenge_id, round, judge_id, count(*), count(*) from score_card group by 1, 2, 3`);
    return [...counts, cards, scores] as const;
  });

  for (const table of ['challenge_view', 'membership_view', 'challenge_role_view', ...bulk]) await client.query(`analyze "${table}"`);
  return { challengeViews, membershipViews, submissions, submissionVersions, judgeRoles, scoreCards, submissionScores };
}

async function copySubmissions(client: Client, plan: DatasetPlan, pool: SentencePool): Promise<[number, number]> {
  const submissions = await copyRows(
    client,
    'submission',
    ['id', 'challenge_id', 'author_id', 'status', 'current_version', 'first_submitted_at', 'submitted_at'],
    (function* () {
      for (const c of plan.challenges) {
        for (const s of challengeSubmissions(plan, c)) {
          yield copyRow([
            s.id,
            c.id,
            plan.solverIds[s.authorIndex]!,
            'SUBMITTED',
            s.versionTimes.length,
            copyTimestamp(s.firstSubmittedAt),
            copyTimestamp(s.versionTimes[s.versionTimes.length - 1]!),
          ]);
        }
      }
    })(),
  );

  const submissionVersions = await copyRows(
    client,
    'submission_version',
    ['submission_id', 'version', 'title', 'body', 'submitted_at'],
    (function* () {
      for (const c of plan.challenges) {
        for (const s of challengeSubmissions(plan, c)) {
          // Seeded per submission: the text does not depend on the order anything else was generated in.
          const text = new Random(hashSeed(plan.seed, STREAM.submissionText, s.sequence));
          let title = submissionTitle(text);
          for (let v = 0; v < s.versionTimes.length; v += 1) {
            if (v > 0 && text.chance(0.4)) title = submissionTitle(text); // a revision sometimes renames it
            yield copyRow([s.id, v + 1, copyText(title), pool.text(text, 500, 1500, COPY_NEWLINE), copyTimestamp(s.versionTimes[v]!)]);
          }
        }
      }
    })(),
  );
  return [submissions, submissionVersions];
}
