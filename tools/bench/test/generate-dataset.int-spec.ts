import { runContract, startStack, type Stack } from '@ideagora/testing';
import { Client } from 'pg';
import { buildPlan } from '../src/data/dataset-plan';
import { benchUserEmail, generateDataset, readDataset, type Dataset } from '../src/data/generate-dataset';

/**
 * The generated data set is only useful if the running subgraphs serve it as if real users had produced it: every
 * check goes through the gateway over HTTP (and a few through SQL for the money invariants).
 */
describe('benchmark data set (tiny) on the real stack', () => {
  let stack: Stack;
  let dataset: Dataset;
  let sql: Client;

  const query = async <T = Record<string, any>>(text: string, params: unknown[] = []): Promise<T[]> => (await sql.query(text, params)).rows as T[];

  async function logIn(userId: string): Promise<string> {
    const response = await runContract(stack.client, 'LogIn', { input: { email: benchUserEmail(userId), password: dataset.password } });
    expect(response.errors).toBeUndefined();
    return response.data!.logIn.token as string;
  }

  beforeAll(async () => {
    stack = await startStack();
    expect(await readDataset(stack.databaseUrl)).toBeUndefined();
    dataset = await generateDataset(stack.databaseUrl, 'tiny');
    sql = new Client({ connectionString: stack.databaseUrl });
    await sql.connect();
  }, 120_000);

  afterAll(async () => {
    await sql?.end();
    await stack?.stop();
  });

  it('stores its descriptor last, with counts that match the rows, and refuses to generate twice', async () => {
    expect(await readDataset(stack.databaseUrl)).toEqual(dataset);
    const [counts] = await query(`select
      (select count(*)::int from solvers.user_account) as users,
      (select count(*)::int from challenges.challenge) as challenges,
      (select count(*)::int from submissions.submission) as submissions,
      (select count(*)::int from submissions.submission_version) as versions,
      (select count(*)::int from payouts.submission_view) as submission_views,
      (select count(*)::int from payouts.award) as awards,
      (select count(*)::int from payouts.payout where status = 'PAID') as paid`);
    expect(counts).toEqual({
      users: dataset.counts.users,
      challenges: 40,
      submissions: 1000,
      versions: dataset.counts.submissionVersions,
      submission_views: 1000,
      awards: 40,
      paid: 40,
    });
    expect(dataset.bigChallenge.submissionCount).toBe(300);
    await expect(generateDataset(stack.databaseUrl, 'tiny')).rejects.toThrow(/already holds a generated data set/);
  });

  it('is deterministic: the same seed and anchor plan the same ids', async () => {
    const plan = buildPlan('tiny', dataset.seed, Date.parse(dataset.anchoredAt), dataset.platformFeeBasisPoints);
    const rows = await query<{ id: string }>('select id from challenges.challenge');
    expect(new Set(plan.challenges.map((c) => c.id))).toEqual(new Set(rows.map((r) => r.id)));
    expect(plan.bigChallenge.id).toBe(dataset.bigChallenge.id);
  });

  it('lists every public published challenge, newest first, with its submission count and funding', async () => {
    const expected = await query<{ id: string; submissions: number }>(
      `select c.id, (select count(*)::int from submissions.submission s where s.challenge_id = c.id) as submissions
         from challenges.challenge c
        where c.visibility = 'PUBLIC' and c.published_at is not null
        order by c.created_at desc, c.id desc`,
    );
    const seen: { id: string; status: string; submissionCount: number; funding: { status: string } | null }[] = [];
    let after: string | null = null;
    for (;;) {
      const response: any = await stack.client.request(
        `query($first: Int, $after: String) { challenges(first: $first, after: $after) {
           edges { node { id status submissionCount funding { status } } } pageInfo { hasNextPage endCursor } } }`,
        { first: 10, after },
      );
      expect(response.errors).toBeUndefined();
      seen.push(...response.data.challenges.edges.map((e: any) => e.node));
      if (!response.data.challenges.pageInfo.hasNextPage) break;
      after = response.data.challenges.pageInfo.endCursor;
    }
    expect(seen.map((c) => c.id)).toEqual(expected.map((c) => c.id));
    expect(seen.map((c) => c.submissionCount)).toEqual(expected.map((c) => c.submissions));
    expect(seen.every((c) => c.status !== 'DRAFT' && c.funding?.status === 'SUCCEEDED')).toBe(true);
    expect(new Set(dataset.browsableChallengeIds)).toEqual(new Set(expected.map((c) => c.id)));
  });

  it("gives the big challenge's owner all its submissions over keyset pages", async () => {
    const token = await logIn(dataset.bigChallenge.ownerUserId);
    const ids = new Set<string>();
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const response: any = await runContract(stack.client, 'ChallengeSubmissions', { challengeId: dataset.bigChallenge.id, first: 100, after }, token);
      expect(response.errors).toBeUndefined();
      const page = response.data.challenge.submissions;
      for (const { node } of page.edges) {
        expect(node.title.length).toBeGreaterThan(0);
        expect(node.body.length).toBeGreaterThanOrEqual(500);
        expect(node.author.displayName).toBeTruthy();
        ids.add(node.id);
      }
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(ids.size).toBe(dataset.bigChallenge.submissionCount);
    expect(pages).toBe(3);
  });

  it("shows the big challenge's judging board to its owner: 3 judges who scored every submission, the whole ranking over keyset pages", async () => {
    const token = await logIn(dataset.bigChallenge.ownerUserId);
    const ranked: { rank: number; meanWeightedTotal: string; scoreCardCount: number; submission: { id: string } }[] = [];
    let after: string | null = null;
    let judging: any;
    for (;;) {
      const response: any = await runContract(stack.client, 'JudgingBoard', { challengeId: dataset.bigChallenge.id, first: 100, after }, token);
      expect(response.errors).toBeUndefined();
      judging = response.data.challenge.judging;
      ranked.push(...judging.ranking.edges.map((e: any) => e.node));
      if (!judging.ranking.pageInfo.hasNextPage) break;
      after = judging.ranking.pageInfo.endCursor;
    }
    expect(judging.round).toBe(1);
    expect(judging.judgeCount).toBe(3);
    expect(judging.agreement).not.toBeNull();
    expect(judging.judges.map((j: any) => j.user.id).sort()).toEqual([...dataset.bigChallenge.judgeIds].sort());
    expect(judging.judges.every((j: any) => j.scoredCount === 300 && j.user.displayName)).toBe(true);
    expect(ranked.map((r) => r.rank)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(ranked.every((r) => r.scoreCardCount === 3)).toBe(true);
    const means = ranked.map((r) => Number(r.meanWeightedTotal));
    expect(means).toEqual([...means].sort((a, b) => b - a));
    // The aggregate is what scoreSubmission would have computed from the cards.
    const [mismatch] = await query<{ n: number }>(
      `select count(*)::int as n from submissions.submission_score ss
         left join (select submission_id, round, count(*)::int as cards, sum(weighted_total) as total, ((2 * sum(weighted_total) + count(*)) / (2 * count(*)))::int as mean
                      from submissions.score_card group by submission_id, round) a using (submission_id, round)
        where ss.challenge_id = $1 and (ss.card_count, ss.total_sum, ss.mean_total) is distinct from (a.cards, a.total, a.mean)`,
      [dataset.bigChallenge.id],
    );
    expect(mismatch!.n).toBe(0);
  });

  it('makes the big challenge a public gallery whose votes follow the rules and order orderBy: VOTES (Q5)', async () => {
    expect(dataset.bigChallenge.gallery).toMatchObject({ submissionVisibility: 'GALLERY' });
    expect(dataset.bigChallenge.gallery!.votes).toBeGreaterThan(dataset.bigChallenge.submissionCount);
    // Signed out, through the gateway: every entry over keyset pages, in both orders.
    for (const orderBy of ['FIRST_SUBMITTED', 'VOTES']) {
      const seen: { id: string; voteCount: number }[] = [];
      let after: string | null = null;
      for (;;) {
        const response: any = await stack.client.request(
          `query G($challengeId: ID!, $after: String, $orderBy: GalleryOrder) { challenge(id: $challengeId) { submissionVisibility gallery(first: 100, after: $after, orderBy: $orderBy) { edges { node { id voteCount author { id } } } pageInfo { hasNextPage endCursor } } } }`,
          { challengeId: dataset.bigChallenge.id, after, orderBy },
        );
        expect(response.errors).toBeUndefined();
        expect(response.data.challenge.submissionVisibility).toBe('GALLERY');
        const page = response.data.challenge.gallery;
        seen.push(...page.edges.map((e: any) => e.node));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(new Set(seen.map((s) => s.id)).size).toBe(dataset.bigChallenge.submissionCount);
      if (orderBy === 'VOTES') {
        const counts = seen.map((s) => s.voteCount);
        expect(counts).toEqual([...counts].sort((a, b) => b - a));
        expect(counts[0]).toBe(dataset.bigChallenge.gallery!.maxVoteCount);
      }
    }
    // As castVote leaves them: counters match the counted votes, at most 3 per voter, never one's own entry.
    const [broken] = await query<{ counters: number; ballots: number; own: number }>(
      `select (select count(*)::int from submissions.submission s where s.challenge_id = $1
                 and s.vote_count <> (select count(*) from submissions.vote v where v.submission_id = s.id and v.counted)) as counters,
              (select count(*)::int from submissions.ballot b where b.challenge_id = $1 and (b.votes_used > 3
                 or b.votes_used <> (select count(*) from submissions.vote v where v.challenge_id = $1 and v.voter_id = b.voter_id))) as ballots,
              (select count(*)::int from submissions.vote v join submissions.submission s on s.id = v.submission_id where v.challenge_id = $1 and s.author_id = v.voter_id) as own`,
      [dataset.bigChallenge.id],
    );
    expect(broken).toEqual({ counters: 0, ballots: 0, own: 0 });
  });

  it('seeds profiles and reputation as the events would have left them, which the leaderboard and recommendations serve (Q6, Q7)', async () => {
    const communities = dataset.communities!;
    expect(communities.publicProfiles).toBeGreaterThan(dataset.counts.users / 2);
    const [facts] = await query(`select
      (select count(*)::int from solvers.reputation_fact where kind = 'ENTERED') as entered,
      (select count(*)::int from (select distinct author_id, challenge_id from submissions.submission) e) as authors_by_challenge,
      (select count(*)::int from solvers.reputation_fact where kind = 'PRIZE') as prizes,
      (select count(*)::int from (select distinct p.winner_id, a.id from payouts.payout p join payouts.award a on a.id = p.award_id) w) as winners_by_award,
      (select count(*)::int from solvers.reputation where score <> 100 * prizes_won + 25 * finalist_places + 5 * submissions) as wrong_scores,
      (select count(*)::int from solvers.user_skill s join solvers.reputation r on r.user_id = s.user_id where s.score <> r.score or s.public_profile <> r.public_profile) as stale_skills`);
    expect(facts).toEqual({ entered: facts.authors_by_challenge, authors_by_challenge: facts.authors_by_challenge, prizes: facts.winners_by_award, winners_by_award: facts.winners_by_award, wrong_scores: 0, stale_skills: 0 });

    for (const skill of [null, communities.topSkill.skill]) {
      const response = await runContract(stack.client, 'Leaderboard', { first: 20, skill });
      expect(response.errors).toBeUndefined();
      const edges = response.data!.leaderboard.edges.map((e: any) => e.node);
      expect(edges).toHaveLength(20);
      expect(edges.map((n: any) => n.rank)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const scores = edges.map((n: any) => n.reputation.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(scores[0]).toBeGreaterThan(0);
    }
    const recommended = await runContract(stack.client, 'RecommendedChallenges', { first: 6 }, await logIn(dataset.solverIds[0]!));
    expect(recommended.errors).toBeUndefined();
    expect(recommended.data!.viewer.recommendedChallenges.edges.length).toBeGreaterThan(0);
  });

  it('shows a closed challenge with every prize awarded and paid', async () => {
    const challengeId = dataset.closedChallengeIds[0]!;
    const [owner] = await query<{ user_id: string }>(
      `select m.user_id from challenges.challenge c join challenges.organization_membership m on m.organization_id = c.organization_id where c.id = $1`,
      [challengeId],
    );
    const token = await logIn(owner!.user_id);
    const response: any = await runContract(stack.client, 'ChallengeDetail', { id: challengeId }, token);
    expect(response.errors).toBeUndefined();
    const challenge = response.data.challenge;
    expect(challenge.status).toBe('CLOSED');
    expect(challenge.funding.status).toBe('SUCCEEDED');
    expect(challenge.prizes.length).toBeGreaterThan(0);
    for (const prize of challenge.prizes) {
      expect(prize.award.submission.title).toBeTruthy(); // the sponsor reads the winning (sealed) submission
      expect(prize.award.payouts).toEqual([{ status: 'PAID', amount: prize.amount }]);
    }

    // The winner sees the same payout, and an ACTIVE payout account.
    const winnerId = (await query<{ winner_id: string }>(`select winner_id from payouts.award where challenge_id = $1 limit 1`, [challengeId]))[0]!.winner_id;
    const viewer: any = await runContract(stack.client, 'Viewer', {}, await logIn(winnerId));
    expect(viewer.errors).toBeUndefined();
    expect(viewer.data.viewer.payoutAccount.status).toBe('ACTIVE');
    expect(viewer.data.viewer.payouts.edges.some((e: any) => e.node.status === 'PAID' && e.node.award.challenge.id === challengeId)).toBe(true);
  });

  it('accepts a new submission from a generated solver to an open challenge', async () => {
    const challengeId = dataset.openChallengeIds[0]!;
    const solverId = dataset.solverIds[0]!;
    const [before] = await query<{ version: number | null }>(
      `select max(current_version) as version from submissions.submission where challenge_id = $1 and author_id = $2`,
      [challengeId, solverId],
    );
    const response: any = await runContract(
      stack.client,
      'SubmitSolution',
      { input: { challengeId, title: 'Modular water sensor', body: 'A benchmark check that the read models accept a generated solver.' } },
      await logIn(solverId),
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.submitSolution.submission).toMatchObject({ status: 'SUBMITTED', version: (before?.version ?? 0) + 1, challenge: { id: challengeId } });
  });

  it('finds challenges by every search term', async () => {
    expect(dataset.searchTerms.length).toBeGreaterThanOrEqual(15);
    for (const search of dataset.searchTerms) {
      const response: any = await runContract(stack.client, 'BrowseChallenges', { first: 5, filter: { search } });
      expect(response.errors).toBeUndefined();
      expect(response.data.challenges.edges.length).toBeGreaterThan(0);
    }
  });

  it('keeps the books: balanced per currency, closed escrows empty, open and judging escrows holding the prize pool', async () => {
    const totals = await query<{ currency: string; total: string }>(`select currency, sum(amount_minor)::text as total from payouts.ledger_posting group by currency`);
    expect(totals.length).toBeGreaterThan(0);
    expect(totals.every((t) => t.total === '0')).toBe(true);
    const escrows = await query<{ status: string; pool: string; held: string }>(
      `select c.status, c.total_prize_minor::text as pool,
              (-coalesce((select sum(p.amount_minor) from payouts.ledger_posting p where p.account = 'escrow:' || c.id), 0))::text as held
         from challenges.challenge c`,
    );
    for (const escrow of escrows) {
      if (escrow.status === 'CLOSED' || escrow.status === 'DRAFT') expect(escrow.held).toBe('0');
      else expect(escrow.held).toBe(escrow.pool);
    }
    const payables = await query(`select account from payouts.ledger_posting where account like 'payable:%' group by account having sum(amount_minor) <> 0`);
    expect(payables).toEqual([]);
    // paid + fee = funded per closed challenge (nothing refunded: every prize was awarded).
    const unsettled = await query(
      `select f.challenge_id from payouts.funding f join payouts.settlement s on s.challenge_id = f.challenge_id
        where f.amount_minor <> f.fee_minor + (select sum(amount_minor) from payouts.payout p where p.challenge_id = f.challenge_id and p.status = 'PAID')`,
    );
    expect(unsettled).toEqual([]);
  });
});
