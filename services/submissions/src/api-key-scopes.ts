import type { ApiKeyScopeRules } from '@ideagora/subgraph-kit';

/**
 * What an organization's API key reaches in submissions (issue 16; guardApiKeyScopes): its challenges' entries with
 * SUBMISSIONS_READ, the shortlist with AWARDS_WRITE. Entering, voting, scoring and teams are people's.
 */
export const SUBMISSIONS_API_KEY_SCOPES: ApiKeyScopeRules = {
  'Query.submission': 'SUBMISSIONS_READ',
  'Query.attachment': 'SUBMISSIONS_READ',
  'Mutation.shortlistSubmission': 'AWARDS_WRITE',
  'Challenge.submissions': 'SUBMISSIONS_READ',
  'Challenge.judging': 'SUBMISSIONS_READ',
  'Submission.__resolveReference': 'SUBMISSIONS_READ',
  'Team.__resolveReference': 'SUBMISSIONS_READ',
};
