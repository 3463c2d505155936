import type { Identity } from '@ideagora/auth';
import type { SubgraphRuntime } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { nudgeMailDispatcher } from './mail/mail.dispatcher';
import { PasswordResetService } from './password-resets/password-reset.service';
import { SessionService } from './sessions/session.service';
import { solversConfig } from './solvers.runtime';
import { createUserLoaders, type UserLoaders } from './users/user.loaders';
import { UserService } from './users/user.service';

export interface SolversContext {
  identity: Identity;
  users: UserService;
  passwordResets: PasswordResetService;
  sessions: SessionService;
  loaders: UserLoaders;
}

export function createSolversContext({ identity, em, runtime }: { identity: Identity; em: EntityManager; runtime: SubgraphRuntime }): SolversContext {
  const tokens = { secret: runtime.config.AUTH_TOKEN_SECRET, ttlSeconds: runtime.config.AUTH_TOKEN_TTL_SECONDS };
  const sessions = new SessionService(em, { tokens, ttlDays: runtime.config.SESSION_TTL_DAYS });
  const users = new UserService(em, sessions);
  const passwordResets = new PasswordResetService(em, { sessions, webBaseUrl: solversConfig().WEB_BASE_URL, onMailQueued: nudgeMailDispatcher });
  return { identity, users, passwordResets, sessions, loaders: createUserLoaders(users) };
}
