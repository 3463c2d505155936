import { Client } from 'pg';
import { connectToSchema, inTransaction } from './schema-client';

/** What the seed left on the big contest (the descriptor's `bigChallenge.gallery`). */
export interface GallerySeed {
  submissionVisibility: 'GALLERY';
  votingStartsAt: string;
  votingEndsAt: string;
  votes: number;
  voters: number;
  /** Submissions with at least one vote, and the most votes one has. */
  votedSubmissions: number;
  maxVoteCount: number;
}

/** Votes each voter casts on the big contest: the contract's most (3 per voter per challenge). */
const VOTES_PER_VOTER = 3;

/**
 * Q5's contest: the big contest made a public gallery (submissionVisibility GALLERY) with a voting window and a
 * skewed vote count, written as the seed writes everything — rows in each context's own schema, as its services
 * would have left them:
 * - challenges: the challenge's settings (`submission_visibility`, `voting_starts_at` = its publication,
 *   `voting_ends_at` = its judging deadline, the latest the rules allow, so the deadline job never closes voting
 *   during a run);
 * - submissions: the same settings in `challenge_view` (what the ChallengeChanged consumer writes), and the votes
 *   as castVote leaves them: `vote` (counted, no address), `ballot` (votes used) and `submission.vote_count`.
 * Voters are the contest's own authors (each votes 3 times, never for their own entry; the sponsor's members have
 * no entry); a target is drawn from a cubic skew over a hash order of the entries, so a few entries get many votes
 * and most get none or one: `orderBy: VOTES` is a real ranking, unrelated to the order of submission.
 * Deterministic (hashes of ids, no randomness) and idempotent: a contest already seeded is left as it is.
 */
export async function seedGallery(databaseUrl: string, challengeId: string): Promise<GallerySeed> {
  const challenges = await connectToSchema(databaseUrl, 'challenges');
  const submissions = await connectToSchema(databaseUrl, 'submissions');
  try {
    const { rows: settings } = await challenges.query<{ starts: Date; ends: Date; visibility: string }>(
      `select published_at as starts, judging_deadline as ends, submission_visibility as visibility from challenge where id = $1`,
      [challengeId],
    );
    if (!settings[0]) throw new Error(`the big contest ${challengeId} is not in challenges.challenge`);
    const { starts, ends } = settings[0];
    if (settings[0].visibility !== 'GALLERY') {
      await challenges.query(
        `update challenge set submission_visibility = 'GALLERY', voting_starts_at = $2, voting_ends_at = $3 where id = $1`,
        [challengeId, starts, ends],
      );
    }
    const seeded = await submissions.query<{ n: string }>(`select count(*) as n from vote where challenge_id = $1`, [challengeId]);
    if (Number(seeded.rows[0].n) === 0) {
      await inTransaction(submissions, async () => {
        await submissions.query(
          `update challenge_view set submission_visibility = 'GALLERY', voting_starts_at = $2, voting_ends_at = $3 where id = $1`,
          [challengeId, starts, ends],
        );
        // Entries numbered in a hash order (r, 0-based); voter v's k-th vote goes to r = floor(n * u^3), u uniform
        // from a hash of (v, k): heavily skewed towards low r, i.e. towards entries unrelated to submission order.
        // The account's creation (voter_created_at) is the one solvers holds, as user_view carries it.
        await submissions.query(
          `with entry as (
             select id, author_id, first_submitted_at, (row_number() over (order by md5(id::text)) - 1) as r
               from submission where challenge_id = $1),
           total as (select count(*) as n from entry),
           drawn as (
             select distinct on (voter.author_id, target.id)
                    voter.author_id as voter_id, target.id as submission_id,
                    greatest(voter.first_submitted_at, target.first_submitted_at) as cast_after
               from entry voter
              cross join generate_series(1, ${VOTES_PER_VOTER}) as k
              cross join total
               join entry target on target.r = floor(total.n * power(('x' || substr(md5(voter.id::text || ':' || k), 1, 8))::bit(32)::bigint / 4294967296.0, 3))::bigint
              where target.author_id <> voter.author_id)
           insert into vote (id, challenge_id, submission_id, voter_id, voter_created_at, client_address, counted, flag_reason, created_at)
           select md5('vote:' || d.submission_id || ':' || d.voter_id)::uuid, $1, d.submission_id, d.voter_id,
                  u.created_at, null, true, null, least(d.cast_after + interval '1 hour', now())
             from drawn d join solvers.user_account u on u.id = d.voter_id`,
          [challengeId],
        );
        await submissions.query(
          `insert into ballot (challenge_id, voter_id, votes_used)
           select challenge_id, voter_id, count(*) from vote where challenge_id = $1 group by challenge_id, voter_id`,
          [challengeId],
        );
        await submissions.query(
          `update submission s set vote_count = v.n
             from (select submission_id, count(*)::int as n from vote where challenge_id = $1 and counted group by submission_id) v
            where s.id = v.submission_id`,
          [challengeId],
        );
      });
      await submissions.query('analyze vote; analyze ballot; analyze submission');
    }
    const { rows } = await submissions.query<{ votes: string; voters: string; voted: string; max: number | null }>(
      `select (select count(*) from vote where challenge_id = $1) as votes,
              (select count(*) from ballot where challenge_id = $1) as voters,
              (select count(*) from submission where challenge_id = $1 and vote_count > 0) as voted,
              (select max(vote_count) from submission where challenge_id = $1) as max`,
      [challengeId],
    );
    return {
      submissionVisibility: 'GALLERY',
      votingStartsAt: starts.toISOString(),
      votingEndsAt: ends.toISOString(),
      votes: Number(rows[0].votes),
      voters: Number(rows[0].voters),
      votedSubmissions: Number(rows[0].voted),
      maxVoteCount: rows[0].max ?? 0,
    };
  } finally {
    await Promise.all([challenges, submissions].map((c: Client) => c.end().catch(() => undefined)));
  }
}
