import {
  addMember,
  challengeInput,
  createChallenge,
  createOrganization,
  eventually,
  fundAndPublish,
  requestSubgraph,
  runContract,
  signUpUser,
  startStack,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { buildSchema, isInputObjectType, getNamedType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { ANNOUNCE_VISIBILITY_SQL } from '../src/migrations/Migration20261205090000_announce_visibility';

/**
 * INVITE_ONLY challenges (issues 10 and 15): the sponsor's members see one but may not enter it; invited solvers
 * (PARTICIPANT invitations, accepted) see it and enter it: that positive path, with read-your-writes and revocation,
 * is invite-only-participants.int-spec.ts. Everyone else gets NOT_FOUND by every path: every operation that takes a
 * challenge or a submission id (the table below, checked against the API schema), through the gateway, and `_entities`
 * sent straight to the subgraphs that contribute to Challenge and Prize.
 */

const API_SCHEMA: GraphQLSchema = buildSchema(readFileSync(join(__dirname, '..', '..', '..', 'web', 'schema.graphql'), 'utf8'));
const ID_NAMES = new Set(['challengeId', 'submissionId']);

/** Root fields that name a challenge or a submission: an argument, or a field of an input argument, called challengeId/submissionId (or challenge(id)). */
function operationsTakingChallengeOrSubmissionIds(): string[] {
  const names: string[] = [];
  for (const root of [API_SCHEMA.getQueryType()!, API_SCHEMA.getMutationType()!]) {
    for (const field of Object.values(root.getFields()) as GraphQLField<unknown, unknown>[]) {
      const takesId = field.args.some((arg) => {
        if (ID_NAMES.has(arg.name) || (field.name === 'challenge' && arg.name === 'id')) return true;
        const type = getNamedType(arg.type);
        return isInputObjectType(type) && Object.keys(type.getFields()).some((name) => ID_NAMES.has(name));
      });
      if (takesId) names.push(`${root.name}.${field.name}`);
    }
  }
  return names.sort();
}

describe('INVITE_ONLY challenges are the sponsor’s business only', () => {
  let stack: Stack;
  let db: Client;
  let sponsor: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let inviteOnly: string;
  let publicChallenge: string;
  let legacySubmission: string;

  /** One request per operation, as the outsider: every way to name the challenge (or a submission to it). */
  const cases = (challengeId: string, submissionId: string): Record<string, { query: string; variables: Record<string, unknown> }> => ({
    'Query.challenge': { query: `query($id: ID!) { challenge(id: $id) { id title submissionCount } }`, variables: { id: challengeId } },
    'Mutation.updateChallenge': {
      query: `mutation($input: UpdateChallengeInput!) { updateChallenge(input: $input) { challenge { id } } }`,
      variables: { input: { challengeId, summary: 'A new summary' } },
    },
    'Mutation.publishChallenge': { query: `mutation($id: ID!) { publishChallenge(challengeId: $id) { challenge { id } } }`, variables: { id: challengeId } },
    'Mutation.closeSubmissions': { query: `mutation($id: ID!) { closeSubmissions(challengeId: $id) { challenge { id } } }`, variables: { id: challengeId } },
    'Mutation.setJudgingRubric': {
      query: `mutation($input: SetJudgingRubricInput!) { setJudgingRubric(input: $input) { challenge { id } } }`,
      variables: { input: { challengeId, criteria: [{ key: 'overall', label: 'Overall', description: '', weightPercent: 100 }] } },
    },
    'Mutation.inviteToChallenge': {
      query: `mutation($input: InviteToChallengeInput!) { inviteToChallenge(input: $input) { invitations { id } } }`,
      variables: { input: { challengeId, emails: ['someone@example.com'], role: 'JUDGE' } },
    },
    'Mutation.advanceToFinalRound': {
      query: `mutation($input: AdvanceToFinalRoundInput!) { advanceToFinalRound(input: $input) { challenge { id } } }`,
      variables: { input: { challengeId, finalistSubmissionIds: [submissionId], finalRoundDeadline: new Date(Date.now() + 7 * 86_400_000).toISOString() } },
    },
    'Mutation.finishJudging': { query: `mutation($id: ID!) { finishJudging(challengeId: $id) { challenge { id } } }`, variables: { id: challengeId } },
    'Mutation.cancelChallenge': { query: `mutation($id: ID!) { cancelChallenge(challengeId: $id) { challenge { id } } }`, variables: { id: challengeId } },
    'Mutation.askChallengeQuestion': {
      query: `mutation($input: AskChallengeQuestionInput!) { askChallengeQuestion(input: $input) { question { id } } }`,
      variables: { input: { challengeId, question: 'May a team of two enter together?' } },
    },
    'Mutation.fundChallenge': { query: `mutation($id: ID!) { fundChallenge(challengeId: $id) { funding { id } } }`, variables: { id: challengeId } },
    'Mutation.awardPrize': {
      query: `mutation($input: AwardPrizeInput!) { awardPrize(input: $input) { award { id } } }`,
      variables: { input: { challengeId, prizeRank: 1, submissionId } },
    },
    'Mutation.awardPrizes': {
      query: `mutation($input: AwardPrizesInput!) { awardPrizes(input: $input) { awardedCount } }`,
      variables: { input: { challengeId, idempotencyKey: 'probe', awards: [{ prizeRank: 1, submissionId }] } },
    },
    'Mutation.scoreSubmission': {
      query: `mutation($input: ScoreSubmissionInput!) { scoreSubmission(input: $input) { scoreCard { id } } }`,
      variables: { input: { submissionId, scores: [{ criterionKey: 'overall', value: '7' }] } },
    },
    'Mutation.submitSolution': {
      query: `mutation($input: SubmitSolutionInput!) { submitSolution(input: $input) { submission { id } } }`,
      variables: { input: { challengeId, title: 'Ceramic filter', body: 'Fired clay and copper mesh.' } },
    },
    'Mutation.acceptChallengeTerms': {
      query: `mutation($input: AcceptChallengeTermsInput!) { acceptChallengeTerms(input: $input) { challenge { id } } }`,
      variables: { input: { challengeId } },
    },
    'Mutation.createTeam': {
      query: `mutation($input: CreateTeamInput!) { createTeam(input: $input) { team { id } } }`,
      variables: { input: { challengeId, name: 'Clay and copper' } },
    },
    'Mutation.shortlistSubmission': {
      query: `mutation($input: ShortlistSubmissionInput!) { shortlistSubmission(input: $input) { submission { id } } }`,
      variables: { input: { submissionId, shortlisted: true } },
    },
    'Mutation.castVote': {
      query: `mutation($input: CastVoteInput!) { castVote(input: $input) { vote { id } } }`,
      variables: { input: { submissionId } },
    },
    'Mutation.withdrawVote': {
      query: `mutation($input: WithdrawVoteInput!) { withdrawVote(input: $input) { submission { id } } }`,
      variables: { input: { submissionId } },
    },
  });

  beforeAll(async () => {
    stack = await startStack();
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    [sponsor, member, outsider] = await Promise.all([1, 2, 3].map(() => signUpUser(stack.client)));
    const organizationId = await createOrganization(stack.client, sponsor.token);
    await addMember(stack.client, sponsor.token, organizationId, member, 'MEMBER');
    inviteOnly = (await createChallenge(stack.client, sponsor.token, challengeInput(organizationId, { visibility: 'INVITE_ONLY' }))).id;
    publicChallenge = (await createChallenge(stack.client, sponsor.token, challengeInput(organizationId))).id;
    await fundAndPublish(stack, sponsor.token, inviteOnly);
    await fundAndPublish(stack, sponsor.token, publicChallenge, { simulated: true });
    // Both OPEN in submissions (its member is refused for the conflict of interest, not for an unknown challenge).
    for (const id of [inviteOnly, publicChallenge]) {
      await eventually(async () => {
        const response = await runContract(stack.client, 'SubmitSolution', { input: { challengeId: id, title: 'Probe', body: 'Probe' } }, member.token);
        expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      });
    }
    // A submission the outsider could make before this rule existed (written as the old code would have).
    legacySubmission = randomUUID();
    await db.query(
      `insert into submissions.submission (id, challenge_id, author_id, status, current_version, first_submitted_at, submitted_at)
       values ($1, $2, $3, 'SUBMITTED', 1, now(), now())`,
      [legacySubmission, inviteOnly, outsider.id],
    );
    await db.query(`insert into submissions.submission_version (submission_id, version, title, body, submitted_at) values ($1, 1, 'Old entry', 'Body', now())`, [
      legacySubmission,
    ]);
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it('covers every operation of the API that takes a challenge or submission id (generated from the schema)', () => {
    expect(Object.keys(cases(inviteOnly, legacySubmission)).sort()).toEqual(operationsTakingChallengeOrSubmissionIds());
  });

  it('answers NOT_FOUND to an uninvited solver who knows the ids, for every one of them, and writes nothing', async () => {
    const tables = ['submissions.submission', 'submissions.terms_acceptance', 'submissions.team', 'challenges.challenge_question', 'payouts.funding', 'payouts.award', 'submissions.vote'];
    const rowsBefore = await Promise.all(tables.map(async (t) => Number((await db.query(`select count(*) from ${t}`)).rows[0].count)));
    const answers: Record<string, unknown> = {};
    for (const [operation, { query, variables }] of Object.entries(cases(inviteOnly, legacySubmission))) {
      const response = await stack.client.request(query, variables, { token: outsider.token });
      answers[operation] = response.errors?.map((e) => e.extensions?.code);
    }
    const expected = Object.fromEntries(Object.keys(answers).map((operation) => [operation, ['NOT_FOUND']]));
    expect(answers).toEqual(expected);
    const rowsAfter = await Promise.all(tables.map(async (t) => Number((await db.query(`select count(*) from ${t}`)).rows[0].count)));
    expect(rowsAfter).toEqual(rowsBefore);
  });

  it('answers the same outsider normally on a PUBLIC challenge (the rule is visibility, not a blanket refusal)', async () => {
    const submit = cases(publicChallenge, legacySubmission)['Mutation.submitSolution'];
    const submitted = await stack.client.request(submit.query, submit.variables, { token: outsider.token });
    expect(submitted.errors).toBeUndefined();
    const award = cases(publicChallenge, submitted.data!.submitSolution.submission.id)['Mutation.awardPrize'];
    // Visible, but not theirs to award (once payouts has heard that it was published).
    await eventually(async () => {
      const refused = await stack.client.request(award.query, award.variables, { token: outsider.token });
      expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    });
  });

  it('lets the sponsor’s members see it but not enter it', async () => {
    const detail = await stack.client.request(`query($id: ID!) { challenge(id: $id) { id visibility submissionCount funding { status } } }`, { id: inviteOnly }, { token: member.token });
    expect(detail.errors).toBeUndefined();
    expect(detail.data!.challenge).toMatchObject({ id: inviteOnly, visibility: 'INVITE_ONLY', funding: { status: 'SUCCEEDED' } });
    const { query, variables } = cases(inviteOnly, legacySubmission)['Mutation.acceptChallengeTerms'];
    const accepted = await stack.client.request(query, variables, { token: member.token });
    expect(accepted.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('resolves nothing of it through _entities sent straight to the subgraphs, for an outsider or anonymously', async () => {
    const challengeFields = {
      submissions: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Challenge { id submissionCount viewerHasAcceptedTerms viewerSubmissions { id } } } }`,
      payouts: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Challenge { id funding { status } } } }`,
    } as const;
    for (const userId of [outsider.id, null]) {
      for (const [subgraph, query] of Object.entries(challengeFields) as [keyof typeof challengeFields, string][]) {
        const hidden = await requestSubgraph(stack, subgraph, query, { r: [{ __typename: 'Challenge', id: inviteOnly }] }, userId);
        expect([subgraph, hidden.body.errors, hidden.body.data._entities]).toEqual([subgraph, undefined, [null]]);
        // The same request for the PUBLIC challenge answers (the test would pass vacuously otherwise).
        const shown = await requestSubgraph(stack, subgraph, query, { r: [{ __typename: 'Challenge', id: publicChallenge }] }, userId);
        expect(shown.body.data._entities[0]).toMatchObject({ id: publicChallenge });
      }
      const prize = await requestSubgraph(
        stack,
        'payouts',
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Prize { challengeId rank award { id } } } }`,
        { r: [{ __typename: 'Prize', challengeId: inviteOnly, rank: 1 }, { __typename: 'Prize', challengeId: publicChallenge, rank: 1 }] },
        userId,
      );
      expect(prize.body.data._entities).toEqual([null, { challengeId: publicChallenge, rank: 1, award: null }]);
    }
    // Its members still get it from each subgraph.
    const forMember = await requestSubgraph(stack, 'payouts', challengeFields.payouts, { r: [{ __typename: 'Challenge', id: inviteOnly }] }, member.id);
    expect(forMember.body.data._entities).toEqual([{ id: inviteOnly, funding: { status: 'SUCCEEDED' } }]);
  });

  it('leaves out of User.submissions a submission to a challenge its author may not see, so `viewer` stays whole', async () => {
    const VIEWER = `{ viewer { id submissions(first: 20) { totalCount edges { node { id challenge { id title } } } } } }`;
    const response = await stack.client.request(VIEWER, {}, { token: outsider.token });
    expect(response.errors).toBeUndefined();
    const ids = response.data!.viewer.submissions.edges.map((e: any) => e.node.id);
    expect(ids).not.toContain(legacySubmission);
    expect(ids.length).toBeGreaterThan(0); // the PUBLIC one is listed
    expect(response.data!.viewer.submissions.totalCount).toBe(ids.length);
  });

  it('never nulls data without an error: when a read model lags and the gateway must drop a hidden entity, it says so', async () => {
    // submissions believes the challenge is PUBLIC (as if its read model had not yet heard otherwise); challenges knows better.
    await db.query(`update submissions.challenge_view set visibility = 'PUBLIC' where id = $1`, [inviteOnly]);
    try {
      const response = await stack.client.request(`{ viewer { id submissions(first: 20) { edges { node { id challenge { id title } } } } } }`, {}, { token: outsider.token });
      expect(response.data?.viewer ?? null).toBeNull(); // the hidden challenge is non-null where it sits: GraphQL nulls the nearest nullable parent
      expect(response.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['NOT_FOUND', 'Part of this answer is not available to you (Challenge.title).']]);
      expect(response.extensions?.valueCompletion).toBeUndefined();
    } finally {
      await db.query(`update submissions.challenge_view set visibility = 'INVITE_ONLY' where id = $1`, [inviteOnly]);
    }
  });

  it('announces the visibility of challenges created before it travelled (the migration), and the read models apply it', async () => {
    // As before this change: submissions took every challenge for PUBLIC.
    await db.query(`update submissions.challenge_view set visibility = 'PUBLIC' where id = $1`, [inviteOnly]);
    const before = Number((await db.query(`select version from challenges.challenge where id = $1`, [inviteOnly])).rows[0].version);
    await db.query('begin');
    await db.query('set local search_path to challenges');
    await db.query(ANNOUNCE_VISIBILITY_SQL);
    await db.query('commit');
    await eventually(async () => {
      const view = (await db.query(`select visibility, published, version from submissions.challenge_view where id = $1`, [inviteOnly])).rows[0];
      expect(view).toEqual({ visibility: 'INVITE_ONLY', published: true, version: before + 1 });
      const payouts = (await db.query(`select visibility, version from payouts.challenge_view where id = $1`, [inviteOnly])).rows[0];
      expect(payouts).toEqual({ visibility: 'INVITE_ONLY', version: before + 1 });
    });
    // The published PUBLIC challenge needed no announcement.
    expect(Number((await db.query(`select count(*) from challenges.outbox_event where payload->>'id' = $1 and payload->>'version' = $2`, [publicChallenge, String(before + 1)])).rows[0].count)).toBe(0);
  });
});
