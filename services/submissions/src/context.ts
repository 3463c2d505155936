import type { Identity } from '@ideagora/auth';
import type { SubgraphRuntime } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createSubmissionLoaders, type SubmissionLoaders } from './submissions/submission.loaders';
import { SubmissionService } from './submissions/submission.service';

export interface SubmissionsContext {
  identity: Identity;
  submissions: SubmissionService;
  loaders: SubmissionLoaders;
}

export function createSubmissionsContext({ identity, em, runtime }: { identity: Identity; em: EntityManager; runtime: SubgraphRuntime }): SubmissionsContext {
  const submissions = new SubmissionService(em, identity.userId, () => runtime.relay.nudge(), runtime.readModelWaits);
  return { identity, submissions, loaders: createSubmissionLoaders(submissions) };
}
