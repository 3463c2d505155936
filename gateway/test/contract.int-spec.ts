import { composeSupergraph } from '@ideagora/supergraph';
import { CONTRACT_PATH, contractDocument } from '@ideagora/testing';
import { Kind, parse, print, printSchema, validate, type OperationDefinitionNode } from 'graphql';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SHARED_CONTRACT = join(ROOT, '..', 'shared', 'contract', 'partner-operations.graphql');

describe('partner contract', () => {
  const sdls = Object.fromEntries(
    ['solvers', 'challenges', 'submissions', 'payouts'].map((name) => [name, readFileSync(join(ROOT, 'services', name, 'schema.graphql'), 'utf8')]),
  );
  const { apiSchema, supergraphSdl } = composeSupergraph(sdls);

  it('the committed supergraph is the composition of the committed subgraph schemas', () => {
    expect(readFileSync(join(ROOT, 'gateway', 'supergraph.graphql'), 'utf8')).toBe(supergraphSdl);
  });

  it('the web client is generated from the current API schema (regenerate with `npm run compose`, then `npm run codegen -w web`)', () => {
    expect(readFileSync(join(ROOT, 'web', 'schema.graphql'), 'utf8').trim()).toBe(printSchema(apiSchema).trim());
  });

  it('keeps every operation of the shared contract, unchanged, in docs/partner-api/operations.graphql', () => {
    // Ours may add (v2 capabilities' operations, error codes in the header); nothing of v1 may change or go.
    if (!existsSync(SHARED_CONTRACT)) return; // outside the workplace checkout there is only our copy
    const printed = (source: string) =>
      new Map(parse(source).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION).map((d) => [d.name?.value, print(d)]));
    const ours = printed(readFileSync(CONTRACT_PATH, 'utf8'));
    const shared = [...printed(readFileSync(SHARED_CONTRACT, 'utf8'))];
    expect(shared.length).toBeGreaterThan(10);
    for (const [name, operation] of shared) expect([name, ours.get(name)]).toEqual([name, operation]);
  });

  const operations = contractDocument().definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

  it('has the operations we expect', () => {
    expect(operations.map((o) => o.name?.value)).toEqual(
      expect.arrayContaining(['SignUp', 'LogIn', 'Viewer', 'CreateOrganization', 'CreateChallenge', 'FundChallenge', 'PublishChallenge', 'CloseSubmissions', 'BrowseChallenges', 'ChallengeDetail', 'SubmitSolution', 'ChallengeSubmissions', 'StartPayoutOnboarding', 'AwardPrize', 'TeamAwardPayouts']),
    );
  });

  it('has the teams operations of contract v2 (issue 12)', () => {
    expect(operations.map((o) => o.name?.value)).toEqual(
      expect.arrayContaining(['CreateTeam', 'InviteTeamMember', 'ViewerTeamInvitations', 'RespondToTeamInvitation', 'ProposePrizeSplit', 'AgreeToPrizeSplit', 'SubmitTeamSolution']),
    );
  });

  /** Every operation of a v2 capability file, printed the same in ours (comments aside); `except` joins later. */
  const expectV2OperationsUnchanged = (file: string, atLeast: number, except: (name: string, ours: Map<string | undefined, string>) => boolean = () => false) => {
    const v2 = join(ROOT, '..', 'shared', 'contract', 'v2', file);
    if (!existsSync(v2)) return; // outside the workplace checkout there is only our copy
    const printed = (source: string) =>
      new Map(parse(source).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION).map((d) => [d.name?.value, print(d)]));
    const ours = printed(readFileSync(CONTRACT_PATH, 'utf8'));
    const shared = [...printed(readFileSync(v2, 'utf8'))].filter(([name]) => !except(name ?? '', ours));
    expect(shared.length).toBeGreaterThanOrEqual(atLeast);
    for (const [name, operation] of shared) expect([name, ours.get(name)]).toEqual([name, operation]);
  };

  it('keeps every teams operation of contract v2 (shared/contract/v2/teams.graphql) unchanged in docs/partner-api/operations.graphql', () => {
    // TeamAwardPayouts joins with the award to a team (payouts).
    expectV2OperationsUnchanged('teams.graphql', 7, (name, ours) => name === 'TeamAwardPayouts' && !ours.has(name));
  });

  it('has the judging operations of contract v2 (issue 13)', () => {
    expect(operations.map((o) => o.name?.value)).toEqual(
      expect.arrayContaining([
        'SetJudgingRubric',
        'InviteToChallenge',
        'ViewerChallengeInvitations',
        'RespondToChallengeInvitation',
        'ScoreSubmission',
        'JudgingBoard',
        'AdvanceToFinalRound',
        'ChallengePrizeRules',
        'AwardPrizes',
        'ViewerFeedback',
      ]),
    );
  });

  it('keeps every judging operation of contract v2 (shared/contract/v2/judging.graphql) unchanged in docs/partner-api/operations.graphql', () => {
    expectV2OperationsUnchanged('judging.graphql', 10);
  });

  it('keeps the entries operations of contract v2 (shared/contract/v2/entries.graphql) unchanged in docs/partner-api/operations.graphql', () => {
    expectV2OperationsUnchanged('entries.graphql', 5);
  });

  it('has the entries operations of contract v2 (issue 14)', () => {
    expect(operations.map((o) => o.name?.value)).toEqual(
      expect.arrayContaining(['CreateAttachmentUpload', 'SubmitSolutionWithFiles', 'ChallengeGallery', 'CastVote', 'WithdrawVote']),
    );
  });

  it('has the communities operations of contract v2 (issue 15), unchanged (shared/contract/v2/communities.graphql)', () => {
    expect(operations.map((o) => o.name?.value)).toEqual(
      expect.arrayContaining([
        'UpdateOrganization',
        'OrganizationPage',
        'UpdateProfile',
        'SolverProfile',
        'Leaderboard',
        'RecommendedChallenges',
        'ViewerNotifications',
        'MarkNotificationsRead',
        'UpdateNotificationPreferences',
      ]),
    );
    expectV2OperationsUnchanged('communities.graphql', 9);
  });

  it('has every operation of contract v2 partner-platform (issue 16: API keys and webhooks), unchanged (shared/contract/v2/partner-platform.graphql)', () => {
    expect(operations.map((o) => o.name?.value)).toEqual(
      expect.arrayContaining(['CreateApiKey', 'RevokeApiKey', 'OrganizationApiKeys', 'CreateWebhookEndpoint', 'WebhookDeliveries', 'RedeliverWebhook', 'DeleteWebhookEndpoint', 'OrganizationWebhookEndpoints']),
    );
    expectV2OperationsUnchanged('partner-platform.graphql', 6);
  });

  it.each(operations.map((o) => [o.name?.value ?? '?']))('%s validates against the supergraph', (name) => {
    const errors = validate(apiSchema, { kind: Kind.DOCUMENT, definitions: [operations.find((o) => o.name?.value === name)!] });
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});
