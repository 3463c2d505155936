import { signUpUser, startStack, type GraphQLResponse, type Stack } from '@ideagora/testing';
import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import { Client } from 'pg';

const SESSION_FIELDS = `token refreshToken expiresAt viewer { id }`;
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { ${SESSION_FIELDS} } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { ${SESSION_FIELDS} } }`;
const RESET_PASSWORD = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { ${SESSION_FIELDS} } }`;
const REFRESH = `mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { ${SESSION_FIELDS} } }`;
const LOG_OUT = `mutation($input: LogOutInput!) { logOut(input: $input) { loggedOut } }`;
const REQUEST_RESET = `mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { accepted } }`;
const SESSION_ENDED = 'This session has ended. Log in again.';
const PASSWORD = 'correct-horse-battery';

interface SessionPayload {
  token: string;
  refreshToken: string;
  expiresAt: string;
  viewer: { id: string };
}

describe('sessions through the gateway', () => {
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

  const sql = async (text: string, values: unknown[] = []) => (await db.query(text, values)).rows;
  const sessionRows = (userId: string) => sql(`select * from solvers.user_session where user_id = $1 order by created_at, id`, [userId]);
  const hashOf = (refreshToken: string) => createHash('sha256').update(refreshToken).digest();
  const sessionOf = async (refreshToken: string) => (await sql(`select * from solvers.user_session where refresh_token_hash = $1`, [hashOf(refreshToken)]))[0];

  /** Runs a mutation that answers a session, and fails the test on an error. */
  async function session(query: string, input: Record<string, unknown>, field: string): Promise<SessionPayload> {
    const response = await stack.client.request(query, { input });
    expect(response.errors).toBeUndefined();
    return response.data![field] as SessionPayload;
  }
  const logIn = (email: string, password = PASSWORD) => session(LOG_IN, { email, password }, 'logIn');
  const refresh = (refreshToken: string) => stack.client.request<{ refreshSession: SessionPayload }>(REFRESH, { input: { refreshToken } });
  const logOut = (refreshToken: string) => stack.client.request(LOG_OUT, { input: { refreshToken } });
  const viewerId = async (token: string) => {
    const response = await stack.client.request('{ viewer { id } }', {}, { token });
    expect(response.errors).toBeUndefined();
    return response.data!.viewer?.id as string | undefined;
  };

  const expectEnded = (response: GraphQLResponse) => {
    expect(response.data ?? null).toBeNull();
    expect(response.errors).toEqual([expect.objectContaining({ message: SESSION_ENDED, extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
  };

  /** A reset link's token, read from the mail in the outbox as the user would from their inbox. */
  async function mailedResetToken(email: string): Promise<string> {
    expect((await stack.client.request(REQUEST_RESET, { input: { email } })).errors).toBeUndefined();
    const [mail] = await sql(`select body_text from solvers.mail_outbox where to_email = $1 order by created_at desc, id desc limit 1`, [email]);
    const link = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail?.body_text ?? '');
    if (!link) throw new Error(`no reset link was mailed to ${email}`);
    return link[1];
  }

  it('logs in with a refresh token, and refreshSession (signed out) gives an access token the gateway accepts', async () => {
    const user = await signUpUser(stack.client);
    const loggedIn = await logIn(user.email);
    expect(Buffer.from(loggedIn.refreshToken, 'base64url')).toHaveLength(32);
    const before = await sessionOf(loggedIn.refreshToken);
    expect(before).toMatchObject({ id: decodeJwt(loggedIn.token).sid, revoked_at: null });

    const refreshed = await refresh(loggedIn.refreshToken);
    expect(refreshed.errors).toBeUndefined();
    const renewed = refreshed.data!.refreshSession;
    // The same session: the refresh token is not rotated.
    expect(renewed).toMatchObject({ refreshToken: loggedIn.refreshToken, viewer: { id: user.id } });
    expect(decodeJwt(renewed.token).sid).toBe(decodeJwt(loggedIn.token).sid);
    expect(await viewerId(renewed.token)).toBe(user.id);
    // Used again: a second refresh works as well.
    expect((await refresh(loggedIn.refreshToken)).errors).toBeUndefined();

    const after = await sessionOf(loggedIn.refreshToken);
    expect(after.last_used_at.getTime()).toBeGreaterThan(before.last_used_at.getTime());
  });

  it('issues an access token that carries its session id and expires in 15 minutes by default', async () => {
    const user = await signUpUser(stack.client);
    const started = Date.now();
    const { token, expiresAt } = await logIn(user.email);
    const claims = decodeJwt(token);
    const rows = await sessionRows(user.id);
    // signUp started a session too; logIn's is the latest.
    expect(rows).toHaveLength(2);
    expect(claims).toMatchObject({ sub: user.id, sid: rows[1].id });
    expect(claims.exp! * 1000).toBe(new Date(expiresAt).getTime());
    expect(claims.exp! - claims.iat!).toBe(15 * 60);
    expect(Math.abs(new Date(expiresAt).getTime() - (started + 15 * 60 * 1000))).toBeLessThan(5000);
    // The session itself lasts 30 days from sign-in.
    expect(rows[1].expires_at.getTime() - rows[1].created_at.getTime()).toBe(30 * 24 * 3600 * 1000);
  });

  it('keeps only the hash of a refresh token', async () => {
    const user = await signUpUser(stack.client);
    const { refreshToken } = await logIn(user.email);
    const [row] = await sql(`select refresh_token_hash from solvers.user_session where user_id = $1 order by created_at desc limit 1`, [user.id]);
    expect(Buffer.compare(row.refresh_token_hash, hashOf(refreshToken))).toBe(0);
    // Neither the token as sent nor its 32 bytes appear in any row, in any encoding Postgres would print.
    const dump = JSON.stringify(await sql(`select t::text as row, encode(t.refresh_token_hash, 'base64') as b64 from solvers.user_session t where user_id = $1`, [user.id]));
    const bytes = Buffer.from(refreshToken, 'base64url');
    for (const form of [refreshToken, bytes.toString('hex'), bytes.toString('base64'), Buffer.from(refreshToken).toString('hex')]) expect(dump).not.toContain(form);
  });

  it('ends a session at logOut: refresh refused, other sessions untouched, logOut twice and unknown tokens fine', async () => {
    const user = await signUpUser(stack.client);
    const phone = await logIn(user.email);
    const laptop = await logIn(user.email);

    const out = await logOut(laptop.refreshToken);
    expect(out.errors).toBeUndefined();
    expect(out.data!.logOut).toEqual({ loggedOut: true });
    expectEnded(await refresh(laptop.refreshToken));
    expect((await refresh(phone.refreshToken)).errors).toBeUndefined();

    expect((await logOut(laptop.refreshToken)).data!.logOut).toEqual({ loggedOut: true });
    // No oracle: an unknown or malformed token gets the same answer.
    expect((await logOut('not-a-refresh-token')).data!.logOut).toEqual({ loggedOut: true });
    expect((await logOut('')).data!.logOut).toEqual({ loggedOut: true });
    const revoked = (await sessionRows(user.id)).filter((s) => s.revoked_at !== null);
    expect(revoked).toHaveLength(1);
  });

  it('gives one UNAUTHENTICATED answer for an unknown, an empty and an expired refresh token', async () => {
    expectEnded(await refresh('made-up-token'));
    expectEnded(await refresh(''));
    expectEnded(await refresh('x'.repeat(300)));

    const user = await signUpUser(stack.client);
    const { refreshToken } = await logIn(user.email);
    expect((await refresh(refreshToken)).errors).toBeUndefined();
    await sql(`update solvers.user_session set expires_at = now() - interval '1 second' where refresh_token_hash = $1`, [hashOf(refreshToken)]);
    expectEnded(await refresh(refreshToken));
  });

  it('refuses a session whose account no longer exists', async () => {
    const user = await signUpUser(stack.client);
    const { refreshToken } = await logIn(user.email);
    await sql(`delete from solvers.user_account where id = $1`, [user.id]);
    expectEnded(await refresh(refreshToken));
  });

  it('starts a session at signUp', async () => {
    const email = `signup-session-${Date.now()}@example.test`;
    const signedUp = await session(SIGN_UP, { email, password: PASSWORD, displayName: 'Grace' }, 'signUp');
    const refreshed = await refresh(signedUp.refreshToken);
    expect(refreshed.errors).toBeUndefined();
    expect(await viewerId(refreshed.data!.refreshSession.token)).toBe(signedUp.viewer.id);
  });

  it('ends every earlier session of the user at resetPassword, and starts a new one', async () => {
    const user = await signUpUser(stack.client);
    const other = await signUpUser(stack.client);
    const first = await logIn(user.email);
    const second = await logIn(user.email);
    const bystander = await logIn(other.email);

    const reset = await session(RESET_PASSWORD, { token: await mailedResetToken(user.email), newPassword: 'a-new-password-after-theft' }, 'resetPassword');
    expect(reset.viewer.id).toBe(user.id);
    expectEnded(await refresh(first.refreshToken));
    expectEnded(await refresh(second.refreshToken));
    const renewed = await refresh(reset.refreshToken);
    expect(renewed.errors).toBeUndefined();
    expect(await viewerId(renewed.data!.refreshSession.token)).toBe(user.id);
    // Only this user's sessions ended.
    expect((await refresh(bystander.refreshToken)).errors).toBeUndefined();
    // signUp's session, the two log-ins, and the reset's live one.
    expect((await sessionRows(user.id)).map((s) => s.revoked_at === null)).toEqual([false, false, false, true]);
  });
});
