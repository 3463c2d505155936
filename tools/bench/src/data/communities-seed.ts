import { Client } from 'pg';
import { connectToSchema, inTransaction } from './schema-client';

/** What the seed left (the descriptor's `communities`). */
export interface CommunitiesSeed {
  /** Users with a public profile (listed on the leaderboard). */
  publicProfiles: number;
  /** Users with at least one skill. */
  skilledUsers: number;
  /** Users with a reputation row (entered, or won). */
  reputations: number;
  /** The skill most public profiles have, and how many: the leaderboard's filtered scenario. */
  topSkill: { skill: string; publicProfiles: number };
  /** The skills drawn from (words that match challenge briefs, so recommendations have something to rank). */
  skills: string[];
}

/**
 * Issue 15's read paths on the generated data, written as the services would have left them (each context's own
 * tables, nothing another context could not have learned by event):
 * - solvers: every user's profile (1 to 4 skills drawn from `skills` by a hash of the id, 70 % public, a school and
 *   a country), `user_skill`, and reputation as the events would have recorded it: one ENTERED fact per (author,
 *   challenge) from the submissions, one PRIZE fact per award from the payouts (source `rank:submission`, as
 *   PrizeAwarded's), then the counts and score (100 x prizes + 25 x finalist places + 5 x challenges entered:
 *   reputation.domain.ts) with the profile's public flag, for every public profile and every user with a fact; each
 *   skill's `user_skill` row with that score and flag (the leaderboard's skill index);
 * - challenges: `solver_skill_view`, what ProfileChanged leaves, for every user with skills.
 * Deterministic (hashes of ids) and idempotent: a data set already seeded is left as it is.
 */
export async function seedCommunities(databaseUrl: string, skills: readonly string[]): Promise<CommunitiesSeed> {
  if (skills.length === 0) throw new Error('no skills to draw from');
  const solvers = await connectToSchema(databaseUrl, 'solvers');
  const challenges = await connectToSchema(databaseUrl, 'challenges');
  try {
    const seeded = Number((await solvers.query<{ n: string }>(`select count(*) as n from reputation`)).rows[0].n) > 0;
    if (!seeded) {
      const hash = (expression: string) => `abs(hashtext(${expression}))`;
      await inTransaction(solvers, async () => {
        await solvers.query(
          `update user_account u
              set skills = d.skills, public_profile = d.public, school = d.school, profile_version = profile_version + 1
             from (select id,
                          array(select distinct ($1::text[])[1 + ${hash(`id::text || ':' || k`)} % cardinality($1::text[])]
                                  from generate_series(1, 1 + ${hash(`id::text || '#skills'`)} % 4) k) as skills,
                          ${hash(`id::text || '#public'`)} % 10 < 7 as public,
                          'University ' || (1 + ${hash(`id::text || '#school'`)} % 500) as school
                     from user_account) d
            where d.id = u.id`,
          [skills],
        );
        await solvers.query(
          `insert into reputation_fact (user_id, kind, challenge_id, source)
           select distinct author_id, 'ENTERED', challenge_id, '' from submissions.submission
           on conflict do nothing`,
        );
        await solvers.query(
          `insert into reputation_fact (user_id, kind, challenge_id, source, amount_minor, currency)
           select p.winner_id, 'PRIZE', a.challenge_id, a.prize_rank || ':' || a.submission_id, sum(p.amount_minor), min(p.currency)
             from payouts.award a join payouts.payout p on p.award_id = a.id
            group by p.winner_id, a.challenge_id, a.prize_rank, a.submission_id
           on conflict do nothing`,
        );
        // Every public profile has its row (updateProfile writes one), scored or not.
        await solvers.query(
          `insert into reputation (user_id, prizes_won, finalist_places, submissions, score, public_profile)
           select u.id, coalesce(f.prizes, 0), coalesce(f.finalists, 0), coalesce(f.entered, 0),
                  100 * coalesce(f.prizes, 0) + 25 * coalesce(f.finalists, 0) + 5 * coalesce(f.entered, 0), u.public_profile
             from user_account u
             left join (select user_id,
                          (count(*) filter (where kind = 'PRIZE'))::int as prizes,
                          (count(*) filter (where kind = 'FINALIST'))::int as finalists,
                          (count(*) filter (where kind = 'ENTERED'))::int as entered
                     from reputation_fact group by user_id) f on f.user_id = u.id
            where u.public_profile or f.user_id is not null
           on conflict (user_id) do nothing`,
        );
        // Each skill's row carries the score and flag, as updateProfile and the reputation consumer keep them.
        await solvers.query(
          `insert into user_skill (user_id, skill_lower, score, public_profile)
           select distinct u.id, lower(s), coalesce(r.score, 0), u.public_profile
             from user_account u cross join lateral unnest(u.skills) s left join reputation r on r.user_id = u.id
           on conflict do nothing`,
        );
      });
      await solvers.query('analyze user_account; analyze user_skill; analyze reputation_fact; analyze reputation');
      await challenges.query(
        `insert into solver_skill_view (user_id, skills, version)
         select id, skills, profile_version from solvers.user_account where cardinality(skills) > 0
         on conflict (user_id) do nothing`,
      );
      await challenges.query('analyze solver_skill_view');
    }
    const { rows } = await solvers.query<{ public: string; skilled: string; reputations: string }>(
      `select (select count(*) from user_account where public_profile) as public,
              (select count(*) from user_account where cardinality(skills) > 0) as skilled,
              (select count(*) from reputation) as reputations`,
    );
    const top = await solvers.query<{ skill: string; n: string }>(
      `select skill_lower as skill, count(*) as n from user_skill where public_profile
        group by skill_lower order by count(*) desc, skill_lower limit 1`,
    );
    return {
      publicProfiles: Number(rows[0].public),
      skilledUsers: Number(rows[0].skilled),
      reputations: Number(rows[0].reputations),
      topSkill: { skill: top.rows[0]?.skill ?? skills[0]!, publicProfiles: Number(top.rows[0]?.n ?? 0) },
      skills: [...skills],
    };
  } finally {
    await Promise.all([solvers, challenges].map((c: Client) => c.end().catch(() => undefined)));
  }
}
