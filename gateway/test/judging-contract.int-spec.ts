import {
  challengeInput,
  completePayoutOnboarding,
  createChallenge,
  createOrganization,
  errorCodes,
  eventually,
  fundAndPublish,
  runContract,
  signUpUser,
  startStack,
  type GraphQLResponse,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The judging capability (shared/contract/v2/judging.graphql) through the gateway, as a partner would send it: the
 * contract's operations back to back (read your writes), across the four contexts, with the errors their comments
 * promise. The rules in detail are tested in each subgraph's test folder.
 */
describe('judging, through the partner contract', () => {
  let stack: Stack;
  let db: Client;
  let sponsor: TestUser;
  let judge: TestUser;
  let outsider: TestUser;
  let organizationId: string;

  beforeAll(async () => {
    stack = await startStack();
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    [sponsor, judge, outsider] = await Promise.all([
      signUpUser(stack.client, { displayName: 'Ada Sponsor' }),
      signUpUser(stack.client, { displayName: 'Jo Judge' }),
      signUpUser(stack.client),
    ]);
    organizationId = await createOrganization(stack.client, sponsor.token);
  }, 240_000);
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  const gql = (query: string, variables: Record<string, unknown>, token?: string) => stack.client.request(query, variables, { token });
  const ok = <T extends GraphQLResponse>(response: T): NonNullable<T['data']> => {
    expect(response.errors).toBeUndefined();
    return response.data as NonNullable<T['data']>;
  };
  const fieldOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.field;
  const solver = () => signUpUser(stack.client, { email: `solver-${randomUUID()}@example.test` });
  const submit = (user: TestUser, challengeId: string, title: string) =>
    runContract(stack.client, 'SubmitSolution', { input: { challengeId, title, body: `${title}: how and why.` } }, user.token);
  const score = (user: TestUser, submissionId: string, values: Record<string, string>, comment?: string) =>
    runContract(stack.client, 'ScoreSubmission', { input: { submissionId, scores: Object.entries(values).map(([criterionKey, value]) => ({ criterionKey, value })), comment } }, user.token);
  const board = (user: TestUser, challengeId: string, first?: number, after?: string) => runContract(stack.client, 'JudgingBoard', { challengeId, first, after }, user.token);
  const award = (user: TestUser, challengeId: string, idempotencyKey: string, awards: [number, string][]) =>
    runContract(stack.client, 'AwardPrizes', { input: { challengeId, idempotencyKey, awards: awards.map(([prizeRank, submissionId]) => ({ prizeRank, submissionId })) } }, user.token);
  const closeSubmissions = (challengeId: string) => runContract(stack.client, 'CloseSubmissions', { challengeId }, sponsor.token);
  const finishJudging = (challengeId: string, token = sponsor.token) =>
    gql(`mutation ($challengeId: ID!) { finishJudging(challengeId: $challengeId) { challenge { id status } } }`, { challengeId }, token);
  const prizeRules = (challengeId: string, token = sponsor.token) => runContract(stack.client, 'ChallengePrizeRules', { id: challengeId }, token);
  const escrowOf = async (challengeId: string) =>
    ok(
      await gql(
        `query ($id: ID!) { challenge(id: $id) { escrow { funded { amountMinor } platformFee { amountMinor } awarded { amountMinor } paid { amountMinor } refunded { amountMinor } heldForWinners { amountMinor } inEscrow { amountMinor } } } }`,
        { id: challengeId },
        sponsor.token,
      ),
    ).challenge.escrow as Record<string, { amountMinor: string }>;
  const amounts = (escrow: Record<string, { amountMinor: string }>) => Object.fromEntries(Object.entries(escrow).map(([k, v]) => [k, Number(v.amountMinor)]));
  /** The judging deadline passes: set in the past, and the deadline job woken (as its own schedule would, within a minute). */
  const passJudgingDeadline = async (challengeId: string) => {
    await db.query(`update challenges.challenge set judging_deadline = now() - interval '1 second' where id = $1`, [challengeId]);
    await db.query(`insert into pgboss.job (name, data) values ('challenges_deadline', $1)`, [{ challengeId }]);
  };
  const statusOf = async (challengeId: string) => ok(await runContract(stack.client, 'ChallengeDetail', { id: challengeId }, sponsor.token)).challenge.status as string;
  /** Every ledger transaction of the challenge balances, and its escrow (a liability: credits are negative) never went below zero. */
  const expectLedgerSound = async (challengeId: string) => {
    const unbalanced = await db.query(
      `select t.id from payouts.ledger_transaction t join payouts.ledger_posting p on p.transaction_id = t.id
       where t.challenge_id = $1 group by t.id, p.currency having sum(p.amount_minor) <> 0`,
      [challengeId],
    );
    expect(unbalanced.rows).toEqual([]);
    const { rows } = await db.query(
      `select min(held)::bigint as lowest, count(*)::int as postings from (
         select -sum(p.amount_minor) over (order by p.id) as held from payouts.ledger_posting p where p.account = 'escrow:' || $1::text) r`,
      [challengeId],
    );
    expect(rows[0].postings).toBeGreaterThan(1);
    expect(Number(rows[0].lowest)).toBeGreaterThanOrEqual(0);
  };

  it('runs a judged contest: rubric, an outside judge, score cards, the board, a final round, bulk awards and feedback', async () => {
    const prizes = [
      { rank: 1, label: 'Winner', amountMinor: '500000' },
      { rank: 2, label: 'Honourable mention', amountMinor: '10000', quantity: 3 },
    ];
    const input = challengeInput(organizationId, { prizes });
    const challengeId = (await createChallenge(stack.client, sponsor.token, input)).id;

    // The pool counts every place: 5,000.00 + 3 x 100.00.
    const detail = ok(await runContract(stack.client, 'ChallengeDetail', { id: challengeId }, sponsor.token));
    expect(detail.challenge.totalPrize).toEqual({ amountMinor: '530000', currency: 'USD' });
    const rules = ok(await prizeRules(challengeId)).challenge;
    expect(rules).toMatchObject({ guaranteed: false, prizes: [{ rank: 1, quantity: 1, awards: [] }, { rank: 2, quantity: 3, awards: [] }] });
    expect(new Date(rules.judgingDeadline).getTime()).toBe(new Date(input.submissionDeadline).getTime() + 30 * DAY_MS);

    // The rubric: weights must add up to 100.
    const criteria = [
      { key: 'impact', label: 'Impact', description: 'Lives changed per dollar.', weightPercent: 60 },
      { key: 'feasibility', label: 'Feasibility', description: 'Buildable with local materials.', weightPercent: 40 },
    ];
    const lopsided = await runContract(stack.client, 'SetJudgingRubric', { input: { challengeId, criteria: [{ ...criteria[0], weightPercent: 70 }, criteria[1]] } }, sponsor.token);
    expect([errorCodes(lopsided), fieldOf(lopsided)]).toEqual([['BAD_USER_INPUT'], 'criteria']);
    const rubric = ok(await runContract(stack.client, 'SetJudgingRubric', { input: { challengeId, criteria } }, sponsor.token));
    expect(rubric.setJudgingRubric.challenge.rubric.criteria).toEqual(criteria);

    await fundAndPublish(stack, sponsor.token, challengeId);
    // Frozen at publication.
    expect(errorCodes(await runContract(stack.client, 'SetJudgingRubric', { input: { challengeId, criteria } }, sponsor.token))).toEqual(['FAILED_PRECONDITION']);

    // An outside judge: invited by email, no membership of the sponsor.
    const invited = ok(await runContract(stack.client, 'InviteToChallenge', { input: { challengeId, emails: [judge.email], role: 'JUDGE' } }, sponsor.token));
    const [invitation] = invited.inviteToChallenge.invitations;
    expect(invitation).toMatchObject({ email: judge.email, role: 'JUDGE', status: 'PENDING', challenge: { id: challengeId } });
    const again = ok(await runContract(stack.client, 'InviteToChallenge', { input: { challengeId, emails: [judge.email], role: 'JUDGE' } }, sponsor.token));
    expect(again.inviteToChallenge.invitations.map((i: { id: string }) => i.id)).toEqual([invitation.id]);
    expect(errorCodes(await runContract(stack.client, 'InviteToChallenge', { input: { challengeId, emails: [outsider.email], role: 'JUDGE' } }, judge.token))).toEqual(['FORBIDDEN']);

    const inbox = ok(await runContract(stack.client, 'ViewerChallengeInvitations', {}, judge.token));
    expect(inbox.viewer.challengeInvitations).toEqual([{ id: invitation.id, role: 'JUDGE', status: 'PENDING', challenge: { id: challengeId, title: input.title } }]);
    expect(errorCodes(await runContract(stack.client, 'RespondToChallengeInvitation', { input: { invitationId: invitation.id, accept: true } }, outsider.token))).toEqual(['NOT_FOUND']);
    const accepted = ok(await runContract(stack.client, 'RespondToChallengeInvitation', { input: { invitationId: invitation.id, accept: true } }, judge.token));
    expect(accepted.respondToChallengeInvitation).toEqual({ invitation: { id: invitation.id, status: 'ACCEPTED' }, challenge: { id: challengeId, viewerRoles: ['JUDGE'] } });
    expect(errorCodes(await runContract(stack.client, 'RespondToChallengeInvitation', { input: { invitationId: invitation.id, accept: false } }, judge.token))).toEqual(['FAILED_PRECONDITION']);

    // A judge judges and does nothing else: sent right after accepting, the refusal does not depend on an event in flight.
    expect(errorCodes(await submit(judge, challengeId, 'My own entry'))).toEqual(['FORBIDDEN']);

    const [ana, ben, cai] = await Promise.all([solver(), solver(), solver()]);
    const submissionOf = async (user: TestUser, title: string) => ok(await submit(user, challengeId, title)).submitSolution.submission.id as string;
    const a = await submissionOf(ana, 'Ceramic filter');
    const b = await submissionOf(ben, 'Sand filter');
    const c = await submissionOf(cai, 'Solar still');

    // Scoring waits for JUDGING.
    expect(errorCodes(await score(judge, a, { impact: '8', feasibility: '7' }))).toEqual(['FAILED_PRECONDITION']);
    ok(await closeSubmissions(challengeId));

    // The judge reads the sealed submissions, back to back with the close.
    const list = ok(await runContract(stack.client, 'ChallengeSubmissions', { challengeId, first: 10 }, judge.token));
    expect(list.challenge.submissions.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual([a, b, c].sort());

    // Score cards: every criterion once, 0..10 with one decimal.
    const missing = await score(judge, a, { impact: '8' });
    expect([errorCodes(missing), fieldOf(missing)]).toEqual([['BAD_USER_INPUT'], 'scores']);
    const tooHigh = await score(judge, a, { impact: '10.5', feasibility: '7' });
    expect([errorCodes(tooHigh), fieldOf(tooHigh)]).toEqual([['BAD_USER_INPUT'], 'scores']);
    expect(errorCodes(await score(outsider, a, { impact: '8', feasibility: '7' }))).toEqual(['NOT_FOUND']); // cannot see it
    expect(errorCodes(await score(ana, a, { impact: '10', feasibility: '10' }))).toEqual(['FORBIDDEN']); // sees it, may not score it
    expect(errorCodes(await score(ana, b, { impact: '0', feasibility: '0' }))).toEqual(['NOT_FOUND']);

    const first = ok(await score(judge, a, { impact: '6', feasibility: '6' }, 'Promising.'));
    const card = first.scoreSubmission.scoreCard;
    expect(card).toMatchObject({ round: 1, weightedTotal: '6', submission: { id: a } });
    // Sent again: the same card, replaced.
    const replaced = ok(await score(judge, a, { impact: '8', feasibility: '7' }, 'Cheap to build and robust.')).scoreSubmission.scoreCard;
    expect(replaced).toEqual({ id: card.id, round: 1, weightedTotal: '7.6', comment: 'Cheap to build and robust.', scores: [{ criterionKey: 'impact', value: '8' }, { criterionKey: 'feasibility', value: '7' }], submission: { id: a } });
    ok(await score(judge, b, { impact: '5', feasibility: '5' }));
    expect(ok(await score(judge, c, { impact: '9.5', feasibility: '6' })).scoreSubmission.scoreCard.weightedTotal).toBe('8.1');
    ok(await score(sponsor, a, { impact: '9', feasibility: '9' }));
    ok(await score(sponsor, b, { impact: '4', feasibility: '6' }, 'Needs a field test.'));
    ok(await score(sponsor, c, { impact: '7', feasibility: '7' }));

    // The board: means 8.3 (a), 7.55 (c), 4.9 (b). The judges order c > a > b and a > c > b: W = 0.75.
    const seen = ok(await board(sponsor, challengeId, 2)).challenge;
    expect(seen.judging).toMatchObject({ round: 1, judgeCount: 2, agreement: 0.75 });
    expect(seen.judging.judges).toEqual(
      expect.arrayContaining([
        { user: { id: judge.id, displayName: 'Jo Judge' }, scoredCount: 3 },
        { user: { id: sponsor.id, displayName: 'Ada Sponsor' }, scoredCount: 3 },
      ]),
    );
    expect(seen.judging.ranking.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { rank: 1, meanWeightedTotal: '8.3', scoreCardCount: 2, submission: { id: a, title: 'Ceramic filter' } },
      { rank: 2, meanWeightedTotal: '7.55', scoreCardCount: 2, submission: { id: c, title: 'Solar still' } },
    ]);
    expect(seen.judging.ranking.pageInfo.hasNextPage).toBe(true);
    const next = ok(await board(judge, challengeId, 2, seen.judging.ranking.pageInfo.endCursor)).challenge.judging.ranking;
    expect(next.edges.map((e: { node: unknown }) => e.node)).toEqual([{ rank: 3, meanWeightedTotal: '4.9', scoreCardCount: 2, submission: { id: b, title: 'Sand filter' } }]);
    expect(next.pageInfo.hasNextPage).toBe(false);
    expect(ok(await board(ana, challengeId)).challenge.judging).toBeNull();

    // A judge cannot award, close or cancel.
    expect(errorCodes(await award(judge, challengeId, randomUUID(), [[1, a]]))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await finishJudging(challengeId, judge.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(`mutation ($challengeId: ID!) { cancelChallenge(challengeId: $challengeId) { challenge { id } } }`, { challengeId }, judge.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await runContract(stack.client, 'AdvanceToFinalRound', { input: { challengeId, finalistSubmissionIds: [a], finalRoundDeadline: new Date(Date.now() + DAY_MS).toISOString() } }, judge.token))).toEqual([
      'FORBIDDEN',
    ]);

    // The final round: a and c re-enter with new versions; b may not.
    const finalRoundDeadline = new Date(Date.now() + 2 * DAY_MS).toISOString();
    const advanced = ok(await runContract(stack.client, 'AdvanceToFinalRound', { input: { challengeId, finalistSubmissionIds: [a, c], finalRoundDeadline } }, sponsor.token));
    expect(advanced.advanceToFinalRound.challenge).toMatchObject({ id: challengeId, status: 'OPEN', round: 2 });
    expect(advanced.advanceToFinalRound.challenge.finalists.map((f: { id: string }) => f.id).sort()).toEqual([a, c].sort());
    expect(errorCodes(await runContract(stack.client, 'AdvanceToFinalRound', { input: { challengeId, finalistSubmissionIds: [a], finalRoundDeadline } }, sponsor.token))).toEqual(['FAILED_PRECONDITION']);
    expect(ok(await submit(ana, challengeId, 'Ceramic filter, field-tested')).submitSolution.submission).toMatchObject({ id: a, version: 2 });
    expect(errorCodes(await submit(ben, challengeId, 'Sand filter, again'))).toEqual(['FAILED_PRECONDITION']);
    ok(await closeSubmissions(challengeId));

    expect(errorCodes(await score(judge, b, { impact: '9', feasibility: '9' }))).toEqual(['FAILED_PRECONDITION']); // not a finalist
    ok(await score(judge, a, { impact: '9', feasibility: '9' }, 'The field test convinced me.'));
    ok(await score(judge, c, { impact: '6', feasibility: '6' }));
    const final = ok(await board(sponsor, challengeId)).challenge.judging;
    expect(final.round).toBe(2);
    expect(final.ranking.edges.map((e: { node: { rank: number; submission: { id: string } } }) => [e.node.rank, e.node.submission.id])).toEqual([
      [1, a],
      [2, c],
    ]);

    // Bulk awards: all or nothing, once per key.
    const key = randomUUID();
    const samePlaceTwice = await award(sponsor, challengeId, randomUUID(), [[1, a], [2, b], [2, b]]); // the input repeats itself
    expect([errorCodes(samePlaceTwice), fieldOf(samePlaceTwice)]).toEqual([['BAD_USER_INPUT'], 'awards']);
    expect(ok(await prizeRules(challengeId)).challenge.prizes.flatMap((p: { awards: unknown[] }) => p.awards)).toEqual([]); // nothing written
    const awarded = ok(await award(sponsor, challengeId, key, [[1, a], [2, c], [2, b]]));
    expect(awarded.awardPrizes.awardedCount).toBe(3);
    const replay = ok(await award(sponsor, challengeId, key, [[2, b], [1, a], [2, c]]));
    expect(replay.awardPrizes.awards.map((x: { id: string }) => x.id).sort()).toEqual(awarded.awardPrizes.awards.map((x: { id: string }) => x.id).sort());
    const otherSet = await award(sponsor, challengeId, key, [[2, a]]);
    expect([errorCodes(otherSet), fieldOf(otherSet)]).toEqual([['CONFLICT'], 'idempotencyKey']);
    const overQuantity = await award(sponsor, challengeId, randomUUID(), [[1, c]]);
    expect([errorCodes(overQuantity), fieldOf(overQuantity)]).toEqual([['CONFLICT'], 'awards']);

    const after = ok(await prizeRules(challengeId)).challenge.prizes;
    expect(after[0].awards.map((x: { submission: { id: string } }) => x.submission.id)).toEqual([a]);
    expect(after[1].awards.map((x: { submission: { id: string } }) => x.submission.id).sort()).toEqual([b, c].sort());

    // Feedback is published with the results, to each author about their own submission.
    expect(ok(await runContract(stack.client, 'ViewerFeedback', { challengeId }, ana.token)).challenge.viewerSubmissions[0].feedback).toBeNull();
    expect(ok(await finishJudging(challengeId)).finishJudging.challenge.status).toBe('AWARDED');
    const feedbackOf = async (user: TestUser) => ok(await runContract(stack.client, 'ViewerFeedback', { challengeId }, user.token)).challenge.viewerSubmissions[0].feedback;
    // Submissions publishes feedback when it hears of AWARDED (an event, ~0.5 s later; docs/ARCHITECTURE.md, "Judging").
    await eventually(async () => expect(await feedbackOf(ana)).not.toBeNull(), { timeoutMs: 15_000, intervalMs: 200 });
    expect(await feedbackOf(ana)).toEqual({
      rank: 1,
      outOf: 3,
      meanWeightedTotal: '9',
      criteria: [
        { criterionKey: 'impact', label: 'Impact', meanValue: '9' },
        { criterionKey: 'feasibility', label: 'Feasibility', meanValue: '9' },
      ],
      comments: ['The field test convinced me.'],
    });
    // b was not a finalist: ranked after them by round 1, with round 1's cards.
    expect(await feedbackOf(ben)).toMatchObject({ rank: 3, outOf: 3, meanWeightedTotal: '4.9', comments: ['Needs a field test.'] });
  }, 300_000);

  it('decides a guaranteed contest at its judging deadline: the ranking first, then shares; nothing left undecided', async () => {
    const prizes = [
      { rank: 1, label: 'Winner', amountMinor: '300000' },
      { rank: 2, label: 'Runner-up', amountMinor: '5001', quantity: 2 },
    ];
    const challengeId = (await createChallenge(stack.client, sponsor.token, challengeInput(organizationId, { prizes, guaranteed: true }))).id;
    expect(ok(await prizeRules(challengeId)).challenge.guaranteed).toBe(true);
    await fundAndPublish(stack, sponsor.token, challengeId);
    const cancelled = await gql(`mutation ($challengeId: ID!) { cancelChallenge(challengeId: $challengeId) { challenge { id status } } }`, { challengeId }, sponsor.token);
    expect(errorCodes(cancelled)).toEqual(['FAILED_PRECONDITION']);

    const [ana, ben, cai, dee] = await Promise.all([solver(), solver(), solver(), solver()]);
    await completePayoutOnboarding(stack, ben.token); // the winner to be can receive transfers; the others not yet
    const ids: string[] = [];
    for (const [user, title] of [[ana, 'A'], [ben, 'B'], [cai, 'C'], [dee, 'D']] as const) ids.push(ok(await submit(user, challengeId, title)).submitSolution.submission.id);
    const [a, b, c, d] = ids;
    ok(await closeSubmissions(challengeId));
    ok(await score(sponsor, b, { overall: '9' })); // the default rubric: one criterion, "overall"
    expect(errorCodes(await finishJudging(challengeId))).toEqual(['FAILED_PRECONDITION']); // places unawarded

    // The judging deadline passes: the deadline job decides.
    await passJudgingDeadline(challengeId);
    const decided = await eventually(
      async () => {
        expect(await statusOf(challengeId)).toBe('AWARDED');
        return ok(await prizeRules(challengeId)).challenge;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    // The winner is the only scored submission; the runner-up's two places have no ranked submission left, so
    // their money (2 x 50.01) is shared equally among the three others: 33.34 + 33.34 + 33.34 = 100.02.
    expect(decided.prizes[0].awards.map((x: { submission: { id: string } }) => x.submission.id)).toEqual([b]);
    const awardRows = async () =>
      (await db.query(`select submission_id, amount_minor::text as amount, automatic from payouts.award where challenge_id = $1 order by prize_rank, submission_id`, [challengeId])).rows;
    const rows = await awardRows();
    expect(rows.filter((r) => r.submission_id === b)).toEqual([{ submission_id: b, amount: '300000', automatic: true }]);
    const shares = rows.filter((r) => r.submission_id !== b);
    expect(shares.map((r) => r.submission_id).sort()).toEqual([a, c, d].sort());
    expect(shares.reduce((sum, r) => sum + Number(r.amount), 0)).toBe(10002);
    expect(shares.every((r) => r.automatic && Math.abs(Number(r.amount) - 3334) <= 1)).toBe(true);

    // Guaranteed: the whole pool goes to the winners, nothing is refunded; the winner who can receive is paid.
    await eventually(
      async () => expect(amounts(await escrowOf(challengeId))).toMatchObject({ awarded: 310002, refunded: 0, inEscrow: 0, paid: 300000, heldForWinners: 10002 }),
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    const transfers = await stack.stripe.transfers.list({ transfer_group: challengeId, limit: 100 });
    expect(transfers.data.map((t) => t.amount)).toEqual([300000]);

    // Decided once: the job woken again, and late scores or awards, change nothing.
    await passJudgingDeadline(challengeId);
    expect(errorCodes(await score(sponsor, a, { overall: '5' }))).toEqual(['FAILED_PRECONDITION']);
    expect(errorCodes(await award(sponsor, challengeId, randomUUID(), [[2, a]]))).toEqual(['FAILED_PRECONDITION']);
    // A judge of another challenge cannot see this one's sealed submissions.
    expect(errorCodes(await score(judge, a, { overall: '5' }))).toEqual(['NOT_FOUND']);
    await new Promise((r) => setTimeout(r, 2000));
    expect(await awardRows()).toEqual(rows);
    expect((await stack.stripe.transfers.list({ transfer_group: challengeId, limit: 100 })).data).toHaveLength(1);
    await expectLedgerSound(challengeId);
  }, 300_000);

  it('decides a contest that is not guaranteed at its judging deadline: what the sponsor awarded is paid, the rest refunded', async () => {
    const prizes = [
      { rank: 1, label: 'Winner', amountMinor: '200000' },
      { rank: 2, label: 'Mention', amountMinor: '5000', quantity: 2 },
    ];
    const challengeId = (await createChallenge(stack.client, sponsor.token, challengeInput(organizationId, { prizes }))).id;
    await fundAndPublish(stack, sponsor.token, challengeId);
    const [ana, ben] = await Promise.all([solver(), solver()]);
    await completePayoutOnboarding(stack, ana.token);
    const a = ok(await submit(ana, challengeId, 'A')).submitSolution.submission.id as string;
    const b = ok(await submit(ben, challengeId, 'B')).submitSolution.submission.id as string;
    ok(await closeSubmissions(challengeId));
    ok(await score(sponsor, b, { overall: '10' })); // the best score, yet nothing obliges the sponsor to award it
    ok(await award(sponsor, challengeId, randomUUID(), [[1, a]]));

    await passJudgingDeadline(challengeId);
    await eventually(async () => expect(await statusOf(challengeId)).toMatch(/^(AWARDED|CLOSED)$/), { timeoutMs: 60_000, intervalMs: 500 });
    const { rows } = await db.query(`select submission_id, automatic from payouts.award where challenge_id = $1`, [challengeId]);
    expect(rows).toEqual([{ submission_id: a, automatic: false }]);
    // The mentions' 2 x 50.00 go back to the sponsor (with their share of the fee, as any refund of the rest).
    await eventually(
      async () => {
        const escrow = amounts(await escrowOf(challengeId));
        expect(escrow).toMatchObject({ awarded: 200000, paid: 200000, inEscrow: 0, heldForWinners: 0 });
        expect(escrow.refunded).toBeGreaterThanOrEqual(10000);
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    await expectLedgerSound(challengeId);
  }, 300_000);
});
