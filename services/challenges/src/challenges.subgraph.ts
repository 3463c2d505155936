import { combineEventHandlers } from '@ideagora/events';
import { buildFederatedSchema, type SubgraphDefinition } from '@ideagora/subgraph-kit';
import { createChallengesOwn, type ChallengesOwn } from './challenges.runtime';
import { CHALLENGES_API_KEY_SCOPES } from './api-key-scopes';
import { apiKeyEventHandlers } from './api-keys/api-key.events';
import { ApiKeyEntity } from './api-keys/api-key.entity';
import { ApiKeyResolver, OrganizationApiKeysResolver } from './api-keys/api-key.resolver';
import { startDeadlineJob } from './challenges/challenge.deadline';
import { ChallengeEntity, PrizeAwardEntity, PrizeEntity } from './challenges/challenge.entity';
import { ChallengeInvitationEntity } from './challenge-invitations/challenge-invitation.entity';
import { ChallengeInvitationResolver, UserChallengeInvitationsResolver } from './challenge-invitations/challenge-invitation.resolver';
import { SubmissionViewEntity } from './read-models/submission-view.entity';
import { Migration20261207090000_judging } from './migrations/Migration20261207090000_judging';
import { Migration20261209090000_entries } from './migrations/Migration20261209090000_entries';
import { createChallengeEventHandlers } from './challenges/challenge.events';
import { ChallengeConnectionResolver, ChallengeJudgingResolver, ChallengeResolver, resolveChallengeReference, resolvePrizeReference } from './challenges/challenge.resolver';
import { createChallengesContext, type ChallengesContext } from './context';
import { resolveUserReference, UserOrganizationsResolver } from './external/user.resolver';
import { Migration20261124090000_challenges } from './migrations/Migration20261124090000_challenges';
import { Migration20261125090000_cancelling } from './migrations/Migration20261125090000_cancelling';
import { Migration20261126090000_challenge_terms } from './migrations/Migration20261126090000_challenge_terms';
import { Migration20261127110000_questions } from './migrations/Migration20261127110000_questions';
import { Migration20261205090000_announce_visibility } from './migrations/Migration20261205090000_announce_visibility';
import { Migration20261205100000_organization_invitations } from './migrations/Migration20261205100000_organization_invitations';
import { Migration20261206090000_invitations_by_email } from './migrations/Migration20261206090000_invitations_by_email';
import { Migration20261206090000_discovery } from './migrations/Migration20261206090000_discovery';
import { MembershipEntity, OrganizationEntity, OrganizationInvitationEntity } from './organizations/organization.entity';
import { OrganizationResolver, resolveOrganizationReference } from './organizations/organization.resolver';
import { ChallengeQuestionEntity } from './questions/question.entity';
import { ChallengeQuestionResolver } from './questions/question.resolver';
import { Migration20261207120000_recommendations } from './migrations/Migration20261207120000_recommendations';
import { recommendationEventHandlers } from './recommendations/recommendation.events';
import { UserRecommendationsResolver } from './recommendations/recommendation.resolver';
import { SolverSkillViewEntity } from './recommendations/solver-skill-view.entity';
import { readModelEventHandlers } from './read-models/read-model.handlers';
import { ChallengeFundingEntity } from './read-models/challenge-funding.entity';
import { UserViewEntity } from './read-models/user-view.entity';
import { AttachmentViewEntity } from './read-models/attachment-view.entity';
import { Migration20261207120000_organization_pages } from './migrations/Migration20261207120000_organization_pages';
import { Migration20261207150000_announce_roles } from './migrations/Migration20261207150000_announce_roles';
import { Migration20261210090000_api_keys } from './migrations/Migration20261210090000_api_keys';
import { Migration20261211090000_webhooks } from './migrations/Migration20261211090000_webhooks';
import { WebhookDeliveryAttemptEntity, WebhookDeliveryEntity, WebhookEndpointEntity } from './webhooks/webhook.entity';
import { createWebhookEventHandlers } from './webhooks/webhook.events';
import { OrganizationWebhookEndpointsResolver, WebhookDeliveryResolver, WebhookEndpointResolver } from './webhooks/webhook.resolver';

export const challengesSubgraph: SubgraphDefinition<ChallengesContext, ChallengesOwn> = {
  name: 'challenges',
  entities: [OrganizationEntity, MembershipEntity, OrganizationInvitationEntity, ChallengeEntity, PrizeEntity, ChallengeQuestionEntity, UserViewEntity, ChallengeFundingEntity,
    PrizeAwardEntity, ChallengeInvitationEntity, SubmissionViewEntity, AttachmentViewEntity, SolverSkillViewEntity, ApiKeyEntity,
    WebhookEndpointEntity, WebhookDeliveryEntity, WebhookDeliveryAttemptEntity,
  ],
  migrations: [
    { name: 'Migration20261124090000_challenges', class: Migration20261124090000_challenges },
    { name: 'Migration20261125090000_cancelling', class: Migration20261125090000_cancelling },
    { name: 'Migration20261126090000_challenge_terms', class: Migration20261126090000_challenge_terms },
    { name: 'Migration20261127110000_questions', class: Migration20261127110000_questions },
    { name: 'Migration20261205090000_announce_visibility', class: Migration20261205090000_announce_visibility },
    { name: 'Migration20261205100000_organization_invitations', class: Migration20261205100000_organization_invitations },
    { name: 'Migration20261206090000_invitations_by_email', class: Migration20261206090000_invitations_by_email },
    { name: 'Migration20261206090000_discovery', class: Migration20261206090000_discovery },
    { name: 'Migration20261207090000_judging', class: Migration20261207090000_judging },
    { name: 'Migration20261209090000_entries', class: Migration20261209090000_entries },
    { name: 'Migration20261207120000_organization_pages', class: Migration20261207120000_organization_pages },
    { name: 'Migration20261207120000_recommendations', class: Migration20261207120000_recommendations },
    { name: 'Migration20261207150000_announce_roles', class: Migration20261207150000_announce_roles },
    { name: 'Migration20261210090000_api_keys', class: Migration20261210090000_api_keys },
    { name: 'Migration20261211090000_webhooks', class: Migration20261211090000_webhooks },
  ],
  buildSchema: () =>
    buildFederatedSchema({
      apiKeyScopes: CHALLENGES_API_KEY_SCOPES,
      resolvers: [
        OrganizationResolver,
        ChallengeResolver,
        ChallengeJudgingResolver,
        ChallengeConnectionResolver,
        ChallengeQuestionResolver,
        UserOrganizationsResolver,
        ChallengeInvitationResolver,
        UserChallengeInvitationsResolver,
        UserRecommendationsResolver,
        ApiKeyResolver,
        OrganizationApiKeysResolver,
        WebhookEndpointResolver,
        WebhookDeliveryResolver,
        OrganizationWebhookEndpointsResolver,
      ],
      referenceResolvers: {
        Organization: { __resolveReference: resolveOrganizationReference },
        Challenge: { __resolveReference: resolveChallengeReference },
        Prize: { __resolveReference: resolvePrizeReference },
        User: { __resolveReference: resolveUserReference },
      },
    }),
  own: createChallengesOwn,
  createContext: createChallengesContext,
  // Partner webhooks' fan-out after this context's own handling of the same events, in the same transaction.
  eventHandlers: (runtime) =>
    combineEventHandlers(
      { ...createChallengeEventHandlers(() => runtime.logger), ...readModelEventHandlers, ...recommendationEventHandlers, ...apiKeyEventHandlers },
      createWebhookEventHandlers({ queued: () => runtime.own.webhookDeliveries.markQueued(), log: runtime.logger }),
    ),
  afterEventsApplied: (runtime) => runtime.own.webhookDeliveries.nudgeIfQueued(),
  workers: (runtime) => [runtime.own.webhookDeliveries],
  onStart: (runtime) => startDeadlineJob(runtime, () => runtime.own.webhookDeliveries.nudge()),
};

