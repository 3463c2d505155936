import {
  challengeInput,
  createChallenge,
  createOrganization,
  errorCodes,
  eventually,
  fundAndPublish,
  requestSubgraph,
  runContract,
  signUpUser,
  startStack,
  type GraphQLResponse,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { Client } from 'pg';

/**
 * INVITE_ONLY challenges, the positive path (issue 15): a solver invited as a PARTICIPANT who accepts reads the
 * challenge, accepts its terms and submits, back to back through the gateway, even before submissions has heard
 * ChallengeRoleChanged (its bounded read-model wait), and reads its funding and prizes (the contract's ChallengeDetail)
 * before payouts has (the same wait there); an uninvited solver still gets NOT_FOUND by every path; a
 * revoked participant loses access. The negative table over every operation is invite-only.int-spec.ts.
 */

const INVITE = `mutation($input: InviteToChallengeInput!) { inviteToChallenge(input: $input) { invitations { id } } }`;
const RESPOND = `mutation($input: RespondToChallengeInvitationInput!) { respondToChallengeInvitation(input: $input) { invitation { id status } } }`;
const REVOKE = `mutation($input: RevokeChallengeInvitationInput!) { revokeChallengeInvitation(input: $input) { invitation { id status } } }`;
const READ = `query($id: ID!) { challenge(id: $id) { id title visibility viewerRoles submissionCount viewerHasAcceptedTerms } }`;
const GALLERY = `query($id: ID!) { challenge(id: $id) { id gallery(first: 10) { edges { node { id title } } } } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Challenge { id submissionCount gallery(first: 10) { edges { node { id } } } } } }`;

describe('INVITE_ONLY challenges: invited participants enter, nobody else', () => {
  let stack: Stack;
  let db: Client;
  let sponsor: TestUser;
  let participant: TestUser;
  let outsider: TestUser;
  let challengeId: string;
  let invitationId: string;

  const gql = (query: string, variables: Record<string, unknown>, token: string) => stack.client.request(query, variables, { token });
  const accept = (token: string) =>
    stack.client.request(`mutation($input: AcceptChallengeTermsInput!) { acceptChallengeTerms(input: $input) { challenge { id } } }`, { input: { challengeId } }, { token });
  const submit = (token: string, title = 'Ceramic filter') => runContract(stack.client, 'SubmitSolution', { input: { challengeId, title, body: 'Fired clay and copper mesh.' } }, token);
  const codes = (response: GraphQLResponse) => errorCodes(response);

  beforeAll(async () => {
    stack = await startStack();
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    [sponsor, participant, outsider] = await Promise.all([1, 2, 3].map(() => signUpUser(stack.client)));
    const organizationId = await createOrganization(stack.client, sponsor.token);
    challengeId = (await createChallenge(stack.client, sponsor.token, challengeInput(organizationId, { visibility: 'INVITE_ONLY', submissionVisibility: 'GALLERY' }))).id;
    await fundAndPublish(stack, sponsor.token, challengeId); // funded through payouts: its funding is read below
    const invited = await gql(INVITE, { input: { challengeId, emails: [participant.email], role: 'PARTICIPANT' } }, sponsor.token);
    expect(invited.errors).toBeUndefined();
    invitationId = invited.data!.inviteToChallenge.invitations[0].id;
    // submissions knows the challenge OPEN (what is in flight below is the participant's role only).
    await eventually(async () => {
      expect((await db.query(`select status from submissions.challenge_view where id = $1`, [challengeId])).rows[0]).toEqual({ status: 'OPEN' });
    });
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it('lets the participant who accepts read it, accept its terms and submit at once, while submissions has not yet heard of the role', async () => {
    // Hold submissions' and payouts' consumers back: ChallengeRoleChanged cannot be applied until this transaction ends.
    const holder = new Client({ connectionString: stack.databaseUrl });
    await holder.connect();
    await holder.query('begin');
    await holder.query('lock table submissions.challenge_role_view, payouts.challenge_role_view in exclusive mode');
    try {
      const responded = await gql(RESPOND, { input: { invitationId, accept: true } }, participant.token);
      expect(responded.data!.respondToChallengeInvitation.invitation.status).toBe('ACCEPTED');
      expect((await holder.query(`select count(*)::int as n from submissions.challenge_role_view where user_id = $1`, [participant.id])).rows[0].n).toBe(0);
      // Released while the requests below wait (as a consumer a little behind would be).
      const release = new Promise<void>((resolve) => setTimeout(() => void holder.query('commit').then(() => resolve()), 1_000));
      const [read, accepted, detail] = await Promise.all([
        gql(READ, { id: challengeId }, participant.token),
        accept(participant.token),
        runContract(stack.client, 'ChallengeDetail', { id: challengeId }, participant.token),
      ]);
      await release;
      expect(read.errors).toBeUndefined();
      expect(detail.errors).toBeUndefined();
      expect(detail.data!.challenge).toMatchObject({ id: challengeId, funding: { status: 'SUCCEEDED' }, prizes: [expect.objectContaining({ rank: 1, award: null }), expect.objectContaining({ rank: 2, award: null })] });
      expect(read.data!.challenge).toMatchObject({ id: challengeId, visibility: 'INVITE_ONLY', viewerRoles: ['PARTICIPANT'], submissionCount: 0 });
      expect(accepted.errors).toBeUndefined();
      const submitted = await submit(participant.token);
      expect(submitted.errors).toBeUndefined();
    } finally {
      await holder.query('rollback').catch(() => undefined);
      await holder.end();
    }
    const after = await gql(READ, { id: challengeId }, participant.token);
    expect(after.data!.challenge).toMatchObject({ submissionCount: 1, viewerHasAcceptedTerms: true });
    const gallery = await gql(GALLERY, { id: challengeId }, participant.token);
    expect(gallery.data!.challenge.gallery.edges.map((e: any) => e.node.title)).toEqual(['Ceramic filter']);
  }, 60_000);

  it('still answers NOT_FOUND to an uninvited solver by every path: the challenge, terms, submitting, the gallery, counts through _entities', async () => {
    expect(codes(await gql(READ, { id: challengeId }, outsider.token))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(GALLERY, { id: challengeId }, outsider.token))).toEqual(['NOT_FOUND']);
    expect(codes(await accept(outsider.token))).toEqual(['NOT_FOUND']);
    expect(codes(await submit(outsider.token))).toEqual(['NOT_FOUND']);
    for (const userId of [outsider.id, null]) {
      const hidden = await requestSubgraph(stack, 'submissions', ENTITIES, { r: [{ __typename: 'Challenge', id: challengeId }] }, userId);
      expect([hidden.body.errors, hidden.body.data._entities]).toEqual([undefined, [null]]);
    }
    // The participant gets them (the test would pass vacuously otherwise).
    const shown = await requestSubgraph(stack, 'submissions', ENTITIES, { r: [{ __typename: 'Challenge', id: challengeId }] }, participant.id);
    expect(shown.body.data._entities[0]).toMatchObject({ id: challengeId, submissionCount: 1, gallery: { edges: [{ node: { id: expect.any(String) } }] } });
    expect(Number((await db.query(`select count(*) from submissions.submission where challenge_id = $1 and author_id = $2`, [challengeId, outsider.id])).rows[0].count)).toBe(0);
  }, 60_000);

  it('takes everything back from a revoked participant', async () => {
    const revoked = await gql(REVOKE, { input: { invitationId } }, sponsor.token);
    expect(revoked.data!.revokeChallengeInvitation.invitation.status).toBe('REVOKED');
    expect(codes(await gql(READ, { id: challengeId }, participant.token))).toEqual(['NOT_FOUND']);
    // submissions hears ChallengeRoleChanged (not granted), then refuses as it refuses anyone uninvited.
    await eventually(async () => {
      expect(codes(await submit(participant.token, 'Second version'))).toEqual(['NOT_FOUND']);
    }, { timeoutMs: 30_000 });
    expect(codes(await accept(participant.token))).toEqual(['NOT_FOUND']);
    const hidden = await requestSubgraph(stack, 'submissions', ENTITIES, { r: [{ __typename: 'Challenge', id: challengeId }] }, participant.id);
    expect(hidden.body.data._entities).toEqual([null]);
    // payouts too: its funding and prizes are withheld again.
    const FUNDING = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Challenge { id funding { status } } } }`;
    await eventually(async () => {
      const funding = await requestSubgraph(stack, 'payouts', FUNDING, { r: [{ __typename: 'Challenge', id: challengeId }] }, participant.id);
      expect(funding.body.data._entities).toEqual([null]);
    });
  }, 60_000);
});
