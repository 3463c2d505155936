import type { Identity } from '@ideagora/auth';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotificationService } from './notifications/notification.service';
import { PasswordResetService } from './password-resets/password-reset.service';
import { ProfileService } from './profiles/profile.service';
import { createReputationLoaders, type ReputationLoaders } from './reputation/reputation.loaders';
import { ReputationService } from './reputation/reputation.service';
import { SessionService } from './sessions/session.service';
import type { SolversRuntime } from './solvers.runtime';
import { createUserLoaders, type UserLoaders } from './users/user.loaders';
import { UserService } from './users/user.service';

export interface SolversContext {
  identity: Identity;
  users: UserService;
  passwordResets: PasswordResetService;
  sessions: SessionService;
  loaders: UserLoaders;
  notifications: NotificationService;
  profiles: ProfileService;
  reputations: ReputationService;
  reputationLoaders: ReputationLoaders;
}

export function createSolversContext({ identity, em, runtime }: { identity: Identity; em: EntityManager; runtime: SolversRuntime }): SolversContext {
  const tokens = { secret: runtime.config.AUTH_TOKEN_SECRET, ttlSeconds: runtime.config.AUTH_TOKEN_TTL_SECONDS };
  const sessions = new SessionService(em, { tokens, ttlDays: runtime.config.SESSION_TTL_DAYS });
  const users = new UserService(em, sessions);
  const passwordResets = new PasswordResetService(em, { sessions, webBaseUrl: runtime.own.config.WEB_BASE_URL, onMailQueued: () => runtime.own.mail.nudge() });
  const reputations = new ReputationService(em);
  return {
    identity,
    users,
    passwordResets,
    sessions,
    loaders: createUserLoaders(users),
    profiles: new ProfileService(em),
    reputations,
    reputationLoaders: createReputationLoaders(reputations),
    notifications: new NotificationService(em),
  };
}
