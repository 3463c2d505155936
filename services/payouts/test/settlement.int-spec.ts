import {
  challengeInput,
  createChallenge,
  createOrganization,
  errorCodes,
  eventually,
  fundAndPublish,
  runContract,
  signUpUser,
  startStack,
  type Stack,
  type TestUser,
  TEST_SECRETS,
} from '@ideagora/testing';
import { IDENTITY_HEADER, signIdentity } from '@ideagora/auth';

const ESCROW = `query($id: ID!) { challenge(id: $id) { status funding { status }
  escrow { funded { amountMinor } platformFee { amountMinor } awarded { amountMinor } paid { amountMinor } refunded { amountMinor } inEscrow { amountMinor } } } }`;

describe('settling ended challenges: refunds through Stripe', () => {
  let stack: Stack;
  let sponsor: TestUser;
  let organizationId: string;

  beforeAll(async () => {
    stack = await startStack();
    sponsor = await signUpUser(stack.client);
    organizationId = await createOrganization(stack.client, sponsor.token);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const escrowOf = async (id: string) => (await stack.client.request(ESCROW, { id }, { token: sponsor.token })).data!.challenge;
  const refundsAtStripe = async (challengeId: string) =>
    (await stack.stripe.refunds.list({ limit: 100 })).data.filter((r) => r.metadata?.challengeId === challengeId);

  it('refunds the whole prize pool when a funded challenge is cancelled (the fee is kept)', async () => {
    const { id } = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId, { currency: 'JPY', prizes: [{ rank: 1, label: 'Only', amountMinor: '300000' }] }));
    await fundAndPublish(stack, sponsor.token, id);
    const cancelled = await stack.client.request(`mutation($id: ID!) { cancelChallenge(challengeId: $id) { challenge { status } } }`, { id }, { token: sponsor.token });
    expect(cancelled.data!.cancelChallenge.challenge.status).toBe('CANCELLED');
    await eventually(async () => {
      const challenge = await escrowOf(id);
      expect(challenge.funding.status).toBe('REFUNDED');
      expect(challenge.escrow).toEqual({
        funded: { amountMinor: '330000' },
        platformFee: { amountMinor: '30000' },
        awarded: { amountMinor: '0' },
        paid: { amountMinor: '0' },
        refunded: { amountMinor: '300000' },
        inEscrow: { amountMinor: '0' },
      });
    });
    const refunds = await refundsAtStripe(id);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amount: 300000, currency: 'jpy', status: 'succeeded' });
    expect(errorCodes(await stack.client.request(`mutation($id: ID!) { cancelChallenge(challengeId: $id) { challenge { status } } }`, { id }, { token: sponsor.token }))).toEqual([
      'FAILED_PRECONDITION',
    ]);
  });

  it('refunds the unawarded prizes when the sponsor finishes judging, then closes the challenge', async () => {
    const { id } = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId));
    await fundAndPublish(stack, sponsor.token, id);
    await runContract(stack.client, 'CloseSubmissions', { challengeId: id }, sponsor.token);
    const stranger = await signUpUser(stack.client);
    const finish = `mutation($id: ID!) { finishJudging(challengeId: $id) { challenge { status } } }`;
    expect(errorCodes(await stack.client.request(finish, { id }, { token: stranger.token }))).toEqual(['FORBIDDEN']);
    const finished = await stack.client.request(finish, { id }, { token: sponsor.token });
    expect(finished.data!.finishJudging.challenge.status).toBe('AWARDED');
    await eventually(async () => {
      const challenge = await escrowOf(id);
      expect(challenge.status).toBe('CLOSED');
      expect(challenge.escrow.refunded.amountMinor).toBe('700000');
      expect(challenge.escrow.inEscrow.amountMinor).toBe('0');
    });
    expect(await refundsAtStripe(id)).toHaveLength(1);
  });

  it('reconciles the ledger with Stripe, and reports a refund made behind its back', async () => {
    const reconcile = async () => {
      const identity = await signIdentity({ userId: null, scopes: ['ops'] }, 'payouts', TEST_SECRETS.GATEWAY_IDENTITY_SECRET, 60);
      const response = await fetch(stack.subgraphUrls.payouts.replace(/\/graphql$/, '/internal/reconciliation'), { method: 'POST', headers: { [IDENTITY_HEADER]: identity } });
      expect(response.status).toBe(200);
      return (await response.json()) as { challengesChecked: number; drifts: { challengeId: string; measure: string; ledger: string; stripe: string }[] };
    };
    const clean = await reconcile();
    expect(clean.challengesChecked).toBeGreaterThan(0);
    expect(clean.drifts).toEqual([]);

    const { id } = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId));
    await fundAndPublish(stack, sponsor.token, id);
    const funding = (await stack.client.request(`query($id: ID!) { challenge(id: $id) { funding { paymentIntentId } } }`, { id }, { token: sponsor.token })).data!.challenge.funding;
    await stack.stripe.refunds.create({ payment_intent: funding.paymentIntentId, amount: 1234 });
    const drifted = await reconcile();
    expect(drifted.drifts).toEqual([{ challengeId: id, currency: 'USD', measure: 'refunded', ledger: '0', stripe: '1234' }]);

    const anonymous = await fetch(stack.subgraphUrls.payouts.replace(/\/graphql$/, '/internal/reconciliation'), { method: 'POST' });
    expect(anonymous.status).toBe(401);
    const userIdentity = await signIdentity({ userId: sponsor.id, scopes: ['user'] }, 'payouts', TEST_SECRETS.GATEWAY_IDENTITY_SECRET, 60);
    const asUser = await fetch(stack.subgraphUrls.payouts.replace(/\/graphql$/, '/internal/reconciliation'), { method: 'POST', headers: { [IDENTITY_HEADER]: userIdentity } });
    expect(asUser.status).toBe(401);
  });

  it('retries a refund that failed at Stripe after being applied, and refunds exactly once', async () => {
    const { id } = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId));
    await fundAndPublish(stack, sponsor.token, id);
    await fetch(`${stack.stripeEmulatorUrl}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'POST', path: '/v1/refunds', mode: 'error_after', count: 1 }),
    });
    await stack.client.request(`mutation($id: ID!) { cancelChallenge(challengeId: $id) { challenge { status } } }`, { id }, { token: sponsor.token });
    await eventually(async () => expect((await escrowOf(id)).escrow.refunded.amountMinor).toBe('700000'), { timeoutMs: 30_000 });
    expect(await refundsAtStripe(id)).toHaveLength(1);
  });
});
