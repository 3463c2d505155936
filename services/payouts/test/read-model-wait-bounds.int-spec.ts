import { randomUUID } from 'node:crypto';
import {
  challengeInput,
  createChallenge,
  createOrganization,
  errorCodes,
  eventually,
  runContract,
  signUpUser,
  startStack,
  type GraphQLResponse,
  type Stack,
  type TestUser,
} from '@ideagora/testing';

const BOUND_MS = 2_000;
/** An answer "at once" through the gateway, with room for a loaded machine; well under the bound. */
const AT_ONCE_MS = 1_200;

/**
 * The read-your-writes wait is bounded: what no event will ever explain (an id nobody created, a draft nobody
 * funded) gets its answer after READ_MODEL_WAIT_MS, never hangs; a definitive refusal answers at once; beyond
 * READ_MODEL_MAX_WAITERS waiting commands per process, the next one answers at once.
 */
describe('read-your-writes: the wait is bounded and capped', () => {
  let stack: Stack;
  let sponsor: TestUser;
  let organizationId: string;

  beforeAll(async () => {
    stack = await startStack({ env: { READ_MODEL_WAIT_MS: String(BOUND_MS), READ_MODEL_MAX_WAITERS: '2' } });
    sponsor = await signUpUser(stack.client);
    organizationId = await createOrganization(stack.client, sponsor.token);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const timed = async (send: () => Promise<GraphQLResponse>) => {
    const start = Date.now();
    const response = await send();
    return { codes: errorCodes(response), ms: Date.now() - start };
  };
  const fund = (challengeId: string, user: TestUser = sponsor) => timed(() => runContract(stack.client, 'FundChallenge', { challengeId }, user.token));

  it('answers NOT_FOUND for an unknown challenge after the bound, in payouts and in submissions', async () => {
    const funding = await fund(randomUUID());
    expect(funding.codes).toEqual(['NOT_FOUND']);
    expect(funding.ms).toBeGreaterThanOrEqual(BOUND_MS - 100);
    expect(funding.ms).toBeLessThan(BOUND_MS + 4_000);

    const solver = await signUpUser(stack.client);
    const submit = await timed(() => runContract(stack.client, 'SubmitSolution', { input: { challengeId: randomUUID(), title: 'T', body: 'B' } }, solver.token));
    expect(submit.codes).toEqual(['NOT_FOUND']);
    expect(submit.ms).toBeGreaterThanOrEqual(BOUND_MS - 100);
    expect(submit.ms).toBeLessThan(BOUND_MS + 4_000);
  });

  it('answers a definitive refusal at once: a stranger funding a known challenge', async () => {
    const { id: challengeId } = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId));
    await eventually(async () => expect((await fund(challengeId)).codes).toEqual([]));
    const stranger = await signUpUser(stack.client);
    const refused = await fund(challengeId, stranger);
    // Another organization's draft: NOT_FOUND, as the challenges context answers (the read model knows it: no wait).
    expect(refused.codes).toEqual(['NOT_FOUND']);
    expect(refused.ms).toBeLessThan(AT_ONCE_MS);
  });

  it('waits the bound, then FAILED_PRECONDITION, when a draft that nobody funds is published', async () => {
    const { id: challengeId } = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId));
    const published = await timed(() => runContract(stack.client, 'PublishChallenge', { challengeId }, sponsor.token));
    expect(published.codes).toEqual(['FAILED_PRECONDITION']);
    expect(published.ms).toBeGreaterThanOrEqual(BOUND_MS - 100);
    expect(published.ms).toBeLessThan(BOUND_MS + 4_000);
  });

  it('answers at once beyond the cap of waiting commands (2 here)', async () => {
    const waiting = [fund(randomUUID()), fund(randomUUID())];
    await new Promise((r) => setTimeout(r, 300)); // both are waiting in payouts by now
    const beyond = await fund(randomUUID());
    expect(beyond.codes).toEqual(['NOT_FOUND']);
    expect(beyond.ms).toBeLessThan(AT_ONCE_MS);
    for (const waited of await Promise.all(waiting)) {
      expect(waited.codes).toEqual(['NOT_FOUND']);
      expect(waited.ms).toBeGreaterThanOrEqual(BOUND_MS - 100);
    }
    // The slots are free again: the next unknown id waits.
    expect((await fund(randomUUID())).ms).toBeGreaterThanOrEqual(BOUND_MS - 100);
  });
});
