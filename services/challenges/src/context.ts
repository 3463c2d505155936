import type { Identity } from '@ideagora/auth';
import { ResponseExtensions } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createApiKeyLoaders, type ApiKeyLoaders } from './api-keys/api-key.loaders';
import { ApiKeyService } from './api-keys/api-key.service';
import type { ChallengesRuntime } from './challenges.runtime';
import { createInvitationLoaders, type InvitationLoaders } from './challenge-invitations/challenge-invitation.loaders';
import { ChallengeInvitationService } from './challenge-invitations/challenge-invitation.service';
import { PgBossDeadlineScheduler } from './challenges/challenge.deadline';
import { createLoaders, type Loaders } from './challenges/challenge.loaders';
import { ChallengeService } from './challenges/challenge.service';
import { OrganizationService } from './organizations/organization.service';
import { createQuestionLoaders, type QuestionLoaders } from './questions/question.loaders';
import { QuestionService } from './questions/question.service';
import { RecommendationService } from './recommendations/recommendation.service';
import { createWebhookLoaders, type WebhookLoaders } from './webhooks/webhook.loaders';
import { WebhookService } from './webhooks/webhook.service';

export interface ChallengesContext {
  identity: Identity;
  viewerId: string | null;
  organizations: OrganizationService;
  challenges: ChallengeService;
  challengeInvitations: ChallengeInvitationService;
  loaders: Loaders;
  invitationLoaders: InvitationLoaders;
  questions: QuestionService;
  questionLoaders: QuestionLoaders;
  recommendations: RecommendationService;
  apiKeys: ApiKeyService;
  apiKeyLoaders: ApiKeyLoaders;
  /** Merged into the answer's `extensions` (the kit's responseExtensionsPlugin): revoked API keys, for the gateway. */
  responseExtensions: ResponseExtensions;
  webhooks: WebhookService;
  webhookLoaders: WebhookLoaders;
}

export function createChallengesContext({ identity, em, runtime }: { identity: Identity; em: EntityManager; runtime: ChallengesRuntime }): ChallengesContext {
  const organizations = new OrganizationService(em, runtime.readModelWaits);
  const { webhookDeliveries, webhookUrlPolicy, webhookSecrets } = runtime.own;
  const webhooksQueued = () => webhookDeliveries.nudge();
  const challenges = new ChallengeService(em, { deadlines: new PgBossDeadlineScheduler(runtime.boss), log: runtime.logger, readModel: runtime.readModelWaits, webhooksQueued });
  const viewerId = identity.userId ?? null;
  const questions = new QuestionService(em, webhooksQueued);
  const webhooks = new WebhookService(em, { urlPolicy: webhookUrlPolicy, secrets: webhookSecrets, nudge: webhooksQueued });
  const challengeInvitations = new ChallengeInvitationService(em, runtime.readModelWaits);
  const invitationLoaders = createInvitationLoaders(viewerId, challengeInvitations);
  const apiKeys = new ApiKeyService(em);
  return {
    identity,
    viewerId,
    organizations,
    challenges,
    challengeInvitations,
    loaders: createLoaders(viewerId, challenges, organizations, (id) => invitationLoaders.viewerInvited.load(id)),
    invitationLoaders,
    questions,
    questionLoaders: createQuestionLoaders(viewerId, questions),
    recommendations: new RecommendationService(em, runtime.readModelWaits),
    apiKeys,
    apiKeyLoaders: createApiKeyLoaders(apiKeys),
    responseExtensions: new ResponseExtensions(),
    webhooks,
    webhookLoaders: createWebhookLoaders(webhooks),
  };
}
