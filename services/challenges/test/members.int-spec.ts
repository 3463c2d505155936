import {
  addMember,
  createOrganization,
  errorCodes,
  eventually,
  runContract,
  signUpUser,
  startSmtpSink,
  startStack,
  type GraphQLResponse,
  type SmtpSink,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Members invited by email, through the gateway, with the mail caught by an SMTP sink (docs/ARCHITECTURE.md). */
describe('members invited by email', () => {
  let stack: Stack;
  let sink: SmtpSink;
  let db: Client;
  let owner: TestUser;
  let organizationId: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    // The bound of the read-your-writes wait, shortened: an unknown user id waits for it before NOT_FOUND.
    stack = await startStack({ env: { SMTP_URL: sink.url, READ_MODEL_WAIT_MS: '1500' } });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    owner = await signUpUser(stack.client, { displayName: 'Grace Hopper' });
    organizationId = await createOrganization(stack.client, owner.token, 'Aquatech Labs');
  });
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
    await sink?.close();
  });

  const sql = async (text: string, values: unknown[] = []) => (await db.query(text, values)).rows;
  const invite = (email: string, role = 'MEMBER', token = owner.token, orgId = organizationId) =>
    runContract(stack.client, 'InviteOrganizationMember', { input: { organizationId: orgId, email, role } }, token);
  const respond = (user: TestUser, accept: boolean, orgId = organizationId) =>
    runContract(stack.client, 'RespondToOrganizationInvitation', { input: { organizationId: orgId, accept } }, user.token);
  const invitationsOf = async (user: TestUser) =>
    (await runContract(stack.client, 'OrganizationInvitations', {}, user.token)).data!.viewer.organizationInvitations as { id: string; organization: { id: string } }[];
  const invitationRows = (orgId = organizationId) => sql(`select user_id, email, role from challenges.organization_invitation where organization_id = $1 order by invited_at`, [orgId]);
  const sentEvents = (field: 'email' | 'userId', value: string) =>
    sql(`select payload from challenges.outbox_event where type = 'OrganizationInvitationSent' and payload->>$1 = $2`, [field, value]);
  /** The mails the sink received for an address, their quoted-printable bodies decoded. */
  const mailsTo = (email: string) =>
    sink.messages
      .filter((m) => new RegExp(`^To: ${email.replace(/[.+]/g, '\\$&')}$`, 'mi').test(m))
      .map((m) => m.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
  const userKnownToChallenges = (user: TestUser) => eventually(async () => expect(await sql(`select email from challenges.user_view where id = $1`, [user.id])).toEqual([{ email: user.email }]));

  it('invites an existing user by email: a mail to sign in, the invitation on their dashboard, accepted: a member', async () => {
    const ada = await signUpUser(stack.client, { email: `ada-${randomUUID()}@example.test` });
    await userKnownToChallenges(ada);
    const response = await invite(`  ${ada.email.toUpperCase()} `, 'ADMIN');
    expect(response.errors).toBeUndefined();
    const { invitation } = response.data!.inviteOrganizationMember;
    expect(invitation).toMatchObject({ email: ada.email, role: 'ADMIN' });
    expect(Date.parse(invitation.expiresAt) - Date.parse(invitation.invitedAt)).toBe(14 * DAY_MS);

    const [mail] = await eventually(async () => {
      const mails = mailsTo(ada.email);
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(mail).toContain('Subject: Grace Hopper invited you to join Aquatech Labs on Ideagora');
    expect(mail).toContain('Sign in to accept or decline:');
    expect(mail).toContain('/login?next=%2Fsponsor');

    expect(await invitationsOf(ada)).toEqual([expect.objectContaining({ id: invitation.id, role: 'ADMIN', organization: { id: organizationId, name: 'Aquatech Labs' } })]);
    const accepted = await respond(ada, true);
    expect(accepted.data!.respondToOrganizationInvitation).toEqual({ organization: { id: organizationId, viewerRole: 'ADMIN' }, member: { role: 'ADMIN' } });
    const organization = (await runContract(stack.client, 'OrganizationMembers', { id: organizationId }, owner.token)).data!.organization;
    expect(organization.members).toContainEqual({ role: 'ADMIN', user: { id: ada.id, displayName: ada.displayName } });
    expect(organization.invitations.map((i: { email: string }) => i.email)).not.toContain(ada.email);
    expect(await invitationsOf(ada)).toEqual([]);
  });

  it('invites an unknown email: a mail to sign up; once signed up with it, the invitee sees it and accepts; nobody else can', async () => {
    const email = `newcomer-${randomUUID()}@example.test`;
    const response = await invite(email);
    expect(response.errors).toBeUndefined();
    const [mail] = await eventually(async () => {
      const mails = mailsTo(email);
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(mail).toContain(`Sign up with this email address (${email}) to accept or decline:`);
    expect(mail).toContain('/signup?next=%2Fsponsor');

    const listed = (await runContract(stack.client, 'OrganizationMembers', { id: organizationId }, owner.token)).data!.organization.invitations;
    expect(listed).toContainEqual(expect.objectContaining({ email, role: 'MEMBER', user: null }));

    // Someone else (signed up with another address) has no invitation to accept.
    const stranger = await signUpUser(stack.client);
    await userKnownToChallenges(stranger);
    expect(errorCodes(await respond(stranger, true))).toEqual(['NOT_FOUND']);
    expect(await invitationsOf(stranger)).toEqual([]);

    const newcomer = await signUpUser(stack.client, { email: email.toUpperCase() });
    // Accepting right after sign-up waits (bounded) for the account's email to reach challenges.
    const accepted = await respond(newcomer, true);
    expect(accepted.data!.respondToOrganizationInvitation).toEqual({ organization: { id: organizationId, viewerRole: 'MEMBER' }, member: { role: 'MEMBER' } });
    expect(errorCodes(await respond(stranger, true))).toEqual(['NOT_FOUND']);
    expect((await invitationRows()).map((r) => r.email)).not.toContain(email);
  });

  it('shows the newcomer their invitation on their dashboard once signed up', async () => {
    const email = `dashboard-${randomUUID()}@example.test`;
    const { invitation } = (await invite(email)).data!.inviteOrganizationMember;
    const newcomer = await signUpUser(stack.client, { email });
    await eventually(async () => expect((await invitationsOf(newcomer)).map((i) => i.id)).toEqual([invitation.id]));
    expect(errorCodes(await respond(newcomer, false))).toEqual([]);
    expect(await invitationsOf(newcomer)).toEqual([]);
    expect(errorCodes(await respond(newcomer, true))).toEqual(['NOT_FOUND']); // declined: gone
  });

  it('answers alike for an address with an account and one without', async () => {
    const known = await signUpUser(stack.client);
    await userKnownToChallenges(known);
    const unknown = `nobody-${randomUUID()}@example.test`;
    const shape = (response: GraphQLResponse) => {
      const { invitation, ...rest } = response.data!.inviteOrganizationMember;
      return { errors: response.errors, rest, invitation: Object.keys(invitation).sort(), role: invitation.role };
    };
    expect(shape(await invite(known.email))).toEqual(shape(await invite(unknown)));
    const listed = (await runContract(stack.client, 'OrganizationMembers', { id: organizationId }, owner.token)).data!.organization.invitations;
    expect(listed.filter((i: { email: string }) => [known.email, unknown].includes(i.email)).map((i: { user: unknown }) => i.user)).toEqual([null, null]);
  });

  it('is idempotent: inviting the same address again sets the role, keeps the invitation and mails nobody again', async () => {
    const email = `twice-${randomUUID()}@example.test`;
    const first = (await invite(email, 'MEMBER')).data!.inviteOrganizationMember.invitation;
    const second = (await invite(email.toUpperCase(), 'ADMIN')).data!.inviteOrganizationMember.invitation;
    expect(second).toMatchObject({ id: first.id, role: 'ADMIN', expiresAt: first.expiresAt });
    expect(await sentEvents('email', email)).toHaveLength(1);
    expect((await invitationRows()).filter((r) => r.email === email)).toEqual([{ user_id: null, email, role: 'ADMIN' }]);
  });

  it('refuses to accept an expired invitation, hides it, and a new invitation replaces it', async () => {
    const late = await signUpUser(stack.client);
    await userKnownToChallenges(late);
    const first = (await invite(late.email)).data!.inviteOrganizationMember.invitation;
    await sql(`update challenges.organization_invitation set expires_at = now() - interval '1 second' where id = $1`, [first.id]);
    const refused = await respond(late, true);
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FAILED_PRECONDITION']);
    expect(refused.errors![0].message).toBe('This invitation has expired. Ask the organization to invite you again.');
    expect(await invitationsOf(late)).toEqual([]);
    const listed = (await runContract(stack.client, 'OrganizationMembers', { id: organizationId }, owner.token)).data!.organization.invitations;
    expect(listed.map((i: { id: string }) => i.id)).not.toContain(first.id);

    const renewed = (await invite(late.email)).data!.inviteOrganizationMember.invitation;
    expect(renewed.id).not.toBe(first.id);
    expect(await sentEvents('email', late.email)).toHaveLength(2);
    expect((await respond(late, true)).data!.respondToOrganizationInvitation.member).toEqual({ role: 'MEMBER' });
  });

  it('refuses malformed emails as BAD_USER_INPUT field email, writing nothing', async () => {
    const before = await invitationRows();
    for (const email of ['', '   ', 'not-an-email', 'a@', '@example.test', 'a b@example.test', 'ada@example.test\nBcc: x@example.test', `${'a'.repeat(250)}@example.test`, 'ada@exa\u0000mple.test']) {
      const response = await invite(email);
      expect([email, response.errors?.map((e) => e.extensions)]).toEqual([email, [expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'email' })]]);
    }
    expect(await invitationRows()).toEqual(before);
  });

  it('lets only OWNERs and ADMINs invite, only OWNERs as OWNER or ADMIN; unknown organizations NOT_FOUND; signed out UNAUTHENTICATED', async () => {
    const admin = await signUpUser(stack.client);
    const member = await signUpUser(stack.client);
    const stranger = await signUpUser(stack.client);
    await addMember(stack.client, owner.token, organizationId, admin, 'ADMIN');
    await addMember(stack.client, owner.token, organizationId, member, 'MEMBER');
    const email = `rules-${randomUUID()}@example.test`;
    expect(errorCodes(await invite(email, 'MEMBER', member.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await invite(email, 'MEMBER', stranger.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await invite(email, 'ADMIN', admin.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await invite(email, 'MEMBER', owner.token, randomUUID()))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await runContract(stack.client, 'InviteOrganizationMember', { input: { organizationId, email, role: 'MEMBER' } }))).toEqual(['UNAUTHENTICATED']);
    expect(await sentEvents('email', email)).toEqual([]);
    expect(errorCodes(await invite(email, 'MEMBER', admin.token))).toEqual([]);
    // A member's own invitations list to the organization is not theirs to see.
    const seenByMember = (await runContract(stack.client, 'OrganizationMembers', { id: organizationId }, member.token)).data!.organization;
    expect(seenByMember.invitations).toBeNull();
  });

  it('addOrganizationMember: an unknown user id is NOT_FOUND (field userId) and writes nothing; a known one is invited and mailed', async () => {
    const before = await invitationRows();
    const ghost = randomUUID();
    const refused = await runContract(stack.client, 'AddOrganizationMember', { input: { organizationId, userId: ghost, role: 'MEMBER' } }, owner.token);
    expect(refused.errors?.map((e) => e.extensions)).toEqual([{ code: 'NOT_FOUND', field: 'userId' }]);
    expect(refused.data).toBeNull();
    expect(await invitationRows()).toEqual(before);
    expect(await sentEvents('userId', ghost)).toEqual([]);
    const members = (await runContract(stack.client, 'OrganizationMembers', { id: organizationId }, owner.token)).data!.organization.members;
    expect(members.map((m: { user: { id: string } }) => m.user.id)).not.toContain(ghost);

    // Someone who signed up a moment ago is known (the command waits for the event, bounded).
    const bob = await signUpUser(stack.client);
    const invited = await runContract(stack.client, 'AddOrganizationMember', { input: { organizationId, userId: bob.id, role: 'MEMBER' } }, owner.token);
    expect(invited.data!.addOrganizationMember).toMatchObject({ member: null, invitation: { role: 'MEMBER', user: { id: bob.id } } });
    await eventually(async () => expect(mailsTo(bob.email)).toHaveLength(1));
    expect(mailsTo(bob.email)[0]).toContain('Sign in to accept or decline:');
  });

  it('holds an organization to 100 invitations waiting; inviting a waiting address again still works', async () => {
    const orgId = await createOrganization(stack.client, owner.token, 'Capped');
    await sql(
      `insert into challenges.organization_invitation (id, organization_id, email, role, invited_by, expires_at)
       select gen_random_uuid(), $1, 'filler-' || n || '@example.test', 'MEMBER', $2, now() + interval '14 days' from generate_series(1, 99) n`,
      [orgId, owner.id],
    );
    expect(errorCodes(await invite('last@example.test', 'MEMBER', owner.token, orgId))).toEqual([]);
    const refused = await invite('one-more@example.test', 'MEMBER', owner.token, orgId);
    expect(errorCodes(refused)).toEqual(['FAILED_PRECONDITION']);
    expect(errorCodes(await invite('filler-7@example.test', 'ADMIN', owner.token, orgId))).toEqual([]);
    // Expired ones do not count: they go at the next invitation.
    await sql(`update challenges.organization_invitation set expires_at = now() - interval '1 day' where organization_id = $1 and email like 'filler-1%'`, [orgId]);
    expect(errorCodes(await invite('one-more@example.test', 'MEMBER', owner.token, orgId))).toEqual([]);
    expect((await invitationRows(orgId)).length).toBe(100 - 11 + 1);
  });
});
