import type { EventPayloads } from '@ideagora/events';
import {
  addMember,
  challengeInput,
  createAgreedTeam,
  createChallenge,
  createOrganization,
  errorCodes,
  eventually,
  fundAndPublish,
  pushSubmissionsChallenge,
  runContract,
  signUpUser,
  sqlStatementCounts,
  startStack,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { kendallsW, roundAgreement } from '../src/judging/judging.domain';

const SCORE = `mutation($input: ScoreSubmissionInput!) {
  scoreSubmission(input: $input) { scoreCard { id round weightedTotal comment scores { criterionKey value } submission { id } } }
}`;
const BOARD = `query($id: ID!, $first: Int, $after: String) {
  challenge(id: $id) {
    id
    judging {
      round judgeCount agreement
      judges { user { id } scoredCount }
      ranking(first: $first, after: $after) {
        totalCount
        edges { cursor node { rank meanWeightedTotal scoreCardCount submission { id title } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`;
const RANKING_ONLY = `query($id: ID!, $first: Int) {
  challenge(id: $id) { id judging { round ranking(first: $first) { edges { node { rank meanWeightedTotal scoreCardCount submission { id title body } } } } } }
}`;
const SUBMISSIONS = `query($id: ID!) {
  challenge(id: $id) { id submissions(first: 3) { totalCount edges { node { id title body finalist team { id } versions { version } } } } }
}`;
const CARDS = `query($id: ID!) {
  challenge(id: $id) { submissions(first: 2) { edges { node { id viewerScoreCard { weightedTotal judge { id } } scoreCards { weightedTotal judge { id } } } } } }
}`;
const FEEDBACK = `query($id: ID!) {
  challenge(id: $id) { id viewerSubmissions { id feedback { rank outOf meanWeightedTotal criteria { criterionKey label meanValue } comments } } }
}`;
const AUTHORS = 52;
const RUBRIC = [
  { key: 'impact', label: 'Impact', description: 'How much it changes', weightPercent: 60 },
  { key: 'novelty', label: 'Novelty', description: '', weightPercent: 40 },
];

describe('judging in submissions, through the gateway', () => {
  let stack: Stack;
  let db: Client;
  let sponsor: TestUser;
  let member: TestUser;
  let judge1: TestUser;
  let judge2: TestUser;
  let outsider: TestUser;
  let authors: TestUser[];
  let challengeId: string;
  let organizationId: string;
  /** Submissions in first-submission order; S[i] by authors[i]. */
  let S: string[];

  const score = (user: TestUser, submissionId: string, value: string | [string, string], comment?: string | null) => {
    const [impact, novelty] = typeof value === 'string' ? [value, value] : value;
    return stack.client.request(
      SCORE,
      { input: { submissionId, scores: [{ criterionKey: 'impact', value: impact }, { criterionKey: 'novelty', value: novelty }], comment } },
      { token: user.token },
    );
  };
  const expectScored = async (user: TestUser, submissionId: string, value: string | [string, string], comment?: string | null) => {
    const response = await score(user, submissionId, value, comment);
    expect(response.errors).toBeUndefined();
    return response.data!.scoreSubmission.scoreCard;
  };
  const board = async (user: TestUser, variables: { first?: number; after?: string | null } = {}) => {
    const response = await stack.client.request(BOARD, { id: challengeId, ...variables }, { token: user.token });
    if (response.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) console.error(stack.logs().split('\n').filter((l) => /error/i.test(l)).slice(-6).join('\n'));
    return response;
  };
  const submit = (user: TestUser, title = 'Ceramic filter') =>
    runContract(stack.client, 'SubmitSolution', { input: { challengeId, title, body: `Fired clay, by ${user.displayName}.` } }, user.token);
  const aggregate = async (submissionId: string, round = 1) =>
    (await db.query(`select card_count, total_sum::int as total_sum, mean_total from submissions.submission_score where submission_id = $1 and round = $2`, [submissionId, round])).rows[0];
  const outboxEvents = async (type: string, id = challengeId) =>
    (await db.query(`select payload from submissions.outbox_event where type = $1 and payload->>'challengeId' = $2 order by occurred_at, id`, [type, id])).rows.map((r) => r.payload);

  /** Sets the challenge as submissions knows it, as a later ChallengeChanged would (versions far above the real ones). */
  const pushChallenge = (changes: Partial<EventPayloads['ChallengeChanged']>, id = challengeId) => pushSubmissionsChallenge(stack.databaseUrl, db, id, changes);

  async function makeJudge(user: TestUser): Promise<void> {
    const invited = await stack.client.request(
      `mutation($input: InviteToChallengeInput!) { inviteToChallenge(input: $input) { invitations { id } } }`,
      { input: { challengeId, emails: [user.email], role: 'JUDGE' } },
      { token: sponsor.token },
    );
    expect(invited.errors).toBeUndefined();
    const invitationId = invited.data!.inviteToChallenge.invitations[0].id;
    await eventually(async () => {
      const accepted = await stack.client.request(
        `mutation($input: RespondToChallengeInvitationInput!) { respondToChallengeInvitation(input: $input) { invitation { status } } }`,
        { input: { invitationId, accept: true } },
        { token: user.token },
      );
      expect(accepted.errors).toBeUndefined();
    });
  }

  beforeAll(async () => {
    stack = await startStack();
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    [sponsor, member, judge1, judge2, outsider] = await Promise.all([1, 2, 3, 4, 5].map(() => signUpUser(stack.client)));
    authors = [];
    for (let i = 0; i < AUTHORS; i += 8) authors.push(...(await Promise.all(Array.from({ length: Math.min(8, AUTHORS - i) }, () => signUpUser(stack.client)))));
    organizationId = await createOrganization(stack.client, sponsor.token);
    await addMember(stack.client, sponsor.token, organizationId, member, 'MEMBER');
    ({ id: challengeId } = await createChallenge(
      stack.client,
      sponsor.token,
      challengeInput(organizationId, {
        prizes: [
          { rank: 1, label: 'First prize', amountMinor: '500000', quantity: 1 },
          { rank: 2, label: 'Runners-up', amountMinor: '100000', quantity: 2 },
        ],
      }),
    ));
    const rubric = await stack.client.request(
      `mutation($input: SetJudgingRubricInput!) { setJudgingRubric(input: $input) { challenge { id } } }`,
      { input: { challengeId, criteria: RUBRIC } },
      { token: sponsor.token },
    );
    expect(rubric.errors).toBeUndefined();
    await fundAndPublish(stack, sponsor.token, challengeId, { simulated: true });
    await eventually(async () => expect((await submit(authors[0])).errors).toBeUndefined());
    for (let i = 1; i < AUTHORS; i += 1) expect((await submit(authors[i])).errors).toBeUndefined(); // in order: S[i] by authors[i]
    const { rows } = await db.query(`select id from submissions.submission where challenge_id = $1 order by first_submitted_at, id`, [challengeId]);
    S = rows.map((r) => r.id);
    expect(S).toHaveLength(AUTHORS);
    await makeJudge(judge1);
    await makeJudge(judge2);
  }, 300_000);
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  describe("judges' access", () => {
    it('lets an accepted judge read the sealed submissions (not the teams), as the OWNER does; others are refused', async () => {
      const asJudge = await stack.client.request(SUBMISSIONS, { id: challengeId }, { token: judge1.token });
      expect(asJudge.errors).toBeUndefined();
      expect(asJudge.data!.challenge.submissions.totalCount).toBe(AUTHORS);
      expect(asJudge.data!.challenge.submissions.edges[0].node).toMatchObject({ id: S[0], body: expect.stringContaining('Fired clay'), finalist: false, team: null, versions: [{ version: 1 }] });
      for (const user of [member, outsider, authors[1]]) {
        const refused = await stack.client.request(SUBMISSIONS, { id: challengeId }, { token: user.token });
        expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
      }
    });

    it('refuses a judge entering the challenge: submit, accept the terms, create a team (FORBIDDEN)', async () => {
      const message = 'Judges cannot enter the challenge they judge';
      const submitted = await submit(judge1);
      expect(errorCodes(submitted)).toEqual(['FORBIDDEN']);
      expect(submitted.errors![0].message).toBe(message);
      const terms = await stack.client.request(`mutation($input: AcceptChallengeTermsInput!) { acceptChallengeTerms(input: $input) { challenge { id } } }`, { input: { challengeId } }, { token: judge1.token });
      expect(terms.errors?.[0]).toMatchObject({ message, extensions: { code: 'FORBIDDEN' } });
      const team = await runContract(stack.client, 'CreateTeam', { input: { challengeId, name: 'Judges united' } }, judge2.token);
      expect(team.errors?.[0]).toMatchObject({ message, extensions: { code: 'FORBIDDEN' } });
    });
  });

  describe('scoreSubmission', () => {
    it('refuses while the challenge is OPEN (FAILED_PRECONDITION), then scores once it is JUDGING', async () => {
      expect(errorCodes(await score(judge1, S[0], '5'))).toEqual(['FAILED_PRECONDITION']);
      const closed = await stack.client.request(`mutation($id: ID!) { closeSubmissions(challengeId: $id) { challenge { status } } }`, { id: challengeId }, { token: sponsor.token });
      expect(closed.errors).toBeUndefined();
      // Read-your-writes: the ChallengeChanged of the close may still be in flight; scoring waits for it.
      const card = await expectScored(judge1, S[0], ['8', '5'], '  Promising.  ');
      // 80 x 60 + 50 x 40 = 6800 thousandths.
      expect(card).toMatchObject({ round: 1, weightedTotal: '6.8', comment: 'Promising.', submission: { id: S[0] } });
      expect(card.scores).toEqual([{ criterionKey: 'impact', value: '8' }, { criterionKey: 'novelty', value: '5' }]);
    });

    it('refuses whoever cannot see the submission (NOT_FOUND: outsiders, plain members, other authors) and its own author (FORBIDDEN)', async () => {
      for (const user of [outsider, member, authors[1]]) expect(errorCodes(await score(user, S[0], '5'))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await score(authors[0], S[0], '5'))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await score(judge1, randomUUID(), '5'))).toEqual(['NOT_FOUND']);
      expect((await score(judge1, 'not-an-id', '5')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'submissionId' });
    });

    it('refuses bad scores and comments (BAD_USER_INPUT scores / comment), changing nothing', async () => {
      const before = await aggregate(S[0]);
      const bad = [
        { scores: [{ criterionKey: 'impact', value: '5' }] },
        { scores: [{ criterionKey: 'impact', value: '5' }, { criterionKey: 'novelty', value: '10.5' }] },
        { scores: [{ criterionKey: 'impact', value: '5' }, { criterionKey: 'novelty', value: '5' }, { criterionKey: 'impact', value: '5' }] },
        { scores: [{ criterionKey: 'impact', value: '5' }, { criterionKey: 'style', value: '5' }] },
      ];
      for (const input of bad) {
        const response = await stack.client.request(SCORE, { input: { submissionId: S[0], ...input } }, { token: judge1.token });
        expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scores' });
      }
      const long = await score(judge1, S[0], '5', 'x'.repeat(2001));
      expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'comment' });
      expect(await aggregate(S[0])).toEqual(before);
    });

    it('keeps one card per judge after 10 parallel sends, and a correct aggregate', async () => {
      const values = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
      const responses = await Promise.all(values.map((v) => score(judge1, S[0], v)));
      expect(responses.map((r) => r.errors)).toEqual(values.map(() => undefined));
      const { rows } = await db.query(`select weighted_total from submissions.score_card where submission_id = $1 and judge_id = $2`, [S[0], judge1.id]);
      expect(rows).toHaveLength(1);
      expect(await aggregate(S[0])).toEqual({ card_count: 1, total_sum: rows[0].weighted_total, mean_total: rows[0].weighted_total });
    });

    it('leaves a correct aggregate when two judges score at once', async () => {
      const sends = Array.from({ length: 6 }, (_, i) => score(i % 2 === 0 ? judge1 : judge2, S[1], String(i + 1)));
      expect((await Promise.all(sends)).map((r) => r.errors)).toEqual(sends.map(() => undefined));
      const { rows } = await db.query(`select weighted_total from submissions.score_card where submission_id = $1`, [S[1]]);
      expect(rows).toHaveLength(2);
      const sum = rows.reduce((total, r) => total + r.weighted_total, 0);
      expect(await aggregate(S[1])).toEqual({ card_count: 2, total_sum: sum, mean_total: Math.floor((2 * sum + 2) / 4) });
    });

    it("shows the viewer's card, and every card with its judge to the OWNER only", async () => {
      await expectScored(judge1, S[1], '7');
      await expectScored(judge2, S[1], '6');
      const asJudge = await stack.client.request(CARDS, { id: challengeId }, { token: judge2.token });
      expect(asJudge.errors).toBeUndefined();
      const node = asJudge.data!.challenge.submissions.edges[1].node;
      expect(node.viewerScoreCard).toEqual({ weightedTotal: '6', judge: { id: judge2.id } });
      expect(node.scoreCards).toEqual([{ weightedTotal: '6', judge: { id: judge2.id } }]);
      const asOwner = await stack.client.request(CARDS, { id: challengeId }, { token: sponsor.token });
      const cards = asOwner.data!.challenge.submissions.edges[1].node.scoreCards;
      expect(cards).toHaveLength(2);
      expect(cards).toEqual(expect.arrayContaining([{ weightedTotal: '7', judge: { id: judge1.id } }, { weightedTotal: '6', judge: { id: judge2.id } }]));
      expect(asOwner.data!.challenge.submissions.edges[1].node.viewerScoreCard).toBeNull();
    });
  });

  describe('the board', () => {
    // judge1: S0 9, S1 7, S2 7, S3 5, S4 6, S5 7, S6 7; judge2: S0 8, S1 7, S2 8, S4 6, S6 7.
    // Means: S0 8.5, S2 7.5, S1 7 (2 cards), S6 7 (2 cards, later), S5 7 (1 card), S4 6, S3 5.
    const EXPECTED = [
      [0, '8.5', 2],
      [2, '7.5', 2],
      [1, '7', 2],
      [6, '7', 2],
      [5, '7', 1],
      [4, '6', 2],
      [3, '5', 1],
    ] as const;

    beforeAll(async () => {
      const one = { 0: '9', 1: '7', 2: '7', 3: '5', 4: '6', 5: '7', 6: '7' } as Record<number, string>;
      const two = { 0: '8', 1: '7', 2: '8', 4: '6', 6: '7' } as Record<number, string>;
      for (const [i, v] of Object.entries(one)) await expectScored(judge1, S[Number(i)], v);
      for (const [i, v] of Object.entries(two)) await expectScored(judge2, S[Number(i)], v, i === '2' ? 'Clever valve.' : null);
    });

    it('ranks by mean, then more cards, then earlier submission; pages with the rank carried in the cursor', async () => {
      const nodes: { rank: number; meanWeightedTotal: string; scoreCardCount: number; submission: { id: string } }[] = [];
      let after: string | null = null;
      for (let page = 0; page < 3; page += 1) {
        const response = await board(judge1, { first: 3, after });
        expect(response.errors).toBeUndefined();
        const ranking = response.data!.challenge.judging.ranking;
        expect(ranking.totalCount).toBe(7);
        nodes.push(...ranking.edges.map((e: { node: (typeof nodes)[number] }) => e.node));
        expect(ranking.pageInfo.hasNextPage).toBe(page < 2);
        after = ranking.pageInfo.endCursor;
      }
      expect(nodes.map((n) => [n.submission.id, n.meanWeightedTotal, n.scoreCardCount, n.rank])).toEqual(EXPECTED.map(([i, mean, cards], rank) => [S[i], mean, cards, rank + 1]));
      expect(errorCodes(await board(judge1, { first: 3, after: 'forged' }))).toEqual(['BAD_USER_INPUT']);
    });

    it("lists the judges with their progress and Kendall's W over the submissions both scored", async () => {
      const response = await board(sponsor);
      expect(response.errors).toBeUndefined();
      const judging = response.data!.challenge.judging;
      expect(judging.round).toBe(1);
      expect(judging.judgeCount).toBe(2);
      expect(judging.judges).toEqual(expect.arrayContaining([{ user: { id: judge1.id }, scoredCount: 7 }, { user: { id: judge2.id }, scoredCount: 5 }]));
      // Common: S0, S1, S2, S4, S6 (any order: W does not depend on it).
      expect(judging.agreement).toBe(roundAgreement(kendallsW([[9, 7, 7, 6, 7], [8, 7, 8, 6, 7]].map((row) => row.map((v) => v * 1000)))!));
    });

    it('is null for anyone but the OWNER/ADMIN and the judges', async () => {
      for (const user of [member, authors[0]]) {
        const response = await board(user);
        expect(response.errors).toBeUndefined();
        expect(response.data!.challenge.judging).toBeNull();
      }
    });

    it('counts an OWNER who scores among the judges', async () => {
      await expectScored(sponsor, S[3], '5');
      const judging = (await board(sponsor)).data!.challenge.judging;
      expect(judging.judgeCount).toBe(3);
      expect(judging.judges).toEqual(expect.arrayContaining([{ user: { id: sponsor.id }, scoredCount: 1 }]));
      // The agreement read before is not served again: no submission has all three judges' cards.
      expect(judging.agreement).toBeNull();
      // S3 now has 2 cards of mean 5: still last.
      expect(judging.ranking.edges.at(-1).node).toMatchObject({ submission: { id: S[3] }, meanWeightedTotal: '5', scoreCardCount: 2 });
    });

    it('costs the same statements for a page of 1 and of 50', async () => {
      for (let i = 7; i < AUTHORS; i += 8) {
        const sends = S.slice(i, i + 8).map((id) => score(judge1, id, '1'));
        expect((await Promise.all(sends)).map((r) => r.errors)).toEqual(sends.map(() => undefined));
      }
      const statementsFor = async (first: number) => {
        const before = await sqlStatementCounts(stack);
        const response = await stack.client.request(RANKING_ONLY, { id: challengeId, first }, { token: judge1.token });
        expect(response.errors).toBeUndefined();
        const after = await sqlStatementCounts(stack);
        return { rows: response.data!.challenge.judging.ranking.edges.length as number, statements: after.submissions - before.submissions };
      };
      await statementsFor(1); // warm-up
      const small = await statementsFor(1);
      const large = await statementsFor(50);
      expect([small.rows, large.rows]).toEqual([1, 50]);
      expect(large.statements).toBe(small.statements);
      expect(small.statements).toBeLessThanOrEqual(3);
    });
  });

  describe('round 2', () => {
    const finalRoundDeadline = new Date(Date.now() + 24 * 3600 * 1000).toISOString();

    it('announces the finalists once: finalists’ users, then the others’', async () => {
      await pushChallenge({ status: 'OPEN', round: 2, finalRoundDeadline, finalistSubmissionIds: [S[0], S[2]] });
      await pushChallenge({}); // a later ChallengeChanged of round 2 announces nothing more
      const events = await eventually(async () => {
        const found = await outboxEvents('FinalistsAnnounced');
        expect(found).toHaveLength(2);
        return found;
      });
      expect(events[0]).toMatchObject({ challengeId, finalist: true, finalRoundDeadline });
      expect([...events[0].userIds].sort()).toEqual([authors[0].id, authors[2].id].sort());
      expect(events[1]).toMatchObject({ finalist: false });
      expect([...events[1].userIds].sort()).toEqual(authors.filter((_, i) => i !== 0 && i !== 2).map((a) => a.id).sort());
    });

    it("lets only the finalists' authors submit, new versions of their finalist submission (FAILED_PRECONDITION otherwise)", async () => {
      const again = await submit(authors[2], 'Ceramic filter, v2');
      expect(again.errors).toBeUndefined();
      expect(again.data!.submitSolution.submission).toMatchObject({ id: S[2], version: 2 });
      expect(errorCodes(await submit(authors[1]))).toEqual(['FAILED_PRECONDITION']);
      expect(errorCodes(await submit(outsider))).toEqual(['FAILED_PRECONDITION']);
      const asJudge = await stack.client.request(SUBMISSIONS, { id: challengeId }, { token: judge1.token });
      expect(asJudge.data!.challenge.submissions.edges.map((e: { node: { finalist: boolean } }) => e.node.finalist)).toEqual([true, false, true]);
    });

    it('scores finalists only once round 2 is JUDGING, and ranks round 2 apart', async () => {
      expect(errorCodes(await score(judge1, S[2], '9'))).toEqual(['FAILED_PRECONDITION']); // OPEN
      await pushChallenge({ status: 'JUDGING' });
      expect(errorCodes(await score(judge1, S[1], '9'))).toEqual(['FAILED_PRECONDITION']); // not a finalist
      await expectScored(judge1, S[2], '9', 'Great.');
      await expectScored(judge2, S[2], '9');
      await expectScored(judge1, S[0], '6');
      const judging = (await board(sponsor)).data!.challenge.judging;
      expect(judging.round).toBe(2);
      expect(judging.ranking.totalCount).toBe(2);
      expect(judging.ranking.edges.map((e: { node: { submission: { id: string }; rank: number } }) => [e.node.submission.id, e.node.rank])).toEqual([[S[2], 1], [S[0], 2]]);
    });
  });

  describe('the judging deadline and feedback', () => {
    it('emits JudgingRankingFixed once (round 2 first, then round 1, top prize places) and refuses scores afterwards', async () => {
      await pushChallenge({ judgingClosed: true });
      await pushChallenge({});
      const events = await eventually(async () => {
        const found = await outboxEvents('JudgingRankingFixed');
        expect(found).toHaveLength(1);
        return found;
      });
      // 3 places (1 + 2); S1 is round 1's best non-finalist.
      expect(events[0]).toEqual({ challengeId, ranking: [S[2], S[0], S[1]], shortlist: [], submissionCount: AUTHORS });
      expect(errorCodes(await score(judge1, S[2], '1'))).toEqual(['FAILED_PRECONDITION']);
    });

    it("shows feedback to the authors only once AWARDED: final rank, means per criterion, comments without names", async () => {
      const before = await stack.client.request(FEEDBACK, { id: challengeId }, { token: authors[2].token });
      expect(before.data!.challenge.viewerSubmissions[0].feedback).toBeNull();
      await pushChallenge({ status: 'AWARDED' });
      const finalist = await stack.client.request(FEEDBACK, { id: challengeId }, { token: authors[2].token });
      expect(finalist.errors).toBeUndefined();
      expect(finalist.data!.challenge.viewerSubmissions[0].feedback).toEqual({
        rank: 1,
        outOf: AUTHORS,
        meanWeightedTotal: '9',
        criteria: [
          { criterionKey: 'impact', label: 'Impact', meanValue: '9' },
          { criterionKey: 'novelty', label: 'Novelty', meanValue: '9' },
        ],
        comments: ['Great.'],
      });
      const other = await stack.client.request(FEEDBACK, { id: challengeId }, { token: authors[1].token });
      expect(other.data!.challenge.viewerSubmissions[0].feedback).toMatchObject({ rank: 3, outOf: AUTHORS, meanWeightedTotal: '7' });
      // The sponsor reads the submissions but gets no feedback (it is the authors').
      const asOwner = await stack.client.request(`query($id: ID!) { challenge(id: $id) { submissions(first: 1) { edges { node { feedback { rank } } } } } }`, { id: challengeId }, { token: sponsor.token });
      expect(asOwner.data!.challenge.submissions.edges[0].node.feedback).toBeNull();
    });
  });
  describe("a team's finalist submission", () => {
    it("lets any member submit its new versions in round 2, tells every member, and shows them the feedback", async () => {
      const { id: teamChallenge } = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId));
      await fundAndPublish(stack, sponsor.token, teamChallenge, { simulated: true });
      const [ada, bob, solo] = [authors[10], authors[11], authors[12]];
      await eventually(async () => expect((await db.query(`select status from submissions.challenge_view where id = $1`, [teamChallenge])).rows).toEqual([{ status: 'OPEN' }]));
      const { teamId } = await createAgreedTeam(stack.client, teamChallenge, ada, [bob]);
      const submitAs = (user: TestUser, team?: string) =>
        runContract(stack.client, team ? 'SubmitTeamSolution' : 'SubmitSolution', { input: { challengeId: teamChallenge, ...(team ? { teamId: team } : {}), title: 'Sand filter', body: 'Layers.' } }, user.token);
      const teamSubmitted = await submitAs(ada, teamId);
      expect(teamSubmitted.errors).toBeUndefined();
      const teamSubmission = teamSubmitted.data!.submitSolution.submission.id;
      expect((await submitAs(solo)).errors).toBeUndefined();

      await pushChallenge({ status: 'OPEN', round: 2, finalRoundDeadline: new Date(Date.now() + 3600_000).toISOString(), finalistSubmissionIds: [teamSubmission] }, teamChallenge);
      const announced = await eventually(async () => {
        const found = await outboxEvents('FinalistsAnnounced', teamChallenge);
        expect(found).toHaveLength(2);
        return found;
      });
      expect([...announced[0].userIds].sort()).toEqual([ada.id, bob.id].sort());
      expect(announced[1].userIds).toEqual([solo.id]);
      const again = await submitAs(bob, teamId);
      expect(again.errors).toBeUndefined();
      expect(again.data!.submitSolution.submission).toMatchObject({ id: teamSubmission, version: 2 });
      expect(errorCodes(await submitAs(solo))).toEqual(['FAILED_PRECONDITION']);

      await pushChallenge({ status: 'JUDGING' }, teamChallenge);
      // The default rubric (none set): one criterion, overall.
      const scored = await stack.client.request(SCORE, { input: { submissionId: teamSubmission, scores: [{ criterionKey: 'overall', value: '7.2' }], comment: 'Tidy.' } }, { token: sponsor.token });
      expect(scored.errors).toBeUndefined();
      await pushChallenge({ status: 'AWARDED' }, teamChallenge);
      for (const member of [ada, bob]) {
        const response = await stack.client.request(FEEDBACK, { id: teamChallenge }, { token: member.token });
        expect(response.errors).toBeUndefined();
        expect(response.data!.challenge.viewerSubmissions).toEqual([
          {
            id: teamSubmission,
            feedback: {
              rank: 1,
              outOf: 1,
              meanWeightedTotal: '7.2',
              criteria: [{ criterionKey: 'overall', label: 'Overall', meanValue: '7.2' }],
              comments: ['Tidy.'],
            },
          },
        ]);
      }
    });
  });
});
