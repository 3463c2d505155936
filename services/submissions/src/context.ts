import type { Identity } from '@ideagora/auth';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createAttachmentLoaders } from './attachments/attachment.loaders';
import { AttachmentService } from './attachments/attachment.service';
import { createJudgingLoaders } from './judging/judging.loaders';
import { JudgingService } from './judging/judging.service';
import type { SubmissionsRuntime } from './submissions.runtime';
import { createSubmissionLoaders } from './submissions/submission.loaders';
import { SubmissionService } from './submissions/submission.service';
import { createTeamLoaders } from './teams/team.loaders';
import { TeamService } from './teams/team.service';
import { createVoteLoaders } from './votes/vote.loaders';
import { VoteService } from './votes/vote.service';
import { voteMinAccountAgeHours } from '@ideagora/config';

export interface SubmissionsContext {
  identity: Identity;
  submissions: SubmissionService;
  teams: TeamService;
  judging: JudgingService;
  attachments: AttachmentService;
  votes: VoteService;
  loaders: ReturnType<typeof createSubmissionLoaders> &
    ReturnType<typeof createTeamLoaders> &
    ReturnType<typeof createJudgingLoaders> &
    ReturnType<typeof createAttachmentLoaders> &
    ReturnType<typeof createVoteLoaders>;
}

export function createSubmissionsContext({ identity, em, runtime }: { identity: Identity; em: EntityManager; runtime: SubmissionsRuntime }): SubmissionsContext {
  const nudge = () => runtime.relay.nudge();
  const submissions = new SubmissionService(em, identity.userId, nudge, runtime.readModelWaits);
  const teams = new TeamService(em, identity.userId, submissions, nudge, runtime.readModelWaits);
  const judging = new JudgingService(em, identity.userId, runtime.readModelWaits);
  const attachments = new AttachmentService(em, identity.userId, runtime.own.files);
  const votes = new VoteService(em, identity.userId, identity.clientAddress ?? null, voteMinAccountAgeHours(runtime.own.config));
  return {
    identity,
    submissions,
    teams,
    judging,
    attachments,
    votes,
    loaders: {
      ...createSubmissionLoaders(submissions),
      ...createTeamLoaders(teams),
      ...createJudgingLoaders(judging),
      ...createAttachmentLoaders(attachments),
      ...createVoteLoaders(votes),
    },
  };
}
