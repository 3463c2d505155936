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
