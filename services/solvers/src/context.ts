import type { Identity } from '@ideagora/auth';
import type { SubgraphRuntime } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createUserLoaders, type UserLoaders } from './users/user.loaders';
import { UserService } from './users/user.service';

export interface SolversContext {
  identity: Identity;
  users: UserService;
  loaders: UserLoaders;
}

export function createSolversContext({ identity, em, runtime }: { identity: Identity; em: EntityManager; runtime: SubgraphRuntime }): SolversContext {
  const users = new UserService(em, { secret: runtime.config.AUTH_TOKEN_SECRET, ttlSeconds: runtime.config.AUTH_TOKEN_TTL_SECONDS });
  return { identity, users, loaders: createUserLoaders(users) };
}
