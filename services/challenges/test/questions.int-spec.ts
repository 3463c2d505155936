import {
  addMember,
  challengeInput,
  createChallenge,
  createOrganization,
  errorCodes,
  publishTestEvent,
  fundAndPublish,
  sqlStatementCounts,
  signUpUser,
  startStack,
  type Stack,
  type TestUser,
  WORKSPACE_ROOT,
} from '@ideagora/testing';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

const ASK = `mutation($input: AskChallengeQuestionInput!) {
  askChallengeQuestion(input: $input) { question { id question answer askedAt answeredAt published } }
}`;
const ANSWER = `mutation($input: AnswerChallengeQuestionInput!) {
  answerChallengeQuestion(input: $input) { question { id question answer askedAt answeredAt published } }
}`;
const QUESTIONS = `query($id: ID!, $first: Int, $after: String) {
  challenge(id: $id) {
    id
    questions(first: $first, after: $after) { edges { cursor node { id question answer askedAt answeredAt published } } pageInfo { hasNextPage endCursor } }
    viewerQuestions { id question answer published }
  }
}`;

interface Question {
  id: string;
  question: string;
  answer: string | null;
  published: boolean;
}

describe('challenge Q&A through the gateway', () => {
  let stack: Stack;
  let db: Client;
  let sponsor: TestUser;
  let admin: TestUser;
  let member: TestUser;
  let solver: TestUser;
  let rival: TestUser;
  let organizationId: string;

  /** `null`: signed out. */
  const ask = (challengeId: string, question: string, user: TestUser | null = solver) =>
    stack.client.request(ASK, { input: { challengeId, question } }, { token: user?.token });
  const answer = (questionId: string, text: string, publish: boolean, user: TestUser | null = sponsor) =>
    stack.client.request(ANSWER, { input: { questionId, answer: text, publish } }, { token: user?.token });
  const read = async (id: string, user: TestUser | null, variables: { first?: number; after?: string } = {}) => {
    const response = await stack.client.request(QUESTIONS, { id, ...variables }, { token: user?.token });
    expect(response.errors).toBeUndefined();
    return response.data!.challenge as {
      questions: { edges: { cursor: string; node: Question }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      viewerQuestions: Question[];
    };
  };
  const listed = async (id: string, user: TestUser | null) => (await read(id, user)).questions.edges.map((e) => e.node);
  const asked = async (id: string, user: TestUser) => {
    const response = await ask(id, `How should we treat question ${randomUUID()}?`, user);
    expect(response.errors).toBeUndefined();
    return response.data!.askChallengeQuestion.question as Question;
  };
  const rows = async (challengeId: string) => (await db.query(`select * from challenges.challenge_question where challenge_id = $1 order by asked_at, id`, [challengeId])).rows;
  const open = async () => {
    const challenge = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId));
    await fundAndPublish(stack, sponsor.token, challenge.id, { simulated: true });
    return challenge.id;
  };
  const transition = async (mutation: 'closeSubmissions' | 'cancelChallenge', challengeId: string) => {
    const response = await stack.client.request(`mutation($id: ID!) { ${mutation}(challengeId: $id) { challenge { status } } }`, { id: challengeId }, { token: sponsor.token });
    expect(response.errors).toBeUndefined();
  };

  beforeAll(async () => {
    stack = await startStack();
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    [sponsor, admin, member, solver, rival] = await Promise.all([1, 2, 3, 4, 5].map(() => signUpUser(stack.client)));
    organizationId = await createOrganization(stack.client, sponsor.token, 'Aquatech Labs');
    await addMember(stack.client, sponsor.token, organizationId, admin, 'ADMIN');
    await addMember(stack.client, sponsor.token, organizationId, member, 'MEMBER');
  });
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it('shows a question to the public only once the sponsor publishes its answer, and never its asker', async () => {
    const id = await open();
    const response = await ask(id, '  Does the 99.9% apply to viruses as well as bacteria?  ');
    expect(response.errors).toBeUndefined();
    const question = response.data!.askChallengeQuestion.question;
    expect(question).toMatchObject({ question: 'Does the 99.9% apply to viruses as well as bacteria?', answer: null, answeredAt: null, published: false });

    // Unanswered: the asker (viewerQuestions) and the sponsor's OWNER/ADMIN (every question) only.
    for (const viewer of [null, rival, member]) expect(await listed(id, viewer)).toEqual([]);
    expect((await read(id, solver)).viewerQuestions).toEqual([expect.objectContaining({ id: question.id, answer: null, published: false })]);
    expect((await read(id, solver)).questions.edges).toEqual([]);
    for (const viewer of [sponsor, admin]) expect((await listed(id, viewer)).map((q) => q.id)).toEqual([question.id]);
    expect((await read(id, rival)).viewerQuestions).toEqual([]);
    expect((await read(id, null)).viewerQuestions).toEqual([]);

    // Answered privately: the asker and the sponsor see the answer; nobody else sees anything.
    const privately = await answer(question.id, 'Yes: viruses too, at the same rate.', false);
    expect(privately.errors).toBeUndefined();
    expect(privately.data!.answerChallengeQuestion.question).toMatchObject({ answer: 'Yes: viruses too, at the same rate.', published: false });
    for (const viewer of [null, rival, member]) expect(await listed(id, viewer)).toEqual([]);
    expect((await read(id, solver)).viewerQuestions).toEqual([expect.objectContaining({ answer: 'Yes: viruses too, at the same rate.', published: false })]);
    expect(await listed(id, sponsor)).toEqual([expect.objectContaining({ answer: 'Yes: viruses too, at the same rate.', published: false })]);

    // Published (an ADMIN may do it too, and edit the answer): everyone who can see the challenge.
    const published = await answer(question.id, 'Yes: viruses too, at 99.9%.', true, admin);
    expect(published.errors).toBeUndefined();
    for (const viewer of [null, rival, member, solver, sponsor]) {
      expect(await listed(id, viewer)).toEqual([
        expect.objectContaining({ id: question.id, question: 'Does the 99.9% apply to viruses as well as bacteria?', answer: 'Yes: viruses too, at 99.9%.', published: true }),
      ]);
    }
    const anonymous = await stack.client.request(QUESTIONS, { id });
    expect(JSON.stringify(anonymous)).not.toContain(solver.id);
    // The API (the composed schema the web client is generated from) has no way to name the asker.
    const type = buildSchema(readFileSync(join(WORKSPACE_ROOT, 'web', 'schema.graphql'), 'utf8')).getType('ChallengeQuestion') as GraphQLObjectType;
    expect(Object.keys(type.getFields()).sort()).toEqual(['answer', 'answeredAt', 'askedAt', 'id', 'published', 'question']);

    // Unpublished again: gone from the public list, still the asker's.
    expect((await answer(question.id, 'Yes: viruses too, at 99.9%.', false)).errors).toBeUndefined();
    expect(await listed(id, rival)).toEqual([]);
    expect((await read(id, solver)).viewerQuestions).toHaveLength(1);
  });

  it("refuses answers from the sponsor's MEMBERs and strangers, and questions from any member of the sponsor (FORBIDDEN)", async () => {
    const id = await open();
    const question = await asked(id, solver);
    for (const user of [member, rival, solver]) expect(errorCodes(await answer(question.id, 'An answer', true, user))).toEqual(['FORBIDDEN']);
    for (const user of [sponsor, admin, member]) expect(errorCodes(await ask(id, 'Can we enter our own challenge?', user))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await ask(id, 'Anyone there to answer this?', null))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await answer(question.id, 'An answer', true, null))).toEqual(['UNAUTHENTICATED']);
    expect(await rows(id)).toHaveLength(1);
    expect((await rows(id))[0]).toMatchObject({ answer: null, published: false });
  });

  it('hides drafts (NOT_FOUND), takes questions while OPEN only, and answers while OPEN or JUDGING', async () => {
    const draft = (await createChallenge(stack.client, sponsor.token, challengeInput(organizationId))).id;
    expect(errorCodes(await ask(draft, 'What is in this draft brief?'))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await ask(randomUUID(), 'What is in this unknown brief?'))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await answer(randomUUID(), 'An answer', true))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await ask(draft, 'What is in this draft brief?', member))).toEqual(['FORBIDDEN']);

    const judging = await open();
    const early = await asked(judging, solver);
    await transition('closeSubmissions', judging);
    const closed = await ask(judging, 'Is it too late to ask this?');
    expect(errorCodes(closed)).toEqual(['FAILED_PRECONDITION']);
    expect(closed.errors![0].message).toBe('Questions can be asked while a challenge is open.');
    expect((await answer(early.id, 'Answered while judging.', true)).errors).toBeUndefined();

    const cancelled = await open();
    const late = await asked(cancelled, solver);
    await transition('cancelChallenge', cancelled);
    expect(errorCodes(await ask(cancelled, 'Is it cancelled for good?'))).toEqual(['FAILED_PRECONDITION']);
    expect(errorCodes(await answer(late.id, 'Too late to answer.', true))).toEqual(['FAILED_PRECONDITION']);
    expect((await rows(cancelled))[0]).toMatchObject({ answer: null });
  });

  it('refuses bad input (BAD_USER_INPUT, with the field) and writes nothing', async () => {
    const id = await open();
    for (const [text, field] of [['  too short  ', 'question'], ['x'.repeat(2001), 'question'], ['', 'question']] as const) {
      const response = await ask(id, text);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].extensions!.field).toBe(field);
    }
    expect(errorCodes(await stack.client.request(ASK, { input: { challengeId: 'not-an-id', question: 'A perfectly fine question?' } }, { token: solver.token }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(await rows(id)).toEqual([]);
    expect((await ask(id, 'x'.repeat(2000))).errors).toBeUndefined(); // the limits themselves are fine
    expect((await ask(id, '0123456789')).errors).toBeUndefined();

    const [question] = await rows(id);
    for (const text of ['   ', 'y'.repeat(5001)]) {
      const response = await answer(question.id, text, true);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].extensions!.field).toBe('answer');
    }
    expect((await rows(id))[0]).toMatchObject({ answer: null, answered_at: null, published: false });
    expect(errorCodes(await stack.client.request(QUESTIONS, { id, after: 'forged' }))).toEqual(['BAD_USER_INPUT']);
  });

  it('allows 10 questions per asker per challenge in 24 hours (RATE_LIMITED after), counted under a lock', async () => {
    const id = await open();
    const other = await open();
    for (let i = 0; i < 10; i += 1) await asked(id, rival);
    const eleventh = await ask(id, 'One question too many?', rival);
    expect(errorCodes(eleventh)).toEqual(['RATE_LIMITED']);
    expect(await rows(id)).toHaveLength(10);
    // Per challenge and per asker.
    await asked(other, rival);
    await asked(id, solver);
    // A sliding 24 hours: once the oldest is older than that, one more.
    await db.query(`update challenges.challenge_question set asked_at = now() - interval '25 hours' where id = $1`, [(await rows(id))[0].id]);
    await asked(id, rival);
    expect(errorCodes(await ask(id, 'And yet another one?', rival))).toEqual(['RATE_LIMITED']);

    // 12 at once by one asker: exactly 10 pass.
    const eager = await signUpUser(stack.client);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => ask(other, `Concurrent question number ${i}?`, eager)));
    expect(results.filter((r) => !r.errors)).toHaveLength(10);
    expect(results.flatMap((r) => errorCodes(r))).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    expect((await rows(other)).filter((r) => r.asked_by === eager.id)).toHaveLength(10);
  });

  it('pages published questions (by answer) and the sponsor\'s list (by question) with no gaps or duplicates', async () => {
    const id = await open();
    const questions: Question[] = [];
    for (const user of [solver, rival]) for (let i = 0; i < 4; i += 1) questions.push(await asked(id, user));
    // Answered and published in another order than asked; one answered privately, one not answered.
    const publishOrder = [5, 2, 7, 0, 3, 6];
    for (const index of publishOrder) expect((await answer(questions[index].id, `Answer ${index}`, true)).errors).toBeUndefined();
    expect((await answer(questions[1].id, 'Private answer', false)).errors).toBeUndefined();

    const walk = async (user: TestUser | null, first: number) => {
      const seen: Question[] = [];
      let after: string | undefined;
      for (let pages = 0; pages < 20; pages += 1) {
        const { questions: page } = await read(id, user, { first, after });
        expect(page.edges.length).toBeLessThanOrEqual(first);
        seen.push(...page.edges.map((e) => e.node));
        if (!page.pageInfo.hasNextPage) return seen;
        after = page.pageInfo.endCursor!;
      }
      throw new Error('too many pages');
    };
    for (const first of [1, 2, 4]) {
      const publicList = await walk(rival, first);
      expect(publicList.map((q) => q.id)).toEqual(publishOrder.map((i) => questions[i].id));
      expect(publicList.map((q) => q.answer)).toEqual(publishOrder.map((i) => `Answer ${i}`));
      const sponsorList = await walk(sponsor, first);
      expect(sponsorList.map((q) => q.id)).toEqual(questions.map((q) => q.id));
    }
    // An edit keeps the public order (answeredAt is the first answer's time).
    expect((await answer(questions[5].id, 'Answer 5, edited', true)).errors).toBeUndefined();
    expect((await walk(null, 3)).map((q) => q.id)).toEqual(publishOrder.map((i) => questions[i].id));
  });

  describe('SQL statements per browse page selecting questions', () => {
    const BROWSE = `query($first: Int) {
      challenges(first: $first) { edges { node { id
        questions(first: 5) { edges { cursor node { id question answer answeredAt published } } pageInfo { hasNextPage endCursor } }
        viewerQuestions { id answer published }
      } } }
    }`;

    beforeAll(async () => {
      const ids: string[] = [];
      for (let i = 0; i < 20; i += 1) ids.push((await createChallenge(stack.client, sponsor.token, challengeInput(organizationId))).id);
      // Fund them all first, then publish: the events are applied in batches.
      for (const id of ids) await publishTestEvent(stack.databaseUrl, 'FundingSucceeded', { challengeId: id, fundingId: randomUUID() });
      for (const id of ids) await fundAndPublish(stack, sponsor.token, id, { alreadyFunded: true });
      for (const id of ids) {
        const question = await asked(id, solver);
        expect((await answer(question.id, 'A public answer.', true)).errors).toBeUndefined();
        await asked(id, solver);
      }
    }, 120_000);

    async function statementsFor(first: number, user: TestUser | null) {
      const before = await sqlStatementCounts(stack);
      const response = await stack.client.request(BROWSE, { first }, { token: user?.token });
      expect(response.errors).toBeUndefined();
      const nodes = response.data!.challenges.edges.map((e: { node: unknown }) => e.node);
      expect(nodes).toHaveLength(first);
      const after = await sqlStatementCounts(stack);
      return { nodes, statements: Object.fromEntries(Object.entries(after).map(([name, count]) => [name, count - before[name as keyof typeof before]])) };
    }

    it('is the same for 2 and for 20 challenges: anonymous, the asker and the sponsor', async () => {
      for (const user of [null, solver, sponsor]) {
        await statementsFor(2, user); // warm-up, not counted
        const small = await statementsFor(2, user);
        const large = await statementsFor(20, user);
        expect(large.statements).toEqual(small.statements);
        expect(small.statements.challenges).toBeGreaterThan(0);
        // And the answers are the viewer's.
        const node = large.nodes[0] as { questions: { edges: unknown[] }; viewerQuestions: unknown[] };
        expect(node.questions.edges).toHaveLength(user === sponsor ? 2 : 1);
        expect(node.viewerQuestions).toHaveLength(user === solver ? 2 : 0);
        console.log(`statements per browse page with questions (${user === null ? 'anonymous' : user === solver ? 'asker' : 'sponsor'}): ${JSON.stringify(small.statements)}`);
      }
    });
  });
});
