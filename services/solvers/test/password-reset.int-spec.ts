import { errorCodes, eventually, runContract, signUpUser, startStack, TEST_SECRETS, WORKSPACE_ROOT, type GraphQLResponse, type Stack } from '@ideagora/testing';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { Client } from 'pg';

const REQUEST_RESET = `mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { accepted } }`;
const RESET_PASSWORD = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { token viewer { id email } } }`;
const INVALID_LINK = 'This reset link is invalid or has expired.';

describe('password reset through the gateway', () => {
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
  const requestReset = (email: string) => stack.client.request(REQUEST_RESET, { input: { email } });
  const resetPassword = (token: string, newPassword: string) => stack.client.request(RESET_PASSWORD, { input: { token, newPassword } });
  const logIn = (email: string, password: string) => runContract(stack.client, 'LogIn', { input: { email, password } });
  const mailsTo = (email: string) =>
    sql(`select subject, body_text, sent_at, attempts, last_error from solvers.mail_outbox where to_email = $1 order by created_at, id`, [email]);
  const tokenRows = (userId: string) => sql(`select * from solvers.password_reset_token where user_id = $1 order by created_at, id`, [userId]);
  const countAll = async (table: string) => Number((await sql(`select count(*) from solvers.${table}`))[0].count);

  /** Asks for a link and reads its token from the mail in the outbox, as the user would from their inbox. */
  async function mailedToken(email: string): Promise<string> {
    const response = await requestReset(email);
    expect(response.errors).toBeUndefined();
    expect(response.data!.requestPasswordReset).toEqual({ accepted: true });
    const mails = await mailsTo(email.toLowerCase());
    const link = /(\S+)\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mails.at(-1)?.body_text ?? '');
    if (!link) throw new Error(`no reset link was mailed to ${email}`);
    return link[2];
  }

  const expectInvalidLink = (response: GraphQLResponse) => {
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([expect.objectContaining({ message: INVALID_LINK, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'token' }) })]);
  };

  it('mails a link whose token sets a new password and signs the user in', async () => {
    const user = await signUpUser(stack.client, { password: 'the-old-password' });
    const token = await mailedToken(user.email.toUpperCase());

    const [mail] = await mailsTo(user.email);
    expect(mail.subject).toBe('Reset your Ideagora password');
    expect(mail.body_text).toContain(`http://localhost:3000/reset-password?token=${token}`);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    // Only the token's hash is stored, valid for an hour.
    const [row] = await tokenRows(user.id);
    expect(row).toMatchObject({ token_hash: createHash('sha256').update(token).digest('hex'), used_at: null });
    expect(JSON.stringify(await tokenRows(user.id))).not.toContain(token);
    expect(row.expires_at.getTime() - row.created_at.getTime()).toBe(60 * 60 * 1000);

    const reset = await resetPassword(token, 'the-new-password');
    expect(reset.errors).toBeUndefined();
    expect(reset.data!.resetPassword.viewer).toEqual({ id: user.id, email: user.email });
    const me = await stack.client.request('{ viewer { id } }', {}, { token: reset.data!.resetPassword.token });
    expect(me.data!.viewer).toEqual({ id: user.id });

    expect(errorCodes(await logIn(user.email, 'the-old-password'))).toEqual(['UNAUTHENTICATED']);
    const withNew = await logIn(user.email, 'the-new-password');
    expect(withNew.errors).toBeUndefined();
    expect(withNew.data!.logIn.viewer.id).toBe(user.id);
    expect((await tokenRows(user.id))[0].used_at).not.toBeNull();
  });

  it('answers an unknown email the same, and writes no token and no mail', async () => {
    const email = `nobody-${Date.now()}@example.test`;
    const [tokensBefore, mailsBefore] = [await countAll('password_reset_token'), await countAll('mail_outbox')];
    const response = await requestReset(email);
    expect(response.errors).toBeUndefined();
    expect(response.data!.requestPasswordReset).toEqual({ accepted: true });
    expect([await countAll('password_reset_token'), await countAll('mail_outbox')]).toEqual([tokensBefore, mailsBefore]);
    expect(await mailsTo(email)).toEqual([]);
  });

  it('refuses a malformed email with BAD_USER_INPUT, as signUp does', async () => {
    const response = await requestReset('not-an-email');
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].extensions!.field).toBe('email');
  });

  it('gives one answer for a used, an expired and a made-up token', async () => {
    const user = await signUpUser(stack.client);
    const used = await mailedToken(user.email);
    expect((await resetPassword(used, 'first-new-password')).errors).toBeUndefined();
    expectInvalidLink(await resetPassword(used, 'second-new-password'));

    const other = await signUpUser(stack.client);
    const expired = await mailedToken(other.email);
    await sql(`update solvers.password_reset_token set expires_at = now() - interval '1 second' where user_id = $1`, [other.id]);
    expectInvalidLink(await resetPassword(expired, 'another-new-password'));

    expectInvalidLink(await resetPassword('not-a-token-at-all', 'another-new-password'));
    expectInvalidLink(await resetPassword('', 'another-new-password'));
    // The expired link changed nothing.
    expect((await logIn(other.email, 'correct-horse-battery')).errors).toBeUndefined();
  });

  it('holds the new password to the sign-up rules, and then the link still works', async () => {
    const user = await signUpUser(stack.client);
    const token = await mailedToken(user.email);
    const short = await resetPassword(token, 'short');
    expect(short.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect((await resetPassword(token, 'long-enough-now')).errors).toBeUndefined();
  });

  it('spends every link of the user with one reset', async () => {
    const user = await signUpUser(stack.client);
    const first = await mailedToken(user.email);
    const second = await mailedToken(user.email);
    expect(first).not.toBe(second);
    expect((await resetPassword(first, 'reset-with-the-first')).errors).toBeUndefined();
    expectInvalidLink(await resetPassword(second, 'reset-with-the-second'));
    expect((await tokenRows(user.id)).map((t) => t.used_at !== null)).toEqual([true, true]);
  });

  it('lets exactly one of 10 concurrent resets with one token succeed', async () => {
    const user = await signUpUser(stack.client);
    const token = await mailedToken(user.email);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => resetPassword(token, `concurrent-password-${i}`)));
    const winners = results.flatMap((r, i) => (r.errors ? [] : [i]));
    expect(winners).toHaveLength(1);
    for (const loser of results.filter((r) => r.errors)) expectInvalidLink(loser);
    // The winner's password is the one set.
    expect((await logIn(user.email, `concurrent-password-${winners[0]}`)).errors).toBeUndefined();
  });

  it('unblocks a user blocked by the log-in throttle', async () => {
    const user = await signUpUser(stack.client, { password: 'the-right-password' });
    for (let i = 0; i < 11; i += 1) await logIn(user.email, 'a-wrong-password');
    expect(errorCodes(await logIn(user.email, 'the-right-password'))).toEqual(['RATE_LIMITED']);

    const token = await mailedToken(user.email);
    expect((await resetPassword(token, 'a-fresh-password')).errors).toBeUndefined();
    const logInNow = await logIn(user.email, 'a-fresh-password');
    expect(logInNow.errors).toBeUndefined();
    expect(logInNow.data!.logIn.viewer.id).toBe(user.id);
  });

  it('creates at most 3 links per email per hour, concurrent requests included, and answers the same beyond', async () => {
    const user = await signUpUser(stack.client);
    const responses = await Promise.all(Array.from({ length: 6 }, () => requestReset(user.email)));
    expect(responses.map((r) => r.data?.requestPasswordReset)).toEqual(Array(6).fill({ accepted: true }));
    expect(await tokenRows(user.id)).toHaveLength(3);
    expect(await mailsTo(user.email)).toHaveLength(3);

    const fourth = await requestReset(user.email);
    expect(fourth.data!.requestPasswordReset).toEqual({ accepted: true });
    expect(await tokenRows(user.id)).toHaveLength(3);
    expect(await mailsTo(user.email)).toHaveLength(3);

    // The hour slides: once the oldest request is more than an hour old, one more link can be sent.
    await sql(
      `update solvers.password_reset_token set created_at = now() - interval '61 minutes'
        where id = (select id from solvers.password_reset_token where user_id = $1 order by created_at, id limit 1)`,
      [user.id],
    );
    await requestReset(user.email);
    expect(await tokenRows(user.id)).toHaveLength(4);
  });

  it('sends the mail: the dispatcher marks it sent (the log transport here)', async () => {
    const user = await signUpUser(stack.client);
    await mailedToken(user.email);
    await eventually(async () => {
      const [mail] = await mailsTo(user.email);
      expect(mail).toMatchObject({ sent_at: expect.any(Date), attempts: 0, last_error: null });
    });
    await eventually(async () => expect(stack.logs()).toMatch(new RegExp(`"to":"${user.email}".*"msg":"mail \\(log transport: not sent\\)"`)));
  });

  it('refuses to start solvers in production without SMTP_URL (reset links must not reach the logs)', async () => {
    const env: Record<string, string | undefined> = {
      ...process.env,
      ...TEST_SECRETS,
      NODE_ENV: 'production',
      DATABASE_URL: stack.databaseUrl,
      PORT: '0',
      SMTP_URL: undefined,
    };
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'services/solvers/src/main.ts'], { cwd: WORKSPACE_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain('SMTP_URL: required in production');
    expect(output).not.toContain('"msg":"listening"');
  });
});
