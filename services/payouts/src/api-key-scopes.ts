import type { ApiKeyScopeRules } from '@ideagora/subgraph-kit';

/**
 * What an organization's API key reaches in payouts (issue 16; guardApiKeyScopes): funding its challenges (money in,
 * CHALLENGES_WRITE) and awarding their prizes (AWARDS_WRITE). No payout account, no payouts: a key moves no money
 * out but through awards.
 */
export const PAYOUTS_API_KEY_SCOPES: ApiKeyScopeRules = {
  'Query.fundingReceipt': 'CHALLENGES_READ',
  'Query.payoutReceipt': [],
  'Mutation.fundChallenge': 'CHALLENGES_WRITE',
  'Mutation.awardPrize': 'AWARDS_WRITE',
  'Mutation.awardPrizes': 'AWARDS_WRITE',
  'Mutation.startPayoutOnboarding': [],
  'User.payoutAccount': [],
  'User.payouts': [],
};
