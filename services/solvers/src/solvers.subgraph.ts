import { buildFederatedSchema, type SubgraphDefinition } from '@ideagora/subgraph-kit';
import { createSolversContext, type SolversContext } from './context';
import { Migration20261123080000_users } from './migrations/Migration20261123080000_users';
import { Migration20261125110000_login_throttle } from './migrations/Migration20261125110000_login_throttle';
import { UserEntity } from './users/user.entity';
import { resolveUserReference, UserResolver } from './users/user.resolver';

export const solversSubgraph: SubgraphDefinition<SolversContext> = {
  name: 'solvers',
  entities: [UserEntity],
  migrations: [
    { name: 'Migration20261123080000_users', class: Migration20261123080000_users },
    { name: 'Migration20261125110000_login_throttle', class: Migration20261125110000_login_throttle },
  ],
  buildSchema: () =>
    buildFederatedSchema({
      resolvers: [UserResolver],
      referenceResolvers: { User: { __resolveReference: resolveUserReference } },
    }),
  createContext: createSolversContext,
};
