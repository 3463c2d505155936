import { recordEvent } from '@ideagora/events';
import type { EntityManager } from '@mikro-orm/postgresql';
import { FINALISTS_ANNOUNCED_PART, MAX_SHORTLIST_IN_RANKING_FIXED, partsOf } from './judging.domain';

/**
 * In SQL, for a submission_score row `ss`: its ranking key, ascending = best first (mean desc, more cards first, earlier
 * first submission, id). The same expressions as the keyset index submission_score_ranking_idx.
 */
export function rankingKey(ss: string): string {
  if (!/^[a-z_0-9]+$/.test(ss)) throw new Error(`unsafe alias ${ss}`);
  return `(-${ss}.mean_total, -${ss}.card_count, ${ss}.first_submitted_at, ${ss}.submission_id)`;
}

/** In SQL: ORDER BY of the ranking, best first, column by column (as the index, so the scan stops at the limit). */
export function rankingOrder(ss: string): string {
  return rankingKey(ss).slice(1, -1);
}

/**
 * What this context answers to a challenge's judging milestones, inside the consumer's transaction that applied the
 * ChallengeChanged (each at most once: a flag on challenge_view set by the same statement that claims it).
 */
export class JudgingEventService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Round 2 is known: every author and team member of the challenge is told whether they are a finalist
   * (FinalistsAnnounced, parts of at most 1,000 user ids: finalists' users first, then the others').
   */
  async announceFinalistsOnce(challengeId: string): Promise<void> {
    const [claimed] = await this.em.execute<{ title: string | null; final_round_deadline: Date | null; finalist_ids: string[] }[]>(
      `update challenge_view set finalists_announced_at = now()
       where id = ? and round = 2 and finalists_announced_at is null
       returning title, final_round_deadline, finalist_ids`,
      [challengeId],
    );
    if (!claimed) return;
    const users = await this.em.execute<{ user_id: string; finalist: boolean }[]>(
      `select u.user_id, bool_or(u.finalist) as finalist
       from (
         select s.author_id as user_id, s.id = any(c.finalist_ids) as finalist
         from submission s join challenge_view c on c.id = s.challenge_id
         where s.challenge_id = ? and s.team_id is null
         union all
         select tm.user_id, s.id = any(c.finalist_ids) as finalist
         from submission s join challenge_view c on c.id = s.challenge_id join team_member tm on tm.team_id = s.team_id
         where s.challenge_id = ? and s.team_id is not null
       ) u
       group by u.user_id
       order by bool_or(u.finalist) desc, u.user_id`,
      [challengeId, challengeId],
    );
    const base = {
      challengeId,
      ...(claimed.title ? { challengeTitle: claimed.title } : {}),
      finalRoundDeadline: claimed.final_round_deadline ? new Date(claimed.final_round_deadline).toISOString() : '',
    };
    for (const finalist of [true, false]) {
      const ids = users.filter((u) => u.finalist === finalist).map((u) => u.user_id);
      for (const part of partsOf(ids, FINALISTS_ANNOUNCED_PART)) recordEvent(this.em, 'FinalistsAnnounced', { ...base, finalist, userIds: part });
    }
  }

  /**
   * The judging deadline passed (judgingClosed): the final ranking's top P (P = the prize places) and the shortlist
   * (at most 10,000, in shortlisting order) go to payouts once (JudgingRankingFixed). Scores are refused from now on
   * (challenge_view.judging_closed), so this ranking is the one feedback shows.
   */
  async fixRankingOnce(challengeId: string): Promise<void> {
    const [claimed] = await this.em.execute<{ prize_places: number }[]>(
      `update challenge_view set ranking_fixed_at = now()
       where id = ? and judging_closed and ranking_fixed_at is null
       returning prize_places`,
      [challengeId],
    );
    if (!claimed) return;
    const ranking = await this.finalRanking(challengeId, claimed.prize_places);
    const shortlist = await this.em.execute<{ id: string }[]>(
      `select id from submission where challenge_id = ? and shortlisted_at is not null order by shortlisted_at, id limit ?`,
      [challengeId, MAX_SHORTLIST_IN_RANKING_FIXED],
    );
    const [{ count: submissionCount }] = await this.em.execute<{ count: number }[]>(`select count(*)::int as count from submission where challenge_id = ?`, [challengeId]);
    recordEvent(this.em, 'JudgingRankingFixed', { challengeId, ranking, shortlist: shortlist.map((r) => r.id), submissionCount });
  }

  /**
   * The final ranking's first `limit` submissions: round 2's ranked submissions (when the challenge reached round 2)
   * by round 2's order, then the rest by round 1's. Two keyset scans of the ranking index.
   */
  async finalRanking(challengeId: string, limit: number): Promise<string[]> {
    if (limit <= 0) return [];
    const rows = await this.em.execute<{ submission_id: string }[]>(
      `(select ss.submission_id, 2 as part, ${rankingKey('ss')} as k
        from submission_score ss join challenge_view c on c.id = ss.challenge_id and c.round = 2
        where ss.challenge_id = ? and ss.round = 2
        order by ${rankingOrder('ss')} limit ?)
       union all
       (select ss.submission_id, 1 as part, ${rankingKey('ss')} as k
        from submission_score ss
        where ss.challenge_id = ? and ss.round = 1
          and not exists (select 1 from submission_score f join challenge_view c on c.id = f.challenge_id and c.round = 2
                          where f.submission_id = ss.submission_id and f.round = 2)
        order by ${rankingOrder('ss')} limit ?)
       order by part desc, k
       limit ?`,
      [challengeId, limit, challengeId, limit, limit],
    );
    return rows.map((r) => r.submission_id);
  }
}
