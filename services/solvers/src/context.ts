import type { Identity } from '@ideagora/auth';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotificationService } from './notifications/notification.service';
import { PasswordResetService } from './password-resets/password-reset.service';
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
}

export function createSolversContext({ identity, em, runtime }: { identity: Identity; em: EntityManager; runtime: SolversRuntime }): SolversContext {
  const tokens = { secret: runtime.config.AUTH_TOKEN_SECRET, ttlSeconds: runtime.config.AUTH_TOKEN_TTL_SECONDS };
  const sessions = new SessionService(em, { tokens, ttlDays: runtime.config.SESSION_TTL_DAYS });
  const users = new UserService(em, sessions);
  const passwordResets = new PasswordResetService(em, { sessions, webBaseUrl: runtime.own.config.WEB_BASE_URL, onMailQueued: () => runtime.own.mail.nudge() });
  return { identity, users, passwordResets, sessions, loaders: createUserLoaders(users), notifications: new NotificationService(em) };
}
