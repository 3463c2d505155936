import { publishEnvelope, startEventBus, type EventEnvelope, type PgBoss } from '@ideagora/events';
import {
  errorCodes,
  eventually,
  publishTestEvent,
  requestSubgraph,
  runContract,
  signUpUser,
  sqlStatementCounts,
  startStack,
  updateProfile,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

const PROFILE_FIELDS = 'id displayName bio skills school country publicProfile reputation { score prizesWon finalistPlaces submissions totalsWon { amountMinor currency } }';

describe('profiles, reputation and the leaderboard (solvers)', () => {
  let stack: Stack;
  let db: Client;
  let bus: PgBoss;

  beforeAll(async () => {
    stack = await startStack();
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    bus = await startEventBus({ url: stack.databaseUrl, poolMax: 2, declareTopology: false });
  });
  afterAll(async () => {
    await bus?.stop({ graceful: false, wait: true, timeout: 2000 });
    await db?.end();
    await stack?.stop();
  });

  const sql = async (text: string, values: unknown[] = []) => (await db.query(text, values)).rows;
  /** Every job of solvers' consumer for one event id has completed (as many as were published). */
  const applied = (eventId: string, times = 1) =>
    eventually(async () => {
      const jobs = await sql(`select state from pgboss.job where name like 'solvers\\_%' and data->>'eventId' = $1`, [eventId]);
      expect(jobs.map((j) => j.state)).toEqual(Array.from({ length: times }, () => 'completed'));
    });
  const profileOf = (id: string, token?: string) => stack.client.request(`query($id: ID!) { user(id: $id) { ${PROFILE_FIELDS} } }`, { id }, { token });

  describe('updateProfile', () => {
    let ada: TestUser;
    beforeAll(async () => {
      ada = await signUpUser(stack.client);
    });

    it.each([
      ['a one-letter displayName', { displayName: ' A ' }, 'displayName'],
      ['a 61-character displayName', { displayName: 'x'.repeat(61) }, 'displayName'],
      ['a 1,001-character bio', { bio: 'x'.repeat(1001) }, 'bio'],
      ['21 skills', { skills: Array.from({ length: 21 }, (_, i) => `skill ${i}`) }, 'skills'],
      ['a blank skill', { skills: ['Python', ' '] }, 'skills'],
      ['a 41-character skill', { skills: ['x'.repeat(41)] }, 'skills'],
      ['a 121-character school', { school: 'x'.repeat(121) }, 'school'],
      ['country UK (reserved, not assigned)', { country: 'UK' }, 'country'],
      ['country Narnia', { country: 'Narnia' }, 'country'],
    ])('refuses %s with BAD_USER_INPUT on its field, and changes nothing', async (_label, input, field) => {
      const response = await runContract(stack.client, 'UpdateProfile', { input }, ada.token);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].extensions!.field).toBe(field);
      expect(await sql(`select profile_version from solvers.user_account where id = $1`, [ada.id])).toEqual([{ profile_version: 0 }]);
    });

    it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
      const response = await runContract(stack.client, 'UpdateProfile', { input: { bio: 'x' } });
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    });

    it('saves the fields trimmed, skills de-duplicated as first spelled, the country upper-cased; ProfileChanged with the next version', async () => {
      const response = await runContract(
        stack.client,
        'UpdateProfile',
        { input: { displayName: '  Ada Lovelace ', bio: 'Analyst.\nPoet.', skills: [' Python ', 'python', 'Machine learning', 'PYTHON', 'Go'], school: ' ETH Zürich ', country: 'ch' } },
        ada.token,
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!.updateProfile.viewer).toEqual({
        id: ada.id,
        displayName: 'Ada Lovelace',
        bio: 'Analyst.\nPoet.',
        skills: ['Python', 'Machine learning', 'Go'],
        school: 'ETH Zürich',
        country: 'CH',
      });
      await updateProfile(stack.client, ada, { school: '', skills: ['Go', 'Rust'] });
      const events = await sql(`select payload from solvers.outbox_event where type = 'ProfileChanged' and payload->>'userId' = $1 order by (payload->>'version')::int`, [ada.id]);
      expect(events.map((e) => e.payload)).toEqual([
        { userId: ada.id, displayName: 'Ada Lovelace', skills: ['Python', 'Machine learning', 'Go'], publicProfile: false, version: 1 },
        { userId: ada.id, displayName: 'Ada Lovelace', skills: ['Go', 'Rust'], publicProfile: false, version: 2 },
      ]);
      expect(await sql(`select skill_lower from solvers.user_skill where user_id = $1 order by 1`, [ada.id])).toEqual([{ skill_lower: 'go' }, { skill_lower: 'rust' }]);
      // Applied by challenges (recommendations), the newest version kept.
      await eventually(async () =>
        expect(await sql(`select skills, version from challenges.solver_skill_view where user_id = $1`, [ada.id])).toEqual([{ skills: ['Go', 'Rust'], version: 2 }]),
      );
    });
  });

  describe('privacy', () => {
    let owner: TestUser;
    let other: TestUser;
    beforeAll(async () => {
      owner = await signUpUser(stack.client);
      other = await signUpUser(stack.client);
      await updateProfile(stack.client, owner, { bio: 'Private bio', skills: ['Secret skill'], school: 'Hidden school', country: 'FR' });
    });

    it('is private by default: another user, or nobody signed in, reads null; the owner reads everything', async () => {
      for (const token of [other.token, undefined]) {
        const response = await runContract(stack.client, 'SolverProfile', { id: owner.id }, token);
        expect(response.errors).toBeUndefined();
        expect(response.data!.user).toBeNull();
      }
      const own = await profileOf(owner.id, owner.token);
      expect(own.data!.user).toMatchObject({ bio: 'Private bio', skills: ['Secret skill'], school: 'Hidden school', country: 'FR', publicProfile: false, reputation: { score: 0 } });
      expect((await runContract(stack.client, 'Viewer', {}, owner.token)).data!.viewer.displayName).toBe(owner.displayName);
    });

    it('leaks nothing but the id and displayName through _entities (another subgraph reaching the User)', async () => {
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { ${PROFILE_FIELDS} email profileVersion } } }`;
      const response = await requestSubgraph(stack, 'solvers', query, { r: [{ __typename: 'User', id: owner.id }] }, other.id);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data._entities).toEqual([
        { id: owner.id, displayName: owner.displayName, bio: '', skills: [], school: null, country: null, publicProfile: null, reputation: null, email: null, profileVersion: null },
      ]);
    });

    it('shows a public profile to everyone (not the settings: publicProfile, email, profileVersion stay the owner\'s)', async () => {
      await updateProfile(stack.client, owner, { publicProfile: true });
      const response = await runContract(stack.client, 'SolverProfile', { id: owner.id });
      expect(response.errors).toBeUndefined();
      expect(response.data!.user).toEqual({
        id: owner.id,
        displayName: owner.displayName,
        bio: 'Private bio',
        skills: ['Secret skill'],
        school: 'Hidden school',
        country: 'FR',
        reputation: { score: 0, prizesWon: 0, finalistPlaces: 0, submissions: 0, totalsWon: [] },
      });
      expect((await profileOf(owner.id, other.token)).data!.user.publicProfile).toBeNull();
      // Private again: gone again.
      await updateProfile(stack.client, owner, { publicProfile: false });
      expect((await runContract(stack.client, 'SolverProfile', { id: owner.id }, other.token)).data!.user).toBeNull();
    });

    it('answers null for an unknown user and BAD_USER_INPUT for a malformed id', async () => {
      expect((await runContract(stack.client, 'SolverProfile', { id: randomUUID() })).data!.user).toBeNull();
      expect(errorCodes(await runContract(stack.client, 'SolverProfile', { id: 'nope' }))).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('reputation', () => {
    it('counts each fact once: the same envelope delivered twice, another version of a submission, the same prize under another event id', async () => {
      const solver = await signUpUser(stack.client);
      const teammate = await signUpUser(stack.client);
      await updateProfile(stack.client, solver, { publicProfile: true });
      const [c1, c2, c3] = [randomUUID(), randomUUID(), randomUUID()];
      const submission = randomUUID();

      const entered: EventEnvelope<'SubmissionCreated'> = {
        eventId: randomUUID(),
        type: 'SubmissionCreated',
        occurredAt: new Date().toISOString(),
        producer: 'submissions',
        payload: { id: submission, challengeId: c1, authorId: solver.id, version: 1 },
      };
      await publishEnvelope(bus, entered);
      await publishEnvelope(bus, entered);
      await applied(entered.eventId, 2);
      await applied(await publishTestEvent(stack.databaseUrl, 'SubmissionCreated', { id: submission, challengeId: c1, authorId: solver.id, version: 2 }));
      await applied(await publishTestEvent(stack.databaseUrl, 'SubmissionCreated', { id: randomUUID(), challengeId: c2, authorId: solver.id, version: 1 }));
      await applied(await publishTestEvent(stack.databaseUrl, 'SubmissionCreated', { id: randomUUID(), challengeId: c3, authorId: solver.id, version: 1, teamId: randomUUID() }));

      const finalists: EventEnvelope<'FinalistsAnnounced'> = {
        eventId: randomUUID(),
        type: 'FinalistsAnnounced',
        occurredAt: new Date().toISOString(),
        producer: 'submissions',
        payload: { challengeId: c1, finalRoundDeadline: new Date(Date.now() + 86_400_000).toISOString(), finalist: true, userIds: [solver.id, teammate.id] },
      };
      await publishEnvelope(bus, finalists);
      await publishEnvelope(bus, finalists);
      await applied(finalists.eventId, 2);
      await applied(await publishTestEvent(stack.databaseUrl, 'FinalistsAnnounced', { ...finalists.payload, challengeId: c2, finalist: false }));

      const solo = { challengeId: c1, prizeRank: 1, submissionId: submission, winnerId: solver.id, amountMinor: '9007199254740993', currency: 'USD' };
      const prize: EventEnvelope<'PrizeAwarded'> = { eventId: randomUUID(), type: 'PrizeAwarded', occurredAt: new Date().toISOString(), producer: 'payouts', payload: solo };
      await publishEnvelope(bus, prize);
      await publishEnvelope(bus, prize);
      await applied(prize.eventId, 2);
      await applied(await publishTestEvent(stack.databaseUrl, 'PrizeAwarded', solo));
      await applied(await publishTestEvent(stack.databaseUrl, 'PrizeAwarded', { ...solo, prizeRank: 2, amountMinor: '7' }));
      await applied(
        await publishTestEvent(stack.databaseUrl, 'PrizeAwarded', {
          challengeId: c3,
          prizeRank: 1,
          submissionId: randomUUID(),
          teamId: randomUUID(),
          currency: 'EUR',
          recipients: [{ userId: solver.id, amountMinor: '3334' }, { userId: teammate.id, amountMinor: '6666' }],
        }),
      );

      const response = await runContract(stack.client, 'SolverProfile', { id: solver.id });
      expect(response.errors).toBeUndefined();
      // 3 prize places (c1 rank 1 once, c1 rank 2, c3's team prize), 1 finalist place, 3 challenges entered.
      expect(response.data!.user.reputation).toEqual({
        score: 3 * 100 + 25 + 3 * 5,
        prizesWon: 3,
        finalistPlaces: 1,
        submissions: 3,
        totalsWon: [
          { amountMinor: '3334', currency: 'EUR' },
          { amountMinor: '9007199254741000', currency: 'USD' },
        ],
      });
      // The teammate's reputation is kept although their profile is private (read by themselves).
      expect((await profileOf(teammate.id, teammate.token)).data!.user.reputation).toMatchObject({ score: 125, prizesWon: 1, finalistPlaces: 1, submissions: 0 });
      expect((await profileOf(teammate.id)).data!.user).toBeNull();
    });
  });

  describe('reputation from malformed events', () => {
    it('drops a fact naming a malformed id, keeps a malformed amount out of the totals, and fails no job', async () => {
      const solver = await signUpUser(stack.client);
      const challengeId = randomUUID();
      await applied(
        await publishTestEvent(stack.databaseUrl, 'FinalistsAnnounced', { challengeId, finalRoundDeadline: '2030-01-01T00:00:00.000Z', finalist: true, userIds: ['not-a-uuid', solver.id] }),
      );
      await applied(await publishTestEvent(stack.databaseUrl, 'PrizeAwarded', { challengeId, prizeRank: 1, submissionId: randomUUID(), winnerId: solver.id, amountMinor: '12.50', currency: 'USD' }));
      await applied(await publishTestEvent(stack.databaseUrl, 'SubmissionCreated', { id: randomUUID(), challengeId: 'nope', authorId: solver.id, version: 1 }));
      expect((await profileOf(solver.id, solver.token)).data!.user.reputation).toEqual({ score: 125, prizesWon: 1, finalistPlaces: 1, submissions: 0, totalsWon: [] });
    });
  });

  describe('leaderboard', () => {
    const tag = `lb${Date.now().toString(36)}`;
    /** Public solvers with the skill `tag` (and every third `rare`), their scores 5 x (i % 7): many ties. */
    let ranked: { id: string; score: number }[];
    let rareIds: Set<string>;
    let privateOne: TestUser;
    const leaders = new Map<string, TestUser>();
    const skillsOf = new Map<string, string[]>();

    beforeAll(async () => {
      const solvers: TestUser[] = [];
      for (let batch = 0; batch < 6; batch += 1) solvers.push(...(await Promise.all(Array.from({ length: 10 }, () => signUpUser(stack.client)))));
      solvers.forEach((s, i) => {
        leaders.set(s.id, s);
        skillsOf.set(s.id, i % 3 === 0 ? [`${tag}-Rare`, tag] : [tag.toUpperCase()]);
      });
      await Promise.all(solvers.map((s) => updateProfile(stack.client, s, { publicProfile: true, skills: skillsOf.get(s.id)! })));
      privateOne = await signUpUser(stack.client);
      await updateProfile(stack.client, privateOne, { skills: [tag] });
      const events: string[] = [];
      for (const [i, s] of [...solvers.entries(), [solvers.length, privateOne] as const]) {
        for (let n = 0; n < i % 7; n += 1) events.push(await publishTestEvent(stack.databaseUrl, 'SubmissionCreated', { id: randomUUID(), challengeId: randomUUID(), authorId: s.id, version: 1 }));
      }
      for (const eventId of events) await applied(eventId);
      ranked = solvers.map((s, i) => ({ id: s.id, score: 5 * (i % 7) })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
      rareIds = new Set(solvers.filter((_, i) => i % 3 === 0).map((s) => s.id));
    }, 180_000);

    const page = (variables: Record<string, unknown>) => runContract(stack.client, 'Leaderboard', variables);

    it('ranks public profiles by score, then id, across pages; the rank carried by the cursor; the private one absent', async () => {
      const seen: { rank: number; id: string; score: number }[] = [];
      let after: string | null = null;
      for (;;) {
        const response = await page({ first: 7, after, skill: tag });
        expect(response.errors).toBeUndefined();
        const { edges, pageInfo } = response.data!.leaderboard;
        seen.push(...edges.map((e: any) => ({ rank: e.node.rank, id: e.node.user.id, score: e.node.reputation.score })));
        if (!pageInfo.hasNextPage) break;
        after = pageInfo.endCursor;
      }
      expect(seen).toEqual(ranked.map((r, i) => ({ rank: i + 1, ...r })));
      expect(seen.map((s) => s.id)).not.toContain(privateOne.id);
    });

    it('filters by one skill, case-insensitively and exactly, ranking within the filter', async () => {
      const response = await page({ first: 100, skill: `  ${tag.toUpperCase()}-rare ` });
      expect(response.errors).toBeUndefined();
      const edges = response.data!.leaderboard.edges.map((e: any) => [e.node.rank, e.node.user.id]);
      expect(edges).toEqual(ranked.filter((r) => rareIds.has(r.id)).map((r, i) => [i + 1, r.id]));
      expect(edges).toHaveLength(20);
      expect((await page({ first: 5, skill: `${tag}-rar` })).data!.leaderboard.edges).toEqual([]);
      // A skill added after the results: listed at once, at the score already earned.
      const top = ranked[0];
      await updateProfile(stack.client, leaders.get(top.id)!, { skills: [...skillsOf.get(top.id)!, `${tag}-late`] });
      const late = await page({ first: 5, skill: `${tag}-LATE` });
      expect(late.data!.leaderboard.edges.map((e: any) => [e.node.rank, e.node.user.id, e.node.reputation.score])).toEqual([[1, top.id, top.score]]);
    });

    it('refuses a forged cursor and a too long skill with BAD_USER_INPUT', async () => {
      expect(errorCodes(await page({ after: 'bm9wZQ' }))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await page({ skill: 'x'.repeat(41) }))).toEqual(['BAD_USER_INPUT']);
    });

    it('costs the same statements for first: 5 and first: 50 (one for the page, one for its users)', async () => {
      const statementsFor = async (first: number) => {
        const before = await sqlStatementCounts(stack);
        const response = await page({ first, skill: tag });
        expect(response.errors).toBeUndefined();
        const after = await sqlStatementCounts(stack);
        return { rows: response.data!.leaderboard.edges.length as number, solvers: after.solvers - before.solvers };
      };
      await statementsFor(5); // warm-up
      const small = await statementsFor(5);
      const large = await statementsFor(50);
      expect([small.rows, large.rows]).toEqual([5, 50]);
      expect(large.solvers).toBe(small.solvers);
      expect(small.solvers).toBe(2);
    });
  });
});
