import { createOrganization, eventually, runContract, signUpUser, startStack, type Stack } from '@ideagora/testing';
import { Client } from 'pg';
import { ANNOUNCE_USERS_SQL } from '../src/migrations/Migration20261206090000_announce_users';

/**
 * UserRegistered carries the email, and challenges keeps user_view from it (docs/ARCHITECTURE.md, "Members invited by
 * email"). Accounts created before had no such event: the migration announces every account again.
 */
describe('the migration that announces existing accounts to challenges', () => {
  let stack: Stack;
  let db: Client;

  beforeAll(async () => {
    stack = await startStack();
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  const userView = async (id: string) => (await db.query(`select email from challenges.user_view where id = $1`, [id])).rows;

  it('gives challenges the email of accounts it did not know, so their invitations by email reach them', async () => {
    const sponsor = await signUpUser(stack.client);
    const organizationId = await createOrganization(stack.client, sponsor.token);
    const old = await signUpUser(stack.client);
    await eventually(async () => expect(await userView(old.id)).toEqual([{ email: old.email }]));
    // As before this change: challenges knew nothing of the account.
    await db.query(`delete from challenges.user_view where id = $1`, [old.id]);
    const invited = await runContract(stack.client, 'InviteOrganizationMember', { input: { organizationId, email: old.email, role: 'MEMBER' } }, sponsor.token);
    const invitationId = invited.data!.inviteOrganizationMember.invitation.id;
    const listed = async () => (await runContract(stack.client, 'OrganizationInvitations', {}, old.token)).data!.viewer.organizationInvitations.map((i: { id: string }) => i.id);
    expect(await listed()).toEqual([]);

    await db.query('begin');
    await db.query('set local search_path to solvers');
    await db.query(ANNOUNCE_USERS_SQL);
    await db.query('commit');
    await eventually(async () => expect(await userView(old.id)).toEqual([{ email: old.email }]));
    expect(await listed()).toEqual([invitationId]);
  });

  it('gives submissions the email of accounts it did not know (Migration20261206100000_announce_users_to_submissions), so team invitations reach them', async () => {
    const old = await signUpUser(stack.client);
    const submissionsView = async () => (await db.query(`select email from submissions.user_view where id = $1`, [old.id])).rows;
    await eventually(async () => expect(await submissionsView()).toEqual([{ email: old.email }]));
    // As before submissions subscribed to UserRegistered.
    await db.query(`delete from submissions.user_view where id = $1`, [old.id]);
    await db.query('begin');
    await db.query('set local search_path to solvers');
    await db.query(ANNOUNCE_USERS_SQL);
    await db.query('commit');
    await eventually(async () => expect(await submissionsView()).toEqual([{ email: old.email }]));
  });
});
