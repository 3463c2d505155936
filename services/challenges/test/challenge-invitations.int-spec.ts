import {
  addMember,
  challengeInput,
  createChallenge,
  createOrganization,
  errorCodes,
  eventually,
  fundAndPublish,
  publishTestEvent,
  signUpUser,
  startStack,
  type GraphQLResponse,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** Issue 13 in challenges: invitations to judge (JUDGE) or enter (PARTICIPANT) a challenge, and viewerRoles. */

const INVITE = `mutation InviteToChallenge($input: InviteToChallengeInput!) {
  inviteToChallenge(input: $input) { invitations { id email role status expiresAt challenge { id } } }
}`;
const RESPOND = `mutation RespondToChallengeInvitation($input: RespondToChallengeInvitationInput!) {
  respondToChallengeInvitation(input: $input) { invitation { id status } challenge { id viewerRoles } }
}`;
const REVOKE = `mutation($input: RevokeChallengeInvitationInput!) { revokeChallengeInvitation(input: $input) { invitation { id status } } }`;
const MINE = `query ViewerChallengeInvitations { viewer { challengeInvitations { id role status expiresAt challenge { id title } } } }`;
const OF_CHALLENGE = `query($id: ID!) { challenge(id: $id) { id invitations { id email role status } } }`;
const ROLES = `query($id: ID!) { challenge(id: $id) { id viewerRoles } }`;
const LISTING = `query { challenges(first: 100) { totalCount edges { node { id } } } }`;
const DAY = 86_400_000;

describe('challenge invitations (judges, INVITE_ONLY participants) and viewerRoles', () => {
  let stack: Stack;
  let db: Client;
  let sponsor: TestUser;
  let admin: TestUser;
  let member: TestUser;
  let stranger: TestUser;
  let organizationId: string;

  beforeAll(async () => {
    stack = await startStack();
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    [sponsor, admin, member, stranger] = await Promise.all([1, 2, 3, 4].map(() => signUpUser(stack.client)));
    organizationId = await createOrganization(stack.client, sponsor!.token);
    await addMember(stack.client, sponsor!.token, organizationId, admin!, 'ADMIN');
    await addMember(stack.client, sponsor!.token, organizationId, member!, 'MEMBER');
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  const gql = (query: string, variables: Record<string, unknown>, token: string | null = sponsor.token) => stack.client.request(query, variables, { token: token ?? undefined });
  const invite = (challengeId: string, emails: string[], role = 'JUDGE', token: string = sponsor.token) => gql(INVITE, { input: { challengeId, emails, role } }, token);
  const invited = async (challengeId: string, emails: string[], role = 'JUDGE') => {
    const response = await invite(challengeId, emails, role);
    expect(response.errors).toBeUndefined();
    return response.data!.inviteToChallenge.invitations as { id: string; email: string; role: string; status: string; expiresAt: string }[];
  };
  const respond = (invitationId: string, accept: boolean, user: TestUser) => gql(RESPOND, { input: { invitationId, accept } }, user.token);
  const mine = async (user: TestUser) => {
    const response = await gql(MINE, {}, user.token);
    expect(response.errors).toBeUndefined();
    return response.data!.viewer.challengeInvitations as { id: string; status: string; expiresAt: string; challenge: { id: string } }[];
  };
  const rolesOf = async (challengeId: string, token: string | null) => {
    const response = await gql(ROLES, { id: challengeId }, token);
    expect(response.errors).toBeUndefined();
    return response.data!.challenge.viewerRoles as string[];
  };
  const listed = async (user: TestUser) => ((await gql(LISTING, {}, user.token)).data!.challenges.edges as { node: { id: string } }[]).map((e) => e.node.id);
  const outboxOf = async (type: string, field: string, value: string) =>
    (await db.query(`select payload from challenges.outbox_event where type = $1 and payload->>$2 = $3 order by occurred_at, id`, [type, field, value])).rows.map((r) => r.payload);
  const expectCode = (response: GraphQLResponse, code: string, field?: string) => {
    expect(errorCodes(response)).toEqual([code]);
    if (field) expect(response.errors![0]!.extensions!.field).toBe(field);
  };
  const draft = async (overrides: Record<string, unknown> = {}) => (await createChallenge(stack.client, sponsor.token, challengeInput(organizationId, overrides))).id;
  const open = async (overrides: Record<string, unknown> = {}) => {
    const id = await draft(overrides);
    await fundAndPublish(stack, sponsor.token, id, { simulated: true });
    return id;
  };
  const submitted = async (challengeId: string, authorId: string) => {
    const id = randomUUID();
    await publishTestEvent(stack.databaseUrl, 'SubmissionCreated', { id, challengeId, authorId, version: 1 });
    await eventually(async () => expect((await db.query(`select 1 from challenges.submission_view where id = $1`, [id])).rowCount).toBe(1));
    return id;
  };

  it('invites 1 to 50 addresses, lower-cased, each once, and mails each new one (ChallengeInvitationSent)', async () => {
    const id = await open();
    const tag = randomUUID().slice(0, 8);
    const list = await invited(id, [`Ada.${tag}@Example.test`, `bob.${tag}@example.test`, `ADA.${tag}@example.test`]);
    expect(list.map((i) => [i.email, i.role, i.status])).toEqual([
      [`ada.${tag}@example.test`, 'JUDGE', 'PENDING'],
      [`bob.${tag}@example.test`, 'JUDGE', 'PENDING'],
    ]);
    expect(Math.abs(new Date(list[0]!.expiresAt).getTime() - (Date.now() + 30 * DAY))).toBeLessThan(60_000);
    const sent = await outboxOf('ChallengeInvitationSent', 'challengeId', id);
    expect(sent.map((e) => e.email).sort()).toEqual([`ada.${tag}@example.test`, `bob.${tag}@example.test`]);
    expect(sent[0]).toMatchObject({ challengeId: id, role: 'JUDGE', invitedBy: sponsor.id, organizationName: expect.any(String), challengeTitle: expect.any(String) });
    // Again: the same invitations back, nobody mailed twice.
    const again = await invited(id, [`ada.${tag}@example.test`]);
    expect(again[0]!.id).toBe(list[0]!.id);
    expect(await outboxOf('ChallengeInvitationSent', 'challengeId', id)).toHaveLength(2);
  });

  it('refuses no address, 51 addresses, a bad address (named), a PARTICIPANT of a PUBLIC challenge; managers only', async () => {
    const id = await open();
    expectCode(await invite(id, []), 'BAD_USER_INPUT', 'emails');
    expectCode(await invite(id, Array.from({ length: 51 }, (_, i) => `p${i}@example.test`)), 'BAD_USER_INPUT', 'emails');
    const bad = await invite(id, ['fine@example.test', 'not an email']);
    expectCode(bad, 'BAD_USER_INPUT', 'emails');
    expect(bad.errors![0]!.message).toContain('"not an email"');
    expectCode(await invite(id, ['p@example.test'], 'PARTICIPANT'), 'BAD_USER_INPUT', 'role');
    expectCode(await invite(id, ['p@example.test'], 'JUDGE', member.token), 'FORBIDDEN');
    expect((await invite(id, ['x@example.test'], 'JUDGE', admin.token)).errors).toBeUndefined();
    expect(await invited(id, Array.from({ length: 49 }, (_, i) => `fifty${i}@example.test`))).toHaveLength(49);
    const rows = await db.query(`select count(*)::int as n from challenges.challenge_invitation where challenge_id = $1 and email in ('fine@example.test', 'p@example.test')`, [id]);
    expect(rows.rows[0].n).toBe(0);
  });

  it('holds at most 50 JUDGE invitations per challenge; inviting one of them again still answers', async () => {
    const id = await open();
    const first = await invited(id, Array.from({ length: 49 }, (_, i) => `judge${i}@example.test`));
    await invited(id, ['judge49@example.test']);
    const over = await invite(id, ['judge50@example.test']);
    expectCode(over, 'FAILED_PRECONDITION');
    expect(over.errors![0]!.message).toMatch(/at most 50/);
    expect((await invited(id, ['judge0@example.test']))[0]!.id).toBe(first[0]!.id);
    const count = await db.query(`select count(*)::int as n from challenges.challenge_invitation where challenge_id = $1`, [id]);
    expect(count.rows[0].n).toBe(50);
  });

  it('invites in DRAFT, OPEN and JUDGING only', async () => {
    const cancelled = await draft();
    await gql(`mutation($id: ID!) { cancelChallenge(challengeId: $id) { challenge { id } } }`, { id: cancelled });
    expectCode(await invite(cancelled, ['late@example.test']), 'FAILED_PRECONDITION');
    const judging = await open();
    await gql(`mutation($id: ID!) { closeSubmissions(challengeId: $id) { challenge { id } } }`, { id: judging });
    await invited(judging, ['late@example.test']);
    const awarded = await open();
    await gql(`mutation($id: ID!) { closeSubmissions(challengeId: $id) { challenge { id } } }`, { id: awarded });
    await gql(`mutation($id: ID!) { finishJudging(challengeId: $id) { challenge { id } } }`, { id: awarded });
    expectCode(await invite(awarded, ['late@example.test']), 'FAILED_PRECONDITION');
  });

  it('lets only the invitee answer (NOT_FOUND for anyone else), a PENDING invitation only; accepting grants JUDGE (ChallengeRoleChanged)', async () => {
    const judge = await signUpUser(stack.client);
    const id = await open();
    const [invitation] = await invited(id, [judge.email.toUpperCase()]);
    for (const other of [stranger, sponsor]) expectCode(await respond(invitation!.id, true, other), 'NOT_FOUND');
    expectCode(await respond(randomUUID(), true, judge), 'NOT_FOUND');
    expect((await mine(judge)).map((i) => [i.id, i.status])).toEqual([[invitation!.id, 'PENDING']]);
    expect(await mine(stranger)).toEqual([]);

    const accepted = await respond(invitation!.id, true, judge);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.respondToChallengeInvitation).toEqual({ invitation: { id: invitation!.id, status: 'ACCEPTED' }, challenge: { id, viewerRoles: ['JUDGE'] } });
    expect(await outboxOf('ChallengeRoleChanged', 'challengeId', id)).toEqual([{ challengeId: id, userId: judge.id, role: 'JUDGE', granted: true, version: 1 }]);
    for (const accept of [true, false]) {
      const again = await respond(invitation!.id, accept, judge);
      expectCode(again, 'FAILED_PRECONDITION');
      expect(again.errors![0]!.message).toMatch(/ACCEPTED/);
    }
    // The sponsor's view of its invitations; a MEMBER sees none.
    const ofChallenge = await gql(OF_CHALLENGE, { id });
    expect(ofChallenge.data!.challenge.invitations).toEqual([{ id: invitation!.id, email: judge.email.toLowerCase(), role: 'JUDGE', status: 'ACCEPTED' }]);
    expect((await gql(OF_CHALLENGE, { id }, member.token)).data!.challenge.invitations).toEqual([]);
  });

  it('declines; renews a DECLINED, REVOKED or EXPIRED invitation when invited again (PENDING, new expiry, mailed again); EXPIRED cannot be answered', async () => {
    const invitee = await signUpUser(stack.client);
    const id = await open();
    const [invitation] = await invited(id, [invitee.email]);
    expect((await respond(invitation!.id, false, invitee)).data!.respondToChallengeInvitation.invitation.status).toBe('DECLINED');
    const mails = async () => (await outboxOf('ChallengeInvitationSent', 'invitationId', invitation!.id)).length;
    expect(await mails()).toBe(1);
    expect((await invited(id, [invitee.email]))[0]).toMatchObject({ id: invitation!.id, status: 'PENDING' });
    expect(await mails()).toBe(2);

    await gql(REVOKE, { input: { invitationId: invitation!.id } });
    expect((await mine(invitee))[0]!.status).toBe('REVOKED');
    expect((await invited(id, [invitee.email]))[0]!.status).toBe('PENDING');
    expect(await mails()).toBe(3);

    await db.query(`update challenges.challenge_invitation set expires_at = now() - interval '1 second' where id = $1`, [invitation!.id]);
    expect((await mine(invitee))[0]!.status).toBe('EXPIRED');
    expect((await gql(OF_CHALLENGE, { id })).data!.challenge.invitations[0].status).toBe('EXPIRED');
    const late = await respond(invitation!.id, true, invitee);
    expectCode(late, 'FAILED_PRECONDITION');
    expect(late.errors![0]!.message).toMatch(/EXPIRED/);
    const renewed = (await invited(id, [invitee.email]))[0]!;
    expect(renewed.status).toBe('PENDING');
    expect(new Date(renewed.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
    expect(await mails()).toBe(4);
    expect((await respond(invitation!.id, true, invitee)).data!.respondToChallengeInvitation.invitation.status).toBe('ACCEPTED');
  });

  it('keeps someone who submitted to the challenge from accepting to judge it', async () => {
    const solver = await signUpUser(stack.client);
    const id = await open();
    await submitted(id, solver.id);
    const [invitation] = await invited(id, [solver.email]);
    const refused = await respond(invitation!.id, true, solver);
    expectCode(refused, 'FAILED_PRECONDITION');
    expect(refused.errors![0]!.message).toMatch(/submitted/);
    expect((await mine(solver))[0]!.status).toBe('PENDING');
    expect((await respond(invitation!.id, false, solver)).data!.respondToChallengeInvitation.invitation.status).toBe('DECLINED');
  });

  it('revokes: an accepted judge loses the role (ChallengeRoleChanged not granted); again changes nothing; managers only', async () => {
    const judge = await signUpUser(stack.client);
    const id = await open();
    const [invitation] = await invited(id, [judge.email]);
    await respond(invitation!.id, true, judge);
    expect(await rolesOf(id, judge.token)).toEqual(['JUDGE']);
    expectCode(await gql(REVOKE, { input: { invitationId: invitation!.id } }, member.token), 'FORBIDDEN');
    expectCode(await gql(REVOKE, { input: { invitationId: invitation!.id } }, judge.token), 'FORBIDDEN');
    const revoked = await gql(REVOKE, { input: { invitationId: invitation!.id } }, admin.token);
    expect(revoked.data!.revokeChallengeInvitation.invitation.status).toBe('REVOKED');
    expect(await rolesOf(id, judge.token)).toEqual([]);
    expect((await gql(REVOKE, { input: { invitationId: invitation!.id } })).data!.revokeChallengeInvitation.invitation.status).toBe('REVOKED');
    expect((await outboxOf('ChallengeRoleChanged', 'challengeId', id)).map((e) => [e.granted, e.version])).toEqual([
      [true, 1],
      [false, 2],
    ]);
    expectCode(await gql(REVOKE, { input: { invitationId: randomUUID() } }), 'NOT_FOUND');
  });

  it('shows an INVITE_ONLY challenge to its invitees once published and accepted only: not as a DRAFT, through the invitation while pending, listed once accepted, hidden again once revoked', async () => {
    const [judge, participant] = await Promise.all([signUpUser(stack.client), signUpUser(stack.client)]);
    const id = await draft({ visibility: 'INVITE_ONLY' });
    const [judging] = await invited(id, [judge.email], 'JUDGE');
    const [entering] = await invited(id, [participant.email], 'PARTICIPANT');
    // A DRAFT: nothing to see, list, or answer; nobody mailed yet.
    for (const user of [judge, participant]) {
      expectCode(await gql(ROLES, { id }, user.token), 'NOT_FOUND');
      expect(await mine(user)).toEqual([]);
      expect(await listed(user)).not.toContain(id);
    }
    expectCode(await respond(judging!.id, true, judge), 'NOT_FOUND');
    expect(await outboxOf('ChallengeInvitationSent', 'challengeId', id)).toEqual([]);
    // Accepted during the draft would still not show it: the sponsor publishes.
    await db.query(`update challenges.challenge_invitation set expires_at = now() + interval '1 day' where challenge_id = $1`, [id]);
    await fundAndPublish(stack, sponsor.token, id, { simulated: true });
    expect((await outboxOf('ChallengeInvitationSent', 'challengeId', id)).map((e) => e.role).sort()).toEqual(['JUDGE', 'PARTICIPANT']);
    expect(new Date((await mine(judge))[0]!.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * DAY); // the 30 days start at publication

    // Pending: read through the invitation only (the other contexts know no role yet), neither readable nor listed.
    for (const user of [judge, participant]) {
      expect((await mine(user)).map((i) => i.challenge.id)).toEqual([id]);
      expectCode(await gql(ROLES, { id }, user.token), 'NOT_FOUND');
      expect(await listed(user)).not.toContain(id);
    }
    expect(await listed(stranger)).not.toContain(id);
    expectCode(await gql(ROLES, { id }, stranger.token), 'NOT_FOUND');
    await respond(judging!.id, true, judge);
    await respond(entering!.id, true, participant);
    expect(await rolesOf(id, judge.token)).toEqual(['JUDGE']);
    expect(await rolesOf(id, participant.token)).toEqual(['PARTICIPANT']);
    for (const user of [judge, participant]) expect(await listed(user)).toContain(id);
    // An invited participant asks the sponsor a question, as on a public challenge.
    const asked = await gql(`mutation($input: AskChallengeQuestionInput!) { askChallengeQuestion(input: $input) { question { id } } }`, {
      input: { challengeId: id, question: 'May we use a solar pump?' },
    }, participant.token);
    expect(asked.errors).toBeUndefined();
    const total = (await gql(LISTING, {}, judge.token)).data!.challenges;
    expect(total.totalCount).toBe(total.edges.length);

    await gql(REVOKE, { input: { invitationId: entering!.id } });
    expectCode(await gql(ROLES, { id }, participant.token), 'NOT_FOUND');
    expect(await listed(participant)).not.toContain(id);
  });

  it('names every role of the viewer: OWNER, ADMIN, MEMBER, JUDGE, PARTICIPANT (invited, or the author of a submission); none for anonymous', async () => {
    const [judge, participant, author] = await Promise.all([1, 2, 3].map(() => signUpUser(stack.client)));
    const id = await open({ visibility: 'INVITE_ONLY' });
    const [j] = await invited(id, [judge.email], 'JUDGE');
    const [p] = await invited(id, [participant.email], 'PARTICIPANT');
    await respond(j!.id, true, judge);
    await respond(p!.id, true, participant);
    await submitted(id, author.id);
    expect(await rolesOf(id, sponsor.token)).toEqual(['OWNER']);
    expect(await rolesOf(id, admin.token)).toEqual(['ADMIN']);
    expect(await rolesOf(id, member.token)).toEqual(['MEMBER']);
    expect(await rolesOf(id, judge.token)).toEqual(['JUDGE']);
    expect(await rolesOf(id, participant.token)).toEqual(['PARTICIPANT']);
    const publicId = await open();
    await submitted(publicId, author.id);
    expect(await rolesOf(publicId, author.token)).toEqual(['PARTICIPANT']);
    expect(await rolesOf(publicId, stranger.token)).toEqual([]);
    expect(await rolesOf(publicId, null)).toEqual([]);
  });
});
