import { errorCodes, requestSubgraph, runContract, signUpUser, startStack, type Stack } from '@ideagora/testing';
import { Client } from 'pg';

describe('accounts through the gateway', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('signs up, logs in and reads the viewer', async () => {
    const email = `ada-${Date.now()}@example.test`;
    const signUp = await runContract(stack.client, 'SignUp', { input: { email: email.toUpperCase(), password: 'analytical-engine', displayName: 'Ada' } });
    expect(signUp.errors).toBeUndefined();
    expect(signUp.data!.signUp.viewer).toMatchObject({ email, displayName: 'Ada' });

    const logIn = await runContract(stack.client, 'LogIn', { input: { email, password: 'analytical-engine' } });
    expect(logIn.errors).toBeUndefined();
    const { token, viewer } = logIn.data!.logIn;
    expect(viewer.id).toBe(signUp.data!.signUp.viewer.id);

    const me = await runContract(stack.client, 'Viewer', {}, token);
    expect(me.errors).toBeUndefined();
    expect(me.data!.viewer).toMatchObject({
      id: viewer.id,
      email,
      displayName: 'Ada',
      organizations: [],
      payoutAccount: { status: 'NOT_STARTED' },
      submissions: { edges: [] },
      payouts: { edges: [] },
    });
  });

  it('answers null for an anonymous viewer', async () => {
    const me = await stack.client.request('{ viewer { id } }');
    expect(me.errors).toBeUndefined();
    expect(me.data!.viewer).toBeNull();
  });

  it('refuses a taken email with CONFLICT and writes nothing', async () => {
    const user = await signUpUser(stack.client);
    const again = await runContract(stack.client, 'SignUp', { input: { email: user.email, password: 'another-password', displayName: 'Copy' } });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    // The original password still works: nothing was overwritten.
    const logIn = await runContract(stack.client, 'LogIn', { input: { email: user.email, password: 'correct-horse-battery' } });
    expect(logIn.data!.logIn.viewer.id).toBe(user.id);
  });

  it('gives one CONFLICT and one account for concurrent sign-ups with one email', async () => {
    const email = `race-${Date.now()}@example.test`;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => runContract(stack.client, 'SignUp', { input: { email, password: 'race-condition!', displayName: 'Racer' } })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => errorCodes(r)[0])).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
  });

  it.each([
    ['email', { email: 'not-an-email', password: 'long-enough-pw', displayName: 'X' }],
    ['password', { email: 'short@example.test', password: 'short', displayName: 'X' }],
    ['displayName', { email: 'blank@example.test', password: 'long-enough-pw', displayName: '   ' }],
  ])('rejects an invalid %s with BAD_USER_INPUT naming the field', async (field, input) => {
    const response = await runContract(stack.client, 'SignUp', { input });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].extensions!.field).toBe(field);
  });

  it('gives the same UNAUTHENTICATED answer for a wrong password and an unknown email', async () => {
    const user = await signUpUser(stack.client);
    const wrongPassword = await runContract(stack.client, 'LogIn', { input: { email: user.email, password: 'wrong-password!!' } });
    const unknownEmail = await runContract(stack.client, 'LogIn', { input: { email: `nobody-${Date.now()}@example.test`, password: 'wrong-password!!' } });
    expect(errorCodes(wrongPassword)).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(unknownEmail)).toEqual(['UNAUTHENTICATED']);
    expect(wrongPassword.errors![0].message).toBe(unknownEmail.errors![0].message);
  });

  describe('password guessing', () => {
    const logIn = (email: string, password: string) => runContract(stack.client, 'LogIn', { input: { email, password } });
    const codeOf = async (email: string, password: string) => errorCodes(await logIn(email, password))[0] ?? 'ok';
    const sql = async (text: string, values: unknown[]) => {
      const db = new Client({ connectionString: stack.databaseUrl });
      await db.connect();
      try {
        return (await db.query(text, values)).rows;
      } finally {
        await db.end();
      }
    };

    it('blocks an email after 10 failed log-ins (the right password too), known or not, and nobody else', async () => {
      const user = await signUpUser(stack.client, { password: 'the-right-password' });
      for (let i = 0; i < 10; i += 1) expect(await codeOf(user.email, 'a-wrong-password')).toBe('UNAUTHENTICATED');
      const blocked = await logIn(user.email, 'the-right-password');
      expect(errorCodes(blocked)).toEqual(['RATE_LIMITED']);
      expect(blocked.errors![0]!.message).toMatch(/Try again in 15 minute/);
      // Another account is not affected; an unknown email is limited the same way (the limit reveals nothing).
      const other = await signUpUser(stack.client, { password: 'the-right-password' });
      expect(await codeOf(other.email, 'the-right-password')).toBe('ok');
      const unknown = `nobody-${Date.now()}@example.test`;
      for (let i = 0; i < 10; i += 1) expect(await codeOf(unknown, 'a-wrong-password')).toBe('UNAUTHENTICATED');
      expect(await codeOf(unknown, 'a-wrong-password')).toBe('RATE_LIMITED');
      // Once the block has passed, the right password works and the count starts afresh.
      await sql(`update solvers.login_throttle set blocked_until = now() - interval '1 second' where email = $1`, [user.email]);
      expect(await codeOf(user.email, 'the-right-password')).toBe('ok');
      expect(await sql(`select * from solvers.login_throttle where email = $1`, [user.email])).toEqual([]);
    });

    it('lets no more than 10 of 20 parallel guesses be checked', async () => {
      const user = await signUpUser(stack.client, { password: 'the-right-password' });
      const codes = await Promise.all(Array.from({ length: 20 }, () => codeOf(user.email, 'a-wrong-password')));
      expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(10);
      expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(10);
    });

    it('forgets failures after a successful log-in', async () => {
      const user = await signUpUser(stack.client, { password: 'the-right-password' });
      for (let i = 0; i < 9; i += 1) expect(await codeOf(user.email, 'a-wrong-password')).toBe('UNAUTHENTICATED');
      expect(await codeOf(user.email, 'the-right-password')).toBe('ok');
      for (let i = 0; i < 10; i += 1) expect(await codeOf(user.email, 'a-wrong-password')).toBe('UNAUTHENTICATED');
    });
  });

  it('hides a user email from everyone else, even through _entities', async () => {
    const ada = await signUpUser(stack.client);
    const grace = await signUpUser(stack.client);
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id email displayName } } }`;
    // The gateway does not expose _entities to clients.
    const viaGateway = await stack.client.request(query, { r: [{ __typename: 'User', id: ada.id }] }, { token: grace.token });
    expect(viaGateway.data).toBeUndefined();
    expect(new Set(errorCodes(viaGateway))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    // Straight to the subgraph with a valid gateway signature for Grace: Ada's email stays hidden.
    const direct = await requestSubgraph(stack, 'solvers', query, { r: [{ __typename: 'User', id: ada.id }, { __typename: 'User', id: grace.id }] }, grace.id);
    expect(direct.body.data._entities).toEqual([
      { id: ada.id, email: null, displayName: ada.displayName },
      { id: grace.id, email: grace.email, displayName: grace.displayName },
    ]);
  });

  it('updates the profile of the viewer only', async () => {
    const ada = await signUpUser(stack.client);
    const updated = await stack.client.request(
      `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { viewer { displayName bio skills country } } }`,
      { input: { displayName: 'Ada L.', bio: 'Mathematician', skills: ['analysis', ' analysis ', 'poetry'], country: 'gb' } },
      { token: ada.token },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateProfile.viewer).toEqual({ displayName: 'Ada L.', bio: 'Mathematician', skills: ['analysis', 'poetry'], country: 'GB' });
    const anonymous = await stack.client.request(`mutation { updateProfile(input: { bio: "x" }) { viewer { id } } }`);
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const badCountry = await stack.client.request(`mutation { updateProfile(input: { country: "Narnia" }) { viewer { id } } }`, {}, { token: ada.token });
    expect(badCountry.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'country' });
  });
});
