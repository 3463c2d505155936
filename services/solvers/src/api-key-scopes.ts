import type { ApiKeyScopeRules } from '@ideagora/subgraph-kit';

/**
 * What an organization's API key reaches in solvers (issue 16; guardApiKeyScopes): no operation of its own (accounts,
 * sessions, profiles and notifications are people's); the public fields of a User its other answers name.
 */
export const SOLVERS_API_KEY_SCOPES: ApiKeyScopeRules = {
  'User.notifications': [],
  'User.unreadNotificationCount': [],
  'User.notificationPreferences': [],
};
