import {
  addMember,
  challengeInput,
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

const TERMS = 'Winning solutions assign their IP to the sponsor.\n\nKeep the brief confidential. Open to adults only.';
const NOT_ACCEPTED = "Accept the challenge's terms before submitting.";
const ACCEPT = `mutation($input: AcceptChallengeTermsInput!) { acceptChallengeTerms(input: $input) { challenge { id viewerHasAcceptedTerms } } }`;
const TERMS_OF = `query($id: ID!) { challenge(id: $id) { id terms viewerHasAcceptedTerms } }`;

describe('challenge terms, accepted before submitting, through the gateway', () => {
  let stack: Stack;
  let db: Client;
  let sponsor: TestUser;
  let member: TestUser;
  let solver: TestUser;
  let organizationId: string;
  let withTerms: string;
  let withoutTerms: string;

  const accept = (challengeId: string, user?: TestUser) => stack.client.request(ACCEPT, { input: { challengeId } }, { token: user?.token });
  const termsOf = (challengeId: string, user?: TestUser) => stack.client.request(TERMS_OF, { id: challengeId }, { token: user?.token });
  const submit = (challengeId: string, user: TestUser, title = 'Ceramic filter') =>
    runContract(stack.client, 'SubmitSolution', { input: { challengeId, title, body: 'Fired clay and copper mesh.' } }, user.token);
  const count = async (sql: string, params: unknown[]) => Number((await db.query(sql, params)).rows[0].count);

  /** A challenge with or without terms, OPEN, and known to be so by the submissions context. */
  async function openChallenge(terms: string | null): Promise<string> {
    const { id } = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId, terms === null ? {} : { terms }));
    await fundAndPublish(stack, sponsor.token, id, { simulated: true });
    // Probe with a throwaway solver: refused for the terms (with terms) or accepted (without) once submissions knows it is OPEN.
    const probe = await signUpUser(stack.client);
    await eventually(async () => {
      const response = await submit(id, probe, 'Probe');
      if (terms === null) expect(response.errors).toBeUndefined();
      else expect(response.errors?.map((e) => e.message)).toEqual([NOT_ACCEPTED]);
    });
    return id;
  }

  beforeAll(async () => {
    stack = await startStack();
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    [sponsor, member, solver] = await Promise.all([1, 2, 3].map(() => signUpUser(stack.client)));
    organizationId = await createOrganization(stack.client, sponsor.token);
    await addMember(stack.client, sponsor.token, organizationId, member, 'MEMBER');
    withTerms = await openChallenge(`  ${TERMS}\n `);
    withoutTerms = await openChallenge(null);
  });
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it('shows the terms, trimmed, to anyone; null when the challenge has none; blank terms are none', async () => {
    const anonymous = await termsOf(withTerms);
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data!.challenge).toEqual({ id: withTerms, terms: TERMS, viewerHasAcceptedTerms: false });
    expect((await termsOf(withoutTerms, solver)).data!.challenge).toEqual({ id: withoutTerms, terms: null, viewerHasAcceptedTerms: false });
    const blank = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId, { terms: ' \n ' }));
    expect((await termsOf(blank.id, sponsor)).data!.challenge.terms).toBeNull();
  });

  it('refuses a submission before the terms are accepted, writing nothing', async () => {
    const refused = await submit(withTerms, solver);
    expect(errorCodes(refused)).toEqual(['FAILED_PRECONDITION']);
    expect(refused.errors![0].message).toBe(NOT_ACCEPTED);
    const detail = await runContract(stack.client, 'ChallengeDetail', { id: withTerms }, solver.token);
    expect(detail.data!.challenge).toMatchObject({ submissionCount: 0, viewerSubmissions: [] });
    expect(await count(`select count(*) from submissions.submission where challenge_id = $1`, [withTerms])).toBe(0);
    expect(await count(`select count(*) from submissions.outbox_event where payload->>'challengeId' = $1`, [withTerms])).toBe(0);
  });

  it('records the acceptance once however often it is given; then the submission goes through', async () => {
    for (let i = 0; i < 2; i += 1) {
      const accepted = await accept(withTerms, solver);
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data!.acceptChallengeTerms.challenge).toEqual({ id: withTerms, viewerHasAcceptedTerms: true });
    }
    expect(await count(`select count(*) from submissions.terms_acceptance where challenge_id = $1 and user_id = $2`, [withTerms, solver.id])).toBe(1);
    expect((await termsOf(withTerms, solver)).data!.challenge.viewerHasAcceptedTerms).toBe(true);
    // Another solver and anonymous callers have not accepted.
    expect((await termsOf(withTerms, await signUpUser(stack.client))).data!.challenge.viewerHasAcceptedTerms).toBe(false);
    expect((await termsOf(withTerms)).data!.challenge.viewerHasAcceptedTerms).toBe(false);

    const submitted = await submit(withTerms, solver);
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitSolution.submission).toMatchObject({ version: 1, challenge: { id: withTerms } });
  });

  it('takes submissions to a challenge without terms as before; accepting its (absent) terms is harmless', async () => {
    const other = await signUpUser(stack.client);
    expect((await submit(withoutTerms, other)).errors).toBeUndefined();
    const accepted = await accept(withoutTerms, other);
    expect(accepted.data!.acceptChallengeTerms.challenge).toEqual({ id: withoutTerms, viewerHasAcceptedTerms: true });
    expect((await submit(withoutTerms, other)).data!.submitSolution.submission.version).toBe(2);
  });

  it('refuses anonymous callers, malformed and unknown challenges, and the sponsor’s members', async () => {
    expect(errorCodes(await accept(withTerms))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await accept(randomUUID(), solver))).toEqual(['NOT_FOUND']);
    expect((await accept('not-an-id', solver)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'challengeId' });
    for (const insider of [member, sponsor]) expect(errorCodes(await accept(withTerms, insider))).toEqual(['FORBIDDEN']);
    expect(await count(`select count(*) from submissions.terms_acceptance where user_id = any($1::uuid[])`, [[member.id, sponsor.id]])).toBe(0);
  });

  it('refuses to accept the terms of a draft (NOT_FOUND: the sponsor’s business) or a closed challenge (FAILED_PRECONDITION)', async () => {
    const draft = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId, { terms: TERMS }));
    expect(errorCodes(await accept(draft.id, solver))).toEqual(['NOT_FOUND']);

    const closing = await openChallenge(TERMS);
    const closed = await runContract(stack.client, 'CloseSubmissions', { challengeId: closing }, sponsor.token);
    expect(closed.errors).toBeUndefined();
    // Closing reaches the submissions context as an event: probe with a throwaway solver until it has.
    const probe = await signUpUser(stack.client);
    await eventually(async () => expect(errorCodes(await accept(closing, probe))).toEqual(['FAILED_PRECONDITION']));
    expect(errorCodes(await accept(closing, solver))).toEqual(['FAILED_PRECONDITION']);
    expect(await count(`select count(*) from submissions.terms_acceptance where challenge_id = $1 and user_id = $2`, [closing, solver.id])).toBe(0);
  });

  it('reads a ChallengeChanged without termsRequired (queued before terms existed) as a challenge without terms', async () => {
    const challengeId = randomUUID();
    const event = {
      id: challengeId,
      organizationId: randomUUID(),
      status: 'OPEN' as const,
      submissionDeadline: new Date(Date.now() + 86_400_000).toISOString(),
      currency: 'USD',
      prizes: [{ rank: 1, amountMinor: '1000' }],
      version: 1,
    };
    await publishTestEvent(stack.databaseUrl, 'ChallengeChanged', event);
    await eventually(async () => expect((await submit(challengeId, solver)).errors).toBeUndefined());
    await publishTestEvent(stack.databaseUrl, 'ChallengeChanged', { ...event, version: 2, termsRequired: true });
    const newcomer = await signUpUser(stack.client);
    await eventually(async () => expect((await submit(challengeId, newcomer)).errors?.map((e) => e.message)).toEqual([NOT_ACCEPTED]));
  });
});
