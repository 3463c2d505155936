import {
  addMember,
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
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

const CLOSED_MESSAGE = 'The shortlist can only change while a challenge is open or being judged.';
const SHORTLIST = `mutation($input: ShortlistSubmissionInput!) { shortlistSubmission(input: $input) { submission { id version shortlisted } } }`;
/** The sponsor's review page: both counts (cheap aliases), then one page of the chosen list. */
const REVIEW = `query($id: ID!, $first: Int, $after: String, $shortlistedOnly: Boolean) {
  challenge(id: $id) {
    id
    allSubmissions: submissions(first: 1) { totalCount }
    shortlist: submissions(first: 1, shortlistedOnly: true) { totalCount }
    submissions(first: $first, after: $after, shortlistedOnly: $shortlistedOnly) {
      totalCount
      edges { cursor node { id title body version submittedAt shortlisted author { id displayName } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
const FINISH = `mutation($id: ID!) { finishJudging(challengeId: $id) { challenge { status } } }`;
const CANCEL = `mutation($id: ID!) { cancelChallenge(challengeId: $id) { challenge { status } } }`;
/** What an author sees of their own submission, everywhere it shows. */
const AUTHOR_VIEW = `query($id: ID!) {
  challenge(id: $id) { viewerSubmissions { id shortlisted } }
  viewer { submissions(first: 5) { totalCount edges { node { id shortlisted } } } }
}`;
/** More than the largest page the statement test asks for. */
const AUTHORS = 52;

interface ReviewNode {
  id: string;
  shortlisted: boolean | null;
  author: { id: string; displayName: string };
}

describe('the judges’ shortlist, through the gateway', () => {
  let stack: Stack;
  let db: Client;
  let sponsor: TestUser;
  let admin: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let authors: TestUser[];
  let organizationId: string;
  let challengeId: string;
  /** The challenge's submissions in review order (first submitted first). */
  let ordered: { id: string; authorId: string }[];

  const shortlist = (submissionId: string, shortlisted: boolean, user?: TestUser) =>
    stack.client.request(SHORTLIST, { input: { submissionId, shortlisted } }, { token: user?.token });
  const review = (user: TestUser, variables: { first?: number; after?: string | null; shortlistedOnly?: boolean } = {}, id = challengeId) =>
    stack.client.request(REVIEW, { id, ...variables }, { token: user.token });
  const shortlistedAt = async (submissionId: string): Promise<Date | null> =>
    (await db.query(`select shortlisted_at from submissions.submission where id = $1`, [submissionId])).rows[0].shortlisted_at;
  const submit = (id: string, user: TestUser, title = 'Ceramic filter') =>
    runContract(stack.client, 'SubmitSolution', { input: { challengeId: id, title, body: `Fired clay and copper mesh, by ${user.displayName}.` } }, user.token);

  /** A funded, OPEN challenge with one submission by `author`, known to be OPEN by the submissions context. */
  async function openChallengeWithSubmission(author: TestUser): Promise<{ challengeId: string; submissionId: string }> {
    const { id } = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId));
    await fundAndPublish(stack, sponsor.token, id);
    const submitted = await eventually(async () => {
      const response = await submit(id, author);
      expect(response.errors).toBeUndefined();
      return response;
    });
    return { challengeId: id, submissionId: submitted.data!.submitSolution.submission.id };
  }

  beforeAll(async () => {
    stack = await startStack();
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    [sponsor, admin, member, outsider] = await Promise.all([1, 2, 3, 4].map(() => signUpUser(stack.client)));
    authors = [];
    for (let i = 0; i < AUTHORS; i += 8) authors.push(...(await Promise.all(Array.from({ length: Math.min(8, AUTHORS - i) }, () => signUpUser(stack.client)))));
    organizationId = await createOrganization(stack.client, sponsor.token);
    await addMember(stack.client, sponsor.token, organizationId, admin, 'ADMIN');
    await addMember(stack.client, sponsor.token, organizationId, member, 'MEMBER');
    ({ challengeId } = await openChallengeWithSubmission(authors[0]));
    for (let i = 1; i < AUTHORS; i += 8) {
      const responses = await Promise.all(authors.slice(i, i + 8).map((author) => submit(challengeId, author)));
      expect(responses.map((r) => r.errors)).toEqual(responses.map(() => undefined));
    }
    const all = await review(sponsor, { first: 100 });
    expect(all.errors).toBeUndefined();
    ordered = all.data!.challenge.submissions.edges.map((e: { node: ReviewNode }) => ({ id: e.node.id, authorId: e.node.author.id }));
    expect(ordered).toHaveLength(AUTHORS);
  }, 240_000);
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it('lets an ADMIN shortlist and un-shortlist, idempotently: shortlisting again keeps the first shortlisted_at', async () => {
    const target = ordered[0].id;
    expect(await shortlistedAt(target)).toBeNull();
    const first = await shortlist(target, true, admin);
    expect(first.errors).toBeUndefined();
    expect(first.data!.shortlistSubmission.submission).toEqual({ id: target, version: 1, shortlisted: true });
    const at = await shortlistedAt(target);
    expect(at).toBeInstanceOf(Date);

    await new Promise((resolve) => setTimeout(resolve, 20));
    const again = await shortlist(target, true, admin);
    expect(again.data!.shortlistSubmission.submission.shortlisted).toBe(true);
    expect(await shortlistedAt(target)).toEqual(at);
    // The OWNER sees what the ADMIN did.
    const seen = await review(sponsor, { first: 1 });
    expect(seen.data!.challenge.submissions.edges[0].node).toMatchObject({ id: target, shortlisted: true });

    for (let i = 0; i < 2; i += 1) {
      const off = await shortlist(target, false, admin);
      expect(off.errors).toBeUndefined();
      expect(off.data!.shortlistSubmission.submission).toEqual({ id: target, version: 1, shortlisted: false });
      expect(await shortlistedAt(target)).toBeNull();
    }
  });

  it('refuses a plain MEMBER of the sponsor, the author and an unrelated solver (FORBIDDEN), changing nothing', async () => {
    const [on, off] = [ordered[1], ordered[2]];
    expect((await shortlist(on.id, true, sponsor)).errors).toBeUndefined();
    const onAt = await shortlistedAt(on.id);
    const authorOf = (submission: { authorId: string }) => authors.find((a) => a.id === submission.authorId)!;
    for (const [submission, shortlisted] of [[on, false], [off, true]] as const) {
      for (const user of [member, authorOf(submission), outsider]) {
        const refused = await shortlist(submission.id, shortlisted, user);
        expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
        expect(refused.data ?? null).toBeNull();
      }
    }
    expect(await shortlistedAt(on.id)).toEqual(onAt);
    expect(await shortlistedAt(off.id)).toBeNull();
  });

  it('answers NOT_FOUND for an unknown id, BAD_USER_INPUT for a malformed one, and UNAUTHENTICATED when signed out', async () => {
    expect(errorCodes(await shortlist(randomUUID(), true, admin))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await shortlist('not-an-id', true, admin))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await shortlist(ordered[3].id, true))).toEqual(['UNAUTHENTICATED']);
    expect(await shortlistedAt(ordered[3].id)).toBeNull();
  });

  it('shows the author null for shortlisted on their own submission, wherever it shows', async () => {
    const own = ordered[4];
    const author = authors.find((a) => a.id === own.authorId)!;
    expect((await shortlist(own.id, true, admin)).errors).toBeUndefined();
    const seen = await stack.client.request(AUTHOR_VIEW, { id: challengeId }, { token: author.token });
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.challenge.viewerSubmissions).toEqual([{ id: own.id, shortlisted: null }]);
    expect(seen.data!.viewer.submissions).toEqual({ totalCount: 1, edges: [{ node: { id: own.id, shortlisted: null } }] });
    // A resubmission stays on the shortlist, and the author still cannot tell.
    const resubmitted = await stack.client.request(
      `mutation($input: SubmitSolutionInput!) { submitSolution(input: $input) { submission { id version shortlisted } } }`,
      { input: { challengeId, title: 'Ceramic filter, v2', body: 'Thinner walls.' } },
      { token: author.token },
    );
    expect(resubmitted.data!.submitSolution.submission).toEqual({ id: own.id, version: 2, shortlisted: null });
    expect(await shortlistedAt(own.id)).toBeInstanceOf(Date);
    // Anyone else's viewer.submissions is empty and counts 0 (a forged User reference gets nothing either).
    const other = await stack.client.request(AUTHOR_VIEW, { id: challengeId }, { token: outsider.token });
    expect(other.data!.viewer.submissions).toEqual({ totalCount: 0, edges: [] });
  });

  it('pages the shortlist with first: 2 over 3+ pages: exactly the shortlisted submissions, in order, with totalCount for both filters', async () => {
    const chosen = [5, 9, 14, 20, 33, 41, 47].map((i) => ordered[i].id);
    const answers = await Promise.all(chosen.map((id) => shortlist(id, true, admin)));
    expect(answers.map((a) => a.errors)).toEqual(chosen.map(() => undefined));
    const expected: string[] = (
      await db.query(`select id from submissions.submission where challenge_id = $1 and shortlisted_at is not null order by first_submitted_at, id`, [challengeId])
    ).rows.map((r) => r.id);
    expect(expected).toEqual(expect.arrayContaining(chosen));
    expect(expected).toEqual(ordered.map((s) => s.id).filter((id) => expected.includes(id))); // review order

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page = await review(sponsor, { first: 2, after, shortlistedOnly: true });
      expect(page.errors).toBeUndefined();
      const { submissions, allSubmissions, shortlist: counted } = page.data!.challenge;
      expect([submissions.totalCount, counted.totalCount, allSubmissions.totalCount]).toEqual([expected.length, expected.length, AUTHORS]);
      const nodes: ReviewNode[] = submissions.edges.map((e: { node: ReviewNode }) => e.node);
      expect(nodes.length).toBeLessThanOrEqual(2);
      expect(nodes.every((n) => n.shortlisted === true)).toBe(true);
      seen.push(...nodes.map((n) => n.id));
      pages += 1;
      if (!submissions.pageInfo.hasNextPage) break;
      after = submissions.pageInfo.endCursor;
    }
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual(expected); // in order, no duplicates, no gaps

    // The unfiltered list still has everyone, shortlisted or not, with the flag.
    const full = await review(admin, { first: 100 });
    const nodes: ReviewNode[] = full.data!.challenge.submissions.edges.map((e: { node: ReviewNode }) => e.node);
    expect(full.data!.challenge.submissions.totalCount).toBe(AUTHORS);
    expect(nodes.filter((n) => n.shortlisted).map((n) => n.id)).toEqual(expected);
    expect(nodes.filter((n) => n.shortlisted === false)).toHaveLength(AUTHORS - expected.length);
  });

  it('refuses the shortlisted list to a plain MEMBER and the authors, as the full list', async () => {
    for (const user of [member, authors[0]]) {
      const refused = await review(user, { first: 5, shortlistedOnly: true });
      expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    }
  });

  it('allows changes while judging, and refuses them (FAILED_PRECONDITION) once the challenge is awarded or cancelled', async () => {
    const judged = await openChallengeWithSubmission(authors[1]);
    expect((await runContract(stack.client, 'CloseSubmissions', { challengeId: judged.challengeId }, sponsor.token)).errors).toBeUndefined();
    // JUDGING reaches the submissions context as an event: probe until a submission is refused.
    await eventually(async () => expect(errorCodes(await submit(judged.challengeId, outsider))).toEqual(['FAILED_PRECONDITION']));
    const whileJudging = await shortlist(judged.submissionId, true, admin);
    expect(whileJudging.errors).toBeUndefined();
    const at = await shortlistedAt(judged.submissionId);
    expect((await stack.client.request(FINISH, { id: judged.challengeId }, { token: sponsor.token })).data!.finishJudging.challenge.status).toBe('AWARDED');

    const cancelled = await openChallengeWithSubmission(authors[2]);
    expect((await stack.client.request(CANCEL, { id: cancelled.challengeId }, { token: sponsor.token })).data!.cancelChallenge.challenge.status).toBe('CANCELLED');

    // The end of a challenge reaches the submissions context as an event: wait for it without changing anything
    // (shortlisting the already shortlisted submission again is a no-op; a probe submission to the cancelled one).
    await eventually(async () => expect(errorCodes(await shortlist(judged.submissionId, true, admin))).toEqual(['FAILED_PRECONDITION']));
    await eventually(async () => expect(errorCodes(await submit(cancelled.challengeId, outsider))).toEqual(['FAILED_PRECONDITION']));
    for (const [submissionId, shortlisted] of [[judged.submissionId, false], [cancelled.submissionId, true]] as const) {
      const refused = await shortlist(submissionId, shortlisted, admin);
      expect(errorCodes(refused)).toEqual(['FAILED_PRECONDITION']);
      expect(refused.errors![0].message).toBe(CLOSED_MESSAGE);
    }
    expect(await shortlistedAt(judged.submissionId)).toEqual(at);
    expect(await shortlistedAt(cancelled.submissionId)).toBeNull();
  });

  describe('SQL statements per review page', () => {
    /** Statements per subgraph for one review page request. */
    async function statementsFor(variables: { first: number; shortlistedOnly?: boolean }, query = REVIEW) {
      const before = await sqlStatementCounts(stack);
      const response = await stack.client.request(query, { id: challengeId, ...variables }, { token: sponsor.token });
      expect(response.errors).toBeUndefined();
      const after = await sqlStatementCounts(stack);
      return {
        rows: response.data!.challenge.submissions.edges.length as number,
        statements: Object.fromEntries(Object.entries(after).map(([name, count]) => [name, count - before[name as keyof typeof before]])),
      };
    }

    it('is the same for first: 5 and first: 50 with shortlisted and totalCount selected, for both filters', async () => {
      for (const shortlistedOnly of [false, true]) {
        await statementsFor({ first: 5, shortlistedOnly }); // warm-up, not counted
        const small = await statementsFor({ first: 5, shortlistedOnly });
        const large = await statementsFor({ first: 50, shortlistedOnly });
        expect(small.rows).toBe(5);
        expect(large.rows).toBeGreaterThan(5);
        if (!shortlistedOnly) expect(large.rows).toBe(50);
        expect(large.statements).toEqual(small.statements);
        expect(small.statements.submissions).toBeGreaterThan(0);
        console.log(`statements per review page (shortlistedOnly: ${shortlistedOnly}): ${JSON.stringify(small.statements)}`);
      }
    });

    it('counts nothing when totalCount is not selected, and one statement for every count when it is', async () => {
      const page = (fields: string) =>
        `query($id: ID!, $first: Int, $shortlistedOnly: Boolean) { challenge(id: $id) { ${fields} submissions(first: $first, shortlistedOnly: $shortlistedOnly) { edges { node { id } } } } }`;
      const without = page('');
      const withOne = page('counted: submissions(first: 1) { totalCount }');
      const withBoth = page('a: submissions(first: 1) { totalCount } b: submissions(first: 1, shortlistedOnly: true) { totalCount }');
      await statementsFor({ first: 5 }, withBoth); // warm-up, not counted
      const base = (await statementsFor({ first: 5 }, without)).statements.submissions;
      // One more page (the alias, first: 1), and one count.
      expect((await statementsFor({ first: 5 }, withOne)).statements.submissions).toBe(base + 2);
      // Two more pages (one per filter), and still one count for both filters.
      expect((await statementsFor({ first: 5 }, withBoth)).statements.submissions).toBe(base + 3);
    });
  });
});
