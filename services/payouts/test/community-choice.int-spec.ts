import {
  challengeInput,
  completePayoutOnboarding,
  createChallenge,
  createOrganization,
  errorCodes,
  eventually,
  fundAndPublish,
  publishTestEvent,
  runContract,
  signUpUser,
  startStack,
  submitEntry,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { Client } from 'pg';

/**
 * Community-choice prizes in payouts (issue 14): awarded from the vote (VotingRankingFixed) as automatic awards
 * through the one award path, once; never by the sponsor; left alone by the judging deadline's guaranteed decision;
 * and the settlement does not refund their money before the vote is applied. The vote is pushed as submissions
 * would emit it (the window ends in a week: challenges' deadline job never closes it during the test).
 */
const AWARD_PRIZES = `mutation($input: AwardPrizesInput!) { awardPrizes(input: $input) { awardedCount } }`;
const ESCROW = `query($id: ID!) { challenge(id: $id) {
  escrow { funded { amountMinor } awarded { amountMinor } paid { amountMinor } refunded { amountMinor } inEscrow { amountMinor } } } }`;

interface PrizeSpec {
  rank: number;
  amountMinor: string;
  quantity: number;
  communityChoice?: boolean;
}

describe('community-choice prizes (payouts)', () => {
  let stack: Stack;
  let db: Client;
  let sponsor: TestUser;
  let organizationId: string;

  beforeAll(async () => {
    stack = await startStack({ env: { PAYOUT_RETRY_BASE_MS: '200', PAYOUT_POLL_MS: '300', PAYOUT_CLAIM_LEASE_SECONDS: '2', READ_MODEL_WAIT_MS: '1500' } });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    sponsor = await signUpUser(stack.client, { displayName: 'Sponsor' });
    organizationId = await createOrganization(stack.client, sponsor.token);
  }, 180_000);
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  const sql = async <T = Record<string, any>>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[];
  const statusOf = async (id: string) => (await runContract(stack.client, 'ChallengeDetail', { id }, sponsor.token)).data!.challenge.status;
  const escrowOf = async (id: string) => (await stack.client.request(ESCROW, { id }, { token: sponsor.token })).data!.challenge.escrow;
  const settlements = async (id: string) => (await sql(`select count(*)::int as n from payouts.settlement where challenge_id = $1`, [id]))[0]!.n as number;
  const awardsOf = (challengeId: string) =>
    sql<{ prize_rank: number; submission_id: string; amount_minor: string; automatic: boolean; awarded_by: string | null }>(
      `select prize_rank, submission_id, amount_minor::text, automatic, awarded_by from payouts.award where challenge_id = $1 order by prize_rank, amount_minor desc, submission_id`,
      [challengeId],
    );
  const vote = (challengeId: string, ranking: [string, number][]) =>
    publishTestEvent(stack.databaseUrl, 'VotingRankingFixed', { challengeId, ranking: ranking.map(([submissionId, voteCount]) => ({ submissionId, voteCount })) });

  /** A funded GALLERY challenge with a voting window, one submission per solver, closed for judging (payouts knows it). */
  async function judgingChallenge(prizes: PrizeSpec[], solvers: TestUser[], guaranteed = false) {
    const hour = 3600_000;
    const input = challengeInput(organizationId, {
      prizes: prizes.map((p) => ({ ...p, label: p.communityChoice ? `Community choice ${p.rank}` : `Jury prize ${p.rank}`, communityChoice: p.communityChoice ?? false })),
      guaranteed,
      submissionVisibility: 'GALLERY',
      voting: { startsAt: new Date(Date.now() + hour).toISOString(), endsAt: new Date(Date.now() + 8 * 24 * hour).toISOString() },
    });
    const { id } = await createChallenge(stack.client, sponsor.token, input);
    await fundAndPublish(stack, sponsor.token, id);
    const submissions: string[] = [];
    for (const solver of solvers) {
      submissions.push(await submitEntry(stack.client, solver, id, { body: 'A poster.' }));
    }
    const closed = await runContract(stack.client, 'CloseSubmissions', { challengeId: id }, sponsor.token);
    expect(closed.data!.closeSubmissions.challenge.status).toBe('JUDGING');
    await eventually(async () => {
      const [view] = await sql(`select status, prizes from payouts.challenge_view where id = $1`, [id]);
      expect(view?.status).toBe('JUDGING');
      expect(view!.prizes.map((p: { communityChoice?: boolean }) => p.communityChoice === true)).toEqual(prizes.map((p) => p.communityChoice === true));
      const [known] = await sql(`select count(*)::int as n from payouts.submission_view where challenge_id = $1`, [id]);
      expect(known!.n).toBe(submissions.length);
    });
    return { id, submissions };
  }

  /** Every ledger transaction balances, and the challenge's escrow never went below zero, posting after posting. */
  async function expectLedgerSound(challengeId: string): Promise<void> {
    const [unbalanced] = await sql(
      `select count(*)::int as n from (select t.id from payouts.ledger_transaction t join payouts.ledger_posting p on p.transaction_id = t.id
        group by t.id having sum(p.amount_minor) <> 0) x`,
    );
    expect(unbalanced!.n).toBe(0);
    const [lowest] = await sql(
      `select coalesce(min(held), 0)::text as held from (select -sum(amount_minor) over (order by id) as held from payouts.ledger_posting where account = $1) x`,
      [`escrow:${challengeId}`],
    );
    expect(BigInt(lowest!.held) >= 0n).toBe(true);
  }

  it('awards the vote’s top entries automatically, once; refuses the sponsor’s award of it; refunds a place no one was voted for', async () => {
    const solvers = await Promise.all([1, 2, 3].map((i) => signUpUser(stack.client, { displayName: `Designer ${i}` })));
    await completePayoutOnboarding(stack, solvers[1]!.token);
    const challenge = await judgingChallenge(
      [
        { rank: 1, amountMinor: '100000', quantity: 1 },
        { rank: 2, amountMinor: '30000', quantity: 3, communityChoice: true },
      ],
      solvers,
    );
    const [s1, s2, s3] = challenge.submissions as [string, string, string];

    // The sponsor may award the jury prize, never the community-choice one (awardPrize or awardPrizes): nothing written.
    const single = await runContract(stack.client, 'AwardPrize', { input: { challengeId: challenge.id, prizeRank: 2, submissionId: s2 } }, sponsor.token);
    expect(single.errors?.[0]?.extensions).toMatchObject({ code: 'FAILED_PRECONDITION', field: 'prizeRank' });
    expect(single.errors?.[0]?.message).toMatch(/awarded by the public vote/);
    const batch = await stack.client.request(
      AWARD_PRIZES,
      { input: { challengeId: challenge.id, idempotencyKey: 'mixed', awards: [{ prizeRank: 1, submissionId: s1 }, { prizeRank: 2, submissionId: s2 }] } },
      { token: sponsor.token },
    );
    expect(batch.errors?.[0]?.extensions).toMatchObject({ code: 'FAILED_PRECONDITION', field: 'awards[1].prizeRank' });
    expect(await awardsOf(challenge.id)).toEqual([]);
    expect(errorCodes(await runContract(stack.client, 'AwardPrize', { input: { challengeId: challenge.id, prizeRank: 1, submissionId: s1 } }, sponsor.token))).toEqual([]);

    // The vote, delivered twice (two events, as a producer retrying its commit would): s1 (the jury's winner too) and
    // s2 win places; s3 had no vote; the third place has no voted entry.
    await vote(challenge.id, [
      [s1, 12],
      [s2, 4],
      [s3, 0],
    ]);
    await vote(challenge.id, [
      [s1, 12],
      [s2, 4],
      [s3, 0],
    ]);
    await eventually(async () => expect((await sql(`select vote_concluded_at from payouts.challenge_view where id = $1`, [challenge.id]))[0]!.vote_concluded_at).not.toBeNull());
    await new Promise((r) => setTimeout(r, 1000)); // the second delivery, applied or not by now: changes nothing
    expect(await awardsOf(challenge.id)).toEqual([
      { prize_rank: 1, submission_id: s1, amount_minor: '100000', automatic: false, awarded_by: sponsor.id },
      ...[s1, s2].sort().map((s) => ({ prize_rank: 2, submission_id: s, amount_minor: '30000', automatic: true, awarded_by: null })),
    ]);
    const events = await sql(`select payload from payouts.outbox_event where type = 'PrizeAwarded' and payload->>'challengeId' = $1 and (payload->>'prizeRank')::int = 2`, [challenge.id]);
    expect(events.map((e) => [e.payload.submissionId, e.payload.automatic, e.payload.amountMinor]).sort()).toEqual([s1, s2].sort().map((s) => [s, true, '30000']));
    const payouts = await sql(`select p.winner_id, p.amount_minor::text as amount, p.status from payouts.payout p join payouts.award a on a.id = p.award_id where a.challenge_id = $1 and a.prize_rank = 2`, [challenge.id]);
    expect(payouts.map((p) => [p.winner_id, p.amount]).sort()).toEqual([
      [solvers[0]!.id, '30000'],
      [solvers[1]!.id, '30000'],
    ].sort());
    // The onboarded winner is paid (one transfer); the other waits for an account (HELD).
    await eventually(async () => expect((await stack.stripe.transfers.list({ transfer_group: challenge.id, limit: 10 })).data.map((t) => t.amount)).toEqual([30000]));

    // A vote sent again later finds it concluded: nothing more.
    await vote(challenge.id, [[s3, 40]]);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await awardsOf(challenge.id)).toHaveLength(3);

    // The judging deadline (not guaranteed) ends it; the unvoted place's 30,000 is refunded.
    await sql(`update payouts.challenge_view set judging_closed = true where id = $1`, [challenge.id]);
    await publishTestEvent(stack.databaseUrl, 'JudgingRankingFixed', { challengeId: challenge.id, ranking: [s3], shortlist: [], submissionCount: 3 });
    await eventually(async () => expect(await statusOf(challenge.id)).toBe('AWARDED'));
    await eventually(async () => expect(await escrowOf(challenge.id)).toMatchObject({ awarded: { amountMinor: '160000' }, refunded: { amountMinor: '30000' }, inEscrow: { amountMinor: '0' } }));
    expect(await awardsOf(challenge.id)).toHaveLength(3);
    await expectLedgerSound(challenge.id);
  }, 240_000);

  it('guaranteed: the judging deadline leaves the community-choice prize to the vote, and the settlement waits for it', async () => {
    const solvers = await Promise.all([1, 2, 3].map((i) => signUpUser(stack.client, { displayName: `Maker ${i}` })));
    const challenge = await judgingChallenge(
      [
        { rank: 1, amountMinor: '100000', quantity: 1 },
        { rank: 2, amountMinor: '30000', quantity: 2, communityChoice: true },
      ],
      solvers,
      true,
    );
    const [s1, s2, s3] = challenge.submissions as [string, string, string];

    // The judging deadline first: the jury prize to the ranking's best; the community-choice places neither filled
    // from the ranking nor shared.
    await sql(`update payouts.challenge_view set judging_closed = true where id = $1`, [challenge.id]);
    await publishTestEvent(stack.databaseUrl, 'JudgingRankingFixed', { challengeId: challenge.id, ranking: [s1, s2, s3], shortlist: [s3], submissionCount: 3 });
    await eventually(async () => expect(await statusOf(challenge.id)).toBe('AWARDED'));
    expect(await awardsOf(challenge.id)).toEqual([{ prize_rank: 1, submission_id: s1, amount_minor: '100000', automatic: true, awarded_by: null }]);
    // AWARDED, but the vote is not applied: no settlement, the community-choice money stays in escrow.
    await new Promise((r) => setTimeout(r, 2000));
    expect(await settlements(challenge.id)).toBe(0);
    expect(await escrowOf(challenge.id)).toMatchObject({ refunded: { amountMinor: '0' }, inEscrow: { amountMinor: '60000' } });

    // The vote: one voted entry (s1, which holds the jury prize: the vote's places are its own) takes one place; the
    // other place's money is shared (guaranteed) among the entries not holding a community-choice award: s2, s3.
    await vote(challenge.id, [
      [s1, 3],
      [s2, 0],
    ]);
    await eventually(async () => expect(await awardsOf(challenge.id)).toHaveLength(4));
    expect(await awardsOf(challenge.id)).toEqual([
      { prize_rank: 1, submission_id: s1, amount_minor: '100000', automatic: true, awarded_by: null },
      { prize_rank: 2, submission_id: s1, amount_minor: '30000', automatic: true, awarded_by: null },
      ...[s2, s3].sort().map((s) => ({ prize_rank: 2, submission_id: s, amount_minor: '15000', automatic: true, awarded_by: null })),
    ]);
    // Settled now, with nothing left to refund.
    await eventually(async () => expect(await settlements(challenge.id)).toBe(1));
    await eventually(async () => expect(await escrowOf(challenge.id)).toMatchObject({ awarded: { amountMinor: '160000' }, refunded: { amountMinor: '0' }, inEscrow: { amountMinor: '0' } }));
    await expectLedgerSound(challenge.id);
  }, 240_000);

  it('waits (redelivery) until payouts knows every ranked submission; a cancelled challenge gets nothing', async () => {
    const solver = await signUpUser(stack.client, { displayName: 'Early' });
    const challenge = await judgingChallenge([{ rank: 1, amountMinor: '20000', quantity: 1, communityChoice: true }], [solver]);
    const late = '01939e4c-0000-7000-8000-00000000beef';
    await vote(challenge.id, [
      [late, 9],
      [challenge.submissions[0]!, 2],
    ]);
    await new Promise((r) => setTimeout(r, 2500));
    expect(await awardsOf(challenge.id)).toEqual([]);
    expect((await sql(`select vote_concluded_at from payouts.challenge_view where id = $1`, [challenge.id]))[0]!.vote_concluded_at).toBeNull();
    // Its SubmissionCreated arrives (as submissions would send it): the vote is applied, the most voted wins.
    await publishTestEvent(stack.databaseUrl, 'SubmissionCreated', { id: late, challengeId: challenge.id, authorId: solver.id, version: 1 });
    await eventually(async () => expect((await awardsOf(challenge.id)).map((a) => [a.prize_rank, a.submission_id, a.automatic])).toEqual([[1, late, true]]), {
      timeoutMs: 60_000,
      intervalMs: 500,
    });
    await expectLedgerSound(challenge.id);

    // Cancelled (payouts' view): the vote is concluded without awards; its money is for the cancellation's refund.
    const other = await judgingChallenge([{ rank: 1, amountMinor: '20000', quantity: 1, communityChoice: true }], [solver]);
    await sql(`update payouts.challenge_view set status = 'CANCELLED' where id = $1`, [other.id]);
    await vote(other.id, [[other.submissions[0]!, 5]]);
    await eventually(async () => expect((await sql(`select vote_concluded_at from payouts.challenge_view where id = $1`, [other.id]))[0]!.vote_concluded_at).not.toBeNull());
    expect(await awardsOf(other.id)).toEqual([]);
  }, 240_000);
});
