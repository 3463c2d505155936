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
  requestSubgraph,
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

// 500,000 + 33,335 = 533,335; 10 % is 53,333.5, rounded half up: the quote must round as the charge does.
const PRIZES = [
  { rank: 1, label: 'First prize', amountMinor: '500000' },
  { rank: 2, label: 'Runner-up', amountMinor: '33335' },
];
const QUOTE = `query($id: ID!) { challenge(id: $id) { fundingQuote { prizePool { amountMinor currency } platformFee { amountMinor currency } total { amountMinor currency } } } }`;
const ESCROW = `query($id: ID!) { challenge(id: $id) { escrow {
  funded { amountMinor } awarded { amountMinor } paid { amountMinor } heldForWinners { amountMinor } inEscrow { amountMinor } } } }`;
const FUNDING_RECEIPT = `query($id: ID!) { fundingReceipt(fundingId: $id) {
  fundingId status paidAt paymentIntentId cardBrand cardLast4 challenge { id title }
  prizePool { amountMinor currency } platformFee { amountMinor currency } total { amountMinor currency }
  ledger { charged { amountMinor currency } escrowed { amountMinor currency } platformFee { amountMinor currency } } } }`;
const PAYOUT_RECEIPT = `query($id: ID!) { payoutReceipt(payoutId: $id) {
  payoutId status paidAt transferId amount { amountMinor currency }
  award { prizeRank prize { label } challenge { id title } }
  ledger { transferred { amountMinor currency } reversed { amountMinor currency } } } }`;
const MY_PAYOUTS = `{ viewer { payouts(first: 10) { edges { node { id status paidAt amount { amountMinor } award { prize { label amount { amountMinor } } } } } } } }`;

describe('money made visible: the quote before paying, held payouts in escrow, receipts (through the gateway)', () => {
  let stack: Stack;
  let db: Client;
  let owner: TestUser;
  let admin: TestUser;
  let member: TestUser;
  let stranger: TestUser;
  let winner: TestUser;
  let organizationId: string;
  let challengeId: string;

  beforeAll(async () => {
    stack = await startStack({ env: { PAYOUT_RETRY_BASE_MS: '200', PAYOUT_POLL_MS: '300' } });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    [owner, admin, member, stranger, winner] = await Promise.all(Array.from({ length: 5 }, () => signUpUser(stack.client)));
    organizationId = await createOrganization(stack.client, owner.token);
    await addMember(stack.client, owner.token, organizationId, member, 'MEMBER');
    await addMember(stack.client, owner.token, organizationId, admin, 'ADMIN');
    challengeId = (await createChallenge(stack.client, owner.token, challengeInput(organizationId, { prizes: PRIZES, title: 'Desalination at village scale' }))).id;
    // payouts knows both memberships (their events) before any "not for a MEMBER" assertion can mean something.
    await eventually(async () => {
      const { rows } = await db.query(`select user_id, role from payouts.membership_view where organization_id = $1 and user_id = any($2)`, [organizationId, [member.id, admin.id]]);
      expect(rows).toHaveLength(2);
    });
  }, 180_000);
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  const as = (query: string, variables: Record<string, unknown>, user?: TestUser) => stack.client.request(query, variables, { token: user?.token });
  const ledgerOf = async (reference: string) =>
    Object.fromEntries(
      (
        await db.query(
          `select p.account, p.amount_minor::text as amount from payouts.ledger_posting p join payouts.ledger_transaction t on t.id = p.transaction_id where t.reference = $1`,
          [reference],
        )
      ).rows.map((r) => [String(r.account).split(':')[0], String(r.amount)]),
    );

  it('shows the sponsor the prize pool, fee and total before paying, equal to what fundChallenge then charges', async () => {
    const quote = await eventually(async () => {
      const response = await as(QUOTE, { id: challengeId }, owner);
      expect(response.errors).toBeUndefined();
      expect(response.data!.challenge.fundingQuote).not.toBeNull();
      return response.data!.challenge.fundingQuote;
    });
    expect(quote).toEqual({
      prizePool: { amountMinor: '533335', currency: 'USD' },
      platformFee: { amountMinor: '53334', currency: 'USD' },
      total: { amountMinor: '586669', currency: 'USD' },
    });
    expect((await as(QUOTE, { id: challengeId }, admin)).data!.challenge.fundingQuote).toEqual(quote);
    // Not for a MEMBER; the draft itself is not the stranger's or an anonymous caller's to see.
    expect((await as(QUOTE, { id: challengeId }, member)).data!.challenge.fundingQuote).toBeNull();
    expect(errorCodes(await as(QUOTE, { id: challengeId }, stranger))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await as(QUOTE, { id: challengeId }))).toEqual(['NOT_FOUND']);

    const funding = (await runContract(stack.client, 'FundChallenge', { challengeId }, owner.token)).data!.fundChallenge.funding;
    expect(funding.amount).toEqual(quote.total);
    expect(funding.platformFee).toEqual(quote.platformFee);
    const intent = await stack.stripe.paymentIntents.retrieve(funding.paymentIntentId);
    expect(intent.amount).toBe(586669);
    // The payment page names the challenge by its title (the PaymentIntent's description), not its id.
    expect(intent.description).toBe('Prize pool and platform fee for “Desalination at village scale” on Ideagora');
  });

  it("gives the sponsor's owners and admins a funding receipt whose figures are the ledger's, and NOT_FOUND to anyone else", async () => {
    await fundAndPublish(stack, owner.token, challengeId, { alreadyFunded: false });
    const fundingId = (await as(`query($id: ID!) { challenge(id: $id) { funding { id } } }`, { id: challengeId }, owner)).data!.challenge.funding.id as string;
    const receiptResponse = await as(FUNDING_RECEIPT, { id: fundingId }, owner);
    expect(receiptResponse.errors).toBeUndefined();
    const receipt = receiptResponse.data!.fundingReceipt;
    expect(receipt).toMatchObject({
      fundingId,
      status: 'SUCCEEDED',
      challenge: { id: challengeId, title: 'Desalination at village scale' },
      prizePool: { amountMinor: '533335', currency: 'USD' },
      platformFee: { amountMinor: '53334', currency: 'USD' },
      total: { amountMinor: '586669', currency: 'USD' },
    });
    expect(receipt.paymentIntentId).toMatch(/^pi_/);
    expect(receipt).toMatchObject({ cardBrand: 'visa', cardLast4: '4242' }); // fundAndPublish pays with pm_card_visa
    expect(Number.isNaN(Date.parse(receipt.paidAt))).toBe(false);
    const ledger = await ledgerOf(`funding:${fundingId}`);
    expect(ledger).toEqual({ stripe_cash: '586669', escrow: '-533335', fee_revenue: '-53334' });
    expect(receipt.ledger).toEqual({
      charged: { amountMinor: ledger.stripe_cash, currency: 'USD' },
      escrowed: { amountMinor: String(-BigInt(ledger.escrow!)), currency: 'USD' },
      platformFee: { amountMinor: String(-BigInt(ledger.fee_revenue!)), currency: 'USD' },
    });
    expect((await as(FUNDING_RECEIPT, { id: fundingId }, admin)).data!.fundingReceipt.fundingId).toBe(fundingId);
    for (const other of [member, stranger, winner, undefined]) {
      expect(errorCodes(await as(FUNDING_RECEIPT, { id: fundingId }, other))).toEqual(['NOT_FOUND']);
    }
    // An unknown id is the same answer; a malformed one is bad input, named.
    expect(errorCodes(await as(FUNDING_RECEIPT, { id: '00000000-0000-7000-8000-000000000000' }, owner))).toEqual(['NOT_FOUND']);
    const malformed = await as(FUNDING_RECEIPT, { id: 'nope' }, owner);
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
    expect(malformed.errors![0]!.extensions!.field).toBe('fundingId');
  });

  it('shows money awarded to a winner without payouts as held for winners, then a paid payout with its receipt for the winner only', async () => {
    const submissionId = await submitEntry(stack.client, winner, challengeId, { title: 'Solar stills', body: 'Stills on every roof.' });
    expect(errorCodes(await runContract(stack.client, 'CloseSubmissions', { challengeId }, owner.token))).toEqual([]);
    const award = await eventually(async () => {
      const response = await runContract(stack.client, 'AwardPrize', { input: { challengeId, prizeRank: 1, submissionId } }, owner.token);
      expect(errorCodes(response)).toEqual([]);
      return response.data!.awardPrize.award;
    });
    const payoutId = award.payouts[0].id as string;
    expect(award.payouts[0].status).toBe('HELD');

    // The winner has not set up payouts: $5,000 is held for them, not "in escrow", and not lost from view.
    const held = (await as(ESCROW, { id: challengeId }, owner)).data!.challenge.escrow;
    expect(held).toEqual({
      funded: { amountMinor: '586669' },
      awarded: { amountMinor: '500000' },
      paid: { amountMinor: '0' },
      heldForWinners: { amountMinor: '500000' },
      inEscrow: { amountMinor: '33335' },
    });
    const payable = await db.query(`select coalesce(sum(amount_minor), 0)::text as balance from payouts.ledger_posting where account = $1`, [`payable:${winner.id}`]);
    expect(payable.rows[0].balance).toBe('-500000'); // the ledger's own figure for what is held
    expect((await as(ESCROW, { id: challengeId }, member)).data!.challenge.escrow).toBeNull();

    // No receipt before the money moved, for anyone.
    expect(errorCodes(await as(PAYOUT_RECEIPT, { id: payoutId }, winner))).toEqual(['NOT_FOUND']);
    const unpaid = (await as(MY_PAYOUTS, {}, winner)).data!.viewer.payouts.edges.map((e: { node: unknown }) => e.node);
    expect(unpaid).toEqual([{ id: payoutId, status: 'HELD', paidAt: null, amount: { amountMinor: '500000' }, award: { prize: { label: 'First prize', amount: { amountMinor: '500000' } } } }]);

    await completePayoutOnboarding(stack, winner.token);
    const paid = await eventually(
      async () => {
        const [node] = (await as(MY_PAYOUTS, {}, winner)).data!.viewer.payouts.edges.map((e: { node: { status: string; paidAt: string | null } }) => e.node);
        expect(node!.status).toBe('PAID');
        return node!;
      },
      { timeoutMs: 20_000 },
    );
    expect(Number.isNaN(Date.parse(paid.paidAt!))).toBe(false);

    const receipt = (await as(PAYOUT_RECEIPT, { id: payoutId }, winner)).data!.payoutReceipt;
    expect(receipt).toMatchObject({
      payoutId,
      status: 'PAID',
      paidAt: paid.paidAt,
      amount: { amountMinor: '500000', currency: 'USD' },
      award: { prizeRank: 1, prize: { label: 'First prize' }, challenge: { id: challengeId, title: 'Desalination at village scale' } },
    });
    expect(receipt.transferId).toMatch(/^tr_/);
    const transfers = (await stack.stripe.transfers.list({ transfer_group: challengeId, limit: 10 })).data;
    expect(transfers.map((t) => t.id)).toEqual([receipt.transferId]);
    const ledger = await ledgerOf(`transfer:${payoutId}`);
    expect(ledger).toEqual({ payable: '500000', stripe_cash: '-500000' });
    expect(receipt.ledger).toEqual({ transferred: { amountMinor: String(-BigInt(ledger.stripe_cash!)), currency: 'USD' }, reversed: { amountMinor: '0', currency: 'USD' } });
    // The winner's alone: the sponsor has the funding's receipt, everyone else nothing.
    for (const other of [owner, admin, member, stranger, undefined]) {
      expect(errorCodes(await as(PAYOUT_RECEIPT, { id: payoutId }, other))).toEqual(['NOT_FOUND']);
    }

    const after = (await as(ESCROW, { id: challengeId }, owner)).data!.challenge.escrow;
    expect(after).toMatchObject({ paid: { amountMinor: '500000' }, heldForWinners: { amountMinor: '0' } });
  });

  it('quotes a page of 20 challenges with the same SQL statements as a page of 2', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i += 1) ids.push((await createChallenge(stack.client, owner.token, challengeInput(organizationId, { prizes: PRIZES }))).id);
    for (const id of ids) await publishTestEvent(stack.databaseUrl, 'FundingSucceeded', { challengeId: id, fundingId: randomUUID() });
    for (const id of ids) await fundAndPublish(stack, owner.token, id, { alreadyFunded: true });
    const BROWSE = `query($first: Int) { challenges(first: $first) { edges { node { id fundingQuote { total { amountMinor } } } } } }`;
    const statementsFor = async (first: number) => {
      const before = await sqlStatementCounts(stack);
      const response = await as(BROWSE, { first }, owner);
      expect(response.errors).toBeUndefined();
      const nodes = response.data!.challenges.edges.map((e: { node: { fundingQuote: unknown } }) => e.node);
      expect(nodes).toHaveLength(first);
      expect(nodes.every((n: { fundingQuote: unknown }) => n.fundingQuote !== null)).toBe(true);
      const after = await sqlStatementCounts(stack);
      return Object.fromEntries(Object.entries(after).map(([name, count]) => [name, count - before[name as keyof typeof before]]));
    };
    // Once payouts' read model knows every challenge (their events), each has its quote.
    await eventually(async () => {
      const edges = (await as(BROWSE, { first: 20 }, owner)).data!.challenges.edges as { node: { fundingQuote: { total: { amountMinor: string } } | null } }[];
      expect(edges.map((e) => e.node.fundingQuote?.total.amountMinor)).toEqual(Array(20).fill('586669'));
    });
    await statementsFor(2); // warm-up
    const small = await statementsFor(2);
    const large = await statementsFor(20);
    expect(large).toEqual(small);
    expect(small.payouts).toBeGreaterThan(0);
    console.log(`statements per browse page with funding quotes: ${JSON.stringify(small)}`);
  }, 120_000);

  it('leaks no paid date or prize of a payout through _entities to anyone but its winner and the sponsor', async () => {
    const { rows } = await db.query(`select id from payouts.payout where challenge_id = $1`, [challengeId]);
    const payoutId = rows[0].id as string;
    const PAYOUT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Payout { id paidAt award { prize { challengeId rank } } } } }`;
    const entity = async (userId: string | null) => {
      const response = await requestSubgraph(stack, 'payouts', PAYOUT, { r: [{ __typename: 'Payout', id: payoutId }] }, userId);
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
      return response.body.data._entities[0];
    };
    expect(await entity(winner.id)).toMatchObject({ id: payoutId, paidAt: expect.any(String), award: { prize: { challengeId, rank: 1 } } });
    expect(await entity(owner.id)).toMatchObject({ id: payoutId, paidAt: expect.any(String) });
    expect(await entity(stranger.id)).toBeNull();
    expect(await entity(member.id)).toBeNull();
    expect(await entity(null)).toBeNull();
  });
});
