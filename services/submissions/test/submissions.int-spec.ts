import {
  addMember,
  challengeInput,
  createChallenge,
  createOrganization,
  errorCodes,
  eventually,
  fundAndPublish,
  requestSubgraph,
  runContract,
  signUpUser,
  startStack,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { randomUUID } from 'node:crypto';

describe('sealed, versioned submissions through the gateway', () => {
  let stack: Stack;
  let sponsor: TestUser;
  let admin: TestUser;
  let member: TestUser;
  let ada: TestUser;
  let grace: TestUser;
  let organizationId: string;
  let challengeId: string;
  let adaSubmissionId: string;

  const submit = (user: TestUser, title: string, body: string, id = challengeId) =>
    runContract(stack.client, 'SubmitSolution', { input: { challengeId: id, title, body } }, user.token);

  beforeAll(async () => {
    stack = await startStack();
    [sponsor, admin, member, ada, grace] = await Promise.all([1, 2, 3, 4, 5].map(() => signUpUser(stack.client)));
    organizationId = await createOrganization(stack.client, sponsor.token);
    await addMember(stack.client, sponsor.token, organizationId, admin, 'ADMIN');
    await addMember(stack.client, sponsor.token, organizationId, member, 'MEMBER');
    challengeId = (await createChallenge(stack.client, sponsor.token, challengeInput(organizationId))).id;
    await fundAndPublish(stack, sponsor.token, challengeId);
    // Wait until submissions has learnt that the challenge is OPEN.
    const first = await eventually(async () => {
      const response = await submit(ada, 'Solar still', 'Version one of my design.');
      expect(response.errors).toBeUndefined();
      return response;
    });
    adaSubmissionId = first.data!.submitSolution.submission.id;
    expect(first.data!.submitSolution.submission).toEqual({ id: adaSubmissionId, status: 'SUBMITTED', version: 1, challenge: { id: challengeId } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('makes a second submission version 2 of the same submission', async () => {
    const second = await submit(ada, 'Solar still, improved', 'Version two: better condenser.');
    expect(second.data!.submitSolution.submission).toEqual({ id: adaSubmissionId, status: 'SUBMITTED', version: 2, challenge: { id: challengeId } });
    const detail = await runContract(stack.client, 'ChallengeDetail', { id: challengeId }, ada.token);
    expect(detail.data!.challenge.viewerSubmissions).toEqual([{ id: adaSubmissionId, status: 'SUBMITTED', version: 2 }]);
    expect(detail.data!.challenge.submissionCount).toBe(1);
  });

  it('keeps every version under concurrent resubmissions', async () => {
    const user = await signUpUser(stack.client);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => submit(user, `Try ${i}`, `Body ${i}`)));
    expect(results.map((r) => r.errors)).toEqual(Array(8).fill(undefined));
    expect(results.map((r) => r.data!.submitSolution.submission.version).sort((a: number, b: number) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(results.map((r) => r.data!.submitSolution.submission.id)).size).toBe(1);
  });

  it('lets the sponsor OWNER and ADMIN read the submissions, with authors', async () => {
    await submit(grace, 'Reverse osmosis', 'Grace’s approach.');
    for (const judge of [sponsor, admin]) {
      const response = await runContract(stack.client, 'ChallengeSubmissions', { challengeId, first: 10 }, judge.token);
      expect(response.errors).toBeUndefined();
      const nodes = response.data!.challenge.submissions.edges.map((e: any) => e.node);
      expect(nodes[0]).toMatchObject({ id: adaSubmissionId, title: 'Solar still, improved', body: 'Version two: better condenser.', version: 2, author: { id: ada.id, displayName: ada.displayName } });
      expect(nodes.map((n: any) => n.author.id)).toEqual(expect.arrayContaining([ada.id, grace.id]));
    }
  });

  it('pages the sponsor view with keyset cursors', async () => {
    const page1 = await runContract(stack.client, 'ChallengeSubmissions', { challengeId, first: 1 }, sponsor.token);
    const page2 = await runContract(stack.client, 'ChallengeSubmissions', { challengeId, first: 1, after: page1.data!.challenge.submissions.pageInfo.endCursor }, sponsor.token);
    expect(page1.data!.challenge.submissions.pageInfo.hasNextPage).toBe(true);
    expect(page2.data!.challenge.submissions.edges[0].node.id).not.toBe(page1.data!.challenge.submissions.edges[0].node.id);
  });

  describe('sealing', () => {
    it('refuses the submissions list to other solvers, plain members and anonymous callers', async () => {
      for (const [user, code] of [[grace, 'FORBIDDEN'], [member, 'FORBIDDEN'], [undefined, 'UNAUTHENTICATED']] as const) {
        const response = await runContract(stack.client, 'ChallengeSubmissions', { challengeId, first: 10 }, user?.token);
        expect(errorCodes(response)).toEqual([code]);
        expect(JSON.stringify(response.data ?? null)).not.toContain('condenser');
      }
    });

    it('does not leak through aliases or nested paths', async () => {
      const query = `query($id: ID!) {
        a: challenge(id: $id) { mine: viewerSubmissions { id body } all: submissions(first: 5) { edges { node { id body } } } }
        b: challenges(first: 50) { edges { node { id viewerSubmissions { body } } } }
        viewer { submissions(first: 5) { edges { node { body challenge { id } } } } }
      }`;
      const response = await stack.client.request(query, { id: challengeId }, { token: grace.token });
      expect(JSON.stringify(response)).not.toContain('condenser');
      expect(JSON.stringify(response)).not.toContain('Version one');
    });

    it('returns nothing to a forged _entities request signed for another solver or a plain member', async () => {
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Submission { id title body versions { body } } } }`;
      for (const outsider of [grace, member]) {
        const response = await requestSubgraph(stack, 'submissions', query, { r: [{ __typename: 'Submission', id: adaSubmissionId }] }, outsider.id);
        expect(response.status).toBe(200);
        expect(response.body.data._entities).toEqual([null]);
        expect(JSON.stringify(response.body)).not.toContain('condenser');
      }
      const author = await requestSubgraph(stack, 'submissions', query, { r: [{ __typename: 'Submission', id: adaSubmissionId }] }, ada.id);
      expect(author.body.data._entities[0]).toMatchObject({ id: adaSubmissionId, body: 'Version two: better condenser.' });
      expect(author.body.data._entities[0].versions).toHaveLength(2);
      const judge = await requestSubgraph(stack, 'submissions', query, { r: [{ __typename: 'Submission', id: adaSubmissionId }] }, admin.id);
      expect(judge.body.data._entities[0].id).toBe(adaSubmissionId);
    });

    it('lists a user’s submissions only to that user', async () => {
      const own = await runContract(stack.client, 'Viewer', {}, ada.token);
      expect(own.data!.viewer.submissions.edges.map((e: any) => e.node)).toEqual([{ id: adaSubmissionId, status: 'SUBMITTED', challenge: { id: challengeId, title: expect.any(String) } }]);
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { submissions(first: 5) { edges { node { id } } } } } }`;
      const forged = await requestSubgraph(stack, 'submissions', query, { r: [{ __typename: 'User', id: ada.id }] }, grace.id);
      expect(forged.body.data._entities[0].submissions.edges).toEqual([]);
    });
  });

  describe('rules', () => {
    it('refuses anonymous callers, unknown challenges, bad input and the sponsor’s own members', async () => {
      const anonymous = await runContract(stack.client, 'SubmitSolution', { input: { challengeId, title: 'x', body: 'y' } });
      expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
      const unknown = await submit(grace, 'Title', 'Body', randomUUID());
      expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
      const malformed = await submit(grace, 'Title', 'Body', 'not-an-id');
      expect(malformed.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'challengeId' });
      const noTitle = await submit(grace, '  ', 'Body');
      expect(noTitle.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
      const noBody = await submit(grace, 'Title', '');
      expect(noBody.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
      const ownMember = await submit(member, 'Inside job', 'I work for the sponsor.');
      expect(errorCodes(ownMember)).toEqual(['FORBIDDEN']);
    });

    it('refuses submissions to a draft and after the challenge is closed, writing nothing', async () => {
      const draft = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId));
      await eventually(async () => {
        // A draft is its sponsor's business: NOT_FOUND, as the challenges context answers.
        const response = await submit(grace, 'Too early', 'Draft', draft.id);
        expect(errorCodes(response)).toEqual(['NOT_FOUND']);
      });

      const closing = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId));
      await fundAndPublish(stack, sponsor.token, closing.id);
      await eventually(async () => expect((await submit(grace, 'On time', 'Before the close', closing.id)).errors).toBeUndefined());
      const closed = await runContract(stack.client, 'CloseSubmissions', { challengeId: closing.id }, sponsor.token);
      expect(closed.data!.closeSubmissions.challenge.status).toBe('JUDGING');
      // Closing early reaches the submissions context as an event: until it arrives (well under a second), a
      // submission can still be accepted. Probe with a throwaway solver so Grace's history stays exact.
      const probe = await signUpUser(stack.client);
      await eventually(async () => {
        const probed = await submit(probe, 'Probe', 'Is it closed yet?', closing.id);
        expect(errorCodes(probed)).toEqual(['FAILED_PRECONDITION']);
      });
      const late = await submit(grace, 'Too late', 'After the close', closing.id);
      expect(errorCodes(late)).toEqual(['FAILED_PRECONDITION']);
      const detail = await runContract(stack.client, 'ChallengeDetail', { id: closing.id }, grace.token);
      expect(detail.data!.challenge.viewerSubmissions).toEqual([expect.objectContaining({ version: 1 })]);
    });

    it('refuses a submission after the deadline even before the status changes', async () => {
      const soon = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId, { submissionDeadline: new Date(Date.now() + 5000).toISOString() }));
      await fundAndPublish(stack, sponsor.token, soon.id);
      await eventually(async () => expect((await submit(grace, 'Just in time', 'Quick', soon.id)).errors).toBeUndefined());
      await new Promise((r) => setTimeout(r, 5500));
      const late = await submit(grace, 'Too late', 'Slow', soon.id);
      expect(errorCodes(late)).toEqual(['FAILED_PRECONDITION']);
    });
  });
});
