import { pgArray } from '@ideagora/db';
import { isUuid } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { reputationScoreSql, type ReputationCounts, type ReputationFact } from './reputation.domain';

/** A user's reputation as stored (a user without a row has none yet: zeros). */
export interface ReputationRecord extends ReputationCounts {
  userId: string;
  score: number;
}

/** A total won in one currency, minor units as a decimal string (summed as numeric: never a float). */
export interface TotalWon {
  userId: string;
  currency: string;
  amountMinor: string;
}

/** One row of a leaderboard page, with its 1-based rank in the (filtered) leaderboard. */
export interface LeaderboardRow extends ReputationRecord {
  rank: number;
}

interface ReputationRow {
  user_id: string;
  score: number;
  prizes_won: number;
  finalist_places: number;
  submissions: number;
}

const toRecord = (row: ReputationRow): ReputationRecord => ({
  userId: row.user_id,
  score: row.score,
  prizesWon: row.prizes_won,
  finalistPlaces: row.finalist_places,
  submissions: row.submissions,
});

const MINOR_UNITS = /^\d{1,18}$/;
const CURRENCY = /^[A-Z]{3}$/;

export const EMPTY_REPUTATION: Omit<ReputationRecord, 'userId'> = { score: 0, prizesWon: 0, finalistPlaces: 0, submissions: 0 };

/** Where a leaderboard page resumes: after (score, userId), whose rank was `rank`. */
export interface LeaderboardPosition {
  score: number;
  userId: string;
  rank: number;
}

export class ReputationService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Records facts (in the event consumer's transaction) and adds what was new to the users' counts and score (and the
   * score's copies in user_skill), in one statement: a fact already recorded (the same event again, another version of
   * the same submission) inserts nothing and so counts nothing.
   */
  async record(received: readonly ReputationFact[]): Promise<void> {
    // An event naming something that cannot exist (a malformed id, amount or currency) must not fail its job for ever:
    // such a fact is dropped, such an amount kept out of the totals.
    const facts = received
      .filter((f) => isUuid(f.userId) && isUuid(f.challengeId))
      .map((f) => (f.amountMinor !== null && MINOR_UNITS.test(f.amountMinor) && f.currency !== null && CURRENCY.test(f.currency) ? f : { ...f, amountMinor: null, currency: null }));
    if (facts.length === 0) return;
    const column = <K extends keyof ReputationFact>(key: K) => pgArray(facts.map((f) => String(f[key] ?? '')));
    await this.em.execute(
      `with fact as (
         select * from unnest(?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[]) as f(user_id, kind, challenge_id, source, amount_minor, currency)
       ), inserted as (
         insert into reputation_fact (user_id, kind, challenge_id, source, amount_minor, currency)
         select user_id, kind, challenge_id, source, nullif(amount_minor, '')::bigint, nullif(currency, '') from fact
         on conflict do nothing
         returning user_id, kind
       ), added as (
         select user_id,
                (count(*) filter (where kind = 'PRIZE'))::int as prizes_won,
                (count(*) filter (where kind = 'FINALIST'))::int as finalist_places,
                (count(*) filter (where kind = 'ENTERED'))::int as submissions
           from inserted group by user_id
       ), upserted as (
         insert into reputation as r (user_id, prizes_won, finalist_places, submissions, score, public_profile)
         select a.user_id, a.prizes_won, a.finalist_places, a.submissions,
                ${reputationScoreSql('a.prizes_won', 'a.finalist_places', 'a.submissions')}, coalesce(u.public_profile, false)
           from added a left join user_account u on u.id = a.user_id
         on conflict (user_id) do update set
           prizes_won = r.prizes_won + excluded.prizes_won,
           finalist_places = r.finalist_places + excluded.finalist_places,
           submissions = r.submissions + excluded.submissions,
           score = ${reputationScoreSql('r.prizes_won + excluded.prizes_won', 'r.finalist_places + excluded.finalist_places', 'r.submissions + excluded.submissions')},
           updated_at = now()
         returning r.user_id, r.score
       )
       update user_skill s set score = u.score from upserted u where s.user_id = u.user_id and s.score <> u.score`,
      [column('userId'), column('kind'), column('challengeId'), column('source'), column('amountMinor'), column('currency')],
      'run',
    );
  }

  /** For the DataLoader: one statement whatever the number of users. */
  async findByUserIds(userIds: readonly string[]): Promise<ReputationRecord[]> {
    const ids = userIds.filter(isUuid);
    if (ids.length === 0) return [];
    const rows = await this.em.execute<ReputationRow[]>(
      `select user_id, score, prizes_won, finalist_places, submissions from reputation where user_id = any(?::uuid[])`,
      [pgArray(ids)],
      'all',
    );
    return rows.map(toRecord);
  }

  /** Totals won per user and currency (facts with an amount), for the DataLoader: one statement. */
  async totalsWon(userIds: readonly string[]): Promise<TotalWon[]> {
    const ids = userIds.filter(isUuid);
    if (ids.length === 0) return [];
    const rows = await this.em.execute<{ user_id: string; currency: string; amount_minor: string }[]>(
      `select user_id, currency, sum(amount_minor)::text as amount_minor from reputation_fact
        where user_id = any(?::uuid[]) and kind = 'PRIZE' and currency is not null
        group by user_id, currency order by user_id, currency`,
      [pgArray(ids)],
      'all',
    );
    return rows.map((row) => ({ userId: row.user_id, currency: row.currency, amountMinor: row.amount_minor }));
  }

  /**
   * One leaderboard page in one statement: public profiles by score (highest first), then user id; with `skillLower`,
   * only the users with that skill. Keyset after `after` (the previous page's last row), whose rank the cursor
   * carries: a row's rank is its position, `after.rank` + its position in the page, at no cost (no count of the rows
   * ahead). Reads `limit` rows of a partial index from the cursor on, however deep the page, however many share a
   * score and however rare the skill (see leaderboardStatement).
   */
  async leaderboard(limit: number, after: LeaderboardPosition | null, skillLower: string | null): Promise<LeaderboardRow[]> {
    const { sql, params } = leaderboardStatement(limit, after, skillLower);
    const rows = await this.em.execute<ReputationRow[]>(sql, params, 'all');
    const start = after?.rank ?? 0;
    return rows.map((row, index) => ({ ...toRecord(row), rank: start + index + 1 }));
  }
}

/** The leaderboard page's statement (ReputationService.leaderboard; the scale test explains it as built here). */
export function leaderboardStatement(limit: number, after: LeaderboardPosition | null, skillLower: string | null): { sql: string; params: unknown[] } {
  // Score descending, id ascending, as one ascending row (-score, id): a keyset range of an index on exactly that,
  // reputation_leaderboard_idx, or with a skill user_skill_leaderboard_idx (skill, -score, id), both where public.
  const keyed = skillLower === null ? 'r' : 's';
  const where = [`${keyed}.public_profile`];
  const params: unknown[] = [];
  if (skillLower !== null) {
    where.push('s.skill_lower = ?');
    params.push(skillLower);
  }
  if (after) {
    where.push(`(-${keyed}.score, ${keyed}.user_id) > (?::int, ?::uuid)`);
    params.push(-after.score, after.userId);
  }
  const from = skillLower === null ? 'reputation r' : 'user_skill s join reputation r on r.user_id = s.user_id';
  return {
    sql: `select r.user_id, r.score, r.prizes_won, r.finalist_places, r.submissions from ${from}
        where ${where.join(' and ')}
        order by -${keyed}.score, ${keyed}.user_id
        limit ?`,
    params: [...params, limit],
  };
}
