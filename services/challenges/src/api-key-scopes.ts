import type { ApiKeyScopeRules } from '@ideagora/subgraph-kit';

/**
 * What an organization's API key reaches in challenges (issue 16; guardApiKeyScopes): reading challenges and
 * organizations (CHALLENGES_READ), running its own challenges (CHALLENGES_WRITE: drafts, publication, deadlines, Q&A
 * answers, participants' invitations), judging's decisions (AWARDS_WRITE). Never: keys (a key cannot make or see
 * keys), the organization's members and settings, anything a person does for themselves.
 */
export const CHALLENGES_API_KEY_SCOPES: ApiKeyScopeRules = {
  'Query.challenges': 'CHALLENGES_READ',
  'Query.challenge': 'CHALLENGES_READ',
  'Query.challengeCurrencies': 'CHALLENGES_READ',
  'Query.organization': 'CHALLENGES_READ',
  'Query.organizationBySlug': 'CHALLENGES_READ',
  'Mutation.createChallenge': 'CHALLENGES_WRITE',
  'Mutation.updateChallenge': 'CHALLENGES_WRITE',
  'Mutation.publishChallenge': 'CHALLENGES_WRITE',
  'Mutation.closeSubmissions': 'CHALLENGES_WRITE',
  'Mutation.cancelChallenge': 'CHALLENGES_WRITE',
  'Mutation.setJudgingRubric': 'CHALLENGES_WRITE',
  'Mutation.advanceToFinalRound': 'CHALLENGES_WRITE',
  'Mutation.inviteToChallenge': 'CHALLENGES_WRITE',
  'Mutation.revokeChallengeInvitation': 'CHALLENGES_WRITE',
  'Mutation.answerChallengeQuestion': 'CHALLENGES_WRITE',
  'Mutation.finishJudging': 'AWARDS_WRITE',
  // createApiKey and revokeApiKey are not listed (so FORBIDDEN to keys); nor may a key see keys.
  'Organization.apiKeys': [],
  // People and their emails: the organization's own business, never an integration's.
  'Organization.members': [],
  'Organization.invitations': [],
  // Partner webhooks: the organization's endpoints and their delivery log.
  'Mutation.createWebhookEndpoint': 'WEBHOOKS_MANAGE',
  'Mutation.deleteWebhookEndpoint': 'WEBHOOKS_MANAGE',
  'Mutation.redeliverWebhook': 'WEBHOOKS_MANAGE',
  'Query.webhookEndpoint': 'WEBHOOKS_MANAGE',
  'Organization.webhookEndpoints': 'WEBHOOKS_MANAGE',
};
