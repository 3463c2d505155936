import { graphql } from '@/gql';

// Every operation the web client sends to the gateway. The partner-contract operations keep their shape;
// the web adds fields it needs (escrow, failure reasons, requirements due, profile).

export const SignUpDoc = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) { token refreshToken expiresAt viewer { id email displayName } }
  }
`);

export const LogInDoc = graphql(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) { token refreshToken expiresAt viewer { id } }
  }
`);

/** Sent by the proxy (src/proxy.ts) when the access token is missing or about to expire. */
export const RefreshSessionDoc = graphql(`
  mutation RefreshSession($input: RefreshSessionInput!) {
    refreshSession(input: $input) { token expiresAt }
  }
`);

export const LogOutDoc = graphql(`
  mutation LogOut($input: LogOutInput!) {
    logOut(input: $input) { loggedOut }
  }
`);

export const RequestPasswordResetDoc = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input) { accepted }
  }
`);

export const ResetPasswordDoc = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) { token refreshToken expiresAt viewer { id } }
  }
`);

export const ViewerDoc = graphql(`
  query Viewer {
    viewer {
      id email displayName bio skills school country publicProfile unreadNotificationCount
      organizations { id name viewerRole slug }
      organizationInvitations { id role invitedAt expiresAt organization { id name } }
      teamInvitations { id }
      challengeInvitations { id role status }
      payoutAccount { status requirementsDue }
      submissions(first: 50) { edges { node { id title status version submittedAt challenge { id title status } } } }
      payouts(first: 50) {
        edges {
          node {
            id status failureReason paidAt amount { amountMinor currency }
            award { id awardedAt prize { label } submission { id team { id name } } challenge { id title } }
          }
        }
      }
    }
  }
`);

export const UpdateProfileDoc = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) { viewer { id displayName bio skills school country publicProfile } }
  }
`);

export const CreateOrganizationDoc = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) { organization { id name viewerRole } }
  }
`);

export const CreateChallengeDoc = graphql(`
  mutation CreateChallenge($input: CreateChallengeInput!) {
    createChallenge(input: $input) {
      challenge { id status totalPrize { amountMinor currency } prizes { rank label amount { amountMinor currency } } }
    }
  }
`);

/** What the judges' comments and scores say to an author, once the challenge is AWARDED or CLOSED. */
export const FeedbackFieldsFragment = graphql(`
  fragment FeedbackFields on SubmissionFeedback {
    rank outOf meanWeightedTotal criteria { criterionKey label meanValue } comments
  }
`);

/** Edits a DRAFT (any field but prizes and currency) or an OPEN challenge (summary, description, a later deadline). */
export const UpdateChallengeDoc = graphql(`
  mutation UpdateChallenge($input: UpdateChallengeInput!) {
    updateChallenge(input: $input) {
      challenge { id status title summary description terms type visibility submissionDeadline guaranteed judgingDeadline submissionVisibility votingWindow { startsAt endsAt } }
    }
  }
`);

export const FundChallengeDoc = graphql(`
  mutation FundChallenge($challengeId: ID!) {
    fundChallenge(challengeId: $challengeId) {
      funding {
        id status paymentIntentId clientSecret
        amount { amountMinor currency } platformFee { amountMinor currency }
      }
    }
  }
`);

export const PublishChallengeDoc = graphql(`
  mutation PublishChallenge($challengeId: ID!) {
    publishChallenge(challengeId: $challengeId) { challenge { id status } }
  }
`);

export const CloseSubmissionsDoc = graphql(`
  mutation CloseSubmissions($challengeId: ID!) {
    closeSubmissions(challengeId: $challengeId) { challenge { id status } }
  }
`);

export const FinishJudgingDoc = graphql(`
  mutation FinishJudging($challengeId: ID!) {
    finishJudging(challengeId: $challengeId) { challenge { id status } }
  }
`);

export const CancelChallengeDoc = graphql(`
  mutation CancelChallenge($challengeId: ID!) {
    cancelChallenge(challengeId: $challengeId) { challenge { id status } }
  }
`);

export const BrowseChallengesDoc = graphql(`
  query BrowseChallenges($first: Int, $after: String, $filter: ChallengeFilter, $sort: ChallengeSort) {
    challenges(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      pageCursors
      edges {
        cursor
        node {
          id title summary type status submissionDeadline
          totalPrize { amountMinor currency }
          organization { id name viewerRole }
          submissionCount
        }
      }
      pageInfo { hasNextPage endCursor }
    }
    challengeCurrencies
  }
`);

/** A submission's file as the pages show it (AttachmentList): the links are short-lived (5 minutes). */
export const AttachmentFieldsFragment = graphql(`
  fragment AttachmentFields on Attachment {
    id fileName contentType byteSize status downloadUrl previewUrl
  }
`);

/** A team as its members see it: members and their shares, the split with each member's agreement, its submission. */
export const TeamFieldsFragment = graphql(`
  fragment TeamFields on Team {
    id name createdAt
    members { shareBasisPoints joinedAt user { id displayName } }
    split { version status equal shares { basisPoints agreedAt user { id displayName } } }
    submission { id title body version submittedAt status }
    invitations { id email invitedAt expiresAt }
  }
`);

export const ChallengeDetailDoc = graphql(`
  query ChallengeDetail($id: ID!, $questionsAfter: String) {
    challenge(id: $id) {
      id title summary description terms type status visibility submissionDeadline currency createdAt publishedAt
      organization { id name viewerRole createdAt slug }
      totalPrize { amountMinor currency }
      funding { id status failureReason amount { amountMinor currency } platformFee { amountMinor currency } }
      fundingQuote { prizePool { amountMinor currency } platformFee { amountMinor currency } total { amountMinor currency } }
      prizes {
        rank label quantity awardedCount communityChoice amount { amountMinor currency }
        award { id awardedAt submission { id title } payouts { status amount { amountMinor currency } } }
      }
      submissionCount
      guaranteed judgingDeadline judgingClosed round finalRoundDeadline viewerRoles
      submissionVisibility votingWindow { startsAt endsAt } voting { startsAt endsAt isOpen }
      finalists { id }
      rubric { isDefault criteria { key label description weightPercent } }
      invitations { id email role status expiresAt createdAt }
      viewerSubmissions { id title body status version submittedAt attachments { ...AttachmentFields } feedback { ...FeedbackFields } }
      viewerHasAcceptedTerms
      questions(first: 20, after: $questionsAfter) {
        edges { node { id question answer answeredAt published } }
        pageInfo { hasNextPage endCursor }
      }
      viewerQuestions { id question answer askedAt published }
      viewerTeam { ...TeamFields submission { id attachments { ...AttachmentFields } feedback { ...FeedbackFields } } }
    }
  }
`);

export const ChallengeReviewDoc = graphql(`
  query ChallengeReview($challengeId: ID!, $first: Int, $after: String, $shortlistedOnly: Boolean) {
    challenge(id: $challengeId) {
      id title status currency submissionDeadline submissionVisibility votingWindow { startsAt endsAt }
      organization { id name viewerRole }
      totalPrize { amountMinor currency }
      prizes {
        rank label quantity awardedCount amount { amountMinor currency }
        award { id submission { id title } payouts { id status amount { amountMinor currency } } }
      }
      funding { id status }
      escrow {
        funded { amountMinor currency } platformFee { amountMinor currency } awarded { amountMinor currency }
        paid { amountMinor currency } refunded { amountMinor currency } heldForWinners { amountMinor currency } inEscrow { amountMinor currency }
      }
      allSubmissions: submissions(first: 1) { totalCount }
      shortlist: submissions(first: 1, shortlistedOnly: true) { totalCount }
      submissions(first: $first, after: $after, shortlistedOnly: $shortlistedOnly) {
        edges { node { id title body version submittedAt shortlisted author { id displayName } team { id name members { user { id displayName } } } attachments { ...AttachmentFields } } }
        pageInfo { hasNextPage endCursor }
      }
      questions(first: 20) {
        edges { node { id question answer askedAt answeredAt published } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

export const FundingReceiptDoc = graphql(`
  query FundingReceipt($fundingId: ID!) {
    fundingReceipt(fundingId: $fundingId) {
      fundingId status paidAt paymentIntentId cardBrand cardLast4
      challenge { id title organization { id name } }
      prizePool { amountMinor currency } platformFee { amountMinor currency } total { amountMinor currency }
      ledger { charged { amountMinor currency } escrowed { amountMinor currency } platformFee { amountMinor currency } }
    }
  }
`);

export const PayoutReceiptDoc = graphql(`
  query PayoutReceipt($payoutId: ID!) {
    payoutReceipt(payoutId: $payoutId) {
      payoutId status paidAt transferId amount { amountMinor currency }
      award { awardedAt prize { label } challenge { id title } }
      ledger { transferred { amountMinor currency } reversed { amountMinor currency } }
    }
  }
`);

export const ShortlistSubmissionDoc = graphql(`
  mutation ShortlistSubmission($input: ShortlistSubmissionInput!) {
    shortlistSubmission(input: $input) { submission { id shortlisted } }
  }
`);

/** Step one of an upload: a PENDING attachment and where to PUT its bytes (the picker then PUTs from the browser). */
export const CreateAttachmentUploadDoc = graphql(`
  mutation CreateAttachmentUpload($input: CreateAttachmentUploadInput!) {
    createAttachmentUpload(input: $input) {
      attachment { id }
      uploadUrl
      uploadHeaders { name value }
    }
  }
`);

/** An upload after its PUT: READY, or REJECTED when the stored bytes are not what was announced (verified on the spot). */
export const AttachmentStatusDoc = graphql(`
  query AttachmentStatus($id: ID!) {
    attachment(id: $id) { id status }
  }
`);

/** The files of the viewer's submissions, for "My submissions" (its own query: the header's viewer stays light). */
export const MySubmissionFilesDoc = graphql(`
  query MySubmissionFiles {
    viewer {
      id
      submissions(first: 50) { edges { node { id attachments { ...AttachmentFields } } } }
    }
  }
`);

export const SubmitSolutionDoc = graphql(`
  mutation SubmitSolution($input: SubmitSolutionInput!) {
    submitSolution(input: $input) { submission { id status version challenge { id } } }
  }
`);

export const AcceptChallengeTermsDoc = graphql(`
  mutation AcceptChallengeTerms($input: AcceptChallengeTermsInput!) {
    acceptChallengeTerms(input: $input) { challenge { id viewerHasAcceptedTerms } }
  }
`);

export const StartPayoutOnboardingDoc = graphql(`
  mutation StartPayoutOnboarding($input: StartPayoutOnboardingInput!) {
    startPayoutOnboarding(input: $input) { onboardingUrl payoutAccount { status requirementsDue } }
  }
`);

export const AwardPrizeDoc = graphql(`
  mutation AwardPrize($input: AwardPrizeInput!) {
    awardPrize(input: $input) {
      award { id prizeRank submission { id } payouts { id status amount { amountMinor currency } } }
    }
  }
`);

export const OrganizationDoc = graphql(`
  query Organization($id: ID!) {
    organization(id: $id) {
      id name createdAt viewerRole
      members { role user { id displayName } }
      invitations { id email role invitedAt expiresAt user { id displayName } }
    }
  }
`);

// Only the member's id is asked for: the server does not check that the user exists, and a User that the users
// subgraph cannot resolve would fail the whole (already applied) mutation.
export const AddOrganizationMemberDoc = graphql(`
  mutation AddOrganizationMember($input: AddOrganizationMemberInput!) {
    addOrganizationMember(input: $input) { organization { id viewerRole } member { role user { id } } invitation { id role } }
  }
`);

export const InviteOrganizationMemberDoc = graphql(`
  mutation InviteOrganizationMember($input: InviteOrganizationMemberInput!) {
    inviteOrganizationMember(input: $input) { organization { id } invitation { id email role expiresAt } }
  }
`);

export const RespondToOrganizationInvitationDoc = graphql(`
  mutation RespondToOrganizationInvitation($input: RespondToOrganizationInvitationInput!) {
    respondToOrganizationInvitation(input: $input) { organization { id name viewerRole } member { role } }
  }
`);

export const AskChallengeQuestionDoc = graphql(`
  mutation AskChallengeQuestion($input: AskChallengeQuestionInput!) {
    askChallengeQuestion(input: $input) { question { id } }
  }
`);

export const AnswerChallengeQuestionDoc = graphql(`
  mutation AnswerChallengeQuestion($input: AnswerChallengeQuestionInput!) {
    answerChallengeQuestion(input: $input) { question { id answer published } }
  }
`);

/** The currencies a challenge can be created in (the wizard offers these and no others). */
export const ChallengeCurrenciesDoc = graphql(`
  query ChallengeCurrencies {
    challengeCurrencies
  }
`);

/** The team page: the challenge (its prizes to show each member's part) and the viewer's team in it. */
export const ChallengeTeamDoc = graphql(`
  query ChallengeTeam($id: ID!) {
    challenge(id: $id) {
      id title status currency submissionDeadline
      organization { id viewerRole }
      prizes { rank label amount { amountMinor currency } }
      viewerSubmissions { id }
      viewerHasAcceptedTerms terms
      viewerTeam { ...TeamFields }
    }
  }
`);

export const TeamInvitationsDoc = graphql(`
  query TeamInvitations {
    viewer {
      id
      teamInvitations {
        id email status invitedAt expiresAt
        invitedBy { id displayName }
        team { id name members { user { id displayName } } challenge { id title status } }
      }
    }
  }
`);

export const CreateTeamDoc = graphql(`
  mutation CreateTeam($input: CreateTeamInput!) {
    createTeam(input: $input) { team { id name } }
  }
`);

export const InviteTeamMemberDoc = graphql(`
  mutation InviteTeamMember($input: InviteTeamMemberInput!) {
    inviteTeamMember(input: $input) { invitation { id email expiresAt } }
  }
`);

export const RespondToTeamInvitationDoc = graphql(`
  mutation RespondToTeamInvitation($input: RespondToTeamInvitationInput!) {
    respondToTeamInvitation(input: $input) { invitation { id status } team { id challenge { id } } }
  }
`);

export const ProposePrizeSplitDoc = graphql(`
  mutation ProposePrizeSplit($input: ProposePrizeSplitInput!) {
    proposePrizeSplit(input: $input) { team { id split { version status } } }
  }
`);

export const ProposeEqualPrizeSplitDoc = graphql(`
  mutation ProposeEqualPrizeSplit($input: ProposeEqualPrizeSplitInput!) {
    proposeEqualPrizeSplit(input: $input) { team { id split { version status } } }
  }
`);

export const AgreeToPrizeSplitDoc = graphql(`
  mutation AgreeToPrizeSplit($input: AgreeToPrizeSplitInput!) {
    agreeToPrizeSplit(input: $input) { team { id split { version status } } }
  }
`);

export const LeaveTeamDoc = graphql(`
  mutation LeaveTeam($input: LeaveTeamInput!) {
    leaveTeam(input: $input) { teamId dissolved }
  }
`);

// ---- judging (partner contract v2, judging.graphql: names, variables and selected fields kept; fields added) ------

export const SetJudgingRubricDoc = graphql(`
  mutation SetJudgingRubric($input: SetJudgingRubricInput!) {
    setJudgingRubric(input: $input) {
      challenge { id rubric { isDefault criteria { key label description weightPercent } } }
    }
  }
`);

export const InviteToChallengeDoc = graphql(`
  mutation InviteToChallenge($input: InviteToChallengeInput!) {
    inviteToChallenge(input: $input) {
      invitations { id email role status expiresAt challenge { id status } }
    }
  }
`);

export const RevokeChallengeInvitationDoc = graphql(`
  mutation RevokeChallengeInvitation($input: RevokeChallengeInvitationInput!) {
    revokeChallengeInvitation(input: $input) { invitation { id email status } }
  }
`);

/** The judge's inbox (/judging/invitations): every invitation sent to the viewer's address, newest first. */
export const ViewerChallengeInvitationsDoc = graphql(`
  query ViewerChallengeInvitations {
    viewer {
      id
      challengeInvitations {
        id role status expiresAt createdAt
        challenge { id title summary visibility status submissionDeadline judgingDeadline organization { id name } }
      }
    }
  }
`);

export const RespondToChallengeInvitationDoc = graphql(`
  mutation RespondToChallengeInvitation($input: RespondToChallengeInvitationInput!) {
    respondToChallengeInvitation(input: $input) {
      invitation { id status role }
      challenge { id status viewerRoles }
    }
  }
`);

/**
 * The scoring page: the rubric, the counts ("n of N scored") and a batch of submissions to score (the viewer's
 * unscored ones by default), each with the viewer's card when there is one.
 */
export const ScoringDoc = graphql(`
  query Scoring($challengeId: ID!, $first: Int, $after: String, $unscoredOnly: Boolean) {
    challenge(id: $challengeId) {
      id title status round judgingClosed judgingDeadline viewerRoles
      rubric { criteria { key label description weightPercent } }
      finalists { id }
      allToScore: submissions(first: 1) { totalCount }
      unscored: submissions(first: 1, unscoredByViewer: true) { totalCount }
      submissions(first: $first, after: $after, unscoredByViewer: $unscoredOnly) {
        edges {
          node {
            id title body version submittedAt finalist
            attachments { ...AttachmentFields }
            viewerScoreCard { id weightedTotal comment scores { criterionKey value } }
          }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

export const ScoreSubmissionDoc = graphql(`
  mutation ScoreSubmission($input: ScoreSubmissionInput!) {
    scoreSubmission(input: $input) {
      scoreCard { id round weightedTotal comment scores { criterionKey value } submission { id } }
    }
  }
`);

export const JudgingBoardDoc = graphql(`
  query JudgingBoard($challengeId: ID!, $first: Int, $after: String) {
    challenge(id: $challengeId) {
      id status title currency round judgingClosed judgingDeadline finalRoundDeadline guaranteed viewerRoles
      prizes { rank label quantity awardedCount amount { amountMinor currency } }
      finalists { id }
      allSubmissions: submissions(first: 1) { totalCount }
      judging {
        round judgeCount agreement
        judges { user { id displayName } scoredCount }
        ranking(first: $first, after: $after) {
          edges { cursor node { rank meanWeightedTotal scoreCardCount submission { id title finalist } } }
          pageInfo { hasNextPage endCursor }
          totalCount
        }
      }
    }
  }
`);

/** The ranking alone, a page at a time: the bulk award of "ranks 1 to N" reads it through. */
export const JudgingRankingDoc = graphql(`
  query JudgingRanking($challengeId: ID!, $first: Int, $after: String) {
    challenge(id: $challengeId) {
      id
      judging {
        ranking(first: $first, after: $after) {
          edges { node { rank submission { id } } }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
`);

export const AdvanceToFinalRoundDoc = graphql(`
  mutation AdvanceToFinalRound($input: AdvanceToFinalRoundInput!) {
    advanceToFinalRound(input: $input) {
      challenge { id status round finalRoundDeadline finalists { id } }
    }
  }
`);

export const ChallengePrizeRulesDoc = graphql(`
  query ChallengePrizeRules($id: ID!) {
    challenge(id: $id) {
      id guaranteed judgingDeadline
      prizes { rank label quantity awardedCount amount { amountMinor currency } awards { id submission { id } } }
    }
  }
`);

export const AwardPrizesDoc = graphql(`
  mutation AwardPrizes($input: AwardPrizesInput!) {
    awardPrizes(input: $input) {
      awards { id prizeRank submission { id } }
      awardedCount
    }
  }
`);

export const ViewerFeedbackDoc = graphql(`
  query ViewerFeedback($challengeId: ID!) {
    challenge(id: $challengeId) {
      id status
      viewerSubmissions {
        id
        feedback { rank outOf meanWeightedTotal criteria { criterionKey label meanValue } comments }
      }
    }
  }
`);

/** /me/submissions: the feedback of each of the viewer's submissions (null until its challenge is AWARDED or CLOSED). */
export const MySubmissionsFeedbackDoc = graphql(`
  query MySubmissionsFeedback {
    viewer {
      id
      submissions(first: 50) { edges { node { id title challenge { id title status } feedback { rank outOf meanWeightedTotal criteria { criterionKey label meanValue } comments } } } }
    }
  }
`);

// ---- the public gallery and the community vote (issue 14) -----------------------------------------------------

/** The gallery page: the contract's ChallengeGallery plus the order, the viewer's own entries and what a card shows. */
export const GalleryPageDoc = graphql(`
  query GalleryPage($challengeId: ID!, $first: Int, $after: String, $orderBy: GalleryOrder) {
    challenge(id: $challengeId) {
      id title status round submissionDeadline submissionVisibility
      organization { id name viewerRole }
      voting { startsAt endsAt isOpen viewerVotesLeft }
      viewerSubmissions { id }
      viewerTeam { id submission { id } }
      gallery(first: $first, after: $after, orderBy: $orderBy) {
        edges { node { id title voteCount viewerHasVoted author { id displayName } attachments { id fileName contentType previewUrl } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

/** One public entry with its files. */
export const GalleryEntryDoc = graphql(`
  query GalleryEntry($submissionId: ID!) {
    submission(id: $submissionId) {
      id title body voteCount viewerHasVoted firstSubmittedAt
      author { id displayName }
      attachments { id fileName contentType byteSize previewUrl downloadUrl }
      challenge {
        id title status round submissionDeadline submissionVisibility
        organization { id viewerRole }
        voting { startsAt endsAt isOpen viewerVotesLeft }
        viewerSubmissions { id }
        viewerTeam { id submission { id } }
      }
    }
  }
`);

export const CastVoteDoc = graphql(`
  mutation CastVote($input: CastVoteInput!) {
    castVote(input: $input) { vote { id } submission { id voteCount } }
  }
`);

export const WithdrawVoteDoc = graphql(`
  mutation WithdrawVote($input: WithdrawVoteInput!) {
    withdrawVote(input: $input) { submission { id voteCount } }
  }
`);

/** The sponsor's "Community votes" on the review page: the top of the vote count and the flagged votes. */
export const CommunityVotesDoc = graphql(`
  query CommunityVotes($challengeId: ID!, $top: Int) {
    challenge(id: $challengeId) {
      id submissionVisibility
      voting { startsAt endsAt isOpen }
      prizes { rank label quantity awardedCount communityChoice amount { amountMinor currency } award { id } }
      topVoted: gallery(first: $top, orderBy: VOTES) { edges { node { id title voteCount author { id displayName } } } }
      flaggedVotes(first: 50) {
        edges { node { id reason createdAt voter { id displayName } submission { id title } } }
        pageInfo { hasNextPage }
      }
    }
  }
`);

// ---- communities (issue 15): branded organization pages, profiles, reputation, notifications -------------------

/** The card's fields (ChallengeCard), for the lists of issue 15 (an organization's page, recommendations). */
export const ChallengeCardFieldsFragment = graphql(`
  fragment ChallengeCardFields on Challenge {
    id title summary type status submissionDeadline
    totalPrize { amountMinor currency }
    organization { id name viewerRole }
    submissionCount
  }
`);

/** The brand colour of a challenge's organization, for every page of the challenge (its layout). */
export const ChallengeBrandDoc = graphql(`
  query ChallengeBrand($id: ID!) {
    challenge(id: $id) { id organization { id brandColor } }
  }
`);

/** Contract v2 (communities): slug, about, website, brand colour and logo; OWNER/ADMIN. */
export const UpdateOrganizationDoc = graphql(`
  mutation UpdateOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      organization { id name slug about websiteUrl brandColor logoUrl }
    }
  }
`);

/** The branding form's starting point (the sponsor's settings page). */
export const OrganizationBrandingDoc = graphql(`
  query OrganizationBranding($id: ID!) {
    organization(id: $id) { id name viewerRole slug about websiteUrl brandColor logoUrl }
  }
`);

/** Contract v2 (communities): the sponsor's public, branded page, its public challenges newest first (the web adds the cards' fields). */
export const OrganizationPageDoc = graphql(`
  query OrganizationPage($slug: String!, $first: Int, $after: String) {
    organizationBySlug(slug: $slug) {
      id name about websiteUrl brandColor logoUrl
      challenges(first: $first, after: $after) { edges { node { ...ChallengeCardFields } } pageInfo { hasNextPage endCursor } }
    }
  }
`);

/** Contract v2 (communities): a public profile, null when private. */
export const SolverProfileDoc = graphql(`
  query SolverProfile($id: ID!) {
    user(id: $id) {
      id displayName bio skills school country
      reputation { score prizesWon finalistPlaces submissions totalsWon { amountMinor currency } }
    }
  }
`);

/** Contract v2 (communities): ranked by reputation.score, optionally one skill. */
export const LeaderboardDoc = graphql(`
  query Leaderboard($first: Int, $after: String, $skill: String) {
    leaderboard(first: $first, after: $after, skill: $skill) {
      edges { node { rank user { id displayName } reputation { score prizesWon } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** Contract v2 (communities): open challenges matching the viewer's skills and entries (the web adds the cards' fields). */
export const RecommendedChallengesDoc = graphql(`
  query RecommendedChallenges($first: Int) {
    viewer { id recommendedChallenges(first: $first) { edges { node { ...ChallengeCardFields } } } }
  }
`);

/** Contract v2 (communities): the viewer's notifications, newest first. */
export const ViewerNotificationsDoc = graphql(`
  query ViewerNotifications($first: Int, $after: String) {
    viewer {
      id
      unreadNotificationCount
      notifications(first: $first, after: $after) {
        edges { node { id kind title body link createdAt readAt } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

export const MarkNotificationsReadDoc = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) { unreadNotificationCount }
  }
`);

/** The kinds also sent by mail (the profile page's preferences). */
export const NotificationPreferencesDoc = graphql(`
  query NotificationPreferences {
    viewer { id notificationPreferences { mailKinds } }
  }
`);

export const UpdateNotificationPreferencesDoc = graphql(`
  mutation UpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {
    updateNotificationPreferences(input: $input) { mailKinds }
  }
`);

/** Developer settings (issue 16): the organization's name and the viewer's role, for every member. */
export const OrganizationDevelopersDoc = graphql(`
  query OrganizationDevelopers($id: ID!) {
    organization(id: $id) { id name viewerRole }
  }
`);

/** The organization's API keys, newest first, revoked ones included (never their secrets). OWNER/ADMIN only: FORBIDDEN otherwise. */
export const OrganizationApiKeysDoc = graphql(`
  query OrganizationApiKeys($id: ID!) {
    organization(id: $id) { id apiKeys { id name scopes createdAt lastUsedAt revokedAt } }
  }
`);

/** A new key; its secret is in this answer only. */
export const CreateApiKeyDoc = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { apiKey { id name scopes createdAt lastUsedAt } secret }
  }
`);

export const RevokeApiKeyDoc = graphql(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) { apiKey { id revokedAt } }
  }
`);

/** The organization's webhook endpoints not deleted, oldest first. OWNER/ADMIN only: null otherwise. */
export const OrganizationWebhookEndpointsDoc = graphql(`
  query OrganizationWebhookEndpoints($id: ID!) {
    organization(id: $id) { id webhookEndpoints { id url events createdAt } }
  }
`);

/** A new webhook endpoint; its signing secret is in this answer only. */
export const CreateWebhookEndpointDoc = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) { endpoint { id url events createdAt } signingSecret }
  }
`);

export const DeleteWebhookEndpointDoc = graphql(`
  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {
    deleteWebhookEndpoint(input: $input) { endpoint { id deletedAt } }
  }
`);

/** An endpoint's delivery log, newest first, paged by cursor; each delivery with its attempts (newest first). NOT_FOUND for others. */
export const WebhookEndpointDeliveriesDoc = graphql(`
  query WebhookEndpointDeliveries($id: ID!, $first: Int, $after: String) {
    webhookEndpoint(id: $id) {
      id organizationId url events createdAt deletedAt
      deliveries(first: $first, after: $after) {
        edges {
          node {
            id eventId eventType status attemptCount lastStatusCode lastError deliveredAt nextAttemptAt createdAt
            attempts { number startedAt durationMs statusCode error }
          }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

/** Sends a delivery again now; the attempt follows this answer (read the log again for its outcome). */
export const RedeliverWebhookDoc = graphql(`
  mutation RedeliverWebhook($input: RedeliverWebhookInput!) {
    redeliverWebhook(input: $input) { delivery { id status attemptCount } }
  }
`);
