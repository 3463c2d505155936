import { randomUUID } from 'node:crypto';
import { eventually } from './eventually';
import { publishTestEvent } from './events.fixture';
import { runContract, type GraphQLTestClient } from './graphql.client';
import type { Stack } from './stack.harness';

let sequence = 0;
const next = () => `${Date.now().toString(36)}${(sequence += 1)}`;

export interface TestUser {
  id: string;
  email: string;
  token: string;
  displayName: string;
}

export async function signUpUser(client: GraphQLTestClient, overrides: Partial<{ email: string; password: string; displayName: string }> = {}): Promise<TestUser> {
  const input = {
    email: overrides.email ?? `user-${next()}@example.test`,
    password: overrides.password ?? 'correct-horse-battery',
    displayName: overrides.displayName ?? `User ${next()}`,
  };
  const response = await runContract(client, 'SignUp', { input });
  if (response.errors) throw new Error(`SignUp failed: ${JSON.stringify(response.errors)}`);
  const { token, viewer } = response.data!.signUp;
  return { id: viewer.id, email: input.email, token, displayName: input.displayName };
}

export async function createOrganization(client: GraphQLTestClient, token: string, name = `Org ${next()}`): Promise<string> {
  const response = await runContract(client, 'CreateOrganization', { input: { name } }, token);
  if (response.errors) throw new Error(`CreateOrganization failed: ${JSON.stringify(response.errors)}`);
  return response.data!.createOrganization.organization.id;
}

/**
 * Makes `user` a member of the organization with `role`: its owner (or an admin) `token` invites them, and they
 * accept (nobody becomes a member without consent). Throws if either step is refused.
 */
export async function addMember(client: GraphQLTestClient, token: string, organizationId: string, user: TestUser, role: 'OWNER' | 'ADMIN' | 'MEMBER'): Promise<void> {
  const invited = await client.request(
    `mutation($input: AddOrganizationMemberInput!) { addOrganizationMember(input: $input) { organization { id } } }`,
    { input: { organizationId, userId: user.id, role } },
    { token },
  );
  if (invited.errors) throw new Error(`addOrganizationMember failed: ${JSON.stringify(invited.errors)}`);
  const accepted = await client.request(
    `mutation($input: RespondToOrganizationInvitationInput!) { respondToOrganizationInvitation(input: $input) { member { role } } }`,
    { input: { organizationId, accept: true } },
    { token: user.token },
  );
  if (accepted.errors) throw new Error(`respondToOrganizationInvitation failed: ${JSON.stringify(accepted.errors)}`);
}

export function challengeInput(organizationId: string, overrides: Record<string, unknown> = {}) {
  return {
    organizationId,
    title: `Low-cost water purification ${next()}`,
    summary: 'Purify river water for a village of 500 people with local materials.',
    description: 'We seek a reduction-to-practice design that removes 99.9% of pathogens at under $1 per person per year.',
    type: 'REDUCTION_TO_PRACTICE',
    visibility: 'PUBLIC',
    currency: 'USD',
    prizes: [
      { rank: 1, label: 'First prize', amountMinor: '500000' },
      { rank: 2, label: 'Second prize', amountMinor: '200000' },
    ],
    submissionDeadline: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(),
    ...overrides,
  };
}

export async function createChallenge(client: GraphQLTestClient, token: string, input: Record<string, unknown>): Promise<{ id: string; status: string }> {
  const response = await runContract(client, 'CreateChallenge', { input }, token);
  if (response.errors) throw new Error(`CreateChallenge failed: ${JSON.stringify(response.errors)}`);
  return response.data!.createChallenge.challenge;
}

/**
 * Funds a challenge for real (FundChallenge, then the sponsor's card confirmed at the Stripe emulator with the
 * `stripe` SDK; the webhook makes the funding SUCCEEDED) and publishes it.
 * `simulated: true` only emits FundingSucceeded, for tests that need many open challenges quickly.
 */
export async function fundAndPublish(stack: Stack, token: string, challengeId: string, options: { simulated?: boolean; alreadyFunded?: boolean } = {}): Promise<void> {
  if (options.simulated) {
    await publishTestEvent(stack.databaseUrl, 'FundingSucceeded', { challengeId, fundingId: randomUUID() });
  } else if (!options.alreadyFunded) {
    const funding = await eventually(async () => {
      const response = await runContract(stack.client, 'FundChallenge', { challengeId }, token);
      if (response.errors) throw new Error(`FundChallenge failed: ${JSON.stringify(response.errors)}`);
      return response.data!.fundChallenge.funding as { paymentIntentId: string };
    });
    await stack.stripe.paymentIntents.confirm(funding.paymentIntentId, { payment_method: 'pm_card_visa' });
  }
  await eventually(async () => {
    const response = await runContract(stack.client, 'PublishChallenge', { challengeId }, token);
    if (response.errors) throw new Error(`PublishChallenge failed: ${JSON.stringify(response.errors)}`);
  });
}

/** A fresh Stripe onboarding link for the user (StartPayoutOnboarding). */
export async function payoutOnboardingLink(stack: Stack, token: string): Promise<string> {
  const started = await runContract(
    stack.client,
    'StartPayoutOnboarding',
    { input: { returnUrl: 'https://app.ideagora.test/back', refreshUrl: 'https://app.ideagora.test/again' } },
    token,
  );
  if (started.errors) throw new Error(`StartPayoutOnboarding failed: ${JSON.stringify(started.errors)}`);
  return started.data!.startPayoutOnboarding.onboardingUrl;
}

/** Posts the Stripe emulator's hosted onboarding form, as a browser would (303 to the return URL when accepted). */
export function submitHostedOnboarding(url: string, outcome: 'complete' | 'incomplete'): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `outcome=${outcome}`, redirect: 'manual' });
}

/**
 * Walks the user through payout onboarding at the Stripe emulator's hosted page (StartPayoutOnboarding, then the
 * form posted with `outcome=complete`). The account becomes ACTIVE when its account.updated webhook lands: callers
 * that need that wait for it.
 */
export async function completePayoutOnboarding(stack: Stack, token: string): Promise<void> {
  const response = await submitHostedOnboarding(await payoutOnboardingLink(stack, token), 'complete');
  if (response.status !== 303) throw new Error(`the hosted onboarding form answered ${response.status}, not 303`);
}

/** Waits until a challenge's change has reached the submissions context (its read model). */
export async function waitForSubmissionsToKnow(stack: Stack, challengeId: string): Promise<void> {
  await eventually(async () => {
    const response = await stack.client.request(`query($id: ID!) { challenge(id: $id) { id submissionCount } }`, { id: challengeId });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
  });
}

/**
 * Submits an entry (SubmitSolution) as `solver` and returns its id, retried until submissions knows the challenge OPEN
 * (its ChallengeChanged may be in flight); throws with the errors if it is still refused.
 */
export async function submitEntry(client: GraphQLTestClient, solver: TestUser, challengeId: string, content: { title?: string; body?: string } = {}): Promise<string> {
  return eventually(async () => {
    const input = { challengeId, title: content.title ?? `Entry by ${solver.displayName}`, body: content.body ?? 'A ceramic filter with silver nanoparticles.' };
    const response = await runContract(client, 'SubmitSolution', { input }, solver.token);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!.submitSolution.submission.id as string;
  });
}

/** Creates a team for a challenge (CreateTeam) as `creator`; throws if refused. Submissions must know the challenge OPEN. */
export async function createTeam(client: GraphQLTestClient, creator: TestUser, challengeId: string, name = `Team ${next()}`): Promise<string> {
  const response = await runContract(client, 'CreateTeam', { input: { challengeId, name } }, creator.token);
  if (response.errors) throw new Error(`CreateTeam failed: ${JSON.stringify(response.errors)}`);
  return response.data!.createTeam.team.id;
}

/**
 * Adds `user` to a team: a member (`inviter`) invites their email, they accept (waiting, bounded, until submissions
 * knows their account's email). The split is then PROPOSED. Throws if either step is refused.
 */
export async function addTeamMember(client: GraphQLTestClient, inviter: TestUser, teamId: string, user: TestUser): Promise<void> {
  const invited = await runContract(client, 'InviteTeamMember', { input: { teamId, email: user.email } }, inviter.token);
  if (invited.errors) throw new Error(`InviteTeamMember failed: ${JSON.stringify(invited.errors)}`);
  const invitationId = invited.data!.inviteTeamMember.invitation.id;
  await eventually(async () => {
    const accepted = await runContract(client, 'RespondToTeamInvitation', { input: { invitationId, accept: true } }, user.token);
    if (accepted.errors) throw new Error(`RespondToTeamInvitation failed: ${JSON.stringify(accepted.errors)}`);
  });
}

/**
 * A team of `creator` and `members` whose split is agreed by all: `shares` basis points in that order (default: an
 * equal split). Returns the team id and the agreed split version.
 */
export async function createAgreedTeam(
  client: GraphQLTestClient,
  challengeId: string,
  creator: TestUser,
  members: TestUser[],
  shares?: number[],
): Promise<{ teamId: string; splitVersion: number }> {
  const teamId = await createTeam(client, creator, challengeId);
  for (const member of members) await addTeamMember(client, creator, teamId, member);
  if (members.length === 0) return { teamId, splitVersion: 1 };
  const everyone = [creator, ...members];
  const proposed = shares
    ? await runContract(client, 'ProposePrizeSplit', { input: { teamId, shares: everyone.map((u, i) => ({ userId: u.id, basisPoints: shares[i] })) } }, creator.token)
    : await runContract(client, 'ProposeEqualPrizeSplit', { input: { teamId } }, creator.token);
  if (proposed.errors) throw new Error(`proposing the split failed: ${JSON.stringify(proposed.errors)}`);
  const splitVersion: number = (proposed.data!.proposePrizeSplit ?? proposed.data!.proposeEqualPrizeSplit).team.split.version;
  for (const member of members) {
    const agreed = await runContract(client, 'AgreeToPrizeSplit', { input: { teamId, splitVersion } }, member.token);
    if (agreed.errors) throw new Error(`AgreeToPrizeSplit failed: ${JSON.stringify(agreed.errors)}`);
  }
  return { teamId, splitVersion };
}

/** Changes `user`'s profile (the contract's UpdateProfile); throws if refused. E.g. `{ publicProfile: true, skills }`. */
export async function updateProfile(
  client: GraphQLTestClient,
  user: TestUser,
  input: Partial<{ displayName: string; bio: string; skills: string[]; school: string; country: string; publicProfile: boolean }>,
): Promise<void> {
  const response = await runContract(client, 'UpdateProfile', { input }, user.token);
  if (response.errors) throw new Error(`UpdateProfile failed: ${JSON.stringify(response.errors)}`);
}
