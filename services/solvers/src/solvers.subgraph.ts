import { combineEventHandlers } from '@ideagora/events';
import { SOLVERS_API_KEY_SCOPES } from './api-key-scopes';
import { buildFederatedSchema, type SubgraphDefinition } from '@ideagora/subgraph-kit';
import { createSolversContext, type SolversContext } from './context';
import { MailOutboxEntity } from './mail/mail-outbox.entity';
import { Migration20261123080000_users } from './migrations/Migration20261123080000_users';
import { Migration20261125110000_login_throttle } from './migrations/Migration20261125110000_login_throttle';
import { Migration20261126100000_password_reset } from './migrations/Migration20261126100000_password_reset';
import { Migration20261127100000_sessions } from './migrations/Migration20261127100000_sessions';
import { Migration20261206090000_announce_users } from './migrations/Migration20261206090000_announce_users';
import { Migration20261206100000_announce_users_to_submissions } from './migrations/Migration20261206100000_announce_users_to_submissions';
import { Migration20261207130000_notifications } from './migrations/Migration20261207130000_notifications';
import { ChallengeAudienceEntity, ChallengeViewEntity, OrganizationManagerViewEntity, TeamAudienceEntity } from './notifications/notification-audience.entity';
import { NotificationEntity, NotificationPreferenceEntity } from './notifications/notification.entity';
import { Migration20261207120000_profiles_reputation } from './migrations/Migration20261207120000_profiles_reputation';
import { createNotificationEventHandlers } from './notifications/notification.events';
import { NotificationResolver } from './notifications/notification.resolver';
import { PasswordResetTokenEntity } from './password-resets/password-reset.entity';
import { PasswordResetResolver } from './password-resets/password-reset.resolver';
import { ProfileResolver } from './profiles/profile.resolver';
import { UserSkillEntity } from './profiles/user-skill.entity';
import { ReputationEntity, ReputationFactEntity } from './reputation/reputation.entity';
import { reputationEventHandlers } from './reputation/reputation.events';
import { LeaderboardResolver, ReputationResolver, UserReputationResolver } from './reputation/reputation.resolver';
import { SessionEntity } from './sessions/session.entity';
import { SessionResolver } from './sessions/session.resolver';
import { createSolversOwn, type SolversOwn } from './solvers.runtime';
import { LoginThrottleEntity } from './users/login-throttle.entity';
import { UserEntity } from './users/user.entity';
import { resolveUserReference, UserResolver } from './users/user.resolver';

export const solversSubgraph: SubgraphDefinition<SolversContext, SolversOwn> = {
  name: 'solvers',
  entities: [
    UserEntity,
    PasswordResetTokenEntity,
    SessionEntity,
    MailOutboxEntity,
    LoginThrottleEntity,
    NotificationEntity,
    NotificationPreferenceEntity,
    ChallengeViewEntity,
    ChallengeAudienceEntity,
    TeamAudienceEntity,
    OrganizationManagerViewEntity,
    UserSkillEntity,
    ReputationFactEntity,
    ReputationEntity,
  ],
  migrations: [
    { name: 'Migration20261123080000_users', class: Migration20261123080000_users },
    { name: 'Migration20261125110000_login_throttle', class: Migration20261125110000_login_throttle },
    { name: 'Migration20261126100000_password_reset', class: Migration20261126100000_password_reset },
    { name: 'Migration20261127100000_sessions', class: Migration20261127100000_sessions },
    { name: 'Migration20261206090000_announce_users', class: Migration20261206090000_announce_users },
    { name: 'Migration20261206100000_announce_users_to_submissions', class: Migration20261206100000_announce_users_to_submissions },
    { name: 'Migration20261207120000_profiles_reputation', class: Migration20261207120000_profiles_reputation },
    { name: 'Migration20261207130000_notifications', class: Migration20261207130000_notifications },
  ],
  buildSchema: () =>
    buildFederatedSchema({
      apiKeyScopes: SOLVERS_API_KEY_SCOPES,
      resolvers: [UserResolver, PasswordResetResolver, SessionResolver, NotificationResolver, ProfileResolver, UserReputationResolver, ReputationResolver, LeaderboardResolver],
      referenceResolvers: { User: { __resolveReference: resolveUserReference } },
    }),
  own: createSolversOwn,
  createContext: createSolversContext,
  // Notifications and their mail, written in the event's transaction; the dispatcher is nudged once that transaction commits.
  // Reputation from the same results (and SubmissionCreated), in the same transaction (combineEventHandlers runs each set).
  eventHandlers: (runtime) =>
    combineEventHandlers(createNotificationEventHandlers(() => ({ webBaseUrl: runtime.own.config.WEB_BASE_URL, log: runtime.logger })), reputationEventHandlers),
  afterEventsApplied: (runtime) => runtime.own.mail.nudge(),
  workers: (runtime) => [runtime.own.mail, runtime.own.sessionSweeper],
};
