/**
 * Recommended challenges (issue 15): the viewer's skills (solvers' ProfileChanged, kept in solver_skill_view) matched
 * against open challenges' texts, through the gateway, on real Postgres.
 */
import {
  challengeInput,
  createChallenge,
  createOrganization,
  errorCodes,
  eventually,
  fundAndPublish,
  runContract,
  signUpUser,
  sqlStatementCounts,
  startStack,
  submitEntry,
  updateProfile,
  type Stack,
  type TestUser,
} from '@ideagora/testing';

describe('recommended challenges', () => {
  let stack: Stack;
  let sponsor: TestUser;
  let organizationId: string;
  const ids: Record<string, string> = {};

  /** A published, OPEN challenge (funding simulated) with these texts. */
  async function openChallenge(key: string, texts: { title: string; summary: string; description: string }, overrides: Record<string, unknown> = {}) {
    const { id } = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId, { ...texts, ...overrides }));
    await fundAndPublish(stack, sponsor.token, id, { simulated: true });
    ids[key] = id;
  }

  beforeAll(async () => {
    stack = await startStack();
    sponsor = await signUpUser(stack.client);
    organizationId = await createOrganization(stack.client, sponsor.token, 'Recommending Inc');
    const plain = 'A design we can build with local materials.';
    // Created in this order: the newest last.
    await openChallenge('rust', { title: 'Rust firmware for river sensors', summary: 'Embedded Rust on a low-power board.', description: `Write the firmware in Rust. ${plain}` });
    await openChallenge('ml', { title: 'Flood forecasting', summary: 'Predict river floods a day ahead.', description: `Machine learning on rainfall records is welcome. ${plain}` });
    await openChallenge('python', { title: 'Python pipeline for rainfall data', summary: 'Clean and merge rainfall records.', description: plain });
    await openChallenge('entered', { title: 'Rust parser for sensor logs', summary: 'Rust again.', description: plain });
    await openChallenge('private', { title: 'Rust firmware for the invited few', summary: 'Rust.', description: plain }, { visibility: 'INVITE_ONLY' });
    await openChallenge('bakery', { title: 'Logo for a bakery', summary: 'A warm, simple logo.', description: plain });
    const draft = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId, { title: 'Rust draft never published' }));
    ids.draft = draft.id;
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  const recommended = async (user: TestUser, first = 20): Promise<string[]> => {
    const response = await runContract(stack.client, 'RecommendedChallenges', { first }, user.token);
    expect(response.errors).toBeUndefined();
    return response.data!.viewer.recommendedChallenges.edges.map((e: { node: { id: string } }) => e.node.id);
  };
  const keysOf = (challengeIds: string[]) => challengeIds.map((id) => Object.keys(ids).find((k) => ids[k] === id) ?? id);

  it('lists the newest open challenges the viewer may enter when they have no skills (no draft, no INVITE_ONLY not invited to)', async () => {
    const newcomer = await signUpUser(stack.client);
    expect(keysOf(await recommended(newcomer))).toEqual(['bakery', 'entered', 'python', 'ml', 'rust']);
  });

  it("ranks the challenges matching the viewer's skills first (right after updateProfile), without those already entered", async () => {
    const solver = await signUpUser(stack.client);
    await submitEntry(stack.client, solver, ids.entered);
    await updateProfile(stack.client, solver, { skills: ['Rust', 'Machine learning'] });
    // Back to back: the skills just saved are used (ProfileChanged awaited within the read-model bound).
    await eventually(async () => expect(keysOf(await recommended(solver))).not.toContain('entered'));
    expect(keysOf(await recommended(solver))).toEqual(['rust', 'ml', 'bakery', 'python']);

    await updateProfile(stack.client, solver, { skills: ['python'] });
    expect(keysOf(await recommended(solver))).toEqual(['python', 'bakery', 'ml', 'rust']);
    expect(keysOf(await recommended(solver, 2))).toEqual(['python', 'bakery']);
  });

  it("answers null for another user's recommendations (no error), and a null viewer for nobody signed in", async () => {
    const owner = await signUpUser(stack.client);
    const other = await signUpUser(stack.client);
    await updateProfile(stack.client, owner, { publicProfile: true, skills: ['Rust'] });
    const response = await stack.client.request(`query($id: ID!) { user(id: $id) { id recommendedChallenges(first: 5) { edges { node { id } } } } }`, { id: owner.id }, { token: other.token });
    expect(response.errors).toBeUndefined();
    expect(response.data!.user).toEqual({ id: owner.id, recommendedChallenges: null });
    const anonymous = await runContract(stack.client, 'RecommendedChallenges', { first: 5 });
    expect(errorCodes(anonymous)).toEqual([]);
    expect(anonymous.data!.viewer).toBeNull();
  });

  it('costs the same statements for first: 1 and first: 5 (one for the recommendations)', async () => {
    const solver = await signUpUser(stack.client);
    await updateProfile(stack.client, solver, { skills: ['Rust'] });
    const statementsFor = async (first: number) => {
      const before = await sqlStatementCounts(stack);
      const rows = await recommended(solver, first);
      const after = await sqlStatementCounts(stack);
      return { rows: rows.length, challenges: after.challenges - before.challenges };
    };
    await statementsFor(1); // warm-up (and the skills landed)
    const small = await statementsFor(1);
    const large = await statementsFor(5);
    expect([small.rows, large.rows]).toEqual([1, 5]);
    expect(large.challenges).toBe(small.challenges);
    expect(small.challenges).toBe(1);
  });
});
