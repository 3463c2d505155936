import { signIdentity } from '@ideagora/auth';
import {
  challengeInput,
  createChallenge,
  createOrganization,
  fundAndPublish,
  publishTestEvent,
  requestSubgraph,
  signUpUser,
  sqlStatementCounts,
  startStack,
  submitEntry,
  TEST_SECRETS,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { randomUUID } from 'node:crypto';

const SUBMISSION = `query($id: ID!) { submission(id: $id) { id title } }`;
const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Submission { id } } }`;
const SHORTLIST = `mutation($input: ShortlistSubmissionInput!) { shortlistSubmission(input: $input) { submission { id shortlisted } } }`;

/**
 * Read-your-writes for an API key created a moment ago (issue 16): submissions learns of the key's ADMIN membership
 * by MembershipChanged. A request of the key that arrives first is refused only after a bounded wait for it, and
 * answered once it arrives. The event is held back here on purpose (a key id challenges never announced, its
 * MembershipChanged published by the test while the request waits), which the partner's real sequence cannot do.
 */
describe('submissions: a new API key is not refused while its membership is in flight', () => {
  let stack: Stack;
  let sponsor: TestUser;
  let solver: TestUser;
  let organizationId: string;
  let submissionId: string;

  beforeAll(async () => {
    stack = await startStack({});
    [sponsor, solver] = await Promise.all([signUpUser(stack.client), signUpUser(stack.client)]);
    organizationId = await createOrganization(stack.client, sponsor.token);
    const { id: challengeId } = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId));
    await fundAndPublish(stack, sponsor.token, challengeId, { simulated: true });
    submissionId = await submitEntry(stack.client, solver, challengeId);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  const asKey = (keyId: string, scopes: string[]) =>
    signIdentity({ userId: keyId, scopes, apiKey: { id: keyId, organizationId } }, 'submissions', TEST_SECRETS.GATEWAY_IDENTITY_SECRET, 60);
  const announceKey = (keyId: string) =>
    publishTestEvent(stack.databaseUrl, 'MembershipChanged', { organizationId, userId: keyId, role: 'ADMIN', version: 1_000_000, principal: 'API_KEY' });

  it('reads a submission (and shortlists it) once the key’s membership arrives during the wait', async () => {
    const reader = randomUUID();
    const reading = requestSubgraph(stack, 'submissions', SUBMISSION, { id: submissionId }, null, { identityHeader: await asKey(reader, ['SUBMISSIONS_READ']) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await announceKey(reader);
    const read = await reading;
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.submission).toEqual({ id: submissionId, title: expect.any(String) });

    const judge = randomUUID();
    const shortlisting = requestSubgraph(stack, 'submissions', SHORTLIST, { input: { submissionId, shortlisted: true } }, null, {
      identityHeader: await asKey(judge, ['AWARDS_WRITE']),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await announceKey(judge);
    const shortlisted = await shortlisting;
    expect(shortlisted.body.errors).toBeUndefined();
    expect(shortlisted.body.data.shortlistSubmission.submission).toEqual({ id: submissionId, shortlisted: true });
  });

  it('a key never announced is refused after the bounded wait (null, FORBIDDEN), as anyone outside the organization', async () => {
    const stranger = randomUUID();
    const read = await requestSubgraph(stack, 'submissions', SUBMISSION, { id: submissionId }, null, { identityHeader: await asKey(stranger, ['SUBMISSIONS_READ']) });
    expect(read.body.data.submission).toBeNull();
    const shortlist = await requestSubgraph(stack, 'submissions', SHORTLIST, { input: { submissionId, shortlisted: false } }, null, {
      identityHeader: await asKey(stranger, ['AWARDS_WRITE']),
    });
    expect(shortlist.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  }, 30_000);

  it('checks the key once per request, whatever the number of refused references (no N+1)', async () => {
    const known = randomUUID();
    await announceKey(known);
    const identityHeader = await asKey(known, ['SUBMISSIONS_READ']);
    const refused = async (n: number) => {
      const representations = Array.from({ length: n }, () => ({ __typename: 'Submission', id: randomUUID() }));
      const before = await sqlStatementCounts(stack);
      const answer = await requestSubgraph(stack, 'submissions', ENTITIES, { representations }, null, { identityHeader });
      expect(answer.body.data._entities).toEqual(Array.from({ length: n }, () => null));
      return (await sqlStatementCounts(stack)).submissions - before.submissions;
    };
    // The membership may still be on its way: wait until a refusal no longer waits for it.
    await refused(1);
    expect(await refused(20)).toBe(await refused(1));
  }, 30_000);
});
