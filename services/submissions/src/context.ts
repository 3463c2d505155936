import type { Identity } from '@ideagora/auth';
import type { SubgraphRuntime } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createJudgingLoaders } from './judging/judging.loaders';
import { JudgingService } from './judging/judging.service';
import { createSubmissionLoaders } from './submissions/submission.loaders';
import { SubmissionService } from './submissions/submission.service';
import { createTeamLoaders } from './teams/team.loaders';
import { TeamService } from './teams/team.service';

export interface SubmissionsContext {
  identity: Identity;
  submissions: SubmissionService;
  teams: TeamService;
  judging: JudgingService;
  loaders: ReturnType<typeof createSubmissionLoaders> & ReturnType<typeof createTeamLoaders> & ReturnType<typeof createJudgingLoaders>;
}

export function createSubmissionsContext({ identity, em, runtime }: { identity: Identity; em: EntityManager; runtime: SubgraphRuntime }): SubmissionsContext {
  const nudge = () => runtime.relay.nudge();
  const submissions = new SubmissionService(em, identity.userId, nudge, runtime.readModelWaits);
  const teams = new TeamService(em, identity.userId, submissions, nudge, runtime.readModelWaits);
  const judging = new JudgingService(em, identity.userId, runtime.readModelWaits);
  return { identity, submissions, teams, judging, loaders: { ...createSubmissionLoaders(submissions), ...createTeamLoaders(teams), ...createJudgingLoaders(judging) } };
}
