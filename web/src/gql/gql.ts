/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { token refreshToken expiresAt viewer { id email displayName } }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) { token refreshToken expiresAt viewer { id } }\n  }\n": typeof types.LogInDocument,
    "\n  mutation RefreshSession($input: RefreshSessionInput!) {\n    refreshSession(input: $input) { token expiresAt }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation LogOut($input: LogOutInput!) {\n    logOut(input: $input) { loggedOut }\n  }\n": typeof types.LogOutDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) { accepted }\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) { token refreshToken expiresAt viewer { id } }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  query Viewer {\n    viewer {\n      id email displayName bio skills school country publicProfile unreadNotificationCount\n      organizations { id name viewerRole slug }\n      organizationInvitations { id role invitedAt expiresAt organization { id name } }\n      teamInvitations { id }\n      challengeInvitations { id role status }\n      payoutAccount { status requirementsDue }\n      submissions(first: 50) { edges { node { id title status version submittedAt challenge { id title status } } } }\n      payouts(first: 50) {\n        edges {\n          node {\n            id status failureReason paidAt amount { amountMinor currency }\n            award { id awardedAt prize { label } submission { id team { id name } } challenge { id title } }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) { viewer { id displayName bio skills school country publicProfile } }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) { organization { id name viewerRole } }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  mutation CreateChallenge($input: CreateChallengeInput!) {\n    createChallenge(input: $input) {\n      challenge { id status totalPrize { amountMinor currency } prizes { rank label amount { amountMinor currency } } }\n    }\n  }\n": typeof types.CreateChallengeDocument,
    "\n  fragment FeedbackFields on SubmissionFeedback {\n    rank outOf meanWeightedTotal criteria { criterionKey label meanValue } comments\n  }\n": typeof types.FeedbackFieldsFragmentDoc,
    "\n  mutation UpdateChallenge($input: UpdateChallengeInput!) {\n    updateChallenge(input: $input) {\n      challenge { id status title summary description terms type visibility submissionDeadline guaranteed judgingDeadline submissionVisibility votingWindow { startsAt endsAt } }\n    }\n  }\n": typeof types.UpdateChallengeDocument,
    "\n  mutation FundChallenge($challengeId: ID!) {\n    fundChallenge(challengeId: $challengeId) {\n      funding {\n        id status paymentIntentId clientSecret\n        amount { amountMinor currency } platformFee { amountMinor currency }\n      }\n    }\n  }\n": typeof types.FundChallengeDocument,
    "\n  mutation PublishChallenge($challengeId: ID!) {\n    publishChallenge(challengeId: $challengeId) { challenge { id status } }\n  }\n": typeof types.PublishChallengeDocument,
    "\n  mutation CloseSubmissions($challengeId: ID!) {\n    closeSubmissions(challengeId: $challengeId) { challenge { id status } }\n  }\n": typeof types.CloseSubmissionsDocument,
    "\n  mutation FinishJudging($challengeId: ID!) {\n    finishJudging(challengeId: $challengeId) { challenge { id status } }\n  }\n": typeof types.FinishJudgingDocument,
    "\n  mutation CancelChallenge($challengeId: ID!) {\n    cancelChallenge(challengeId: $challengeId) { challenge { id status } }\n  }\n": typeof types.CancelChallengeDocument,
    "\n  query BrowseChallenges($first: Int, $after: String, $filter: ChallengeFilter, $sort: ChallengeSort) {\n    challenges(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageCursors\n      edges {\n        cursor\n        node {\n          id title summary type status submissionDeadline\n          totalPrize { amountMinor currency }\n          organization { id name viewerRole }\n          submissionCount\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n    challengeCurrencies\n  }\n": typeof types.BrowseChallengesDocument,
    "\n  fragment AttachmentFields on Attachment {\n    id fileName contentType byteSize status downloadUrl previewUrl\n  }\n": typeof types.AttachmentFieldsFragmentDoc,
    "\n  fragment TeamFields on Team {\n    id name createdAt\n    members { shareBasisPoints joinedAt user { id displayName } }\n    split { version status equal shares { basisPoints agreedAt user { id displayName } } }\n    submission { id title body version submittedAt status }\n    invitations { id email invitedAt expiresAt }\n  }\n": typeof types.TeamFieldsFragmentDoc,
    "\n  query ChallengeDetail($id: ID!, $questionsAfter: String) {\n    challenge(id: $id) {\n      id title summary description terms type status visibility submissionDeadline currency createdAt publishedAt\n      organization { id name viewerRole createdAt slug }\n      totalPrize { amountMinor currency }\n      funding { id status failureReason amount { amountMinor currency } platformFee { amountMinor currency } }\n      fundingQuote { prizePool { amountMinor currency } platformFee { amountMinor currency } total { amountMinor currency } }\n      prizes {\n        rank label quantity awardedCount communityChoice amount { amountMinor currency }\n        award { id awardedAt submission { id title } payouts { status amount { amountMinor currency } } }\n      }\n      submissionCount\n      guaranteed judgingDeadline judgingClosed round finalRoundDeadline viewerRoles\n      submissionVisibility votingWindow { startsAt endsAt } voting { startsAt endsAt isOpen }\n      finalists { id }\n      rubric { isDefault criteria { key label description weightPercent } }\n      invitations { id email role status expiresAt createdAt }\n      viewerSubmissions { id title body status version submittedAt attachments { ...AttachmentFields } feedback { ...FeedbackFields } }\n      viewerHasAcceptedTerms\n      questions(first: 20, after: $questionsAfter) {\n        edges { node { id question answer answeredAt published } }\n        pageInfo { hasNextPage endCursor }\n      }\n      viewerQuestions { id question answer askedAt published }\n      viewerTeam { ...TeamFields submission { id attachments { ...AttachmentFields } feedback { ...FeedbackFields } } }\n    }\n  }\n": typeof types.ChallengeDetailDocument,
    "\n  query ChallengeReview($challengeId: ID!, $first: Int, $after: String, $shortlistedOnly: Boolean) {\n    challenge(id: $challengeId) {\n      id title status currency submissionDeadline submissionVisibility votingWindow { startsAt endsAt }\n      organization { id name viewerRole }\n      totalPrize { amountMinor currency }\n      prizes {\n        rank label quantity awardedCount amount { amountMinor currency }\n        award { id submission { id title } payouts { id status amount { amountMinor currency } } }\n      }\n      funding { id status }\n      escrow {\n        funded { amountMinor currency } platformFee { amountMinor currency } awarded { amountMinor currency }\n        paid { amountMinor currency } refunded { amountMinor currency } heldForWinners { amountMinor currency } inEscrow { amountMinor currency }\n      }\n      allSubmissions: submissions(first: 1) { totalCount }\n      shortlist: submissions(first: 1, shortlistedOnly: true) { totalCount }\n      submissions(first: $first, after: $after, shortlistedOnly: $shortlistedOnly) {\n        edges { node { id title body version submittedAt shortlisted author { id displayName } team { id name members { user { id displayName } } } attachments { ...AttachmentFields } } }\n        pageInfo { hasNextPage endCursor }\n      }\n      questions(first: 20) {\n        edges { node { id question answer askedAt answeredAt published } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.ChallengeReviewDocument,
    "\n  query FundingReceipt($fundingId: ID!) {\n    fundingReceipt(fundingId: $fundingId) {\n      fundingId status paidAt paymentIntentId cardBrand cardLast4\n      challenge { id title organization { id name } }\n      prizePool { amountMinor currency } platformFee { amountMinor currency } total { amountMinor currency }\n      ledger { charged { amountMinor currency } escrowed { amountMinor currency } platformFee { amountMinor currency } }\n    }\n  }\n": typeof types.FundingReceiptDocument,
    "\n  query PayoutReceipt($payoutId: ID!) {\n    payoutReceipt(payoutId: $payoutId) {\n      payoutId status paidAt transferId amount { amountMinor currency }\n      award { awardedAt prize { label } challenge { id title } }\n      ledger { transferred { amountMinor currency } reversed { amountMinor currency } }\n    }\n  }\n": typeof types.PayoutReceiptDocument,
    "\n  mutation ShortlistSubmission($input: ShortlistSubmissionInput!) {\n    shortlistSubmission(input: $input) { submission { id shortlisted } }\n  }\n": typeof types.ShortlistSubmissionDocument,
    "\n  mutation CreateAttachmentUpload($input: CreateAttachmentUploadInput!) {\n    createAttachmentUpload(input: $input) {\n      attachment { id }\n      uploadUrl\n      uploadHeaders { name value }\n    }\n  }\n": typeof types.CreateAttachmentUploadDocument,
    "\n  query AttachmentStatus($id: ID!) {\n    attachment(id: $id) { id status }\n  }\n": typeof types.AttachmentStatusDocument,
    "\n  query MySubmissionFiles {\n    viewer {\n      id\n      submissions(first: 50) { edges { node { id attachments { ...AttachmentFields } } } }\n    }\n  }\n": typeof types.MySubmissionFilesDocument,
    "\n  mutation SubmitSolution($input: SubmitSolutionInput!) {\n    submitSolution(input: $input) { submission { id status version challenge { id } } }\n  }\n": typeof types.SubmitSolutionDocument,
    "\n  mutation AcceptChallengeTerms($input: AcceptChallengeTermsInput!) {\n    acceptChallengeTerms(input: $input) { challenge { id viewerHasAcceptedTerms } }\n  }\n": typeof types.AcceptChallengeTermsDocument,
    "\n  mutation StartPayoutOnboarding($input: StartPayoutOnboardingInput!) {\n    startPayoutOnboarding(input: $input) { onboardingUrl payoutAccount { status requirementsDue } }\n  }\n": typeof types.StartPayoutOnboardingDocument,
    "\n  mutation AwardPrize($input: AwardPrizeInput!) {\n    awardPrize(input: $input) {\n      award { id prizeRank submission { id } payouts { id status amount { amountMinor currency } } }\n    }\n  }\n": typeof types.AwardPrizeDocument,
    "\n  query Organization($id: ID!) {\n    organization(id: $id) {\n      id name createdAt viewerRole\n      members { role user { id displayName } }\n      invitations { id email role invitedAt expiresAt user { id displayName } }\n    }\n  }\n": typeof types.OrganizationDocument,
    "\n  mutation AddOrganizationMember($input: AddOrganizationMemberInput!) {\n    addOrganizationMember(input: $input) { organization { id viewerRole } member { role user { id } } invitation { id role } }\n  }\n": typeof types.AddOrganizationMemberDocument,
    "\n  mutation InviteOrganizationMember($input: InviteOrganizationMemberInput!) {\n    inviteOrganizationMember(input: $input) { organization { id } invitation { id email role expiresAt } }\n  }\n": typeof types.InviteOrganizationMemberDocument,
    "\n  mutation RespondToOrganizationInvitation($input: RespondToOrganizationInvitationInput!) {\n    respondToOrganizationInvitation(input: $input) { organization { id name viewerRole } member { role } }\n  }\n": typeof types.RespondToOrganizationInvitationDocument,
    "\n  mutation AskChallengeQuestion($input: AskChallengeQuestionInput!) {\n    askChallengeQuestion(input: $input) { question { id } }\n  }\n": typeof types.AskChallengeQuestionDocument,
    "\n  mutation AnswerChallengeQuestion($input: AnswerChallengeQuestionInput!) {\n    answerChallengeQuestion(input: $input) { question { id answer published } }\n  }\n": typeof types.AnswerChallengeQuestionDocument,
    "\n  query ChallengeCurrencies {\n    challengeCurrencies\n  }\n": typeof types.ChallengeCurrenciesDocument,
    "\n  query ChallengeTeam($id: ID!) {\n    challenge(id: $id) {\n      id title status currency submissionDeadline\n      organization { id viewerRole }\n      prizes { rank label amount { amountMinor currency } }\n      viewerSubmissions { id }\n      viewerHasAcceptedTerms terms\n      viewerTeam { ...TeamFields }\n    }\n  }\n": typeof types.ChallengeTeamDocument,
    "\n  query TeamInvitations {\n    viewer {\n      id\n      teamInvitations {\n        id email status invitedAt expiresAt\n        invitedBy { id displayName }\n        team { id name members { user { id displayName } } challenge { id title status } }\n      }\n    }\n  }\n": typeof types.TeamInvitationsDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) { team { id name } }\n  }\n": typeof types.CreateTeamDocument,
    "\n  mutation InviteTeamMember($input: InviteTeamMemberInput!) {\n    inviteTeamMember(input: $input) { invitation { id email expiresAt } }\n  }\n": typeof types.InviteTeamMemberDocument,
    "\n  mutation RespondToTeamInvitation($input: RespondToTeamInvitationInput!) {\n    respondToTeamInvitation(input: $input) { invitation { id status } team { id challenge { id } } }\n  }\n": typeof types.RespondToTeamInvitationDocument,
    "\n  mutation ProposePrizeSplit($input: ProposePrizeSplitInput!) {\n    proposePrizeSplit(input: $input) { team { id split { version status } } }\n  }\n": typeof types.ProposePrizeSplitDocument,
    "\n  mutation ProposeEqualPrizeSplit($input: ProposeEqualPrizeSplitInput!) {\n    proposeEqualPrizeSplit(input: $input) { team { id split { version status } } }\n  }\n": typeof types.ProposeEqualPrizeSplitDocument,
    "\n  mutation AgreeToPrizeSplit($input: AgreeToPrizeSplitInput!) {\n    agreeToPrizeSplit(input: $input) { team { id split { version status } } }\n  }\n": typeof types.AgreeToPrizeSplitDocument,
    "\n  mutation LeaveTeam($input: LeaveTeamInput!) {\n    leaveTeam(input: $input) { teamId dissolved }\n  }\n": typeof types.LeaveTeamDocument,
    "\n  mutation SetJudgingRubric($input: SetJudgingRubricInput!) {\n    setJudgingRubric(input: $input) {\n      challenge { id rubric { isDefault criteria { key label description weightPercent } } }\n    }\n  }\n": typeof types.SetJudgingRubricDocument,
    "\n  mutation InviteToChallenge($input: InviteToChallengeInput!) {\n    inviteToChallenge(input: $input) {\n      invitations { id email role status expiresAt challenge { id status } }\n    }\n  }\n": typeof types.InviteToChallengeDocument,
    "\n  mutation RevokeChallengeInvitation($input: RevokeChallengeInvitationInput!) {\n    revokeChallengeInvitation(input: $input) { invitation { id email status } }\n  }\n": typeof types.RevokeChallengeInvitationDocument,
    "\n  query ViewerChallengeInvitations {\n    viewer {\n      id\n      challengeInvitations {\n        id role status expiresAt createdAt\n        challenge { id title summary visibility status submissionDeadline judgingDeadline organization { id name } }\n      }\n    }\n  }\n": typeof types.ViewerChallengeInvitationsDocument,
    "\n  mutation RespondToChallengeInvitation($input: RespondToChallengeInvitationInput!) {\n    respondToChallengeInvitation(input: $input) {\n      invitation { id status role }\n      challenge { id status viewerRoles }\n    }\n  }\n": typeof types.RespondToChallengeInvitationDocument,
    "\n  query Scoring($challengeId: ID!, $first: Int, $after: String, $unscoredOnly: Boolean) {\n    challenge(id: $challengeId) {\n      id title status round judgingClosed judgingDeadline viewerRoles\n      rubric { criteria { key label description weightPercent } }\n      finalists { id }\n      allToScore: submissions(first: 1) { totalCount }\n      unscored: submissions(first: 1, unscoredByViewer: true) { totalCount }\n      submissions(first: $first, after: $after, unscoredByViewer: $unscoredOnly) {\n        edges {\n          node {\n            id title body version submittedAt finalist\n            attachments { ...AttachmentFields }\n            viewerScoreCard { id weightedTotal comment scores { criterionKey value } }\n          }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.ScoringDocument,
    "\n  mutation ScoreSubmission($input: ScoreSubmissionInput!) {\n    scoreSubmission(input: $input) {\n      scoreCard { id round weightedTotal comment scores { criterionKey value } submission { id } }\n    }\n  }\n": typeof types.ScoreSubmissionDocument,
    "\n  query JudgingBoard($challengeId: ID!, $first: Int, $after: String) {\n    challenge(id: $challengeId) {\n      id status title currency round judgingClosed judgingDeadline finalRoundDeadline guaranteed viewerRoles\n      prizes { rank label quantity awardedCount amount { amountMinor currency } }\n      finalists { id }\n      allSubmissions: submissions(first: 1) { totalCount }\n      judging {\n        round judgeCount agreement\n        judges { user { id displayName } scoredCount }\n        ranking(first: $first, after: $after) {\n          edges { cursor node { rank meanWeightedTotal scoreCardCount submission { id title finalist } } }\n          pageInfo { hasNextPage endCursor }\n          totalCount\n        }\n      }\n    }\n  }\n": typeof types.JudgingBoardDocument,
    "\n  query JudgingRanking($challengeId: ID!, $first: Int, $after: String) {\n    challenge(id: $challengeId) {\n      id\n      judging {\n        ranking(first: $first, after: $after) {\n          edges { node { rank submission { id } } }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n": typeof types.JudgingRankingDocument,
    "\n  mutation AdvanceToFinalRound($input: AdvanceToFinalRoundInput!) {\n    advanceToFinalRound(input: $input) {\n      challenge { id status round finalRoundDeadline finalists { id } }\n    }\n  }\n": typeof types.AdvanceToFinalRoundDocument,
    "\n  query ChallengePrizeRules($id: ID!) {\n    challenge(id: $id) {\n      id guaranteed judgingDeadline\n      prizes { rank label quantity awardedCount amount { amountMinor currency } awards { id submission { id } } }\n    }\n  }\n": typeof types.ChallengePrizeRulesDocument,
    "\n  mutation AwardPrizes($input: AwardPrizesInput!) {\n    awardPrizes(input: $input) {\n      awards { id prizeRank submission { id } }\n      awardedCount\n    }\n  }\n": typeof types.AwardPrizesDocument,
    "\n  query ViewerFeedback($challengeId: ID!) {\n    challenge(id: $challengeId) {\n      id status\n      viewerSubmissions {\n        id\n        feedback { rank outOf meanWeightedTotal criteria { criterionKey label meanValue } comments }\n      }\n    }\n  }\n": typeof types.ViewerFeedbackDocument,
    "\n  query MySubmissionsFeedback {\n    viewer {\n      id\n      submissions(first: 50) { edges { node { id title challenge { id title status } feedback { rank outOf meanWeightedTotal criteria { criterionKey label meanValue } comments } } } }\n    }\n  }\n": typeof types.MySubmissionsFeedbackDocument,
    "\n  query GalleryPage($challengeId: ID!, $first: Int, $after: String, $orderBy: GalleryOrder) {\n    challenge(id: $challengeId) {\n      id title status round submissionDeadline submissionVisibility\n      organization { id name viewerRole }\n      voting { startsAt endsAt isOpen viewerVotesLeft }\n      viewerSubmissions { id }\n      viewerTeam { id submission { id } }\n      gallery(first: $first, after: $after, orderBy: $orderBy) {\n        edges { node { id title voteCount viewerHasVoted author { id displayName } attachments { id fileName contentType previewUrl } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.GalleryPageDocument,
    "\n  query GalleryEntry($submissionId: ID!) {\n    submission(id: $submissionId) {\n      id title body voteCount viewerHasVoted firstSubmittedAt\n      author { id displayName }\n      attachments { id fileName contentType byteSize previewUrl downloadUrl }\n      challenge {\n        id title status round submissionDeadline submissionVisibility\n        organization { id viewerRole }\n        voting { startsAt endsAt isOpen viewerVotesLeft }\n        viewerSubmissions { id }\n        viewerTeam { id submission { id } }\n      }\n    }\n  }\n": typeof types.GalleryEntryDocument,
    "\n  mutation CastVote($input: CastVoteInput!) {\n    castVote(input: $input) { vote { id } submission { id voteCount } }\n  }\n": typeof types.CastVoteDocument,
    "\n  mutation WithdrawVote($input: WithdrawVoteInput!) {\n    withdrawVote(input: $input) { submission { id voteCount } }\n  }\n": typeof types.WithdrawVoteDocument,
    "\n  query CommunityVotes($challengeId: ID!, $top: Int) {\n    challenge(id: $challengeId) {\n      id submissionVisibility\n      voting { startsAt endsAt isOpen }\n      prizes { rank label quantity awardedCount communityChoice amount { amountMinor currency } award { id } }\n      topVoted: gallery(first: $top, orderBy: VOTES) { edges { node { id title voteCount author { id displayName } } } }\n      flaggedVotes(first: 50) {\n        edges { node { id reason createdAt voter { id displayName } submission { id title } } }\n        pageInfo { hasNextPage }\n      }\n    }\n  }\n": typeof types.CommunityVotesDocument,
    "\n  fragment ChallengeCardFields on Challenge {\n    id title summary type status submissionDeadline\n    totalPrize { amountMinor currency }\n    organization { id name viewerRole }\n    submissionCount\n  }\n": typeof types.ChallengeCardFieldsFragmentDoc,
    "\n  query ChallengeBrand($id: ID!) {\n    challenge(id: $id) { id organization { id brandColor } }\n  }\n": typeof types.ChallengeBrandDocument,
    "\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      organization { id name slug about websiteUrl brandColor logoUrl }\n    }\n  }\n": typeof types.UpdateOrganizationDocument,
    "\n  query OrganizationBranding($id: ID!) {\n    organization(id: $id) { id name viewerRole slug about websiteUrl brandColor logoUrl }\n  }\n": typeof types.OrganizationBrandingDocument,
    "\n  query OrganizationPage($slug: String!, $first: Int, $after: String) {\n    organizationBySlug(slug: $slug) {\n      id name about websiteUrl brandColor logoUrl\n      challenges(first: $first, after: $after) { edges { node { ...ChallengeCardFields } } pageInfo { hasNextPage endCursor } }\n    }\n  }\n": typeof types.OrganizationPageDocument,
    "\n  query SolverProfile($id: ID!) {\n    user(id: $id) {\n      id displayName bio skills school country\n      reputation { score prizesWon finalistPlaces submissions totalsWon { amountMinor currency } }\n    }\n  }\n": typeof types.SolverProfileDocument,
    "\n  query Leaderboard($first: Int, $after: String, $skill: String) {\n    leaderboard(first: $first, after: $after, skill: $skill) {\n      edges { node { rank user { id displayName } reputation { score prizesWon } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.LeaderboardDocument,
    "\n  query RecommendedChallenges($first: Int) {\n    viewer { id recommendedChallenges(first: $first) { edges { node { ...ChallengeCardFields } } } }\n  }\n": typeof types.RecommendedChallengesDocument,
    "\n  query ViewerNotifications($first: Int, $after: String) {\n    viewer {\n      id\n      unreadNotificationCount\n      notifications(first: $first, after: $after) {\n        edges { node { id kind title body link createdAt readAt } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.ViewerNotificationsDocument,
    "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) { unreadNotificationCount }\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  query NotificationPreferences {\n    viewer { id notificationPreferences { mailKinds } }\n  }\n": typeof types.NotificationPreferencesDocument,
    "\n  mutation UpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) { mailKinds }\n  }\n": typeof types.UpdateNotificationPreferencesDocument,
    "\n  query OrganizationDevelopers($id: ID!) {\n    organization(id: $id) { id name viewerRole }\n  }\n": typeof types.OrganizationDevelopersDocument,
    "\n  query OrganizationApiKeys($id: ID!) {\n    organization(id: $id) { id apiKeys { id name scopes createdAt lastUsedAt revokedAt } }\n  }\n": typeof types.OrganizationApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { apiKey { id name scopes createdAt lastUsedAt } secret }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) { apiKey { id revokedAt } }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query OrganizationWebhookEndpoints($id: ID!) {\n    organization(id: $id) { id webhookEndpoints { id url events createdAt } }\n  }\n": typeof types.OrganizationWebhookEndpointsDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { endpoint { id url events createdAt } signingSecret }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) { endpoint { id deletedAt } }\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  query WebhookEndpointDeliveries($id: ID!, $first: Int, $after: String) {\n    webhookEndpoint(id: $id) {\n      id organizationId url events createdAt deletedAt\n      deliveries(first: $first, after: $after) {\n        edges {\n          node {\n            id eventId eventType status attemptCount lastStatusCode lastError deliveredAt nextAttemptAt createdAt\n            attempts { number startedAt durationMs statusCode error }\n          }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.WebhookEndpointDeliveriesDocument,
    "\n  mutation RedeliverWebhook($input: RedeliverWebhookInput!) {\n    redeliverWebhook(input: $input) { delivery { id status attemptCount } }\n  }\n": typeof types.RedeliverWebhookDocument,
};
const documents: Documents = {
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { token refreshToken expiresAt viewer { id email displayName } }\n  }\n": types.SignUpDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) { token refreshToken expiresAt viewer { id } }\n  }\n": types.LogInDocument,
    "\n  mutation RefreshSession($input: RefreshSessionInput!) {\n    refreshSession(input: $input) { token expiresAt }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation LogOut($input: LogOutInput!) {\n    logOut(input: $input) { loggedOut }\n  }\n": types.LogOutDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) { accepted }\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) { token refreshToken expiresAt viewer { id } }\n  }\n": types.ResetPasswordDocument,
    "\n  query Viewer {\n    viewer {\n      id email displayName bio skills school country publicProfile unreadNotificationCount\n      organizations { id name viewerRole slug }\n      organizationInvitations { id role invitedAt expiresAt organization { id name } }\n      teamInvitations { id }\n      challengeInvitations { id role status }\n      payoutAccount { status requirementsDue }\n      submissions(first: 50) { edges { node { id title status version submittedAt challenge { id title status } } } }\n      payouts(first: 50) {\n        edges {\n          node {\n            id status failureReason paidAt amount { amountMinor currency }\n            award { id awardedAt prize { label } submission { id team { id name } } challenge { id title } }\n          }\n        }\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) { viewer { id displayName bio skills school country publicProfile } }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) { organization { id name viewerRole } }\n  }\n": types.CreateOrganizationDocument,
    "\n  mutation CreateChallenge($input: CreateChallengeInput!) {\n    createChallenge(input: $input) {\n      challenge { id status totalPrize { amountMinor currency } prizes { rank label amount { amountMinor currency } } }\n    }\n  }\n": types.CreateChallengeDocument,
    "\n  fragment FeedbackFields on SubmissionFeedback {\n    rank outOf meanWeightedTotal criteria { criterionKey label meanValue } comments\n  }\n": types.FeedbackFieldsFragmentDoc,
    "\n  mutation UpdateChallenge($input: UpdateChallengeInput!) {\n    updateChallenge(input: $input) {\n      challenge { id status title summary description terms type visibility submissionDeadline guaranteed judgingDeadline submissionVisibility votingWindow { startsAt endsAt } }\n    }\n  }\n": types.UpdateChallengeDocument,
    "\n  mutation FundChallenge($challengeId: ID!) {\n    fundChallenge(challengeId: $challengeId) {\n      funding {\n        id status paymentIntentId clientSecret\n        amount { amountMinor currency } platformFee { amountMinor currency }\n      }\n    }\n  }\n": types.FundChallengeDocument,
    "\n  mutation PublishChallenge($challengeId: ID!) {\n    publishChallenge(challengeId: $challengeId) { challenge { id status } }\n  }\n": types.PublishChallengeDocument,
    "\n  mutation CloseSubmissions($challengeId: ID!) {\n    closeSubmissions(challengeId: $challengeId) { challenge { id status } }\n  }\n": types.CloseSubmissionsDocument,
    "\n  mutation FinishJudging($challengeId: ID!) {\n    finishJudging(challengeId: $challengeId) { challenge { id status } }\n  }\n": types.FinishJudgingDocument,
    "\n  mutation CancelChallenge($challengeId: ID!) {\n    cancelChallenge(challengeId: $challengeId) { challenge { id status } }\n  }\n": types.CancelChallengeDocument,
    "\n  query BrowseChallenges($first: Int, $after: String, $filter: ChallengeFilter, $sort: ChallengeSort) {\n    challenges(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageCursors\n      edges {\n        cursor\n        node {\n          id title summary type status submissionDeadline\n          totalPrize { amountMinor currency }\n          organization { id name viewerRole }\n          submissionCount\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n    challengeCurrencies\n  }\n": types.BrowseChallengesDocument,
    "\n  fragment AttachmentFields on Attachment {\n    id fileName contentType byteSize status downloadUrl previewUrl\n  }\n": types.AttachmentFieldsFragmentDoc,
    "\n  fragment TeamFields on Team {\n    id name createdAt\n    members { shareBasisPoints joinedAt user { id displayName } }\n    split { version status equal shares { basisPoints agreedAt user { id displayName } } }\n    submission { id title body version submittedAt status }\n    invitations { id email invitedAt expiresAt }\n  }\n": types.TeamFieldsFragmentDoc,
    "\n  query ChallengeDetail($id: ID!, $questionsAfter: String) {\n    challenge(id: $id) {\n      id title summary description terms type status visibility submissionDeadline currency createdAt publishedAt\n      organization { id name viewerRole createdAt slug }\n      totalPrize { amountMinor currency }\n      funding { id status failureReason amount { amountMinor currency } platformFee { amountMinor currency } }\n      fundingQuote { prizePool { amountMinor currency } platformFee { amountMinor currency } total { amountMinor currency } }\n      prizes {\n        rank label quantity awardedCount communityChoice amount { amountMinor currency }\n        award { id awardedAt submission { id title } payouts { status amount { amountMinor currency } } }\n      }\n      submissionCount\n      guaranteed judgingDeadline judgingClosed round finalRoundDeadline viewerRoles\n      submissionVisibility votingWindow { startsAt endsAt } voting { startsAt endsAt isOpen }\n      finalists { id }\n      rubric { isDefault criteria { key label description weightPercent } }\n      invitations { id email role status expiresAt createdAt }\n      viewerSubmissions { id title body status version submittedAt attachments { ...AttachmentFields } feedback { ...FeedbackFields } }\n      viewerHasAcceptedTerms\n      questions(first: 20, after: $questionsAfter) {\n        edges { node { id question answer answeredAt published } }\n        pageInfo { hasNextPage endCursor }\n      }\n      viewerQuestions { id question answer askedAt published }\n      viewerTeam { ...TeamFields submission { id attachments { ...AttachmentFields } feedback { ...FeedbackFields } } }\n    }\n  }\n": types.ChallengeDetailDocument,
    "\n  query ChallengeReview($challengeId: ID!, $first: Int, $after: String, $shortlistedOnly: Boolean) {\n    challenge(id: $challengeId) {\n      id title status currency submissionDeadline submissionVisibility votingWindow { startsAt endsAt }\n      organization { id name viewerRole }\n      totalPrize { amountMinor currency }\n      prizes {\n        rank label quantity awardedCount amount { amountMinor currency }\n        award { id submission { id title } payouts { id status amount { amountMinor currency } } }\n      }\n      funding { id status }\n      escrow {\n        funded { amountMinor currency } platformFee { amountMinor currency } awarded { amountMinor currency }\n        paid { amountMinor currency } refunded { amountMinor currency } heldForWinners { amountMinor currency } inEscrow { amountMinor currency }\n      }\n      allSubmissions: submissions(first: 1) { totalCount }\n      shortlist: submissions(first: 1, shortlistedOnly: true) { totalCount }\n      submissions(first: $first, after: $after, shortlistedOnly: $shortlistedOnly) {\n        edges { node { id title body version submittedAt shortlisted author { id displayName } team { id name members { user { id displayName } } } attachments { ...AttachmentFields } } }\n        pageInfo { hasNextPage endCursor }\n      }\n      questions(first: 20) {\n        edges { node { id question answer askedAt answeredAt published } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.ChallengeReviewDocument,
    "\n  query FundingReceipt($fundingId: ID!) {\n    fundingReceipt(fundingId: $fundingId) {\n      fundingId status paidAt paymentIntentId cardBrand cardLast4\n      challenge { id title organization { id name } }\n      prizePool { amountMinor currency } platformFee { amountMinor currency } total { amountMinor currency }\n      ledger { charged { amountMinor currency } escrowed { amountMinor currency } platformFee { amountMinor currency } }\n    }\n  }\n": types.FundingReceiptDocument,
    "\n  query PayoutReceipt($payoutId: ID!) {\n    payoutReceipt(payoutId: $payoutId) {\n      payoutId status paidAt transferId amount { amountMinor currency }\n      award { awardedAt prize { label } challenge { id title } }\n      ledger { transferred { amountMinor currency } reversed { amountMinor currency } }\n    }\n  }\n": types.PayoutReceiptDocument,
    "\n  mutation ShortlistSubmission($input: ShortlistSubmissionInput!) {\n    shortlistSubmission(input: $input) { submission { id shortlisted } }\n  }\n": types.ShortlistSubmissionDocument,
    "\n  mutation CreateAttachmentUpload($input: CreateAttachmentUploadInput!) {\n    createAttachmentUpload(input: $input) {\n      attachment { id }\n      uploadUrl\n      uploadHeaders { name value }\n    }\n  }\n": types.CreateAttachmentUploadDocument,
    "\n  query AttachmentStatus($id: ID!) {\n    attachment(id: $id) { id status }\n  }\n": types.AttachmentStatusDocument,
    "\n  query MySubmissionFiles {\n    viewer {\n      id\n      submissions(first: 50) { edges { node { id attachments { ...AttachmentFields } } } }\n    }\n  }\n": types.MySubmissionFilesDocument,
    "\n  mutation SubmitSolution($input: SubmitSolutionInput!) {\n    submitSolution(input: $input) { submission { id status version challenge { id } } }\n  }\n": types.SubmitSolutionDocument,
    "\n  mutation AcceptChallengeTerms($input: AcceptChallengeTermsInput!) {\n    acceptChallengeTerms(input: $input) { challenge { id viewerHasAcceptedTerms } }\n  }\n": types.AcceptChallengeTermsDocument,
    "\n  mutation StartPayoutOnboarding($input: StartPayoutOnboardingInput!) {\n    startPayoutOnboarding(input: $input) { onboardingUrl payoutAccount { status requirementsDue } }\n  }\n": types.StartPayoutOnboardingDocument,
    "\n  mutation AwardPrize($input: AwardPrizeInput!) {\n    awardPrize(input: $input) {\n      award { id prizeRank submission { id } payouts { id status amount { amountMinor currency } } }\n    }\n  }\n": types.AwardPrizeDocument,
    "\n  query Organization($id: ID!) {\n    organization(id: $id) {\n      id name createdAt viewerRole\n      members { role user { id displayName } }\n      invitations { id email role invitedAt expiresAt user { id displayName } }\n    }\n  }\n": types.OrganizationDocument,
    "\n  mutation AddOrganizationMember($input: AddOrganizationMemberInput!) {\n    addOrganizationMember(input: $input) { organization { id viewerRole } member { role user { id } } invitation { id role } }\n  }\n": types.AddOrganizationMemberDocument,
    "\n  mutation InviteOrganizationMember($input: InviteOrganizationMemberInput!) {\n    inviteOrganizationMember(input: $input) { organization { id } invitation { id email role expiresAt } }\n  }\n": types.InviteOrganizationMemberDocument,
    "\n  mutation RespondToOrganizationInvitation($input: RespondToOrganizationInvitationInput!) {\n    respondToOrganizationInvitation(input: $input) { organization { id name viewerRole } member { role } }\n  }\n": types.RespondToOrganizationInvitationDocument,
    "\n  mutation AskChallengeQuestion($input: AskChallengeQuestionInput!) {\n    askChallengeQuestion(input: $input) { question { id } }\n  }\n": types.AskChallengeQuestionDocument,
    "\n  mutation AnswerChallengeQuestion($input: AnswerChallengeQuestionInput!) {\n    answerChallengeQuestion(input: $input) { question { id answer published } }\n  }\n": types.AnswerChallengeQuestionDocument,
    "\n  query ChallengeCurrencies {\n    challengeCurrencies\n  }\n": types.ChallengeCurrenciesDocument,
    "\n  query ChallengeTeam($id: ID!) {\n    challenge(id: $id) {\n      id title status currency submissionDeadline\n      organization { id viewerRole }\n      prizes { rank label amount { amountMinor currency } }\n      viewerSubmissions { id }\n      viewerHasAcceptedTerms terms\n      viewerTeam { ...TeamFields }\n    }\n  }\n": types.ChallengeTeamDocument,
    "\n  query TeamInvitations {\n    viewer {\n      id\n      teamInvitations {\n        id email status invitedAt expiresAt\n        invitedBy { id displayName }\n        team { id name members { user { id displayName } } challenge { id title status } }\n      }\n    }\n  }\n": types.TeamInvitationsDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) { team { id name } }\n  }\n": types.CreateTeamDocument,
    "\n  mutation InviteTeamMember($input: InviteTeamMemberInput!) {\n    inviteTeamMember(input: $input) { invitation { id email expiresAt } }\n  }\n": types.InviteTeamMemberDocument,
    "\n  mutation RespondToTeamInvitation($input: RespondToTeamInvitationInput!) {\n    respondToTeamInvitation(input: $input) { invitation { id status } team { id challenge { id } } }\n  }\n": types.RespondToTeamInvitationDocument,
    "\n  mutation ProposePrizeSplit($input: ProposePrizeSplitInput!) {\n    proposePrizeSplit(input: $input) { team { id split { version status } } }\n  }\n": types.ProposePrizeSplitDocument,
    "\n  mutation ProposeEqualPrizeSplit($input: ProposeEqualPrizeSplitInput!) {\n    proposeEqualPrizeSplit(input: $input) { team { id split { version status } } }\n  }\n": types.ProposeEqualPrizeSplitDocument,
    "\n  mutation AgreeToPrizeSplit($input: AgreeToPrizeSplitInput!) {\n    agreeToPrizeSplit(input: $input) { team { id split { version status } } }\n  }\n": types.AgreeToPrizeSplitDocument,
    "\n  mutation LeaveTeam($input: LeaveTeamInput!) {\n    leaveTeam(input: $input) { teamId dissolved }\n  }\n": types.LeaveTeamDocument,
    "\n  mutation SetJudgingRubric($input: SetJudgingRubricInput!) {\n    setJudgingRubric(input: $input) {\n      challenge { id rubric { isDefault criteria { key label description weightPercent } } }\n    }\n  }\n": types.SetJudgingRubricDocument,
    "\n  mutation InviteToChallenge($input: InviteToChallengeInput!) {\n    inviteToChallenge(input: $input) {\n      invitations { id email role status expiresAt challenge { id status } }\n    }\n  }\n": types.InviteToChallengeDocument,
    "\n  mutation RevokeChallengeInvitation($input: RevokeChallengeInvitationInput!) {\n    revokeChallengeInvitation(input: $input) { invitation { id email status } }\n  }\n": types.RevokeChallengeInvitationDocument,
    "\n  query ViewerChallengeInvitations {\n    viewer {\n      id\n      challengeInvitations {\n        id role status expiresAt createdAt\n        challenge { id title summary visibility status submissionDeadline judgingDeadline organization { id name } }\n      }\n    }\n  }\n": types.ViewerChallengeInvitationsDocument,
    "\n  mutation RespondToChallengeInvitation($input: RespondToChallengeInvitationInput!) {\n    respondToChallengeInvitation(input: $input) {\n      invitation { id status role }\n      challenge { id status viewerRoles }\n    }\n  }\n": types.RespondToChallengeInvitationDocument,
    "\n  query Scoring($challengeId: ID!, $first: Int, $after: String, $unscoredOnly: Boolean) {\n    challenge(id: $challengeId) {\n      id title status round judgingClosed judgingDeadline viewerRoles\n      rubric { criteria { key label description weightPercent } }\n      finalists { id }\n      allToScore: submissions(first: 1) { totalCount }\n      unscored: submissions(first: 1, unscoredByViewer: true) { totalCount }\n      submissions(first: $first, after: $after, unscoredByViewer: $unscoredOnly) {\n        edges {\n          node {\n            id title body version submittedAt finalist\n            attachments { ...AttachmentFields }\n            viewerScoreCard { id weightedTotal comment scores { criterionKey value } }\n          }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.ScoringDocument,
    "\n  mutation ScoreSubmission($input: ScoreSubmissionInput!) {\n    scoreSubmission(input: $input) {\n      scoreCard { id round weightedTotal comment scores { criterionKey value } submission { id } }\n    }\n  }\n": types.ScoreSubmissionDocument,
    "\n  query JudgingBoard($challengeId: ID!, $first: Int, $after: String) {\n    challenge(id: $challengeId) {\n      id status title currency round judgingClosed judgingDeadline finalRoundDeadline guaranteed viewerRoles\n      prizes { rank label quantity awardedCount amount { amountMinor currency } }\n      finalists { id }\n      allSubmissions: submissions(first: 1) { totalCount }\n      judging {\n        round judgeCount agreement\n        judges { user { id displayName } scoredCount }\n        ranking(first: $first, after: $after) {\n          edges { cursor node { rank meanWeightedTotal scoreCardCount submission { id title finalist } } }\n          pageInfo { hasNextPage endCursor }\n          totalCount\n        }\n      }\n    }\n  }\n": types.JudgingBoardDocument,
    "\n  query JudgingRanking($challengeId: ID!, $first: Int, $after: String) {\n    challenge(id: $challengeId) {\n      id\n      judging {\n        ranking(first: $first, after: $after) {\n          edges { node { rank submission { id } } }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n": types.JudgingRankingDocument,
    "\n  mutation AdvanceToFinalRound($input: AdvanceToFinalRoundInput!) {\n    advanceToFinalRound(input: $input) {\n      challenge { id status round finalRoundDeadline finalists { id } }\n    }\n  }\n": types.AdvanceToFinalRoundDocument,
    "\n  query ChallengePrizeRules($id: ID!) {\n    challenge(id: $id) {\n      id guaranteed judgingDeadline\n      prizes { rank label quantity awardedCount amount { amountMinor currency } awards { id submission { id } } }\n    }\n  }\n": types.ChallengePrizeRulesDocument,
    "\n  mutation AwardPrizes($input: AwardPrizesInput!) {\n    awardPrizes(input: $input) {\n      awards { id prizeRank submission { id } }\n      awardedCount\n    }\n  }\n": types.AwardPrizesDocument,
    "\n  query ViewerFeedback($challengeId: ID!) {\n    challenge(id: $challengeId) {\n      id status\n      viewerSubmissions {\n        id\n        feedback { rank outOf meanWeightedTotal criteria { criterionKey label meanValue } comments }\n      }\n    }\n  }\n": types.ViewerFeedbackDocument,
    "\n  query MySubmissionsFeedback {\n    viewer {\n      id\n      submissions(first: 50) { edges { node { id title challenge { id title status } feedback { rank outOf meanWeightedTotal criteria { criterionKey label meanValue } comments } } } }\n    }\n  }\n": types.MySubmissionsFeedbackDocument,
    "\n  query GalleryPage($challengeId: ID!, $first: Int, $after: String, $orderBy: GalleryOrder) {\n    challenge(id: $challengeId) {\n      id title status round submissionDeadline submissionVisibility\n      organization { id name viewerRole }\n      voting { startsAt endsAt isOpen viewerVotesLeft }\n      viewerSubmissions { id }\n      viewerTeam { id submission { id } }\n      gallery(first: $first, after: $after, orderBy: $orderBy) {\n        edges { node { id title voteCount viewerHasVoted author { id displayName } attachments { id fileName contentType previewUrl } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.GalleryPageDocument,
    "\n  query GalleryEntry($submissionId: ID!) {\n    submission(id: $submissionId) {\n      id title body voteCount viewerHasVoted firstSubmittedAt\n      author { id displayName }\n      attachments { id fileName contentType byteSize previewUrl downloadUrl }\n      challenge {\n        id title status round submissionDeadline submissionVisibility\n        organization { id viewerRole }\n        voting { startsAt endsAt isOpen viewerVotesLeft }\n        viewerSubmissions { id }\n        viewerTeam { id submission { id } }\n      }\n    }\n  }\n": types.GalleryEntryDocument,
    "\n  mutation CastVote($input: CastVoteInput!) {\n    castVote(input: $input) { vote { id } submission { id voteCount } }\n  }\n": types.CastVoteDocument,
    "\n  mutation WithdrawVote($input: WithdrawVoteInput!) {\n    withdrawVote(input: $input) { submission { id voteCount } }\n  }\n": types.WithdrawVoteDocument,
    "\n  query CommunityVotes($challengeId: ID!, $top: Int) {\n    challenge(id: $challengeId) {\n      id submissionVisibility\n      voting { startsAt endsAt isOpen }\n      prizes { rank label quantity awardedCount communityChoice amount { amountMinor currency } award { id } }\n      topVoted: gallery(first: $top, orderBy: VOTES) { edges { node { id title voteCount author { id displayName } } } }\n      flaggedVotes(first: 50) {\n        edges { node { id reason createdAt voter { id displayName } submission { id title } } }\n        pageInfo { hasNextPage }\n      }\n    }\n  }\n": types.CommunityVotesDocument,
    "\n  fragment ChallengeCardFields on Challenge {\n    id title summary type status submissionDeadline\n    totalPrize { amountMinor currency }\n    organization { id name viewerRole }\n    submissionCount\n  }\n": types.ChallengeCardFieldsFragmentDoc,
    "\n  query ChallengeBrand($id: ID!) {\n    challenge(id: $id) { id organization { id brandColor } }\n  }\n": types.ChallengeBrandDocument,
    "\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      organization { id name slug about websiteUrl brandColor logoUrl }\n    }\n  }\n": types.UpdateOrganizationDocument,
    "\n  query OrganizationBranding($id: ID!) {\n    organization(id: $id) { id name viewerRole slug about websiteUrl brandColor logoUrl }\n  }\n": types.OrganizationBrandingDocument,
    "\n  query OrganizationPage($slug: String!, $first: Int, $after: String) {\n    organizationBySlug(slug: $slug) {\n      id name about websiteUrl brandColor logoUrl\n      challenges(first: $first, after: $after) { edges { node { ...ChallengeCardFields } } pageInfo { hasNextPage endCursor } }\n    }\n  }\n": types.OrganizationPageDocument,
    "\n  query SolverProfile($id: ID!) {\n    user(id: $id) {\n      id displayName bio skills school country\n      reputation { score prizesWon finalistPlaces submissions totalsWon { amountMinor currency } }\n    }\n  }\n": types.SolverProfileDocument,
    "\n  query Leaderboard($first: Int, $after: String, $skill: String) {\n    leaderboard(first: $first, after: $after, skill: $skill) {\n      edges { node { rank user { id displayName } reputation { score prizesWon } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.LeaderboardDocument,
    "\n  query RecommendedChallenges($first: Int) {\n    viewer { id recommendedChallenges(first: $first) { edges { node { ...ChallengeCardFields } } } }\n  }\n": types.RecommendedChallengesDocument,
    "\n  query ViewerNotifications($first: Int, $after: String) {\n    viewer {\n      id\n      unreadNotificationCount\n      notifications(first: $first, after: $after) {\n        edges { node { id kind title body link createdAt readAt } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.ViewerNotificationsDocument,
    "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) { unreadNotificationCount }\n  }\n": types.MarkNotificationsReadDocument,
    "\n  query NotificationPreferences {\n    viewer { id notificationPreferences { mailKinds } }\n  }\n": types.NotificationPreferencesDocument,
    "\n  mutation UpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) { mailKinds }\n  }\n": types.UpdateNotificationPreferencesDocument,
    "\n  query OrganizationDevelopers($id: ID!) {\n    organization(id: $id) { id name viewerRole }\n  }\n": types.OrganizationDevelopersDocument,
    "\n  query OrganizationApiKeys($id: ID!) {\n    organization(id: $id) { id apiKeys { id name scopes createdAt lastUsedAt revokedAt } }\n  }\n": types.OrganizationApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { apiKey { id name scopes createdAt lastUsedAt } secret }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) { apiKey { id revokedAt } }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query OrganizationWebhookEndpoints($id: ID!) {\n    organization(id: $id) { id webhookEndpoints { id url events createdAt } }\n  }\n": types.OrganizationWebhookEndpointsDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { endpoint { id url events createdAt } signingSecret }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) { endpoint { id deletedAt } }\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  query WebhookEndpointDeliveries($id: ID!, $first: Int, $after: String) {\n    webhookEndpoint(id: $id) {\n      id organizationId url events createdAt deletedAt\n      deliveries(first: $first, after: $after) {\n        edges {\n          node {\n            id eventId eventType status attemptCount lastStatusCode lastError deliveredAt nextAttemptAt createdAt\n            attempts { number startedAt durationMs statusCode error }\n          }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.WebhookEndpointDeliveriesDocument,
    "\n  mutation RedeliverWebhook($input: RedeliverWebhookInput!) {\n    redeliverWebhook(input: $input) { delivery { id status attemptCount } }\n  }\n": types.RedeliverWebhookDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { token refreshToken expiresAt viewer { id email displayName } }\n  }\n"): typeof import('./graphql').SignUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) { token refreshToken expiresAt viewer { id } }\n  }\n"): typeof import('./graphql').LogInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($input: RefreshSessionInput!) {\n    refreshSession(input: $input) { token expiresAt }\n  }\n"): typeof import('./graphql').RefreshSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogOut($input: LogOutInput!) {\n    logOut(input: $input) { loggedOut }\n  }\n"): typeof import('./graphql').LogOutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) { accepted }\n  }\n"): typeof import('./graphql').RequestPasswordResetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) { token refreshToken expiresAt viewer { id } }\n  }\n"): typeof import('./graphql').ResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id email displayName bio skills school country publicProfile unreadNotificationCount\n      organizations { id name viewerRole slug }\n      organizationInvitations { id role invitedAt expiresAt organization { id name } }\n      teamInvitations { id }\n      challengeInvitations { id role status }\n      payoutAccount { status requirementsDue }\n      submissions(first: 50) { edges { node { id title status version submittedAt challenge { id title status } } } }\n      payouts(first: 50) {\n        edges {\n          node {\n            id status failureReason paidAt amount { amountMinor currency }\n            award { id awardedAt prize { label } submission { id team { id name } } challenge { id title } }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) { viewer { id displayName bio skills school country publicProfile } }\n  }\n"): typeof import('./graphql').UpdateProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) { organization { id name viewerRole } }\n  }\n"): typeof import('./graphql').CreateOrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateChallenge($input: CreateChallengeInput!) {\n    createChallenge(input: $input) {\n      challenge { id status totalPrize { amountMinor currency } prizes { rank label amount { amountMinor currency } } }\n    }\n  }\n"): typeof import('./graphql').CreateChallengeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FeedbackFields on SubmissionFeedback {\n    rank outOf meanWeightedTotal criteria { criterionKey label meanValue } comments\n  }\n"): typeof import('./graphql').FeedbackFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateChallenge($input: UpdateChallengeInput!) {\n    updateChallenge(input: $input) {\n      challenge { id status title summary description terms type visibility submissionDeadline guaranteed judgingDeadline submissionVisibility votingWindow { startsAt endsAt } }\n    }\n  }\n"): typeof import('./graphql').UpdateChallengeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FundChallenge($challengeId: ID!) {\n    fundChallenge(challengeId: $challengeId) {\n      funding {\n        id status paymentIntentId clientSecret\n        amount { amountMinor currency } platformFee { amountMinor currency }\n      }\n    }\n  }\n"): typeof import('./graphql').FundChallengeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishChallenge($challengeId: ID!) {\n    publishChallenge(challengeId: $challengeId) { challenge { id status } }\n  }\n"): typeof import('./graphql').PublishChallengeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseSubmissions($challengeId: ID!) {\n    closeSubmissions(challengeId: $challengeId) { challenge { id status } }\n  }\n"): typeof import('./graphql').CloseSubmissionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishJudging($challengeId: ID!) {\n    finishJudging(challengeId: $challengeId) { challenge { id status } }\n  }\n"): typeof import('./graphql').FinishJudgingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelChallenge($challengeId: ID!) {\n    cancelChallenge(challengeId: $challengeId) { challenge { id status } }\n  }\n"): typeof import('./graphql').CancelChallengeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BrowseChallenges($first: Int, $after: String, $filter: ChallengeFilter, $sort: ChallengeSort) {\n    challenges(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      pageCursors\n      edges {\n        cursor\n        node {\n          id title summary type status submissionDeadline\n          totalPrize { amountMinor currency }\n          organization { id name viewerRole }\n          submissionCount\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n    challengeCurrencies\n  }\n"): typeof import('./graphql').BrowseChallengesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AttachmentFields on Attachment {\n    id fileName contentType byteSize status downloadUrl previewUrl\n  }\n"): typeof import('./graphql').AttachmentFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TeamFields on Team {\n    id name createdAt\n    members { shareBasisPoints joinedAt user { id displayName } }\n    split { version status equal shares { basisPoints agreedAt user { id displayName } } }\n    submission { id title body version submittedAt status }\n    invitations { id email invitedAt expiresAt }\n  }\n"): typeof import('./graphql').TeamFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChallengeDetail($id: ID!, $questionsAfter: String) {\n    challenge(id: $id) {\n      id title summary description terms type status visibility submissionDeadline currency createdAt publishedAt\n      organization { id name viewerRole createdAt slug }\n      totalPrize { amountMinor currency }\n      funding { id status failureReason amount { amountMinor currency } platformFee { amountMinor currency } }\n      fundingQuote { prizePool { amountMinor currency } platformFee { amountMinor currency } total { amountMinor currency } }\n      prizes {\n        rank label quantity awardedCount communityChoice amount { amountMinor currency }\n        award { id awardedAt submission { id title } payouts { status amount { amountMinor currency } } }\n      }\n      submissionCount\n      guaranteed judgingDeadline judgingClosed round finalRoundDeadline viewerRoles\n      submissionVisibility votingWindow { startsAt endsAt } voting { startsAt endsAt isOpen }\n      finalists { id }\n      rubric { isDefault criteria { key label description weightPercent } }\n      invitations { id email role status expiresAt createdAt }\n      viewerSubmissions { id title body status version submittedAt attachments { ...AttachmentFields } feedback { ...FeedbackFields } }\n      viewerHasAcceptedTerms\n      questions(first: 20, after: $questionsAfter) {\n        edges { node { id question answer answeredAt published } }\n        pageInfo { hasNextPage endCursor }\n      }\n      viewerQuestions { id question answer askedAt published }\n      viewerTeam { ...TeamFields submission { id attachments { ...AttachmentFields } feedback { ...FeedbackFields } } }\n    }\n  }\n"): typeof import('./graphql').ChallengeDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChallengeReview($challengeId: ID!, $first: Int, $after: String, $shortlistedOnly: Boolean) {\n    challenge(id: $challengeId) {\n      id title status currency submissionDeadline submissionVisibility votingWindow { startsAt endsAt }\n      organization { id name viewerRole }\n      totalPrize { amountMinor currency }\n      prizes {\n        rank label quantity awardedCount amount { amountMinor currency }\n        award { id submission { id title } payouts { id status amount { amountMinor currency } } }\n      }\n      funding { id status }\n      escrow {\n        funded { amountMinor currency } platformFee { amountMinor currency } awarded { amountMinor currency }\n        paid { amountMinor currency } refunded { amountMinor currency } heldForWinners { amountMinor currency } inEscrow { amountMinor currency }\n      }\n      allSubmissions: submissions(first: 1) { totalCount }\n      shortlist: submissions(first: 1, shortlistedOnly: true) { totalCount }\n      submissions(first: $first, after: $after, shortlistedOnly: $shortlistedOnly) {\n        edges { node { id title body version submittedAt shortlisted author { id displayName } team { id name members { user { id displayName } } } attachments { ...AttachmentFields } } }\n        pageInfo { hasNextPage endCursor }\n      }\n      questions(first: 20) {\n        edges { node { id question answer askedAt answeredAt published } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql').ChallengeReviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FundingReceipt($fundingId: ID!) {\n    fundingReceipt(fundingId: $fundingId) {\n      fundingId status paidAt paymentIntentId cardBrand cardLast4\n      challenge { id title organization { id name } }\n      prizePool { amountMinor currency } platformFee { amountMinor currency } total { amountMinor currency }\n      ledger { charged { amountMinor currency } escrowed { amountMinor currency } platformFee { amountMinor currency } }\n    }\n  }\n"): typeof import('./graphql').FundingReceiptDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PayoutReceipt($payoutId: ID!) {\n    payoutReceipt(payoutId: $payoutId) {\n      payoutId status paidAt transferId amount { amountMinor currency }\n      award { awardedAt prize { label } challenge { id title } }\n      ledger { transferred { amountMinor currency } reversed { amountMinor currency } }\n    }\n  }\n"): typeof import('./graphql').PayoutReceiptDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShortlistSubmission($input: ShortlistSubmissionInput!) {\n    shortlistSubmission(input: $input) { submission { id shortlisted } }\n  }\n"): typeof import('./graphql').ShortlistSubmissionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAttachmentUpload($input: CreateAttachmentUploadInput!) {\n    createAttachmentUpload(input: $input) {\n      attachment { id }\n      uploadUrl\n      uploadHeaders { name value }\n    }\n  }\n"): typeof import('./graphql').CreateAttachmentUploadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AttachmentStatus($id: ID!) {\n    attachment(id: $id) { id status }\n  }\n"): typeof import('./graphql').AttachmentStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySubmissionFiles {\n    viewer {\n      id\n      submissions(first: 50) { edges { node { id attachments { ...AttachmentFields } } } }\n    }\n  }\n"): typeof import('./graphql').MySubmissionFilesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitSolution($input: SubmitSolutionInput!) {\n    submitSolution(input: $input) { submission { id status version challenge { id } } }\n  }\n"): typeof import('./graphql').SubmitSolutionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptChallengeTerms($input: AcceptChallengeTermsInput!) {\n    acceptChallengeTerms(input: $input) { challenge { id viewerHasAcceptedTerms } }\n  }\n"): typeof import('./graphql').AcceptChallengeTermsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPayoutOnboarding($input: StartPayoutOnboardingInput!) {\n    startPayoutOnboarding(input: $input) { onboardingUrl payoutAccount { status requirementsDue } }\n  }\n"): typeof import('./graphql').StartPayoutOnboardingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AwardPrize($input: AwardPrizeInput!) {\n    awardPrize(input: $input) {\n      award { id prizeRank submission { id } payouts { id status amount { amountMinor currency } } }\n    }\n  }\n"): typeof import('./graphql').AwardPrizeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organization($id: ID!) {\n    organization(id: $id) {\n      id name createdAt viewerRole\n      members { role user { id displayName } }\n      invitations { id email role invitedAt expiresAt user { id displayName } }\n    }\n  }\n"): typeof import('./graphql').OrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddOrganizationMember($input: AddOrganizationMemberInput!) {\n    addOrganizationMember(input: $input) { organization { id viewerRole } member { role user { id } } invitation { id role } }\n  }\n"): typeof import('./graphql').AddOrganizationMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteOrganizationMember($input: InviteOrganizationMemberInput!) {\n    inviteOrganizationMember(input: $input) { organization { id } invitation { id email role expiresAt } }\n  }\n"): typeof import('./graphql').InviteOrganizationMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondToOrganizationInvitation($input: RespondToOrganizationInvitationInput!) {\n    respondToOrganizationInvitation(input: $input) { organization { id name viewerRole } member { role } }\n  }\n"): typeof import('./graphql').RespondToOrganizationInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AskChallengeQuestion($input: AskChallengeQuestionInput!) {\n    askChallengeQuestion(input: $input) { question { id } }\n  }\n"): typeof import('./graphql').AskChallengeQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AnswerChallengeQuestion($input: AnswerChallengeQuestionInput!) {\n    answerChallengeQuestion(input: $input) { question { id answer published } }\n  }\n"): typeof import('./graphql').AnswerChallengeQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChallengeCurrencies {\n    challengeCurrencies\n  }\n"): typeof import('./graphql').ChallengeCurrenciesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChallengeTeam($id: ID!) {\n    challenge(id: $id) {\n      id title status currency submissionDeadline\n      organization { id viewerRole }\n      prizes { rank label amount { amountMinor currency } }\n      viewerSubmissions { id }\n      viewerHasAcceptedTerms terms\n      viewerTeam { ...TeamFields }\n    }\n  }\n"): typeof import('./graphql').ChallengeTeamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamInvitations {\n    viewer {\n      id\n      teamInvitations {\n        id email status invitedAt expiresAt\n        invitedBy { id displayName }\n        team { id name members { user { id displayName } } challenge { id title status } }\n      }\n    }\n  }\n"): typeof import('./graphql').TeamInvitationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) { team { id name } }\n  }\n"): typeof import('./graphql').CreateTeamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteTeamMember($input: InviteTeamMemberInput!) {\n    inviteTeamMember(input: $input) { invitation { id email expiresAt } }\n  }\n"): typeof import('./graphql').InviteTeamMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondToTeamInvitation($input: RespondToTeamInvitationInput!) {\n    respondToTeamInvitation(input: $input) { invitation { id status } team { id challenge { id } } }\n  }\n"): typeof import('./graphql').RespondToTeamInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProposePrizeSplit($input: ProposePrizeSplitInput!) {\n    proposePrizeSplit(input: $input) { team { id split { version status } } }\n  }\n"): typeof import('./graphql').ProposePrizeSplitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProposeEqualPrizeSplit($input: ProposeEqualPrizeSplitInput!) {\n    proposeEqualPrizeSplit(input: $input) { team { id split { version status } } }\n  }\n"): typeof import('./graphql').ProposeEqualPrizeSplitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AgreeToPrizeSplit($input: AgreeToPrizeSplitInput!) {\n    agreeToPrizeSplit(input: $input) { team { id split { version status } } }\n  }\n"): typeof import('./graphql').AgreeToPrizeSplitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveTeam($input: LeaveTeamInput!) {\n    leaveTeam(input: $input) { teamId dissolved }\n  }\n"): typeof import('./graphql').LeaveTeamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetJudgingRubric($input: SetJudgingRubricInput!) {\n    setJudgingRubric(input: $input) {\n      challenge { id rubric { isDefault criteria { key label description weightPercent } } }\n    }\n  }\n"): typeof import('./graphql').SetJudgingRubricDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteToChallenge($input: InviteToChallengeInput!) {\n    inviteToChallenge(input: $input) {\n      invitations { id email role status expiresAt challenge { id status } }\n    }\n  }\n"): typeof import('./graphql').InviteToChallengeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeChallengeInvitation($input: RevokeChallengeInvitationInput!) {\n    revokeChallengeInvitation(input: $input) { invitation { id email status } }\n  }\n"): typeof import('./graphql').RevokeChallengeInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerChallengeInvitations {\n    viewer {\n      id\n      challengeInvitations {\n        id role status expiresAt createdAt\n        challenge { id title summary visibility status submissionDeadline judgingDeadline organization { id name } }\n      }\n    }\n  }\n"): typeof import('./graphql').ViewerChallengeInvitationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondToChallengeInvitation($input: RespondToChallengeInvitationInput!) {\n    respondToChallengeInvitation(input: $input) {\n      invitation { id status role }\n      challenge { id status viewerRoles }\n    }\n  }\n"): typeof import('./graphql').RespondToChallengeInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Scoring($challengeId: ID!, $first: Int, $after: String, $unscoredOnly: Boolean) {\n    challenge(id: $challengeId) {\n      id title status round judgingClosed judgingDeadline viewerRoles\n      rubric { criteria { key label description weightPercent } }\n      finalists { id }\n      allToScore: submissions(first: 1) { totalCount }\n      unscored: submissions(first: 1, unscoredByViewer: true) { totalCount }\n      submissions(first: $first, after: $after, unscoredByViewer: $unscoredOnly) {\n        edges {\n          node {\n            id title body version submittedAt finalist\n            attachments { ...AttachmentFields }\n            viewerScoreCard { id weightedTotal comment scores { criterionKey value } }\n          }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql').ScoringDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScoreSubmission($input: ScoreSubmissionInput!) {\n    scoreSubmission(input: $input) {\n      scoreCard { id round weightedTotal comment scores { criterionKey value } submission { id } }\n    }\n  }\n"): typeof import('./graphql').ScoreSubmissionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JudgingBoard($challengeId: ID!, $first: Int, $after: String) {\n    challenge(id: $challengeId) {\n      id status title currency round judgingClosed judgingDeadline finalRoundDeadline guaranteed viewerRoles\n      prizes { rank label quantity awardedCount amount { amountMinor currency } }\n      finalists { id }\n      allSubmissions: submissions(first: 1) { totalCount }\n      judging {\n        round judgeCount agreement\n        judges { user { id displayName } scoredCount }\n        ranking(first: $first, after: $after) {\n          edges { cursor node { rank meanWeightedTotal scoreCardCount submission { id title finalist } } }\n          pageInfo { hasNextPage endCursor }\n          totalCount\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').JudgingBoardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JudgingRanking($challengeId: ID!, $first: Int, $after: String) {\n    challenge(id: $challengeId) {\n      id\n      judging {\n        ranking(first: $first, after: $after) {\n          edges { node { rank submission { id } } }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').JudgingRankingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdvanceToFinalRound($input: AdvanceToFinalRoundInput!) {\n    advanceToFinalRound(input: $input) {\n      challenge { id status round finalRoundDeadline finalists { id } }\n    }\n  }\n"): typeof import('./graphql').AdvanceToFinalRoundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChallengePrizeRules($id: ID!) {\n    challenge(id: $id) {\n      id guaranteed judgingDeadline\n      prizes { rank label quantity awardedCount amount { amountMinor currency } awards { id submission { id } } }\n    }\n  }\n"): typeof import('./graphql').ChallengePrizeRulesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AwardPrizes($input: AwardPrizesInput!) {\n    awardPrizes(input: $input) {\n      awards { id prizeRank submission { id } }\n      awardedCount\n    }\n  }\n"): typeof import('./graphql').AwardPrizesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerFeedback($challengeId: ID!) {\n    challenge(id: $challengeId) {\n      id status\n      viewerSubmissions {\n        id\n        feedback { rank outOf meanWeightedTotal criteria { criterionKey label meanValue } comments }\n      }\n    }\n  }\n"): typeof import('./graphql').ViewerFeedbackDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySubmissionsFeedback {\n    viewer {\n      id\n      submissions(first: 50) { edges { node { id title challenge { id title status } feedback { rank outOf meanWeightedTotal criteria { criterionKey label meanValue } comments } } } }\n    }\n  }\n"): typeof import('./graphql').MySubmissionsFeedbackDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GalleryPage($challengeId: ID!, $first: Int, $after: String, $orderBy: GalleryOrder) {\n    challenge(id: $challengeId) {\n      id title status round submissionDeadline submissionVisibility\n      organization { id name viewerRole }\n      voting { startsAt endsAt isOpen viewerVotesLeft }\n      viewerSubmissions { id }\n      viewerTeam { id submission { id } }\n      gallery(first: $first, after: $after, orderBy: $orderBy) {\n        edges { node { id title voteCount viewerHasVoted author { id displayName } attachments { id fileName contentType previewUrl } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql').GalleryPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GalleryEntry($submissionId: ID!) {\n    submission(id: $submissionId) {\n      id title body voteCount viewerHasVoted firstSubmittedAt\n      author { id displayName }\n      attachments { id fileName contentType byteSize previewUrl downloadUrl }\n      challenge {\n        id title status round submissionDeadline submissionVisibility\n        organization { id viewerRole }\n        voting { startsAt endsAt isOpen viewerVotesLeft }\n        viewerSubmissions { id }\n        viewerTeam { id submission { id } }\n      }\n    }\n  }\n"): typeof import('./graphql').GalleryEntryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CastVote($input: CastVoteInput!) {\n    castVote(input: $input) { vote { id } submission { id voteCount } }\n  }\n"): typeof import('./graphql').CastVoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawVote($input: WithdrawVoteInput!) {\n    withdrawVote(input: $input) { submission { id voteCount } }\n  }\n"): typeof import('./graphql').WithdrawVoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunityVotes($challengeId: ID!, $top: Int) {\n    challenge(id: $challengeId) {\n      id submissionVisibility\n      voting { startsAt endsAt isOpen }\n      prizes { rank label quantity awardedCount communityChoice amount { amountMinor currency } award { id } }\n      topVoted: gallery(first: $top, orderBy: VOTES) { edges { node { id title voteCount author { id displayName } } } }\n      flaggedVotes(first: 50) {\n        edges { node { id reason createdAt voter { id displayName } submission { id title } } }\n        pageInfo { hasNextPage }\n      }\n    }\n  }\n"): typeof import('./graphql').CommunityVotesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChallengeCardFields on Challenge {\n    id title summary type status submissionDeadline\n    totalPrize { amountMinor currency }\n    organization { id name viewerRole }\n    submissionCount\n  }\n"): typeof import('./graphql').ChallengeCardFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChallengeBrand($id: ID!) {\n    challenge(id: $id) { id organization { id brandColor } }\n  }\n"): typeof import('./graphql').ChallengeBrandDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      organization { id name slug about websiteUrl brandColor logoUrl }\n    }\n  }\n"): typeof import('./graphql').UpdateOrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationBranding($id: ID!) {\n    organization(id: $id) { id name viewerRole slug about websiteUrl brandColor logoUrl }\n  }\n"): typeof import('./graphql').OrganizationBrandingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationPage($slug: String!, $first: Int, $after: String) {\n    organizationBySlug(slug: $slug) {\n      id name about websiteUrl brandColor logoUrl\n      challenges(first: $first, after: $after) { edges { node { ...ChallengeCardFields } } pageInfo { hasNextPage endCursor } }\n    }\n  }\n"): typeof import('./graphql').OrganizationPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SolverProfile($id: ID!) {\n    user(id: $id) {\n      id displayName bio skills school country\n      reputation { score prizesWon finalistPlaces submissions totalsWon { amountMinor currency } }\n    }\n  }\n"): typeof import('./graphql').SolverProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Leaderboard($first: Int, $after: String, $skill: String) {\n    leaderboard(first: $first, after: $after, skill: $skill) {\n      edges { node { rank user { id displayName } reputation { score prizesWon } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').LeaderboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecommendedChallenges($first: Int) {\n    viewer { id recommendedChallenges(first: $first) { edges { node { ...ChallengeCardFields } } } }\n  }\n"): typeof import('./graphql').RecommendedChallengesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerNotifications($first: Int, $after: String) {\n    viewer {\n      id\n      unreadNotificationCount\n      notifications(first: $first, after: $after) {\n        edges { node { id kind title body link createdAt readAt } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql').ViewerNotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) { unreadNotificationCount }\n  }\n"): typeof import('./graphql').MarkNotificationsReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationPreferences {\n    viewer { id notificationPreferences { mailKinds } }\n  }\n"): typeof import('./graphql').NotificationPreferencesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) { mailKinds }\n  }\n"): typeof import('./graphql').UpdateNotificationPreferencesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationDevelopers($id: ID!) {\n    organization(id: $id) { id name viewerRole }\n  }\n"): typeof import('./graphql').OrganizationDevelopersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationApiKeys($id: ID!) {\n    organization(id: $id) { id apiKeys { id name scopes createdAt lastUsedAt revokedAt } }\n  }\n"): typeof import('./graphql').OrganizationApiKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { apiKey { id name scopes createdAt lastUsedAt } secret }\n  }\n"): typeof import('./graphql').CreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) { apiKey { id revokedAt } }\n  }\n"): typeof import('./graphql').RevokeApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationWebhookEndpoints($id: ID!) {\n    organization(id: $id) { id webhookEndpoints { id url events createdAt } }\n  }\n"): typeof import('./graphql').OrganizationWebhookEndpointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { endpoint { id url events createdAt } signingSecret }\n  }\n"): typeof import('./graphql').CreateWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) { endpoint { id deletedAt } }\n  }\n"): typeof import('./graphql').DeleteWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpointDeliveries($id: ID!, $first: Int, $after: String) {\n    webhookEndpoint(id: $id) {\n      id organizationId url events createdAt deletedAt\n      deliveries(first: $first, after: $after) {\n        edges {\n          node {\n            id eventId eventType status attemptCount lastStatusCode lastError deliveredAt nextAttemptAt createdAt\n            attempts { number startedAt durationMs statusCode error }\n          }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql').WebhookEndpointDeliveriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhook($input: RedeliverWebhookInput!) {\n    redeliverWebhook(input: $input) { delivery { id status attemptCount } }\n  }\n"): typeof import('./graphql').RedeliverWebhookDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
