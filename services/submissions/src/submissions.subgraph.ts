import { buildFederatedSchema, type SubgraphDefinition } from '@ideagora/subgraph-kit';
import { SUBMISSIONS_API_KEY_SCOPES } from './api-key-scopes';
import { createSubmissionsContext, type SubmissionsContext } from './context';
import { createFileRoutes, FilesystemStorage } from '@ideagora/storage';
import type { EntityManager } from '@mikro-orm/postgresql';
import { attachmentIdOfKey } from './attachments/attachment.domain';
import { AttachmentEntity, SubmissionVersionAttachmentEntity } from './attachments/attachment.entity';
import { AttachmentResolver, SubmissionAttachmentsResolver, SubmissionVersionAttachmentsResolver } from './attachments/attachment.resolver';
import { AttachmentService } from './attachments/attachment.service';
import { Migration20261209090000_entries } from './migrations/Migration20261209090000_entries';
import { Migration20261210090000_votes } from './migrations/Migration20261210090000_votes';
import { BallotEntity, VoteEntity } from './votes/vote.entity';
import { ChallengeVotesResolver, FlaggedVoteResolver, SubmissionVotesResolver, VoteResolver } from './votes/vote.resolver';
import { createSubmissionsOwn, type SubmissionsOwn } from './submissions.runtime';
import { ChallengeGalleryResolver, ChallengeSubmissionsResolver, resolveChallengeReference } from './external/challenge.resolver';
import { resolveUserReference, UserSubmissionsResolver, UserTeamInvitationsResolver } from './external/user.resolver';
import { OrganizationLogoResolver } from './external/organization.resolver';
import { OrganizationRef } from './external/organization.stub';
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

export const submissionsSubgraph: SubgraphDefinition<SubmissionsContext, SubmissionsOwn> = {
  name: 'submissions',
  entities: [SubmissionEntity, SubmissionVersionEntity, TermsAcceptanceEntity, ChallengeViewEntity, MembershipViewEntity,
    UserViewEntity, TeamEntity, TeamMemberEntity, TeamInvitationEntity, ChallengeParticipantEntity, ScoreCardEntity, SubmissionScoreEntity, ChallengeRoleViewEntity,
    JudgeRoundProgressEntity, RoundAgreementEntity, AttachmentEntity, SubmissionVersionAttachmentEntity, BallotEntity, VoteEntity],
  migrations: [
    { name: 'Migration20261123090000_submissions', class: Migration20261123090000_submissions },
    { name: 'Migration20261126090000_terms_acceptance', class: Migration20261126090000_terms_acceptance },
    { name: 'Migration20261127090000_shortlist', class: Migration20261127090000_shortlist },
    { name: 'Migration20261205090000_challenge_audience', class: Migration20261205090000_challenge_audience },
    { name: 'Migration20261206100000_teams', class: Migration20261206100000_teams },
    { name: 'Migration20261207090000_judging', class: Migration20261207090000_judging },
    { name: 'Migration20261208090000_round_agreement', class: Migration20261208090000_round_agreement },
    { name: 'Migration20261209090000_entries', class: Migration20261209090000_entries },
    { name: 'Migration20261210090000_votes', class: Migration20261210090000_votes },
  ],
  buildSchema: () =>
    buildFederatedSchema({
      apiKeyScopes: SUBMISSIONS_API_KEY_SCOPES,
      resolvers: [SubmissionResolver, SubmissionConnectionResolver, ChallengeSubmissionsResolver, UserSubmissionsResolver, UserTeamInvitationsResolver, TeamResolver, TeamInvitationResolver,
        SubmissionJudgingResolver, ScoreCardResolver, ChallengeJudgingResolver, JudgingBoardResolver, JudgingRankingConnectionResolver,
        AttachmentResolver, SubmissionAttachmentsResolver, SubmissionVersionAttachmentsResolver, ChallengeGalleryResolver,
        VoteResolver, SubmissionVotesResolver, ChallengeVotesResolver, FlaggedVoteResolver, OrganizationLogoResolver],
      // Organization is reached by no field of this subgraph: only through the gateway (logoUrl).
      orphanedTypes: [OrganizationRef],
      referenceResolvers: {
        Submission: { __resolveReference: resolveSubmissionReference },
        Challenge: { __resolveReference: resolveChallengeReference },
        User: { __resolveReference: resolveUserReference },
        Team: { __resolveReference: resolveTeamReference },
      },
    }),
  own: createSubmissionsOwn,
  createContext: createSubmissionsContext,
  eventHandlers: readModelEventHandlers,
  workers: (runtime) => runtime.own.workers,
  onListening: (runtime, url) => runtime.own.listening(url),
  // The filesystem storage's signed upload/download routes (`/files/:token`); an upload is verified before the PUT answers.
  extraRoutes: (app, runtime) => {
    const { storage, files } = runtime.own;
    if (!(storage instanceof FilesystemStorage)) return;
    app.use(
      createFileRoutes(storage, {
        onUploaded: async (key) => {
          const attachmentId = attachmentIdOfKey(key);
          if (attachmentId) await new AttachmentService(runtime.orm.em.fork() as EntityManager, null, files).verify(attachmentId);
        },
        onError: (err, key) => runtime.logger.warn({ err, key }, 'verification after an upload failed; the queue retries it'),
      }),
    );
  },
};
