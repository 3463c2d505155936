import { challengeInput, runContract, signUpUser, startStack, type GraphQLResponse, type Stack, type TestUser } from '@ideagora/testing';

/**
 * Read-your-writes for partners: the partner contract's money story with no pause between steps. Each step's
 * command depends on a read model that an event of the step before feeds (payouts learns the challenge and its
 * sponsor, challenges learns the funding from Stripe's webhook through payouts, submissions learns the
 * publication, payouts learns the close and the submission). Every step must succeed the first time.
 *
 * Teeth: with READ_MODEL_WAIT_MS=0 in the environment (the wait turned off) these runs fail.
 */
const ACCEPT_TERMS = `mutation($input: AcceptChallengeTermsInput!) { acceptChallengeTerms(input: $input) { challenge { id } } }`;

interface StepFailure {
  run: string;
  step: string;
  codes: (string | undefined)[];
  message: string;
}

describe('read-your-writes: the money story with no pause between steps', () => {
  let stack: Stack;
  const failures: StepFailure[] = [];

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** One partner's story from nothing: organization, challenge, funding, card, publish, a solver's entry, close, award. */
  async function moneyStory(run: string, options: { terms?: boolean } = {}): Promise<boolean> {
    const step = async (name: string, send: () => Promise<GraphQLResponse>): Promise<Record<string, any> | null> => {
      const response = await send();
      if (response.errors || !response.data) {
        failures.push({ run, step: name, codes: (response.errors ?? []).map((e) => e.extensions?.code), message: response.errors?.[0]?.message ?? 'no data' });
        return null;
      }
      return response.data;
    };
    const [sponsor, solver] = await Promise.all([signUpUser(stack.client, { displayName: `Sponsor ${run}` }), signUpUser(stack.client, { displayName: `Solver ${run}` })]);
    const as = (user: TestUser) => user.token;

    const organization = await step('createOrganization', () => runContract(stack.client, 'CreateOrganization', { input: { name: `Partner ${run}` } }, as(sponsor)));
    if (!organization) return false;
    const organizationId = organization.createOrganization.organization.id as string;
    const input = challengeInput(organizationId, options.terms ? { terms: 'Entries are licensed to the sponsor for evaluation.' } : {});
    const created = await step('createChallenge', () => runContract(stack.client, 'CreateChallenge', { input }, as(sponsor)));
    if (!created) return false;
    const challengeId = created.createChallenge.challenge.id as string;

    const funded = await step('fundChallenge', () => runContract(stack.client, 'FundChallenge', { challengeId }, as(sponsor)));
    if (!funded) return false;
    await stack.stripe.paymentIntents.confirm(funded.fundChallenge.funding.paymentIntentId, { payment_method: 'pm_card_visa' });

    const published = await step('publishChallenge', () => runContract(stack.client, 'PublishChallenge', { challengeId }, as(sponsor)));
    if (!published) return false;
    expect(published.publishChallenge.challenge.status).toBe('OPEN');

    if (options.terms && !(await step('acceptChallengeTerms', () => stack.client.request(ACCEPT_TERMS, { input: { challengeId } }, { token: as(solver) })))) return false;
    const submitted = await step('submitSolution', () =>
      runContract(stack.client, 'SubmitSolution', { input: { challengeId, title: `Entry ${run}`, body: 'A slow sand filter.' } }, as(solver)),
    );
    if (!submitted) return false;
    const submissionId = submitted.submitSolution.submission.id as string;

    const closed = await step('closeSubmissions', () => runContract(stack.client, 'CloseSubmissions', { challengeId }, as(sponsor)));
    if (!closed) return false;
    const awarded = await step('awardPrize', () => runContract(stack.client, 'AwardPrize', { input: { challengeId, prizeRank: 1, submissionId } }, as(sponsor)));
    if (!awarded) return false;
    expect(awarded.awardPrize.award).toMatchObject({ prizeRank: 1, submission: { id: submissionId }, payouts: [{ amount: { amountMinor: '500000', currency: 'USD' } }] });
    return true;
  }

  /** The runs' outcome, with every failed step (so a failure says which step raced, and how often). */
  const outcome = (passed: boolean[]) => ({ passed: passed.filter(Boolean).length, of: passed.length, failedSteps: failures.splice(0) });

  it('passes 20 runs of 20, one after the other', async () => {
    const passed: boolean[] = [];
    for (let run = 1; run <= 20; run += 1) passed.push(await moneyStory(`seq-${run}`));
    expect(outcome(passed)).toEqual({ passed: 20, of: 20, failedSteps: [] });
  }, 300_000);

  it('passes 20 runs of 20 in four concurrent lanes (half of them with terms to accept)', async () => {
    const lanes = await Promise.all(
      [1, 2, 3, 4].map(async (lane) => {
        const passed: boolean[] = [];
        for (let run = 1; run <= 5; run += 1) passed.push(await moneyStory(`lane-${lane}-${run}`, { terms: lane % 2 === 0 }));
        return passed;
      }),
    );
    const passed = lanes.flat();
    expect(outcome(passed)).toEqual({ passed: 20, of: 20, failedSteps: [] });
  }, 300_000);
});
