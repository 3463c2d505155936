import {
  addMember,
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
  sqlStatementCounts,
  startStack,
  submitEntry,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';

const AWARD_PRIZES = `mutation($input: AwardPrizesInput!) { awardPrizes(input: $input) { awards { id prizeRank amount { amountMinor } automatic } awardedCount } }`;
/** The contract's selection: the answer of 10,000 awards costs 40,003 (4 fields an award), under the operation limit. */
const AWARD_PRIZES_AT_SCALE = `mutation($input: AwardPrizesInput!) { awardPrizes(input: $input) { awards { id prizeRank submission { id } } awardedCount } }`;
const PRIZE_RULES = `query($id: ID!) { challenge(id: $id) { id status guaranteed
  prizes { rank quantity awardedCount awards(first: 100) { id automatic amount { amountMinor } submission { id } } } } }`;
const PRIZE_COUNTS = `query($id: ID!) { challenge(id: $id) { id prizes { rank quantity awardedCount } } }`;
const ESCROW = `query($id: ID!) { challenge(id: $id) {
  escrow { funded { amountMinor } awarded { amountMinor } paid { amountMinor } refunded { amountMinor } inEscrow { amountMinor } } } }`;

interface Place {
  prizeRank: number;
  submissionId: string;
}

describe('awards at scale (awardPrizes) and the judging deadline (payouts)', () => {
  let stack: Stack;
  let db: Client;
  let sponsor: TestUser;
  let organizationId: string;

  beforeAll(async () => {
    stack = await startStack({
      env: {
        PAYOUT_RETRY_BASE_MS: '200',
        PAYOUT_POLL_MS: '300',
        PAYOUT_CLAIM_LEASE_SECONDS: '2',
        READ_MODEL_WAIT_MS: '1500',
        // The deadlines are the defaults: 10,000 awards in one call (a few seconds, several times that on a loaded
        // test machine) are within a mutation's (SUBGRAPH_MUTATION_TIMEOUT_MS, GATEWAY_MUTATION_TIMEOUT_MS).
      },
    });
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
  const awardPrizes = (challengeId: string, idempotencyKey: string, awards: Place[], token = sponsor.token) =>
    stack.client.request(awards.length > 1_000 ? AWARD_PRIZES_AT_SCALE : AWARD_PRIZES, { input: { challengeId, idempotencyKey, awards } }, { token });
  const rulesOf = async (id: string) => (await stack.client.request(PRIZE_RULES, { id }, { token: sponsor.token })).data!.challenge;
  const escrowOf = async (id: string) => (await stack.client.request(ESCROW, { id }, { token: sponsor.token })).data!.challenge.escrow;
  const transfersOf = async (challengeId: string) => (await stack.stripe.transfers.list({ transfer_group: challengeId, limit: 100 })).data;
  const awardCount = async (challengeId: string) => Number((await sql(`select count(*)::int as n from payouts.award where challenge_id = $1`, [challengeId]))[0]!.n);

  async function onboard(user: TestUser): Promise<void> {
    await completePayoutOnboarding(stack, user.token);
    await eventually(async () => {
      const viewer = await runContract(stack.client, 'Viewer', {}, user.token);
      expect(viewer.data!.viewer.payoutAccount.status).toBe('ACTIVE');
    });
  }

  /**
   * A funded challenge closed for judging with a real submission per solver, known to payouts as JUDGING. `extra`
   * more submissions are written straight into payouts' submission_view (what SubmissionCreated would apply), for
   * thousands of places without thousands of solvers.
   */
  async function judgingChallenge(options: { prizes: { rank: number; amountMinor: string; quantity: number }[]; guaranteed?: boolean; solvers?: TestUser[]; extra?: number }) {
    const prizes = options.prizes.map((p) => ({ ...p, label: `Prize ${p.rank}` }));
    const { id } = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId, { prizes, guaranteed: options.guaranteed ?? false }));
    await fundAndPublish(stack, sponsor.token, id);
    const submissions: string[] = [];
    for (const solver of options.solvers ?? []) {
      submissions.push(await submitEntry(stack.client, solver, id));
    }
    const closed = await runContract(stack.client, 'CloseSubmissions', { challengeId: id }, sponsor.token);
    expect(closed.data!.closeSubmissions.challenge.status).toBe('JUDGING');
    const extra = Array.from({ length: options.extra ?? 0 }, () => uuidv7());
    if (extra.length) {
      await sql(
        `insert into payouts.submission_view (id, challenge_id, author_id, team_id, version)
         select s, $1::uuid, gen_random_uuid(), null, 1 from unnest($2::uuid[]) as s`,
        [id, extra],
      );
    }
    await eventually(async () => {
      const [view] = await sql(`select status from payouts.challenge_view where id = $1`, [id]);
      expect(view?.status).toBe('JUDGING');
      const [known] = await sql(`select count(*)::int as n from payouts.submission_view where challenge_id = $1`, [id]);
      expect(known!.n).toBe(submissions.length + extra.length);
    });
    return { id, submissions, extra };
  }

  /**
   * The judging deadline passed: what challenges' deadline job tells payouts (ChallengeChanged with judgingClosed),
   * written into payouts' view directly (a published event would need a version challenges then reuses).
   */
  async function closeJudging(challengeId: string, how: 'closed' | 'deadline' = 'closed'): Promise<void> {
    if (how === 'closed') await sql(`update payouts.challenge_view set judging_closed = true where id = $1`, [challengeId]);
    else await sql(`update payouts.challenge_view set judging_deadline = now() - interval '1 second' where id = $1`, [challengeId]);
  }

  it('awards 10,000 places in one call, in as many SQL statements as one award; a replay moves nothing', async () => {
    const challenge = await judgingChallenge({
      prizes: [
        { rank: 1, amountMinor: '500000', quantity: 1 },
        { rank: 2, amountMinor: '100', quantity: 9_999 },
      ],
      extra: 10_000,
    });
    const places: Place[] = challenge.extra.map((submissionId, i) => ({ prizeRank: i === 0 ? 1 : 2, submissionId }));

    const before = (await sqlStatementCounts(stack)).payouts;
    const started = performance.now();
    const response = await awardPrizes(challenge.id, 'all-at-once', places);
    const elapsedMs = performance.now() - started;
    const statements = (await sqlStatementCounts(stack)).payouts - before;
    expect(errorCodes(response)).toEqual([]);
    expect(response.data!.awardPrizes.awardedCount).toBe(10_000);
    expect(response.data!.awardPrizes.awards).toHaveLength(10_000);
    console.info(`awardPrizes with 10,000 awards: ${Math.round(elapsedMs)} ms through the gateway, ${statements} SQL statements in payouts`);

    // Everything written, once: awards, a HELD payout each (no accounts), a ledger transaction each, an event each.
    expect(await awardCount(challenge.id)).toBe(10_000);
    const [payouts] = await sql(`select count(*)::int as n, count(*) filter (where status = 'HELD')::int as held from payouts.payout where challenge_id = $1`, [challenge.id]);
    expect(payouts).toEqual({ n: 10_000, held: 10_000 });
    const [events] = await sql(`select count(*)::int as n, count(distinct payload->>'awardId')::int as awards from payouts.outbox_event where type = 'PrizeAwarded' and payload->>'challengeId' = $1`, [challenge.id]);
    expect(events).toEqual({ n: 10_000, awards: 10_000 });
    const escrow = await escrowOf(challenge.id);
    expect(escrow.awarded.amountMinor).toBe(String(500_000 + 9_999 * 100));
    expect(escrow.inEscrow.amountMinor).toBe('0');
    const counts = (await stack.client.request(PRIZE_COUNTS, { id: challenge.id }, { token: sponsor.token })).data!.challenge;
    expect(counts.prizes.map((p: { rank: number; quantity: number; awardedCount: number }) => [p.rank, p.quantity, p.awardedCount])).toEqual([
      [1, 1, 1],
      [2, 9_999, 9_999],
    ]);

    // The same key and places (in another order): the first result, nothing moved again.
    const replay = await awardPrizes(challenge.id, 'all-at-once', [...places].reverse());
    expect(errorCodes(replay)).toEqual([]);
    expect(replay.data!.awardPrizes.awardedCount).toBe(10_000);
    expect(new Set(replay.data!.awardPrizes.awards.map((a: { id: string }) => a.id))).toEqual(new Set(response.data!.awardPrizes.awards.map((a: { id: string }) => a.id)));
    expect(await awardCount(challenge.id)).toBe(10_000);
    expect((await escrowOf(challenge.id)).awarded.amountMinor).toBe(String(500_000 + 9_999 * 100));

    // One award costs the same statements as 10,000 (a challenge of its own, same path).
    const small = await judgingChallenge({ prizes: [{ rank: 1, amountMinor: '1000', quantity: 1 }], extra: 1 });
    const beforeOne = (await sqlStatementCounts(stack)).payouts;
    expect(errorCodes(await awardPrizes(small.id, 'one', [{ prizeRank: 1, submissionId: small.extra[0]! }]))).toEqual([]);
    expect((await sqlStatementCounts(stack)).payouts - beforeOne).toBe(statements);
  }, 300_000);

  it('refuses bad input, another set under the same key, more than a prize has left, a held place: nothing written', async () => {
    const challenge = await judgingChallenge({
      prizes: [
        { rank: 1, amountMinor: '50000', quantity: 1 },
        { rank: 2, amountMinor: '1000', quantity: 3 },
      ],
      extra: 6,
    });
    const [s1, s2, s3, s4, s5] = challenge.extra as [string, string, string, string, string];
    const codeAndField = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => [r.errors?.[0]?.extensions?.code, r.errors?.[0]?.extensions?.field];

    expect(codeAndField(await awardPrizes(challenge.id, 'k', []))).toEqual(['BAD_USER_INPUT', 'awards']);
    expect(codeAndField(await awardPrizes(challenge.id, '', [{ prizeRank: 1, submissionId: s1 }]))).toEqual(['BAD_USER_INPUT', 'idempotencyKey']);
    expect(codeAndField(await awardPrizes(challenge.id, 'x'.repeat(201), [{ prizeRank: 1, submissionId: s1 }]))).toEqual(['BAD_USER_INPUT', 'idempotencyKey']);
    const tooMany = Array.from({ length: 10_001 }, () => ({ prizeRank: 2, submissionId: randomUUID() }));
    expect(codeAndField(await awardPrizes(challenge.id, 'k', tooMany))).toEqual(['BAD_USER_INPUT', 'awards']);
    expect(codeAndField(await awardPrizes(challenge.id, 'k', [{ prizeRank: 2, submissionId: s1 }, { prizeRank: 2, submissionId: s1 }]))).toEqual(['BAD_USER_INPUT', 'awards']);
    expect(codeAndField(await awardPrizes(challenge.id, 'k', [{ prizeRank: 9, submissionId: s1 }]))).toEqual(['BAD_USER_INPUT', 'awards']);
    expect(codeAndField(await awardPrizes(challenge.id, 'k', [{ prizeRank: 2, submissionId: randomUUID() }]))).toEqual(['BAD_USER_INPUT', 'awards']);
    // More awards of prize 2 than its 3 places: CONFLICT, nothing written (prize 1's award in the same call neither).
    const four = [s1, s2, s3, s4].map((submissionId) => ({ prizeRank: 2, submissionId }));
    expect(codeAndField(await awardPrizes(challenge.id, 'k', [{ prizeRank: 1, submissionId: s5 }, ...four]))).toEqual(['CONFLICT', 'awards']);
    expect(await awardCount(challenge.id)).toBe(0);
    expect((await sql(`select count(*)::int as n from payouts.award_request where challenge_id = $1`, [challenge.id]))[0]!.n).toBe(0);

    const first = await awardPrizes(challenge.id, 'k', [{ prizeRank: 2, submissionId: s1 }]);
    expect(errorCodes(first)).toEqual([]);
    // The same key with other places: CONFLICT on the key.
    expect(codeAndField(await awardPrizes(challenge.id, 'k', [{ prizeRank: 2, submissionId: s2 }]))).toEqual(['CONFLICT', 'idempotencyKey']);
    // A place the submission already holds (another key): CONFLICT, nothing written.
    expect(codeAndField(await awardPrizes(challenge.id, 'k2', [{ prizeRank: 2, submissionId: s2 }, { prizeRank: 2, submissionId: s1 }]))).toEqual(['CONFLICT', 'awards']);
    // Two places left now: three asked is one too many.
    expect(codeAndField(await awardPrizes(challenge.id, 'k3', [s2, s3, s4].map((submissionId) => ({ prizeRank: 2, submissionId }))))).toEqual(['CONFLICT', 'awards']);
    expect(await awardCount(challenge.id)).toBe(1);
    expect((await escrowOf(challenge.id)).awarded.amountMinor).toBe('1000');

    // awardPrize is the same path: a second award of a prize of one place is CONFLICT.
    expect(errorCodes(await runContract(stack.client, 'AwardPrize', { input: { challengeId: challenge.id, prizeRank: 1, submissionId: s3 } }, sponsor.token))).toEqual([]);
    expect(errorCodes(await runContract(stack.client, 'AwardPrize', { input: { challengeId: challenge.id, prizeRank: 1, submissionId: s4 } }, sponsor.token))).toEqual(['CONFLICT']);
  }, 120_000);

  it('never awards more than a prize’s quantity under 20 concurrent calls', async () => {
    const challenge = await judgingChallenge({ prizes: [{ rank: 1, amountMinor: '2500', quantity: 3 }], extra: 20 });
    const responses = await Promise.all(challenge.extra.map((submissionId, i) => awardPrizes(challenge.id, `call-${i}`, [{ prizeRank: 1, submissionId }])));
    const codes = responses.map((r) => errorCodes(r)[0] ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(3);
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(17);
    expect(await awardCount(challenge.id)).toBe(3);
    const escrow = await escrowOf(challenge.id);
    expect(escrow.awarded.amountMinor).toBe('7500');
    expect(escrow.inEscrow.amountMinor).toBe('0');
  }, 120_000);

  it('refuses a member who is not OWNER/ADMIN, and every sponsor award once the judging deadline passed', async () => {
    const member = await signUpUser(stack.client);
    await addMember(stack.client, sponsor.token, organizationId, member, 'MEMBER');
    const challenge = await judgingChallenge({ prizes: [{ rank: 1, amountMinor: '1000', quantity: 2 }], extra: 2 });
    const [s1, s2] = challenge.extra as [string, string];
    await eventually(async () => expect(errorCodes(await awardPrizes(challenge.id, 'm', [{ prizeRank: 1, submissionId: s1 }], member.token))).toEqual(['FORBIDDEN']));
    expect(await awardCount(challenge.id)).toBe(0);

    // The deadline passed, before challenges' job said so; then judgingClosed known.
    await closeJudging(challenge.id, 'deadline');
    expect(errorCodes(await awardPrizes(challenge.id, 'late', [{ prizeRank: 1, submissionId: s2 }]))).toEqual(['FAILED_PRECONDITION']);
    await sql(`update payouts.challenge_view set judging_deadline = now() + interval '1 day' where id = $1`, [challenge.id]);
    await closeJudging(challenge.id);
    expect(errorCodes(await awardPrizes(challenge.id, 'late', [{ prizeRank: 1, submissionId: s2 }]))).toEqual(['FAILED_PRECONDITION']);
    expect(errorCodes(await runContract(stack.client, 'AwardPrize', { input: { challengeId: challenge.id, prizeRank: 1, submissionId: s2 } }, sponsor.token))).toEqual(['FAILED_PRECONDITION']);
    expect(await awardCount(challenge.id)).toBe(0);
  }, 120_000);

  describe('the judging deadline (JudgingRankingFixed)', () => {
    const statusOf = async (id: string) => (await runContract(stack.client, 'ChallengeDetail', { id }, sponsor.token)).data!.challenge.status;
    const automaticAwards = async (challengeId: string) =>
      sql<{ prize_rank: number; submission_id: string; amount_minor: string; awarded_by: string | null }>(
        `select prize_rank, submission_id, amount_minor::text, awarded_by from payouts.award where challenge_id = $1 and automatic order by prize_rank, amount_minor desc, submission_id`,
        [challengeId],
      );

    it('a guaranteed challenge: the ranking fills the places left; transfers paid exactly once; applied once; then AWARDED', async () => {
      const solvers = await Promise.all([1, 2, 3, 4].map((i) => signUpUser(stack.client, { displayName: `Solver ${i}` })));
      await onboard(solvers[0]!);
      await onboard(solvers[1]!);
      const challenge = await judgingChallenge({
        prizes: [
          { rank: 1, amountMinor: '100000', quantity: 1 },
          { rank: 2, amountMinor: '30000', quantity: 2 },
        ],
        guaranteed: true,
        solvers,
      });
      const [s1, s2, s3, s4] = challenge.submissions as [string, string, string, string];
      // The sponsor awarded one place of prize 2 to s4 before the deadline.
      expect(errorCodes(await awardPrizes(challenge.id, 'before', [{ prizeRank: 2, submissionId: s4 }]))).toEqual([]);
      await closeJudging(challenge.id);

      // Sent twice (two events with their own ids, as a producer retrying its commit would): decided once.
      const ranking = { challengeId: challenge.id, ranking: [s4, s1, s2, s3], shortlist: [s3] };
      await publishTestEvent(stack.databaseUrl, 'JudgingRankingFixed', ranking);
      await publishTestEvent(stack.databaseUrl, 'JudgingRankingFixed', ranking);
      await eventually(async () => expect(await statusOf(challenge.id)).toBe('AWARDED'));
      expect(await automaticAwards(challenge.id)).toEqual([
        { prize_rank: 1, submission_id: s1, amount_minor: '100000', awarded_by: null },
        { prize_rank: 2, submission_id: s2, amount_minor: '30000', awarded_by: null },
      ]);
      const [concluded] = await sql(`select payload from payouts.outbox_event where type = 'JudgingConcluded' and payload->>'challengeId' = $1`, [challenge.id]);
      expect(concluded!.payload).toEqual({ challengeId: challenge.id, automaticAwards: 2 });
      expect((await sql(`select count(*)::int as n from payouts.outbox_event where type = 'JudgingConcluded' and payload->>'challengeId' = $1`, [challenge.id]))[0]!.n).toBe(1);
      const rules = await rulesOf(challenge.id);
      expect(rules.prizes.find((p: { rank: number }) => p.rank === 1).awards).toEqual([{ id: expect.any(String), automatic: true, amount: { amountMinor: '100000' }, submission: { id: s1 } }]);

      // The onboarded winners are paid by one transfer each, exactly once; s4 (not onboarded) stays HELD.
      await eventually(async () => expect((await transfersOf(challenge.id)).map((t) => t.amount).sort((a, b) => a - b)).toEqual([30000, 100000]));
      await new Promise((r) => setTimeout(r, 1000));
      expect(await transfersOf(challenge.id)).toHaveLength(2);
      await eventually(async () => expect(await escrowOf(challenge.id)).toMatchObject({ awarded: { amountMinor: '160000' }, paid: { amountMinor: '130000' }, inEscrow: { amountMinor: '0' }, refunded: { amountMinor: '0' } }));
    }, 180_000);

    it('a guaranteed challenge without ranked submissions: the money is shared equally among the shortlisted ones (largest remainder)', async () => {
      const solvers = await Promise.all([1, 2, 3, 4].map((i) => signUpUser(stack.client, { displayName: `Sharer ${i}` })));
      await onboard(solvers[0]!);
      const challenge = await judgingChallenge({ prizes: [{ rank: 1, amountMinor: '100000', quantity: 1 }], guaranteed: true, solvers });
      const [s1, s2, s3] = challenge.submissions as [string, string, string, string];
      await closeJudging(challenge.id);
      await publishTestEvent(stack.databaseUrl, 'JudgingRankingFixed', { challengeId: challenge.id, ranking: [], shortlist: [s1, s2, s3] });
      await eventually(async () => expect(await statusOf(challenge.id)).toBe('AWARDED'));
      expect(await automaticAwards(challenge.id)).toEqual([
        { prize_rank: 1, submission_id: s1, amount_minor: '33334', awarded_by: null },
        ...[s2, s3].sort().map((s) => ({ prize_rank: 1, submission_id: s, amount_minor: '33333', awarded_by: null })),
      ]);
      await eventually(async () => expect((await transfersOf(challenge.id)).map((t) => t.amount)).toEqual([33334]));
      await eventually(async () => expect(await escrowOf(challenge.id)).toMatchObject({ awarded: { amountMinor: '100000' }, inEscrow: { amountMinor: '0' } }));
    }, 180_000);

    it('waits (redelivery) until payouts knows every submission the ranking counted, so no share misses one in flight', async () => {
      const solvers = await Promise.all([1, 2].map((i) => signUpUser(stack.client, { displayName: `Early ${i}` })));
      const challenge = await judgingChallenge({ prizes: [{ rank: 1, amountMinor: '90000', quantity: 1 }], guaranteed: true, solvers });
      await closeJudging(challenge.id);
      // submissions counted three; the third's SubmissionCreated has not reached payouts yet.
      await publishTestEvent(stack.databaseUrl, 'JudgingRankingFixed', { challengeId: challenge.id, ranking: [], shortlist: [], submissionCount: 3 });
      await new Promise((r) => setTimeout(r, 2500));
      expect(await statusOf(challenge.id)).toBe('JUDGING');
      expect(await awardCount(challenge.id)).toBe(0);
      const late = uuidv7();
      await sql(`insert into payouts.submission_view (id, challenge_id, author_id, team_id, version) values ($1, $2, gen_random_uuid(), null, 1)`, [late, challenge.id]);
      await eventually(async () => expect(await statusOf(challenge.id)).toBe('AWARDED'), { timeoutMs: 60_000, intervalMs: 500 });
      // Shared among all three: 300.00 each.
      expect((await automaticAwards(challenge.id)).map((a) => [a.submission_id, a.amount_minor]).sort()).toEqual(
        [...challenge.submissions, late].map((id) => [id, '30000']).sort(),
      );
    }, 180_000);

    it('a guaranteed challenge without submissions, and a non-guaranteed one: nothing awarded, concluded, the pool refunded', async () => {
      const empty = await judgingChallenge({ prizes: [{ rank: 1, amountMinor: '40000', quantity: 2 }], guaranteed: true });
      const solver = await signUpUser(stack.client);
      const optional = await judgingChallenge({ prizes: [{ rank: 1, amountMinor: '40000', quantity: 1 }], solvers: [solver] });
      await closeJudging(empty.id);
      await closeJudging(optional.id);
      await publishTestEvent(stack.databaseUrl, 'JudgingRankingFixed', { challengeId: empty.id, ranking: [], shortlist: [] });
      await publishTestEvent(stack.databaseUrl, 'JudgingRankingFixed', { challengeId: optional.id, ranking: optional.submissions, shortlist: optional.submissions });
      for (const id of [empty.id, optional.id]) {
        await eventually(async () => expect(await statusOf(id)).toBe('AWARDED'));
        expect(await awardCount(id)).toBe(0);
        const [concluded] = await sql(`select payload from payouts.outbox_event where type = 'JudgingConcluded' and payload->>'challengeId' = $1`, [id]);
        expect(concluded!.payload).toEqual({ challengeId: id, automaticAwards: 0 });
      }
      await eventually(async () => expect((await escrowOf(empty.id)).refunded.amountMinor).toBe('80000'));
      await eventually(async () => expect((await escrowOf(optional.id)).refunded.amountMinor).toBe('40000'));
    }, 180_000);
  });
});
