import { buildFederatedSchema, type SubgraphDefinition } from '@ideagora/subgraph-kit';
import { createSubmissionsContext, type SubmissionsContext } from './context';
import { ChallengeSubmissionsResolver, resolveChallengeReference } from './external/challenge.resolver';
import { resolveUserReference, UserSubmissionsResolver, UserTeamInvitationsResolver } from './external/user.resolver';
import { ChallengeJudgingResolver, JudgingBoardResolver, JudgingRankingConnectionResolver, ScoreCardResolver, SubmissionJudgingResolver } from './judging/judging.resolver';
import { ChallengeRoleViewEntity, JudgeRoundProgressEntity, RoundAgreementEntity, ScoreCardEntity, SubmissionScoreEntity } from './judging/judging.entity';
import { Migration20261207090000_judging } from './migrations/Migration20261207090000_judging';
import { Migration20261208090000_round_agreement } from './migrations/Migration20261208090000_round_agreement';
import { Migration20261123090000_submissions } from './migrations/Migration20261123090000_submissions';
import { Migration20261126090000_terms_acceptance } from './migrations/Migration20261126090000_terms_acceptance';
import { Migration20261127090000_shortlist } from './migrations/Migration20261127090000_shortlist';
import { Migration20261205090000_challenge_audience } from './migrations/Migration20261205090000_challenge_audience';
import { Migration20261206100000_teams } from './migrations/Migration20261206100000_teams';
import { ChallengeViewEntity } from './read-models/challenge-view.entity';
import { MembershipViewEntity } from './read-models/membership-view.entity';
import { UserViewEntity } from './read-models/user-view.entity';
import { readModelEventHandlers } from './read-models/read-model.handlers';
import { SubmissionEntity, SubmissionVersionEntity, TermsAcceptanceEntity } from './submissions/submission.entity';
import { resolveSubmissionReference, SubmissionConnectionResolver, SubmissionResolver } from './submissions/submission.resolver';
import { ChallengeParticipantEntity, TeamEntity, TeamInvitationEntity, TeamMemberEntity } from './teams/team.entity';
import { resolveTeamReference, TeamInvitationResolver, TeamResolver } from './teams/team.resolver';

export const submissionsSubgraph: SubgraphDefinition<SubmissionsContext> = {
  name: 'submissions',
  entities: [SubmissionEntity, SubmissionVersionEntity, TermsAcceptanceEntity, ChallengeViewEntity, MembershipViewEntity,
    UserViewEntity, TeamEntity, TeamMemberEntity, TeamInvitationEntity, ChallengeParticipantEntity, ScoreCardEntity, SubmissionScoreEntity, ChallengeRoleViewEntity,
    JudgeRoundProgressEntity, RoundAgreementEntity],
  migrations: [
    { name: 'Migration20261123090000_submissions', class: Migration20261123090000_submissions },
    { name: 'Migration20261126090000_terms_acceptance', class: Migration20261126090000_terms_acceptance },
    { name: 'Migration20261127090000_shortlist', class: Migration20261127090000_shortlist },
    { name: 'Migration20261205090000_challenge_audience', class: Migration20261205090000_challenge_audience },
    { name: 'Migration20261206100000_teams', class: Migration20261206100000_teams },
    { name: 'Migration20261207090000_judging', class: Migration20261207090000_judging },
    { name: 'Migration20261208090000_round_agreement', class: Migration20261208090000_round_agreement },
  ],
  buildSchema: () =>
    buildFederatedSchema({
      resolvers: [SubmissionResolver, SubmissionConnectionResolver, ChallengeSubmissionsResolver, UserSubmissionsResolver, UserTeamInvitationsResolver, TeamResolver, TeamInvitationResolver,
        SubmissionJudgingResolver, ScoreCardResolver, ChallengeJudgingResolver, JudgingBoardResolver, JudgingRankingConnectionResolver],
      referenceResolvers: {
        Submission: { __resolveReference: resolveSubmissionReference },
        Challenge: { __resolveReference: resolveChallengeReference },
        User: { __resolveReference: resolveUserReference },
        Team: { __resolveReference: resolveTeamReference },
      },
    }),
  createContext: createSubmissionsContext,
  eventHandlers: readModelEventHandlers,
};
