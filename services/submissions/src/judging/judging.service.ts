import { NIL_UUID, pgArray } from '@ideagora/db';
import { isChallengeVisibleTo, NO_READ_MODEL_WAIT, type ChallengeStatusName, type ChallengeVisibilityName, type OrganizationRoleName, type ReadModelWait } from '@ideagora/events';
import { emptyConnection, isUuid, toConnection } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { SubmissionNotFoundError } from '../submissions/submission.errors';
import { isSponsorReviewer } from '../submissions/submission.policy';
import { CURRENT_VERSION_JOIN, JUDGE_OF, ROLE_OF, SNAPSHOT_COLUMNS, toSnapshot, uuids, VIEWER_READS, type SubmissionRow } from '../submissions/submission.service';
import { SubmissionType } from '../submissions/submission.type';
import { rankingKey, rankingOrder } from './judging-events.service';
import { decodeRankingCursor, encodeRankingCursor } from './judging.cursor';
import {
  assertScorable,
  formatHundredths,
  concordance,
  formatThousandths,
  meanHundredthsOfTenths,
  parseScoreCard,
  roundAgreement,
  rubricOrDefault,
  type CriterionTenths,
  type RubricCriterion,
} from './judging.domain';
import type { ScoreCardSnapshot } from './judging.entity';
import { ScoreForbiddenError } from './judging.errors';
import { CriterionFeedbackType, JudgingRankingConnection, RankedSubmissionType, SubmissionFeedbackType } from './judging.type';

export interface JudgingState {
  challengeId: string;
  round: number;
  finalistIds: string[];
}

export interface JudgeProgress {
  userId: string;
  scoredCount: number;
}

interface CardRow {
  id: string;
  challenge_id: string;
  submission_id: string;
  judge_id: string;
  round: number;
  scores: CriterionTenths;
  weighted_total: number;
  comment: string | null;
  updated_at: Date;
  rubric: readonly RubricCriterion[] | null;
}

const CARD_COLUMNS = `sc.id, sc.challenge_id, sc.submission_id, sc.judge_id, sc.round, sc.scores, sc.weighted_total, sc.comment, sc.updated_at`;

/** jsonb keeps no key order: the scores are given back in the rubric's order. */
function toCard(row: CardRow): ScoreCardSnapshot {
  const scores: CriterionTenths = {};
  for (const criterion of rubricOrDefault(row.rubric)) if (criterion.key in row.scores) scores[criterion.key] = row.scores[criterion.key];
  for (const [key, value] of Object.entries(row.scores)) if (!(key in scores)) scores[key] = value;
  return {
    id: row.id,
    challengeId: row.challenge_id,
    submissionId: row.submission_id,
    judgeId: row.judge_id,
    round: row.round,
    scores,
    weightedTotal: row.weighted_total,
    comment: row.comment,
    updatedAt: new Date(row.updated_at),
  };
}

/** What scoring checks, read in one statement (under the submission's row lock in the transaction). */
interface ScoringFacts {
  id: string;
  challenge_id: string | null;
  first_submitted_at: Date;
  status: ChallengeStatusName | null;
  judging_closed: boolean;
  round: number;
  finalist_ids: string[];
  rubric: RubricCriterion[] | null;
  visibility: ChallengeVisibilityName;
  published: boolean;
  role: OrganizationRoleName | null;
  judge: boolean;
  challenge_role: boolean;
  /** The viewer wrote it, or is a member of the team that did. */
  own: boolean;
}

function isVisible(facts: ScoringFacts): boolean {
  return facts.status !== null && isChallengeVisibleTo(facts, facts.role, facts.challenge_role);
}

function canScore(facts: ScoringFacts): boolean {
  return isSponsorReviewer(facts.role) || facts.judge;
}

/**
 * Score cards, the judging board and feedback: the only code of the judging aggregate touching the database. Reads are
 * batches (one statement whatever the keys) for the DataLoaders; callers authorize the board before loading it.
 */
export class JudgingService {
  constructor(
    protected readonly em: EntityManager,
    protected readonly viewerId: string | null,
    protected readonly readModel: ReadModelWait = NO_READ_MODEL_WAIT,
    protected readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Scores a submission in the current round (design: "Judging"). The rules are read first without a lock, waiting
   * (bounded) while a refusal could be explained by an event in flight (a judge's ChallengeRoleChanged, the
   * ChallengeChanged of the close of submissions); then one transaction: the submission's row locked (two judges
   * scoring it serialise, so the aggregate is never stale), the rules again, the card upserted on its unique
   * (judge, submission, round) and the submission's aggregate for the round recomputed from its cards.
   */
  async score(judgeId: string, submissionId: string, scores: readonly { criterionKey: string; value: string }[], comment: string | null | undefined): Promise<ScoreCardSnapshot> {
    if (!isUuid(submissionId)) throw new SubmissionNotFoundError(submissionId);
    const id = submissionId.toLowerCase();
    await this.readModel.until(
      () => this.scoringFacts(this.em, judgeId, id, false),
      (facts) => facts !== null && isVisible(facts) && (!canScore(facts) || facts.status === 'OPEN'),
    );
    return this.em.transactional(async (em) => {
      const facts = await this.scoringFacts(em, judgeId, id, true);
      // The contract: a submission the caller cannot see is NOT_FOUND (a sealed one is seen by its authors and its
      // reviewers only); one they see but may not score (their own) is FORBIDDEN.
      if (!facts || !isVisible(facts) || !(canScore(facts) || facts.own)) throw new SubmissionNotFoundError(submissionId);
      if (!canScore(facts)) throw new ScoreForbiddenError();
      assertScorable({ status: facts.status as string, judgingClosed: facts.judging_closed, round: facts.round, finalistIds: facts.finalist_ids ?? [] }, id);
      const rubric = rubricOrDefault(facts.rubric);
      const card = parseScoreCard(rubric, scores ?? [], comment);
      // The card, and the judge's progress in the round in the same statement (`prior`: this statement's snapshot,
      // taken before the upsert; the row lock keeps another card of this submission out meanwhile).
      const [saved] = await em.execute<CardRow[]>(
        `with prior as (select count(*)::int as n from score_card where judge_id = ? and submission_id = ? and round = ?),
         saved as (
           insert into score_card as sc (id, challenge_id, submission_id, judge_id, round, scores, weighted_total, comment)
           values (?, ?, ?, ?, ?, ?::jsonb, ?, ?)
           on conflict (judge_id, submission_id, round) do update
             set scores = excluded.scores, weighted_total = excluded.weighted_total, comment = excluded.comment, updated_at = now()
           returning ${CARD_COLUMNS}, null::jsonb as rubric
         ),
         progress as (
           insert into judge_round_progress as p (challenge_id, round, judge_id, scored_count, cards_version)
           select ?, ?, ?, 1 - prior.n, 1 from prior
           on conflict (challenge_id, round, judge_id) do update
             set scored_count = p.scored_count + excluded.scored_count, cards_version = p.cards_version + 1
         )
         select * from saved`,
        [
          judgeId, id, facts.round,
          uuidv7(), facts.challenge_id, id, judgeId, facts.round, JSON.stringify(card.scores), card.weightedTotal, card.comment,
          facts.challenge_id, facts.round, judgeId,
        ],
      );
      // The ranking's aggregate, from the cards as they now stand (under the row lock: no concurrent card of it).
      await em.execute(
        `insert into submission_score as ss (submission_id, round, challenge_id, card_count, total_sum, mean_total, first_submitted_at)
         select sc.submission_id, sc.round, ?::uuid, count(*)::int, sum(sc.weighted_total), ((2 * sum(sc.weighted_total) + count(*)) / (2 * count(*)))::int, ?::timestamptz
         from score_card sc where sc.submission_id = ? and sc.round = ?
         group by sc.submission_id, sc.round
         on conflict (submission_id, round) do update
           set card_count = excluded.card_count, total_sum = excluded.total_sum, mean_total = excluded.mean_total`,
        [facts.challenge_id, new Date(facts.first_submitted_at).toISOString(), id, facts.round],
        'run',
      );
      return toCard({ ...saved, rubric });
    });
  }

  private async scoringFacts(em: EntityManager, userId: string, submissionId: string, lock: boolean): Promise<ScoringFacts | null> {
    const [row] = await em.execute<ScoringFacts[]>(
      `select s.id, c.id as challenge_id, s.first_submitted_at, c.status, coalesce(c.judging_closed, false) as judging_closed, coalesce(c.round, 1) as round,
         coalesce(c.finalist_ids, '{}') as finalist_ids, c.rubric, c.visibility, c.published, m.role,
         ${JUDGE_OF('s.challenge_id', '?::uuid')} as judge, ${ROLE_OF('s.challenge_id', '?::uuid')} as challenge_role,
         (s.author_id = ?::uuid or exists (select 1 from team_member tm where tm.team_id = s.team_id and tm.user_id = ?::uuid)) as own
       from submission s
       left join challenge_view c on c.id = s.challenge_id
       left join membership_view m on m.organization_id = c.organization_id and m.user_id = ? and m.role is not null
       where s.id = ?${lock ? '\n       for update of s' : ''}`,
      [userId, userId, userId, userId, userId, submissionId],
    );
    return row ?? null;
  }

  /** Round and finalists of each challenge the read model knows. */
  async judgingStates(challengeIds: readonly string[]): Promise<Map<string, JudgingState>> {
    const keys = uuids(challengeIds);
    if (keys.length === 0) return new Map();
    const rows = await this.em.execute<{ id: string; round: number; finalist_ids: string[] }[]>(
      `select id, round, finalist_ids from challenge_view where id = any(?::uuid[])`,
      [pgArray(keys)],
    );
    return new Map(rows.map((r) => [r.id, { challengeId: r.id, round: r.round, finalistIds: r.finalist_ids ?? [] }]));
  }

  /** The viewer's own cards of these submissions in their challenges' current rounds. */
  async viewerScoreCards(submissionIds: readonly string[]): Promise<ScoreCardSnapshot[]> {
    const keys = uuids(submissionIds);
    if (!this.viewerId || keys.length === 0) return [];
    const rows = await this.em.execute<CardRow[]>(
      `select ${CARD_COLUMNS}, c.rubric from score_card sc join challenge_view c on c.id = sc.challenge_id and c.round = sc.round
       where sc.judge_id = ? and sc.submission_id = any(?::uuid[])`,
      [this.viewerId, pgArray(keys)],
    );
    return rows.map(toCard);
  }

  /** Submission.scoreCards: every card of the current round for the sponsor's OWNER/ADMIN, the viewer's own for anyone else. */
  async scoreCardsFor(submissionIds: readonly string[]): Promise<ScoreCardSnapshot[]> {
    const keys = uuids(submissionIds);
    if (!this.viewerId || keys.length === 0) return [];
    const rows = await this.em.execute<CardRow[]>(
      `select ${CARD_COLUMNS}, c.rubric from score_card sc
       join challenge_view c on c.id = sc.challenge_id and c.round = sc.round
       left join membership_view m on m.organization_id = c.organization_id and m.user_id = ? and m.role in ('OWNER', 'ADMIN')
       where sc.submission_id = any(?::uuid[]) and (m.user_id is not null or sc.judge_id = ?)
       order by sc.created_at, sc.id`,
      [this.viewerId, pgArray(keys), this.viewerId],
    );
    return rows.map(toCard);
  }

  /**
   * The board's judges of each challenge: its accepted JUDGEs and anyone with a card in the current round, with the
   * number of submissions each scored in it (judge_round_progress, kept by `score`). Most cards first.
   */
  async judgeProgress(challengeIds: readonly string[]): Promise<Map<string, JudgeProgress[]>> {
    const keys = uuids(challengeIds);
    if (keys.length === 0) return new Map();
    const rows = await this.em.execute<{ challenge_id: string; user_id: string; scored: number }[]>(
      `select c.id as challenge_id, j.user_id, coalesce(p.scored_count, 0) as scored
       from challenge_view c
       cross join lateral (
         select r.user_id from challenge_role_view r where r.challenge_id = c.id and r.role = 'JUDGE' and r.granted
         union
         select p.judge_id from judge_round_progress p where p.challenge_id = c.id and p.round = c.round and p.scored_count > 0
       ) j
       left join judge_round_progress p on p.challenge_id = c.id and p.round = c.round and p.judge_id = j.user_id
       where c.id = any(?::uuid[])
       order by c.id, scored desc, j.user_id`,
      [pgArray(keys)],
    );
    const progress = new Map<string, JudgeProgress[]>();
    for (const row of rows) progress.set(row.challenge_id, [...(progress.get(row.challenge_id) ?? []), { userId: row.user_id, scoredCount: row.scored }]);
    return progress;
  }

  /**
   * Kendall's W of the round: the judges who scored in it, over the submissions every one of them scored. One
   * statement: the round's sums as cached in round_agreement when they were computed at the round's current version
   * (the sum of its judges' cards_version, a few rows); otherwise computed in SQL (mid-ranks by window functions,
   * only numbers leave Postgres) and stored for the next read. W itself is the domain's `concordance` of the sums.
   * Null below 2 judges or 2 such submissions.
   */
  async agreement(challengeId: string, round: number): Promise<number | null> {
    if (!isUuid(challengeId)) return null;
    const [sums] = await this.em.execute<{ judges: number; items: number; squared_deviations: string; tie_terms: string }[]>(
      `with version as (
         select coalesce(sum(cards_version), 0)::bigint as v from judge_round_progress where challenge_id = ? and round = ?
       ),
       cached as (
         select a.judges, a.items, a.squared_deviations, a.tie_terms from round_agreement a, version
         where a.challenge_id = ? and a.round = ? and a.cards_version = version.v
       ),
       judges as (
         select judge_id from judge_round_progress where challenge_id = ? and round = ? and scored_count > 0
       ),
       common as (
         select submission_id from score_card where challenge_id = ? and round = ?
         group by submission_id having count(*) = (select count(*) from judges)
       ),
       ranked as (
         select sc.submission_id,
           -- Mid-rank: ties share the mean of the ranks they span (judging.domain midRanks); t: the tie group's size.
           rank() over (partition by sc.judge_id order by sc.weighted_total desc) + (count(*) over (partition by sc.judge_id, sc.weighted_total) - 1) / 2.0 as mid_rank,
           count(*) over (partition by sc.judge_id, sc.weighted_total) as t
         from score_card sc join common using (submission_id)
         where sc.challenge_id = ? and sc.round = ? and not exists (select 1 from cached)
       ),
       rank_sums as (select sum(mid_rank) as rank_sum from ranked group by submission_id),
       computed as (
         select (select count(*) from judges)::int as judges, (select count(*) from rank_sums)::int as items,
           coalesce((select sum(power(rank_sum - (select count(*) from judges) * ((select count(*) from rank_sums) + 1) / 2.0, 2)) from rank_sums), 0) as squared_deviations,
           -- Each member of a tie group of t adds t^2 - 1: the group adds t^3 - t.
           coalesce((select sum(t * t - 1) from ranked), 0) as tie_terms
         where not exists (select 1 from cached)
       ),
       stored as (
         insert into round_agreement as a (challenge_id, round, cards_version, judges, items, squared_deviations, tie_terms)
         select ?, ?, version.v, computed.judges, computed.items, computed.squared_deviations, computed.tie_terms from computed, version
         on conflict (challenge_id, round) do update
           set cards_version = excluded.cards_version, judges = excluded.judges, items = excluded.items,
               squared_deviations = excluded.squared_deviations, tie_terms = excluded.tie_terms
           where a.cards_version < excluded.cards_version
       )
       select judges, items, squared_deviations::text, tie_terms::text from cached
       union all
       select judges, items, squared_deviations::text, tie_terms::text from computed`,
      [challengeId, round, challengeId, round, challengeId, round, challengeId, round, challengeId, round, challengeId, round],
    );
    if (!sums) return null;
    const w = concordance({ judges: sums.judges, items: sums.items, squaredDeviations: Number(sums.squared_deviations), tieTerms: Number(sums.tie_terms) });
    return w === null ? null : roundAgreement(w);
  }

  /**
   * One page of the round's ranking: a keyset scan of submission_score_ranking_idx from the cursor's keys, joined to
   * the submissions' current versions, in ONE statement whatever the page; `rank` continues from the cursor's.
   * totalCount is one more statement, only when selected.
   */
  async rankingPage(challengeId: string, round: number, limit: number, after: string | null): Promise<JudgingRankingConnection> {
    const cursor = decodeRankingCursor(after);
    if (!isUuid(challengeId)) return JudgingRankingConnection.of(emptyConnection(), async () => 0);
    const rows = await this.em.execute<(SubmissionRow & { mean_total: number; card_count: number })[]>(
      `select ss.mean_total, ss.card_count, ${SNAPSHOT_COLUMNS}
       from (
         select * from submission_score ss
         where ss.challenge_id = ? and ss.round = ?
           and ${rankingKey('ss')} > (cast(? as int), cast(? as int), cast(? as timestamptz), cast(? as uuid))
         order by ${rankingOrder('ss')}
         limit ?
       ) ss
       join submission s on s.id = ss.submission_id
       ${CURRENT_VERSION_JOIN}
       order by ${rankingOrder('ss')}`,
      [
        challengeId,
        round,
        // Before every row: -mean_total >= -10,000 > -10,001 decides the comparison alone.
        cursor ? -cursor.meanTotal : -10_001,
        cursor ? -cursor.cardCount : 0,
        cursor ? cursor.firstSubmittedAt.toISOString() : '-infinity',
        cursor?.submissionId ?? NIL_UUID,
        limit + 1,
      ],
    );
    const firstRank = (cursor?.rank ?? 0) + 1;
    const ranked = rows.map((row, i) => ({ row, rank: firstRank + i }));
    const countTotal = async () => {
      const [count] = await this.em.execute<{ count: number }[]>(`select count(*)::int as count from submission_score where challenge_id = ? and round = ?`, [challengeId, round]);
      return Number(count?.count ?? 0);
    };
    return JudgingRankingConnection.of(
      toConnection(
        ranked,
        limit,
        ({ row, rank }) =>
          encodeRankingCursor({ rank, meanTotal: row.mean_total, cardCount: row.card_count, firstSubmittedAt: new Date(row.first_submitted_at), submissionId: row.id }),
        ({ row, rank }) =>
          Object.assign(new RankedSubmissionType(), {
            rank,
            meanWeightedTotal: formatThousandths(row.mean_total),
            scoreCardCount: row.card_count,
            submission: SubmissionType.from(toSnapshot(row)),
          }),
      ),
      countTotal,
    );
  }

  /**
   * Submission.feedback, two statements for any number of submissions: the viewer's own submissions (author, a
   * team's members) to AWARDED or CLOSED challenges, with their rank in the final ranking (round 2's ranked first,
   * then the rest by round 1: counts of the rows ahead on the ranking index), outOf and the last round they were
   * scored in; then that round's cards (criterion means, comments without names). Absent: no feedback (null).
   */
  async feedback(submissionIds: readonly string[]): Promise<Map<string, SubmissionFeedbackType>> {
    const keys = uuids(submissionIds);
    if (!this.viewerId || keys.length === 0) return new Map();
    const rows = await this.em.execute<{ id: string; rubric: RubricCriterion[] | null; last_round: number | null; mean_total: number | null; rank: number | null; out_of: number }[]>(
      `select s.id, c.rubric, last.round as last_round, last.mean_total,
         case
           when last.round is null then null
           when r2.submission_id is not null then
             1 + (select count(*) from submission_score o where o.challenge_id = s.challenge_id and o.round = 2 and ${rankingKey('o')} < ${rankingKey('r2')})
           else
             1 + (select count(*) from submission_score o where o.challenge_id = s.challenge_id and o.round = 2 and c.round = 2)
               + (select count(*) from submission_score o where o.challenge_id = s.challenge_id and o.round = 1 and ${rankingKey('o')} < ${rankingKey('r1')}
                    and not (c.round = 2 and exists (select 1 from submission_score f where f.submission_id = o.submission_id and f.round = 2)))
         end::int as rank,
         (select count(distinct o.submission_id) from submission_score o where o.challenge_id = s.challenge_id and o.round <= c.round)::int as out_of
       from submission s
       join challenge_view c on c.id = s.challenge_id and c.status in ('AWARDED', 'CLOSED')
       left join submission_score r2 on r2.submission_id = s.id and r2.round = 2 and c.round = 2
       left join submission_score r1 on r1.submission_id = s.id and r1.round = 1
       left join lateral (
         select ss.round, ss.mean_total from submission_score ss where ss.submission_id = s.id and ss.round <= c.round order by ss.round desc limit 1
       ) last on true
       where s.id = any(?::uuid[]) and ${VIEWER_READS.replaceAll('p.', 's.')}`,
      [pgArray(keys), this.viewerId, this.viewerId],
    );
    const scored = rows.filter((r) => r.last_round !== null);
    const cards =
      scored.length === 0
        ? []
        : await this.em.execute<{ submission_id: string; scores: CriterionTenths; comment: string | null }[]>(
            `select sc.submission_id, sc.scores, sc.comment
             from unnest(?::uuid[], ?::int[]) as k(submission_id, round)
             join score_card sc on sc.submission_id = k.submission_id and sc.round = k.round
             order by sc.created_at, sc.id`,
            [pgArray(scored.map((r) => r.id)), pgArray(scored.map((r) => String(r.last_round)))],
          );
    const feedback = new Map<string, SubmissionFeedbackType>();
    for (const row of rows) {
      const own = cards.filter((c) => c.submission_id === row.id);
      const criteria =
        own.length === 0
          ? []
          : rubricOrDefault(row.rubric).map((criterion) =>
              Object.assign(new CriterionFeedbackType(), {
                criterionKey: criterion.key,
                label: criterion.label,
                meanValue: formatHundredths(meanHundredthsOfTenths(own.reduce((sum, c) => sum + (c.scores[criterion.key] ?? 0), 0), own.length)),
              }),
            );
      feedback.set(
        row.id,
        Object.assign(new SubmissionFeedbackType(), {
          rank: row.rank,
          outOf: row.out_of,
          meanWeightedTotal: row.mean_total === null ? null : formatThousandths(row.mean_total),
          criteria,
          comments: own.map((c) => c.comment?.trim() ?? '').filter((c) => c !== ''),
        }),
      );
    }
    return feedback;
  }
}
