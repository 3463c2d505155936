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
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/**
 * Awards to a team's submission (issue 12), through the gateway with the real Stripe emulator: one payout per member
 * with a non-zero part (largest remainder), each HELD until that member's account is ACTIVE, each its own transfer and
 * its own payable. The team and its split come from the submissions context by event (SubmissionCreated.teamId,
 * TeamSplitAgreed): published here as that context does.
 */

// TeamAwardPayouts (docs/partner-api/operations.graphql) without `submission.team`, which the submissions context
// resolves (a submission only payouts has heard of is null there), plus the split and the payouts' ids.
// awards(first: 5): with every share and payout of 20 members, 20 prizes of 20 awards would cost more than the limit.
const TEAM_AWARD_PAYOUTS = `query($challengeId: ID!) { challenge(id: $challengeId) { prizes { rank awards(first: 5) { id
  split { version shares { user { id } basisPoints amount { amountMinor currency } } }
  payouts { id recipient { id } status amount { amountMinor currency } } } } } }`;
const ESCROW = `query($id: ID!) { challenge(id: $id) { escrow { awarded { amountMinor } paid { amountMinor } inEscrow { amountMinor } } } }`;
const VIEWER_PAYOUTS = `{ viewer { payouts { edges { node { id status amount { amountMinor currency } recipient { id } award { id } } } } } }`;

interface Share {
  user: TestUser;
  basisPoints: number;
  weight: number;
}
interface TeamChallenge {
  challengeId: string;
  submissionId: string;
  teamId: string;
}
interface PayoutView {
  id: string;
  recipient: { id: string } | null;
  status: string;
  amount: { amountMinor: string; currency: string };
}

describe('awards to a team: one payout per member, by the agreed split', () => {
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
  }, 180_000); // the stack starts slowly on a loaded machine
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  const sql = async <T = Record<string, any>>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[];
  const award = (challengeId: string, prizeRank: number, submissionId: string) =>
    runContract(stack.client, 'AwardPrize', { input: { challengeId, prizeRank, submissionId } }, sponsor.token);
  const transfersOf = async (challengeId: string) => (await stack.stripe.transfers.list({ transfer_group: challengeId, limit: 100 })).data;
  const members = (n: number) => Promise.all(Array.from({ length: n }, (_, i) => signUpUser(stack.client, { displayName: `Member ${i}` })));

  async function onboard(user: TestUser): Promise<void> {
    await completePayoutOnboarding(stack, user.token);
    await eventually(async () => {
      const viewer = await runContract(stack.client, 'Viewer', {}, user.token);
      expect(viewer.data!.viewer.payoutAccount.status).toBe('ACTIVE');
    });
  }

  const agreeSplit = (team: TeamChallenge, splitVersion: number, shares: Share[]) =>
    publishTestEvent(stack.databaseUrl, 'TeamSplitAgreed', {
      teamId: team.teamId,
      challengeId: team.challengeId,
      splitVersion,
      shares: shares.map((s) => ({ userId: s.user.id, basisPoints: s.basisPoints, weight: s.weight })),
    });

  /** A funded challenge with these prizes, closed for judging, and a team's submission with this split agreed. */
  async function teamChallenge(currency: string, prizes: string[], shares: Share[] | null): Promise<TeamChallenge> {
    const input = challengeInput(organizationId, { currency, prizes: prizes.map((amountMinor, i) => ({ rank: i + 1, label: `Prize ${i + 1}`, amountMinor })) });
    const { id: challengeId } = await createChallenge(stack.client, sponsor.token, input);
    await fundAndPublish(stack, sponsor.token, challengeId);
    const closed = await eventually(async () => {
      const response = await runContract(stack.client, 'CloseSubmissions', { challengeId }, sponsor.token);
      expect(errorCodes(response)).toEqual([]);
      return response.data!.closeSubmissions.challenge.status;
    });
    expect(closed).toBe('JUDGING');
    const team = { challengeId, submissionId: randomUUID(), teamId: randomUUID() };
    const author = shares?.[0]?.user.id ?? randomUUID();
    await publishTestEvent(stack.databaseUrl, 'SubmissionCreated', { id: team.submissionId, challengeId, authorId: author, version: 1, teamId: team.teamId });
    if (shares) await agreeSplit(team, 1, shares);
    return team;
  }

  /** Awards once payouts knows the challenge is JUDGING, the submission and the team's split. */
  const awardWhenKnown = (team: TeamChallenge, rank = 1) =>
    eventually(async () => {
      const response = await award(team.challengeId, rank, team.submissionId);
      expect(errorCodes(response)).toEqual([]);
      return response.data!.awardPrize.award as { id: string; payouts: PayoutView[] };
    });

  /** As the sponsor by default; `null`: signed out. */
  async function awardsOf(challengeId: string, token: string | null = sponsor.token, rank = 1) {
    const response = await stack.client.request(TEAM_AWARD_PAYOUTS, { challengeId }, { token: token ?? undefined });
    expect(response.errors).toBeUndefined();
    return response.data!.challenge.prizes.find((p: { rank: number }) => p.rank === rank).awards as {
      id: string;
      split: { version: number; shares: { user: { id: string }; basisPoints: number; amount: { amountMinor: string; currency: string } }[] } | null;
      payouts: PayoutView[];
    }[];
  }
  const statusesOf = async (challengeId: string, rank = 1) => (await awardsOf(challengeId, sponsor.token, rank))[0]!.payouts.map((p) => p.status);
  const payables = async (users: TestUser[], challengeId: string) =>
    Object.fromEntries(
      (
        await sql<{ account: string; balance: string }>(
          `select p.account, sum(p.amount_minor)::text as balance from payouts.ledger_posting p join payouts.ledger_transaction t on t.id = p.transaction_id
            where t.challenge_id = $1 and p.account = any($2) group by p.account`,
          [challengeId, users.map((u) => `payable:${u.id}`)],
        )
      ).map((r) => [r.account.slice('payable:'.length), r.balance]),
    );

  it('pays a 1,000.01 USD prize split equally 3 ways as 333.34 + 333.34 + 333.33; the member not onboarded stays HELD until they are', async () => {
    const [a, b, c] = await members(3);
    const stranger = await signUpUser(stack.client);
    await onboard(a!);
    await onboard(b!);
    // An equal split: 3334/3333/3333 basis points shown, 1:1:1 divided (ties to the stated order).
    const shares = [
      { user: a!, basisPoints: 3334, weight: 1 },
      { user: b!, basisPoints: 3333, weight: 1 },
      { user: c!, basisPoints: 3333, weight: 1 },
    ];
    const team = await teamChallenge('USD', ['100001', '50000'], shares);

    const awarded = await awardWhenKnown(team);
    expect((await awardsOf(team.challengeId))[0]!.payouts.map((p) => [p.recipient?.id, p.amount])).toEqual([
      [a!.id, { amountMinor: '33334', currency: 'USD' }],
      [b!.id, { amountMinor: '33334', currency: 'USD' }],
      [c!.id, { amountMinor: '33333', currency: 'USD' }],
    ]);
    expect(awarded.payouts.map((p) => p.status)).toEqual([expect.stringMatching(/^(PROCESSING|PAID)$/), expect.stringMatching(/^(PROCESSING|PAID)$/), 'HELD']);

    // The event solvers mails from: the team, each member's part.
    const [event] = await sql(`select payload from payouts.outbox_event where type = 'PrizeAwarded' and payload->>'challengeId' = $1`, [team.challengeId]);
    expect(event!.payload).toEqual({
      challengeId: team.challengeId,
      prizeRank: 1,
      submissionId: team.submissionId,
      awardId: awarded.id,
      automatic: false,
      teamId: team.teamId,
      amountMinor: '100001',
      currency: 'USD',
      recipients: [
        { userId: a!.id, amountMinor: '33334' },
        { userId: b!.id, amountMinor: '33334' },
        { userId: c!.id, amountMinor: '33333' },
      ],
    });

    // Two members paid, each by their own transfer to their own account; the third held.
    await eventually(async () => expect(await statusesOf(team.challengeId)).toEqual(['PAID', 'PAID', 'HELD']));
    await new Promise((r) => setTimeout(r, 800));
    expect(await statusesOf(team.challengeId)).toEqual(['PAID', 'PAID', 'HELD']);
    const accounts = new Map((await stack.stripe.accounts.list({ limit: 100 })).data.map((acc) => [acc.metadata?.userId, acc.id]));
    let transfers = await transfersOf(team.challengeId);
    expect(transfers.map((t) => [t.amount, t.destination, t.metadata.payoutId]).sort()).toEqual(
      [
        [33334, accounts.get(a!.id), awarded.payouts[0]!.id],
        [33334, accounts.get(b!.id), awarded.payouts[1]!.id],
      ].sort(),
    );
    expect(await payables([a!, b!, c!], team.challengeId)).toEqual({ [a!.id]: '0', [b!.id]: '0', [c!.id]: '-33333' });

    // The split paid is recorded with the award: its members and the sponsor see it and the recipients; others see
    // the award and the amounts only.
    const expectedSplit = {
      version: 1,
      shares: [
        { user: { id: a!.id }, basisPoints: 3334, amount: { amountMinor: '33334', currency: 'USD' } },
        { user: { id: b!.id }, basisPoints: 3333, amount: { amountMinor: '33334', currency: 'USD' } },
        { user: { id: c!.id }, basisPoints: 3333, amount: { amountMinor: '33333', currency: 'USD' } },
      ],
    };
    for (const viewer of [sponsor, c!]) {
      const [seen] = await awardsOf(team.challengeId, viewer.token);
      expect(seen!.split).toEqual(expectedSplit);
      expect(seen!.payouts.map((p) => p.recipient?.id)).toEqual([a!.id, b!.id, c!.id]);
    }
    for (const token of [stranger.token, null]) {
      const [seen] = await awardsOf(team.challengeId, token);
      expect(seen).toMatchObject({ id: awarded.id, split: null });
      expect(seen!.payouts.map((p) => [p.recipient, p.status, p.amount.amountMinor])).toEqual([
        [null, 'PAID', '33334'],
        [null, 'PAID', '33334'],
        [null, 'HELD', '33333'],
      ]);
    }
    // Each member finds their own payout among theirs, and only theirs.
    const mine = await stack.client.request(VIEWER_PAYOUTS, {}, { token: c!.token });
    expect(mine.data!.viewer.payouts.edges).toEqual([
      { node: { id: awarded.payouts[2]!.id, status: 'HELD', amount: { amountMinor: '33333', currency: 'USD' }, recipient: { id: c!.id }, award: { id: awarded.id } } },
    ]);

    // Each recipient is mailed their part.
    await eventually(async () => {
      const mails = await sql<{ to_email: string; body_text: string }>(`select to_email, body_text from solvers.mail_outbox where subject = 'Your team won a prize on Ideagora' and to_email = any($1)`, [
        [a!.email, b!.email, c!.email],
      ]);
      expect(mails.map((m) => [m.to_email, m.body_text.match(/Your part, by the split your team agreed, is (\S+)\./)?.[1]]).sort()).toEqual(
        [
          [a!.email, '$333.34'],
          [b!.email, '$333.34'],
          [c!.email, '$333.33'],
        ].sort(),
      );
    });

    // The third member onboards: their payout is paid in turn, by one more transfer.
    await onboard(c!);
    await eventually(async () => expect(await statusesOf(team.challengeId)).toEqual(['PAID', 'PAID', 'PAID']));
    transfers = await transfersOf(team.challengeId);
    expect(transfers.map((t) => t.amount).sort()).toEqual([33333, 33334, 33334]);
    expect(await payables([a!, b!, c!], team.challengeId)).toEqual({ [a!.id]: '0', [b!.id]: '0', [c!.id]: '0' });
    const escrow = (await stack.client.request(ESCROW, { id: team.challengeId }, { token: sponsor.token })).data!.challenge.escrow;
    expect(escrow).toEqual({ awarded: { amountMinor: '100001' }, paid: { amountMinor: '100001' }, inEscrow: { amountMinor: '50000' } });
    // One ledger transaction for the award: escrow +A, each member's payable −part.
    const postings = await sql(
      `select p.account, p.amount_minor::text as amount from payouts.ledger_posting p join payouts.ledger_transaction t on t.id = p.transaction_id
        where t.kind = 'prize_awarded' and t.reference = $1 order by p.amount_minor desc, p.account`,
      [`award:${awarded.id}`],
    );
    expect(postings).toEqual(
      [
        { account: `escrow:${team.challengeId}`, amount: '100001' },
        ...[
          { account: `payable:${c!.id}`, amount: '-33333' },
          ...[a!, b!].map((u) => ({ account: `payable:${u.id}`, amount: '-33334' })).sort((x, y) => (x.account < y.account ? -1 : 1)),
        ],
      ],
    );
  }, 120_000);

  it('divides JPY (0 decimals) and KWD (3 decimals) prizes alike, in their minor units', async () => {
    const [a, b, c] = await members(3);
    await onboard(b!);
    const equal = [a!, b!, c!].map((user, i) => ({ user, basisPoints: i === 0 ? 3334 : 3333, weight: 1 }));
    const yen = await teamChallenge('JPY', ['100000'], equal);
    const dinar = await teamChallenge('KWD', ['1000001'], equal);
    const awardedYen = await awardWhenKnown(yen);
    const awardedDinar = await awardWhenKnown(dinar);
    expect(awardedYen.payouts.map((p) => p.amount)).toEqual(['33334', '33333', '33333'].map((amountMinor) => ({ amountMinor, currency: 'JPY' })));
    expect(awardedDinar.payouts.map((p) => p.amount)).toEqual(['333334', '333334', '333333'].map((amountMinor) => ({ amountMinor, currency: 'KWD' })));
    await eventually(async () => {
      expect(await statusesOf(yen.challengeId)).toEqual(['HELD', 'PAID', 'HELD']);
      expect(await statusesOf(dinar.challengeId)).toEqual(['HELD', 'PAID', 'HELD']);
    });
    expect((await transfersOf(yen.challengeId)).map((t) => [t.amount, t.currency])).toEqual([[33333, 'jpy']]);
    expect((await transfersOf(dinar.challengeId)).map((t) => [t.amount, t.currency])).toEqual([[333334, 'kwd']]);
  });

  it('splits 50/30/20 and makes no payout for a member whose share is 0', async () => {
    const [a, b, c, d] = await members(4);
    const shares = [
      { user: a!, basisPoints: 5000, weight: 5000 },
      { user: b!, basisPoints: 3000, weight: 3000 },
      { user: c!, basisPoints: 2000, weight: 2000 },
      { user: d!, basisPoints: 0, weight: 0 },
    ];
    const team = await teamChallenge('USD', ['100001'], shares);
    await awardWhenKnown(team);
    expect((await awardsOf(team.challengeId))[0]!.payouts.map((p) => [p.recipient?.id, p.amount.amountMinor, p.status])).toEqual([
      [a!.id, '50001', 'HELD'],
      [b!.id, '30000', 'HELD'],
      [c!.id, '20000', 'HELD'],
    ]);
    const [seen] = await awardsOf(team.challengeId, d!.token);
    expect(seen!.split!.shares.map((s) => [s.user.id, s.basisPoints, s.amount.amountMinor])).toEqual([
      [a!.id, 5000, '50001'],
      [b!.id, 3000, '30000'],
      [c!.id, 2000, '20000'],
      [d!.id, 0, '0'],
    ]);
    expect((await stack.client.request(VIEWER_PAYOUTS, {}, { token: d!.token })).data!.viewer.payouts.edges).toEqual([]);
    expect(await payables([a!, b!, c!, d!], team.challengeId)).toEqual({ [a!.id]: '-50001', [b!.id]: '-30000', [c!.id]: '-20000' });
  });

  it('pays the split in force at the award, recorded with it, whatever split is agreed after; older versions are ignored', async () => {
    const [a, b] = await members(2);
    const v1 = [
      { user: a!, basisPoints: 7000, weight: 7000 },
      { user: b!, basisPoints: 3000, weight: 3000 },
    ];
    const v2 = [
      { user: a!, basisPoints: 2500, weight: 2500 },
      { user: b!, basisPoints: 7500, weight: 7500 },
    ];
    const team = await teamChallenge('USD', ['10000', '4000'], v1);
    const first = await awardWhenKnown(team, 1);
    expect(first.payouts.map((p) => p.amount.amountMinor)).toEqual(['7000', '3000']);

    await agreeSplit(team, 2, v2);
    await agreeSplit(team, 1, v1); // redelivered late: older than the version held
    await eventually(async () => {
      const [row] = await sql(`select split_version from payouts.team_split_view where team_id = $1`, [team.teamId]);
      expect(row?.split_version).toBe(2);
    });
    await new Promise((r) => setTimeout(r, 500));
    expect((await sql(`select split_version from payouts.team_split_view where team_id = $1`, [team.teamId]))[0]!.split_version).toBe(2);

    const [recorded] = await awardsOf(team.challengeId);
    expect(recorded!.split).toMatchObject({ version: 1, shares: [{ basisPoints: 7000, amount: { amountMinor: '7000' } }, { basisPoints: 3000, amount: { amountMinor: '3000' } }] });
    expect(recorded!.payouts.map((p) => p.amount.amountMinor)).toEqual(['7000', '3000']);

    await awardWhenKnown(team, 2);
    expect((await awardsOf(team.challengeId, sponsor.token, 2))[0]!.payouts.map((p) => [p.recipient?.id, p.amount.amountMinor])).toEqual([
      [a!.id, '1000'],
      [b!.id, '3000'],
    ]);
    expect((await awardsOf(team.challengeId, sponsor.token, 2))[0]!.split!.version).toBe(2);
  });

  it('refuses an award to a team whose split payouts has not heard of (after waiting for it): FAILED_PRECONDITION', async () => {
    const team = await teamChallenge('USD', ['10000'], null);
    // Payouts knows the challenge is JUDGING and the team's submission: only the split is missing.
    await eventually(async () => {
      const [row] = await sql(`select c.status, s.team_id from payouts.challenge_view c, payouts.submission_view s where c.id = $1 and s.id = $2`, [team.challengeId, team.submissionId]);
      expect(row).toEqual({ status: 'JUDGING', team_id: team.teamId });
    });
    const response = await award(team.challengeId, 1, team.submissionId);
    expect(errorCodes(response)).toEqual(['FAILED_PRECONDITION']);
    expect(response.errors![0]!.message).toMatch(/team has not agreed a split/);
    expect(await sql(`select id from payouts.award where challenge_id = $1`, [team.challengeId])).toEqual([]);
  });

  it('awards a prize to a team once under 20 concurrent calls: one award, one payout per member, one ledger transaction', async () => {
    const [a, b, c] = await members(3);
    await onboard(a!);
    const shares = [
      { user: a!, basisPoints: 5000, weight: 5000 },
      { user: b!, basisPoints: 3000, weight: 3000 },
      { user: c!, basisPoints: 2000, weight: 2000 },
    ];
    const team = await teamChallenge('USD', ['90001', '1000'], shares);
    // Known to payouts: the challenge JUDGING, the submission and the split (a bad rank is refused after those checks).
    await eventually(async () => expect(errorCodes(await award(team.challengeId, 9, team.submissionId))).toEqual(['BAD_USER_INPUT']));

    const responses = await Promise.all(Array.from({ length: 20 }, () => award(team.challengeId, 1, team.submissionId)));
    const codes = responses.map((r) => errorCodes(r)[0] ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(codes.filter((code) => code === 'CONFLICT')).toHaveLength(19);

    expect(await sql(`select count(*)::int as n from payouts.award where challenge_id = $1`, [team.challengeId])).toEqual([{ n: 1 }]);
    const payouts = await sql(`select winner_id, amount_minor::text as amount from payouts.payout where challenge_id = $1 order by amount_minor desc`, [team.challengeId]);
    expect(payouts).toEqual([
      { winner_id: a!.id, amount: '45001' },
      { winner_id: b!.id, amount: '27000' },
      { winner_id: c!.id, amount: '18000' },
    ]);
    expect(await sql(`select count(*)::int as n from payouts.ledger_transaction where challenge_id = $1 and kind = 'prize_awarded'`, [team.challengeId])).toEqual([{ n: 1 }]);
    await eventually(async () => expect(await statusesOf(team.challengeId)).toEqual(['PAID', 'HELD', 'HELD']));
    expect((await transfersOf(team.challengeId)).map((t) => t.amount)).toEqual([45001]);
    const escrow = (await stack.client.request(ESCROW, { id: team.challengeId }, { token: sponsor.token })).data!.challenge.escrow;
    expect(escrow).toEqual({ awarded: { amountMinor: '90001' }, paid: { amountMinor: '45001' }, inEscrow: { amountMinor: '1000' } });
  });
});
