import { mapRowForRead, pgArray } from '@ideagora/db';
import type { EventPayloads, ReadModelWait } from '@ideagora/events';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ChallengeEntity } from '../challenges/challenge.entity';
import { INVITED_CHALLENGE_IDS } from '../challenges/challenge.listing';
import { CHALLENGE_COLUMNS } from '../challenges/challenge.service';

/** A recommended challenge and how well it matched the viewer's skills (0: none, listed among the newest). */
export interface Recommendation {
  challenge: ChallengeEntity;
  score: number;
}

/**
 * Ranking reads each matching challenge's whole search vector: only the newest MAX_RANKED matches are ranked, so the
 * cost stays bounded however common the skills (an older match is not recommended over 500 newer ones; open
 * challenges favour the recent anyway).
 */
export const MAX_RANKED = 500;

/** Open challenges a viewer may enter: published, PUBLIC or invited to (binding: the viewer's id). */
const OPEN_FOR_VIEWER = `c.status = 'OPEN' and c.published_at is not null
  and (c.visibility = 'PUBLIC' or c.id = any(array(${INVITED_CHALLENGE_IDS})))`;
/** Not already entered by the viewer as a submission's author (binding: the viewer's id). */
const NOT_ENTERED = `not exists (select 1 from submission_view s where s.author_id = ? and s.challenge_id = c.id)`;

/**
 * The recommendations' statement. The viewer's skills (solver_skill_view; none: empty) become one tsquery, an OR of
 * each skill's plainto_tsquery in English (stemmed) and simple (unstemmed: short names the English dictionary drops,
 * such as "IT") matching the two halves of `challenge.search_vector` (title A, summary B, description C). Two ranges,
 * each read through its index and cut at the limit: the matching challenges by ts_rank (GIN index), then the newest
 * others (challenge_status_created_idx); merged, best first, newest first among equals. Only the newest MAX_RANKED
 * matches are ranked. The viewer's skills version
 * comes back on a row of its own when nothing is open, so the caller always learns how recent the skills were.
 * Bindings: viewer (view), viewer (invited), viewer (entered) and the limit (matched), viewer (entered) and the
 * limit twice (newest), then the limit.
 */
const RECOMMENDATIONS_SQL = `
  with wanted as (
    select v.version, (
        select string_agg('(' || q::text || ')', ' | ')::tsquery
          from unnest(v.skills) as skill
          cross join lateral (values (plainto_tsquery('english', skill)), (plainto_tsquery('simple', skill))) as t(q)
         where numnode(q) > 0
      ) as query
      from (select coalesce(s.version, 0) as version, coalesce(s.skills, '{}'::text[]) as skills
              from (values (1)) as one left join solver_skill_view s on s.user_id = ?) v
  ), invited as (
    select array(${INVITED_CHALLENGE_IDS}) as ids
  ), candidate as (
    select c.id, c.search_vector, c.created_at, w.query
      from challenge c, wanted w, invited i
     where w.query is not null and c.search_vector @@ w.query
       and c.status = 'OPEN' and c.published_at is not null and (c.visibility = 'PUBLIC' or c.id = any(i.ids))
       and ${NOT_ENTERED}
     order by c.created_at desc, c.id desc
     limit ${MAX_RANKED}
  ), matched as (
    select m.id, ts_rank(m.search_vector, m.query) as score, m.created_at
      from candidate m
     order by score desc, m.created_at desc, m.id desc
     limit ?
  ), newest as (
    select c.id, 0::real as score, c.created_at
      from challenge c, wanted w, invited i
     where (w.query is null or not (c.search_vector @@ w.query))
       and c.status = 'OPEN' and c.published_at is not null and (c.visibility = 'PUBLIC' or c.id = any(i.ids))
       and ${NOT_ENTERED}
       -- Evaluated once, first: enough matches leave nothing to fill (no scan of the open challenges).
       and (select count(*) from matched) < ?
     order by c.created_at desc, c.id desc
     limit ?
  ), picked as (
    (select * from matched) union all (select * from newest)
    order by score desc, created_at desc, id desc
    limit ?
  )
  select w.version as "skills_version", p.score::float8 as "score", ${CHALLENGE_COLUMNS}
    from wanted w
    left join (picked p join challenge c on c.id = p.id) on true
   order by p.score desc, p.created_at desc, p.id desc`;

/** The recommendations' statement for a viewer (RecommendationService.recommend; the scale test explains it). */
export function recommendationsStatement(viewerId: string, limit: number): { sql: string; params: unknown[] } {
  return { sql: RECOMMENDATIONS_SQL, params: [viewerId, viewerId, viewerId, limit, viewerId, limit, limit, limit] };
}

export class RecommendationService {
  constructor(
    private readonly em: EntityManager,
    private readonly readModel: ReadModelWait,
  ) {}

  /** Consumer of ProfileChanged: the solver's skills, unless a newer version is already held. */
  async applyProfileChanged(payload: EventPayloads['ProfileChanged']): Promise<void> {
    await this.em.execute(
      `insert into solver_skill_view (user_id, skills, version, updated_at) values (?, ?::text[], ?, now())
       on conflict (user_id) do update set skills = excluded.skills, version = excluded.version, updated_at = now()
       where solver_skill_view.version < excluded.version`,
      [payload.userId, pgArray(payload.skills), payload.version],
      'run',
    );
  }

  /**
   * Up to `limit` + 1 open challenges for the viewer, best match first (one statement). Read your writes: when the
   * viewer's profile is at `profileVersion` (solvers' own, passed through the gateway) and this context holds an older
   * one of its skills, the statement runs again as ProfileChanged lands, within the read-model wait's bound.
   */
  async recommend(viewerId: string, profileVersion: number | null, limit: number): Promise<Recommendation[]> {
    const run = async () => {
      const { sql, params } = recommendationsStatement(viewerId, limit);
      const rows = await this.em.execute<Record<string, unknown>[]>(sql, params, 'all');
      return { skillsVersion: Number(rows[0]?.skills_version ?? 0), rows };
    };
    const { rows } = await this.readModel.until(run, ({ skillsVersion }) => profileVersion !== null && skillsVersion < profileVersion);
    return rows
      .filter((row) => row.id !== null)
      .map((row) => {
        const { skills_version: _version, score, ...columns } = row;
        return { challenge: mapRowForRead(this.em, ChallengeEntity, columns), score: Number(score) };
      });
  }

  /** How many open challenges the viewer could be recommended (ChallengeConnection.totalCount): one statement. */
  async countOpen(viewerId: string): Promise<number> {
    const [row] = await this.em.execute<{ total: number }[]>(
      `select count(*)::int as "total" from challenge c where ${OPEN_FOR_VIEWER} and ${NOT_ENTERED}`,
      [viewerId, viewerId],
      'all',
    );
    return row?.total ?? 0;
  }
}
