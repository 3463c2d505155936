/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AcceptChallengeTermsInput = {
  challengeId: string | number;
};

/** Invites a person to become a member with a role, or changes the role of an existing member. */
export type AddOrganizationMemberInput = {
  organizationId: string | number;
  role: OrganizationRole;
  /** An existing user: NOT_FOUND (field userId) otherwise, and nothing is written. */
  userId: string | number;
};

export type AdvanceToFinalRoundInput = {
  challengeId: string | number;
  /** In the future, at most 180 days ahead: round 2 closes then. */
  finalRoundDeadline: string;
  /** 1 to 50 distinct submissions of this challenge. */
  finalistSubmissionIds: Array<string | number>;
};

export type AgreeToPrizeSplitInput = {
  splitVersion: number;
  teamId: string | number;
};

export type AnswerChallengeQuestionInput = {
  /** 1 to 5,000 characters (trimmed). Replaces the current answer, if any. */
  answer: string;
  /** true: the question and this answer are shown to everyone who can see the challenge (never the asker). false: only the asker and the sponsor see them. */
  publish: boolean;
  questionId: string | number;
};

/** What an API key may do for its organization (as an OWNER/ADMIN would, within these): FORBIDDEN beyond them. */
export type ApiScope =
  /** Award prizes and finish judging. */
  | 'AWARDS_WRITE'
  /** Read challenges and organizations. */
  | 'CHALLENGES_READ'
  /** Create, edit, fund, publish, close and cancel the organization's challenges; answer questions; invite participants and judges. */
  | 'CHALLENGES_WRITE'
  /** Read the entries to the organization's challenges. */
  | 'SUBMISSIONS_READ'
  /** Manage the organization's webhook endpoints. */
  | 'WEBHOOKS_MANAGE';

export type AskChallengeQuestionInput = {
  challengeId: string | number;
  /** 10 to 2,000 characters (trimmed). */
  question: string;
};

/** PENDING until the uploaded bytes are checked; READY when they match byteSize, sha256 and the declared type; REJECTED otherwise (or when nothing was uploaded within 15 minutes). */
export type AttachmentStatus =
  | 'PENDING'
  | 'READY'
  | 'REJECTED';

export type AwardPrizeInput = {
  challengeId: string | number;
  prizeRank: number;
  submissionId: string | number;
};

export type AwardPrizesInput = {
  /** 1 to 10,000 prize places; a submission at most once per prize. */
  awards: Array<PrizeAwardInput>;
  challengeId: string | number;
  /** Chosen by the caller (1 to 200 characters): the same key returns the first result and moves nothing again. */
  idempotencyKey: string;
};

export type CastVoteInput = {
  /** A public entry of a challenge whose voting is open. */
  submissionId: string | number;
};

export type ChallengeFilter = {
  /** ISO 4217 code (any case): only challenges whose prizes are in this currency. Give it with minTotalPrizeMinor: minor units of different currencies do not compare. BAD_USER_INPUT (field filter.currency) when not supported. */
  currency?: string | null | undefined;
  /** Minimum total prize in minor units, as a decimal string. */
  minTotalPrizeMinor?: string | null | undefined;
  /** Search over title, summary, description and the sponsor's name, in web search syntax ("quoted phrase", -excluded, or); every word also matches as a prefix ("desal" finds "desalination"). */
  search?: string | null | undefined;
  status?: ChallengeStatus | null | undefined;
  type?: ChallengeType | null | undefined;
};

/** JUDGE: reads and scores the sealed submissions. PARTICIPANT: may enter an INVITE_ONLY challenge. */
export type ChallengeInvitationRole =
  | 'JUDGE'
  | 'PARTICIPANT';

export type ChallengeInvitationStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  /** Pending for 30 days without an answer: can no longer be accepted (inviting again renews it). */
  | 'EXPIRED'
  | 'PENDING'
  | 'REVOKED';

/** What the viewer is to a challenge: OWNER/ADMIN/MEMBER of its organization, JUDGE or PARTICIPANT by an accepted invitation (PARTICIPANT also by a submission). */
export type ChallengeRole =
  | 'ADMIN'
  | 'JUDGE'
  | 'MEMBER'
  | 'OWNER'
  | 'PARTICIPANT';

/** Orders of the challenges listing, each with the id as the tie-break. */
export type ChallengeSort =
  /** Earliest submission deadline first (give status OPEN for what can still be entered). */
  | 'DEADLINE_SOONEST'
  /** Latest created first (the default). */
  | 'NEWEST'
  /** Largest total prize first. Needs filter.currency (BAD_USER_INPUT `sort` without it): amounts in different currencies do not compare. */
  | 'PRIZE_HIGHEST';

export type ChallengeStatus =
  | 'AWARDED'
  | 'CANCELLED'
  /** Cancelled while judging: becomes CANCELLED once payouts confirms no prize was awarded meanwhile, or returns to JUDGING if one was. */
  | 'CANCELLING'
  | 'CLOSED'
  | 'DRAFT'
  | 'JUDGING'
  | 'OPEN';

/** What kind of work a challenge asks for. */
export type ChallengeType =
  | 'DESIGN'
  | 'IDEATION'
  | 'REDUCTION_TO_PRACTICE'
  | 'THEORETICAL';

/** PUBLIC challenges are listed for everyone once published; INVITE_ONLY ones only for the organization. */
export type ChallengeVisibility =
  | 'INVITE_ONLY'
  | 'PUBLIC';

export type CreateApiKeyInput = {
  /** 1 to 100 characters, one line (BAD_USER_INPUT name): what the key is for, e.g. "CI deploys". */
  name: string;
  organizationId: string | number;
  /** At least one, each once (BAD_USER_INPUT scopes). The key is FORBIDDEN anything beyond them. */
  scopes: Array<ApiScope>;
};

export type CreateAttachmentUploadInput = {
  /** 1 to 26,214,400 (25 MB): exactly the size of the bytes to upload. */
  byteSize: number;
  /** One of image/png, image/jpeg, image/webp, image/gif, application/pdf, application/zip, text/plain, model/step, model/stl, video/mp4 (svg is refused). The bytes must be of this type. */
  contentType: string;
  /** The file name (a path is dropped; at most 200 characters). */
  fileName: string;
  /** SHA-256 of the bytes, 64 hexadecimal digits. */
  sha256: string;
};

export type CreateChallengeInput = {
  /** ISO 4217 code of every prize. */
  currency: string;
  /** 1 to 20,000 characters. */
  description: string;
  /** Default false. The whole pool will be paid out: finishJudging refuses while a place is unawarded, the rules award what is left at the judging deadline, and the challenge cannot be cancelled once published. */
  guaranteed?: boolean | null | undefined;
  /** After submissionDeadline, at most 180 days after it; default 30 days after it. */
  judgingDeadline?: string | null | undefined;
  organizationId: string | number;
  /** 1 to 20 prizes. */
  prizes: Array<PrizeInput>;
  /** In the future, at most two years ahead. */
  submissionDeadline: string;
  /** Who reads the entries. SEALED (default): only the author, the sponsor's OWNER/ADMIN and the judges; GALLERY: everyone, as soon as submitted; GALLERY_AFTER_CLOSE: sealed while OPEN, everyone once submissions close. */
  submissionVisibility?: SubmissionVisibility | null | undefined;
  /** 1 to 500 characters. */
  summary: string;
  /** What solvers must accept before submitting (IP transfer, confidentiality, eligibility); up to 20,000 characters. Absent or blank: no terms. Editable while DRAFT (updateChallenge), fixed once published. */
  terms?: string | null | undefined;
  /** 3 to 140 characters. */
  title: string;
  type: ChallengeType;
  visibility: ChallengeVisibility;
  /** The public vote's window (optional): needs GALLERY or GALLERY_AFTER_CLOSE (BAD_USER_INPUT voting otherwise) and ends by the judging deadline. Absent or null: no public vote. */
  voting?: VotingInput | null | undefined;
};

export type CreateOrganizationInput = {
  /** 1 to 120 characters. */
  name: string;
};

export type CreateTeamInput = {
  challengeId: string | number;
  /** 1 to 100 characters. */
  name: string;
};

export type CreateWebhookEndpointInput = {
  /** At least one, each once. A delivery names its type in lowercase with dots (CHALLENGE_PUBLISHED: "challenge.published"). */
  events: Array<WebhookEventType>;
  organizationId: string | number;
  /** Where deliveries are POSTed: at most 2048 characters, no credentials. In production https only, a host name (not an IP address) that resolves only to public addresses; elsewhere http(s), http://localhost included. */
  url: string;
};

export type CriterionScoreInput = {
  /** A key of the challenge's rubric. */
  criterionKey: string;
  /** From 0 to 10 with at most one decimal, as a decimal string ("7.5", "10", "0"). */
  value: string;
};

export type DeleteWebhookEndpointInput = {
  endpointId: string | number;
};

export type FundingStatus =
  | 'FAILED'
  | 'PARTIALLY_REFUNDED'
  | 'PENDING'
  | 'REFUNDED'
  | 'SUCCEEDED';

/** The order of Challenge.gallery. */
export type GalleryOrder =
  /** Earliest first submission first (the default). */
  | 'FIRST_SUBMITTED'
  /** Most counted votes first, then earliest first submission. */
  | 'VOTES';

/** Invites whoever has, or signs up with, an email address to become a member with a role. */
export type InviteOrganizationMemberInput = {
  /** An email address (at most 254 characters; case does not matter). */
  email: string;
  organizationId: string | number;
  role: OrganizationRole;
};

export type InviteTeamMemberInput = {
  email: string;
  teamId: string | number;
};

export type InviteToChallengeInput = {
  challengeId: string | number;
  /** 1 to 50 email addresses (lower-cased). Inviting an address again returns its invitation (renewed when declined, revoked or expired). */
  emails: Array<string>;
  /** PARTICIPANT only for an INVITE_ONLY challenge. */
  role: ChallengeInvitationRole;
};

export type LeaveTeamInput = {
  teamId: string | number;
};

export type LogInInput = {
  email: string;
  password: string;
};

export type LogOutInput = {
  /** The refreshToken of the session to end. */
  refreshToken: string;
};

/** Exactly one of `ids` and `all: true`. */
export type MarkNotificationsReadInput = {
  /** true: every unread notification of the viewer. */
  all?: boolean | null | undefined;
  /** 1 to 100 of the viewer's notifications; any other id is NOT_FOUND (field `ids`) and nothing is marked. */
  ids?: Array<string | number> | null | undefined;
};

/** What a notification is about. */
export type NotificationKind =
  /** The submission deadline of a challenge the viewer entered moved. */
  | 'DEADLINE_CHANGED'
  /** The finalists of a challenge the viewer entered were chosen (the viewer's entry among them or not). */
  | 'FINALISTS_CHOSEN'
  /** The viewer was invited to an organization, a team or a challenge. */
  | 'INVITATION'
  /** A solver asked about a challenge of the viewer's organization (OWNER/ADMIN). */
  | 'NEW_QUESTION'
  /** A new entry to a challenge of the viewer's organization (OWNER/ADMIN); collapsed while unread. */
  | 'NEW_SUBMISSION'
  /** The transfer of the viewer's prize money was refused (retried). */
  | 'PAYOUT_FAILED'
  /** The viewer's prize money was sent. */
  | 'PAYOUT_PAID'
  /** A transfer of the viewer's prize money was reversed. */
  | 'PAYOUT_REVERSED'
  /** The viewer's entry (or team's) won a prize. */
  | 'PRIZE_AWARDED'
  /** The sponsor answered the viewer's question. */
  | 'QUESTION_ANSWERED'
  /** A challenge the viewer entered is awarded. */
  | 'RESULTS_PUBLISHED'
  /** A challenge the viewer entered closed its submissions (a round). */
  | 'SUBMISSIONS_CLOSED'
  /** A member of the viewer's team proposed a new prize split. */
  | 'TEAM_SPLIT_PROPOSED';

/** A member's role in an organization. */
export type OrganizationRole =
  | 'ADMIN'
  | 'MEMBER'
  | 'OWNER';

export type PayoutAccountStatus =
  | 'ACTIVE'
  | 'NOT_STARTED'
  | 'PENDING'
  | 'RESTRICTED';

export type PayoutStatus =
  | 'FAILED'
  | 'HELD'
  | 'PAID'
  | 'PROCESSING'
  | 'REVERSED';

/** One prize place: the prize (by rank) and the submission it goes to. */
export type PrizeAwardInput = {
  prizeRank: number;
  submissionId: string | number;
};

export type PrizeInput = {
  /** Positive integer minor units of the challenge's currency, as a decimal string: what each place of the prize receives. */
  amountMinor: string;
  /** Default false. Awarded by the public vote when voting ends, its places to the top of the vote count; never by the sponsor nor by the judges' ranking. Needs a voting window (BAD_USER_INPUT prizes[i].communityChoice). */
  communityChoice?: boolean | null | undefined;
  /** 1 to 80 characters. */
  label: string;
  /** How many different submissions the prize can be awarded to (1 to 10,000; default 1); at most 10,000 places in all. The pool counts amountMinor x quantity. */
  quantity?: number | null | undefined;
  /** Positive, unique within the challenge (1 = first prize). */
  rank: number;
};

export type ProposeEqualPrizeSplitInput = {
  teamId: string | number;
};

export type ProposePrizeSplitInput = {
  /** Every member exactly once, summing to 10,000. */
  shares: Array<SplitShareInput>;
  teamId: string | number;
};

export type RedeliverWebhookInput = {
  deliveryId: string | number;
};

export type RefreshSessionInput = {
  /** The refreshToken of logIn, signUp or resetPassword. */
  refreshToken: string;
};

export type RequestPasswordResetInput = {
  email: string;
};

export type ResetPasswordInput = {
  /** At least 10 characters. */
  newPassword: string;
  /** The token of the reset link. */
  token: string;
};

export type RespondToChallengeInvitationInput = {
  accept: boolean;
  invitationId: string | number;
};

export type RespondToOrganizationInvitationInput = {
  /** true: become a member with the invited role; false: decline. */
  accept: boolean;
  organizationId: string | number;
};

export type RespondToTeamInvitationInput = {
  accept: boolean;
  invitationId: string | number;
};

export type RevokeApiKeyInput = {
  apiKeyId: string | number;
};

export type RevokeChallengeInvitationInput = {
  invitationId: string | number;
};

export type RubricCriterionInput = {
  /** 0 to 500 characters. */
  description: string;
  /** Matches ^[a-z][a-z0-9_]{0,31}$, unique within the rubric. */
  key: string;
  /** 1 to 80 characters. */
  label: string;
  /** 1 to 100; the weights sum to 100. */
  weightPercent: number;
};

export type ScoreSubmissionInput = {
  /** At most 2,000 characters; shown to the author, without the judge's name, once the challenge is AWARDED. */
  comment?: string | null | undefined;
  /** Every criterion of the challenge's rubric exactly once (BAD_USER_INPUT field scores otherwise). */
  scores: Array<CriterionScoreInput>;
  submissionId: string | number;
};

export type SetJudgingRubricInput = {
  challengeId: string | number;
  /** 1 to 10 criteria (BAD_USER_INPUT field criteria otherwise). */
  criteria: Array<RubricCriterionInput>;
};

export type ShortlistSubmissionInput = {
  /** true puts the submission on the shortlist, false takes it off. */
  shortlisted: boolean;
  submissionId: string | number;
};

export type SignUpInput = {
  displayName: string;
  email: string;
  /** At least 10 characters. */
  password: string;
};

export type SplitShareInput = {
  /** 0 to 10,000. */
  basisPoints: number;
  userId: string | number;
};

/** PROPOSED: waiting for every member to agree (the team cannot submit). AGREED: every member agreed; this split is in force. */
export type SplitStatus =
  | 'AGREED'
  | 'PROPOSED';

export type StartPayoutOnboardingInput = {
  /** Where Stripe sends the user when the link expired. */
  refreshUrl: string;
  /** Where Stripe sends the user back when onboarding is done. */
  returnUrl: string;
};

/** The shortlist is not a status: it is a separate flag only the sponsor's judges see (Submission.shortlisted). Later: WITHDRAWN, AWARDED. */
export type SubmissionStatus =
  | 'SUBMITTED';

/** Who reads a challenge's entries (submissions enforces it on every path: gallery, submission reads, files). */
export type SubmissionVisibility =
  /** Everyone who may see the challenge, as soon as an entry is submitted. */
  | 'GALLERY'
  /** Sealed while submissions are open; everyone who may see the challenge once they close. */
  | 'GALLERY_AFTER_CLOSE'
  /** Only the author, the sponsor's OWNER/ADMIN and the judges (the default). */
  | 'SEALED';

export type SubmitSolutionInput = {
  /** This version's files, in order (createAttachmentUpload, then the PUT): at most 10 (BAD_USER_INPUT attachmentIds), no duplicates (BAD_USER_INPUT attachmentIds[i]), each uploaded by the caller (or already a file of this submission), else NOT_FOUND attachmentIds[i]; READY once verified (REJECTED or not uploaded: FAILED_PRECONDITION attachmentIds[i], the reason in words). Absent: none. Each version keeps its own list. */
  attachmentIds?: Array<string | number> | null | undefined;
  /** 1 to 100,000 characters. */
  body: string;
  challengeId: string | number;
  /** Submit as this team: a new version of the team's one submission (any member). Its split must be AGREED (FAILED_PRECONDITION otherwise); not a member: NOT_FOUND. A team member submitting without it: CONFLICT field teamId. */
  teamId?: string | number | null | undefined;
  /** 1 to 200 characters. */
  title: string;
};

/** A PENDING invitation past its expiry (14 days) reads EXPIRED. */
export type TeamInvitationStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'EXPIRED'
  | 'PENDING';

/** Absent (or null) fields are unchanged, except voting (null removes the window); give at least one. Each field follows createChallenge's rules, and the challenge as edited must keep the voting rules (the window does not move with the deadlines). */
export type UpdateChallengeInput = {
  challengeId: string | number;
  /** 1 to 20,000 characters. DRAFT or OPEN. */
  description?: string | null | undefined;
  /** DRAFT only. */
  guaranteed?: boolean | null | undefined;
  /** DRAFT only. After the submission deadline, at most 180 days after it. */
  judgingDeadline?: string | null | undefined;
  /** In the future, at most two years ahead. DRAFT: any such date. OPEN: only later than the current deadline (extend, never shorten). The judging deadline moves by the same amount (unless judgingDeadline is given). */
  submissionDeadline?: string | null | undefined;
  /** DRAFT only. Who reads the entries. SEALED (default): only the author, the sponsor's OWNER/ADMIN and the judges; GALLERY: everyone, as soon as submitted; GALLERY_AFTER_CLOSE: sealed while OPEN, everyone once submissions close. */
  submissionVisibility?: SubmissionVisibility | null | undefined;
  /** 1 to 500 characters. DRAFT or OPEN. */
  summary?: string | null | undefined;
  /** Up to 20,000 characters; "" or blank removes the terms. DRAFT only: once published, solvers have accepted them. */
  terms?: string | null | undefined;
  /** 3 to 140 characters. DRAFT only. */
  title?: string | null | undefined;
  /** DRAFT only. */
  type?: ChallengeType | null | undefined;
  /** DRAFT only. */
  visibility?: ChallengeVisibility | null | undefined;
  /** DRAFT only. The public vote's window (optional): needs GALLERY or GALLERY_AFTER_CLOSE (BAD_USER_INPUT voting otherwise) and ends by the judging deadline. Unlike the other fields, null removes the window (absent: unchanged); refused while a prize is a community-choice prize (BAD_USER_INPUT voting). */
  voting?: VotingInput | null | undefined;
};

export type UpdateNotificationPreferencesInput = {
  /** The kinds also sent by mail (the others only appear in the notification centre). */
  mailKinds: Array<NotificationKind>;
};

/** Changes the organization's public page: only the fields given change; null (or blank) removes an optional one. */
export type UpdateOrganizationInput = {
  /** At most 2,000 characters (BAD_USER_INPUT about). */
  about?: string | null | undefined;
  /** #rrggbb (stored lower case) with a WCAG contrast ratio of at least 4.5:1 against white, so text in it stays readable (BAD_USER_INPUT brandColor, saying the ratio). */
  brandColor?: string | null | undefined;
  /** An attachment the viewer uploaded (createAttachmentUpload) and that is READY: a PNG, JPEG or WebP image of at most 2 MB (BAD_USER_INPUT logoAttachmentId otherwise). Saving right after it reads READY is fine: the check waits a few seconds for it. */
  logoAttachmentId?: string | number | null | undefined;
  organizationId: string | number;
  /** The page address /o/<slug>: 3 to 40 of a-z, 0-9 and single hyphens inside, not a reserved word (new, edit, admin, api, settings, ...): BAD_USER_INPUT slug; taken by another organization: CONFLICT slug. Can be changed, not removed. */
  slug?: string | null | undefined;
  /** An https URL of at most 200 characters (BAD_USER_INPUT websiteUrl). */
  websiteUrl?: string | null | undefined;
};

/** Every field optional: an absent one is left as it is. */
export type UpdateProfileInput = {
  /** At most 1,000 characters; empty clears it. */
  bio?: string | null | undefined;
  /** ISO 3166-1 alpha-2 country code (any case), or empty to clear. */
  country?: string | null | undefined;
  /** 2 to 60 characters, trimmed. */
  displayName?: string | null | undefined;
  /** Public: anyone reads the profile and reputation, and the user is on the leaderboard. Private by default. */
  publicProfile?: boolean | null | undefined;
  /** At most 120 characters; empty clears it. */
  school?: string | null | undefined;
  /** Replaces the skills: at most 20, each 1 to 40 characters (trimmed); the same skill in another case is kept once, as first spelled. */
  skills?: Array<string> | null | undefined;
};

/** Why a vote was flagged (kept, not counted). */
export type VoteFlagReason =
  /** The account was created within 10 minutes of 4 or more other accounts that voted for the same entry. */
  | 'ACCOUNT_BATCH'
  /** More than 5 votes on the challenge from one client address within 10 minutes: the 6th and later. */
  | 'ADDRESS_BURST';

/** The public vote's window. */
export type VotingInput = {
  /** In the future, after startsAt, at the latest the judging deadline (BAD_USER_INPUT voting.endsAt). Publishing once it passed: FAILED_PRECONDITION. */
  endsAt: string;
  /** Before endsAt. May be in the past at publication (voting opens at once). GALLERY_AFTER_CLOSE: not before the submission deadline (BAD_USER_INPUT voting.startsAt). */
  startsAt: string;
};

export type WebhookDeliveryStatus =
  /** Its endpoint was deleted before it was delivered. */
  | 'CANCELLED'
  /** The last attempt was answered with a 2xx. */
  | 'DELIVERED'
  /** Given up: no 2xx within 24 hours of the event (redeliverWebhook sends it again). */
  | 'FAILED'
  /** Waiting for its next attempt (nextAttemptAt), or in one. */
  | 'PENDING';

/** What a webhook endpoint subscribes to. A delivery's JSON `type` is the same name in lowercase with dots (GraphQL enum values cannot hold dots): CHALLENGE_PUBLISHED is "challenge.published". */
export type WebhookEventType =
  /** "challenge.closed": submissions closed (OPEN -> JUDGING), by the sponsor or at the deadline; once per round. */
  | 'CHALLENGE_CLOSED'
  /** "challenge.published": a challenge of the organization was published (DRAFT -> OPEN). */
  | 'CHALLENGE_PUBLISHED'
  /** "challenge.settled": every payout and refund of a challenge settled (-> CLOSED). */
  | 'CHALLENGE_SETTLED'
  /** "payout.failed": a winner's payout transfer failed (retried; the winner is told what to do). */
  | 'PAYOUT_FAILED'
  /** "payout.paid": a winner's payout reached their account. */
  | 'PAYOUT_PAID'
  /** "prize.awarded": a prize place was awarded to a submission. */
  | 'PRIZE_AWARDED'
  /** "question.asked": a solver asked a question about one of its challenges (never who). */
  | 'QUESTION_ASKED'
  /** "submission.created": a new submission (its first version) to one of its challenges. */
  | 'SUBMISSION_CREATED';

export type WithdrawVoteInput = {
  /** An entry the viewer voted for. */
  submissionId: string | number;
};

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp: { token: string, refreshToken: string, expiresAt: string, viewer: { id: string, email: string | null, displayName: string } } };

export type LogInMutationVariables = Exact<{
  input: LogInInput;
}>;


export type LogInMutation = { logIn: { token: string, refreshToken: string, expiresAt: string, viewer: { id: string } } };

export type RefreshSessionMutationVariables = Exact<{
  input: RefreshSessionInput;
}>;


export type RefreshSessionMutation = { refreshSession: { token: string, expiresAt: string } };

export type LogOutMutationVariables = Exact<{
  input: LogOutInput;
}>;


export type LogOutMutation = { logOut: { loggedOut: boolean } };

export type RequestPasswordResetMutationVariables = Exact<{
  input: RequestPasswordResetInput;
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: { accepted: boolean } };

export type ResetPasswordMutationVariables = Exact<{
  input: ResetPasswordInput;
}>;


export type ResetPasswordMutation = { resetPassword: { token: string, refreshToken: string, expiresAt: string, viewer: { id: string } } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { id: string, email: string | null, displayName: string, bio: string, skills: Array<string>, school: string | null, country: string | null, publicProfile: boolean | null, unreadNotificationCount: number, organizations: Array<{ id: string, name: string, viewerRole: OrganizationRole | null, slug: string | null }>, organizationInvitations: Array<{ id: string, role: OrganizationRole, invitedAt: string, expiresAt: string, organization: { id: string, name: string } }>, teamInvitations: Array<{ id: string }>, challengeInvitations: Array<{ id: string, role: ChallengeInvitationRole, status: ChallengeInvitationStatus }>, payoutAccount: { status: PayoutAccountStatus, requirementsDue: Array<string> } | null, submissions: { edges: Array<{ node: { id: string, title: string, status: SubmissionStatus, version: number, submittedAt: string, challenge: { id: string, title: string, status: ChallengeStatus } } }> }, payouts: { edges: Array<{ node: { id: string, status: PayoutStatus, failureReason: string | null, paidAt: string | null, amount: { amountMinor: string, currency: string }, award: { id: string, awardedAt: string, prize: { label: string }, submission: { id: string, team: { id: string, name: string } | null } | null, challenge: { id: string, title: string } } } }> } } | null };

export type UpdateProfileMutationVariables = Exact<{
  input: UpdateProfileInput;
}>;


export type UpdateProfileMutation = { updateProfile: { viewer: { id: string, displayName: string, bio: string, skills: Array<string>, school: string | null, country: string | null, publicProfile: boolean | null } } };

export type CreateOrganizationMutationVariables = Exact<{
  input: CreateOrganizationInput;
}>;


export type CreateOrganizationMutation = { createOrganization: { organization: { id: string, name: string, viewerRole: OrganizationRole | null } } };

export type CreateChallengeMutationVariables = Exact<{
  input: CreateChallengeInput;
}>;


export type CreateChallengeMutation = { createChallenge: { challenge: { id: string, status: ChallengeStatus, totalPrize: { amountMinor: string, currency: string }, prizes: Array<{ rank: number, label: string, amount: { amountMinor: string, currency: string } }> } } };

export type FeedbackFieldsFragment = { rank: number | null, outOf: number, meanWeightedTotal: string | null, comments: Array<string>, criteria: Array<{ criterionKey: string, label: string, meanValue: string }> };

export type UpdateChallengeMutationVariables = Exact<{
  input: UpdateChallengeInput;
}>;


export type UpdateChallengeMutation = { updateChallenge: { challenge: { id: string, status: ChallengeStatus, title: string, summary: string, description: string, terms: string | null, type: ChallengeType, visibility: ChallengeVisibility, submissionDeadline: string, guaranteed: boolean, judgingDeadline: string, submissionVisibility: SubmissionVisibility, votingWindow: { startsAt: string, endsAt: string } | null } } };

export type FundChallengeMutationVariables = Exact<{
  challengeId: string | number;
}>;


export type FundChallengeMutation = { fundChallenge: { funding: { id: string, status: FundingStatus, paymentIntentId: string | null, clientSecret: string | null, amount: { amountMinor: string, currency: string }, platformFee: { amountMinor: string, currency: string } } } };

export type PublishChallengeMutationVariables = Exact<{
  challengeId: string | number;
}>;


export type PublishChallengeMutation = { publishChallenge: { challenge: { id: string, status: ChallengeStatus } } };

export type CloseSubmissionsMutationVariables = Exact<{
  challengeId: string | number;
}>;


export type CloseSubmissionsMutation = { closeSubmissions: { challenge: { id: string, status: ChallengeStatus } } };

export type FinishJudgingMutationVariables = Exact<{
  challengeId: string | number;
}>;


export type FinishJudgingMutation = { finishJudging: { challenge: { id: string, status: ChallengeStatus } } };

export type CancelChallengeMutationVariables = Exact<{
  challengeId: string | number;
}>;


export type CancelChallengeMutation = { cancelChallenge: { challenge: { id: string, status: ChallengeStatus } } };

export type BrowseChallengesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ChallengeFilter | null | undefined;
  sort?: ChallengeSort | null | undefined;
}>;


export type BrowseChallengesQuery = { challengeCurrencies: Array<string>, challenges: { totalCount: number, pageCursors: Array<string>, edges: Array<{ cursor: string, node: { id: string, title: string, summary: string, type: ChallengeType, status: ChallengeStatus, submissionDeadline: string, submissionCount: number, totalPrize: { amountMinor: string, currency: string }, organization: { id: string, name: string, viewerRole: OrganizationRole | null } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AttachmentFieldsFragment = { id: string, fileName: string, contentType: string, byteSize: number, status: AttachmentStatus, downloadUrl: string | null, previewUrl: string | null };

export type TeamFieldsFragment = { id: string, name: string, createdAt: string, members: Array<{ shareBasisPoints: number, joinedAt: string, user: { id: string, displayName: string } }>, split: { version: number, status: SplitStatus, equal: boolean, shares: Array<{ basisPoints: number, agreedAt: string | null, user: { id: string, displayName: string } }> }, submission: { id: string, title: string, body: string, version: number, submittedAt: string, status: SubmissionStatus } | null, invitations: Array<{ id: string, email: string, invitedAt: string, expiresAt: string }> };

export type ChallengeDetailQueryVariables = Exact<{
  id: string | number;
  questionsAfter?: string | null | undefined;
}>;


export type ChallengeDetailQuery = { challenge: { id: string, title: string, summary: string, description: string, terms: string | null, type: ChallengeType, status: ChallengeStatus, visibility: ChallengeVisibility, submissionDeadline: string, currency: string, createdAt: string, publishedAt: string | null, submissionCount: number, guaranteed: boolean, judgingDeadline: string, judgingClosed: boolean, round: number, finalRoundDeadline: string | null, viewerRoles: Array<ChallengeRole>, submissionVisibility: SubmissionVisibility, viewerHasAcceptedTerms: boolean, organization: { id: string, name: string, viewerRole: OrganizationRole | null, createdAt: string, slug: string | null }, totalPrize: { amountMinor: string, currency: string }, funding: { id: string, status: FundingStatus, failureReason: string | null, amount: { amountMinor: string, currency: string }, platformFee: { amountMinor: string, currency: string } } | null, fundingQuote: { prizePool: { amountMinor: string, currency: string }, platformFee: { amountMinor: string, currency: string }, total: { amountMinor: string, currency: string } } | null, prizes: Array<{ rank: number, label: string, quantity: number, awardedCount: number, communityChoice: boolean, amount: { amountMinor: string, currency: string }, award: { id: string, awardedAt: string, submission: { id: string, title: string } | null, payouts: Array<{ status: PayoutStatus, amount: { amountMinor: string, currency: string } }> } | null }>, votingWindow: { startsAt: string, endsAt: string } | null, voting: { startsAt: string, endsAt: string, isOpen: boolean } | null, finalists: Array<{ id: string }>, rubric: { isDefault: boolean, criteria: Array<{ key: string, label: string, description: string, weightPercent: number }> }, invitations: Array<{ id: string, email: string, role: ChallengeInvitationRole, status: ChallengeInvitationStatus, expiresAt: string, createdAt: string }>, viewerSubmissions: Array<{ id: string, title: string, body: string, status: SubmissionStatus, version: number, submittedAt: string, attachments: Array<{ id: string, fileName: string, contentType: string, byteSize: number, status: AttachmentStatus, downloadUrl: string | null, previewUrl: string | null }>, feedback: { rank: number | null, outOf: number, meanWeightedTotal: string | null, comments: Array<string>, criteria: Array<{ criterionKey: string, label: string, meanValue: string }> } | null }>, questions: { edges: Array<{ node: { id: string, question: string, answer: string | null, answeredAt: string | null, published: boolean } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, viewerQuestions: Array<{ id: string, question: string, answer: string | null, askedAt: string, published: boolean }>, viewerTeam: { id: string, name: string, createdAt: string, submission: { id: string, title: string, body: string, version: number, submittedAt: string, status: SubmissionStatus, attachments: Array<{ id: string, fileName: string, contentType: string, byteSize: number, status: AttachmentStatus, downloadUrl: string | null, previewUrl: string | null }>, feedback: { rank: number | null, outOf: number, meanWeightedTotal: string | null, comments: Array<string>, criteria: Array<{ criterionKey: string, label: string, meanValue: string }> } | null } | null, members: Array<{ shareBasisPoints: number, joinedAt: string, user: { id: string, displayName: string } }>, split: { version: number, status: SplitStatus, equal: boolean, shares: Array<{ basisPoints: number, agreedAt: string | null, user: { id: string, displayName: string } }> }, invitations: Array<{ id: string, email: string, invitedAt: string, expiresAt: string }> } | null } };

export type ChallengeReviewQueryVariables = Exact<{
  challengeId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  shortlistedOnly?: boolean | null | undefined;
}>;


export type ChallengeReviewQuery = { challenge: { id: string, title: string, status: ChallengeStatus, currency: string, submissionDeadline: string, submissionVisibility: SubmissionVisibility, votingWindow: { startsAt: string, endsAt: string } | null, organization: { id: string, name: string, viewerRole: OrganizationRole | null }, totalPrize: { amountMinor: string, currency: string }, prizes: Array<{ rank: number, label: string, quantity: number, awardedCount: number, amount: { amountMinor: string, currency: string }, award: { id: string, submission: { id: string, title: string } | null, payouts: Array<{ id: string, status: PayoutStatus, amount: { amountMinor: string, currency: string } }> } | null }>, funding: { id: string, status: FundingStatus } | null, escrow: { funded: { amountMinor: string, currency: string }, platformFee: { amountMinor: string, currency: string }, awarded: { amountMinor: string, currency: string }, paid: { amountMinor: string, currency: string }, refunded: { amountMinor: string, currency: string }, heldForWinners: { amountMinor: string, currency: string }, inEscrow: { amountMinor: string, currency: string } } | null, allSubmissions: { totalCount: number }, shortlist: { totalCount: number }, submissions: { edges: Array<{ node: { id: string, title: string, body: string, version: number, submittedAt: string, shortlisted: boolean | null, author: { id: string, displayName: string }, team: { id: string, name: string, members: Array<{ user: { id: string, displayName: string } }> } | null, attachments: Array<{ id: string, fileName: string, contentType: string, byteSize: number, status: AttachmentStatus, downloadUrl: string | null, previewUrl: string | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, questions: { edges: Array<{ node: { id: string, question: string, answer: string | null, askedAt: string, answeredAt: string | null, published: boolean } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type FundingReceiptQueryVariables = Exact<{
  fundingId: string | number;
}>;


export type FundingReceiptQuery = { fundingReceipt: { fundingId: string, status: FundingStatus, paidAt: string, paymentIntentId: string | null, cardBrand: string | null, cardLast4: string | null, challenge: { id: string, title: string, organization: { id: string, name: string } }, prizePool: { amountMinor: string, currency: string }, platformFee: { amountMinor: string, currency: string }, total: { amountMinor: string, currency: string }, ledger: { charged: { amountMinor: string, currency: string }, escrowed: { amountMinor: string, currency: string }, platformFee: { amountMinor: string, currency: string } } } };

export type PayoutReceiptQueryVariables = Exact<{
  payoutId: string | number;
}>;


export type PayoutReceiptQuery = { payoutReceipt: { payoutId: string, status: PayoutStatus, paidAt: string, transferId: string | null, amount: { amountMinor: string, currency: string }, award: { awardedAt: string, prize: { label: string }, challenge: { id: string, title: string } }, ledger: { transferred: { amountMinor: string, currency: string }, reversed: { amountMinor: string, currency: string } } } };

export type ShortlistSubmissionMutationVariables = Exact<{
  input: ShortlistSubmissionInput;
}>;


export type ShortlistSubmissionMutation = { shortlistSubmission: { submission: { id: string, shortlisted: boolean | null } } };

export type CreateAttachmentUploadMutationVariables = Exact<{
  input: CreateAttachmentUploadInput;
}>;


export type CreateAttachmentUploadMutation = { createAttachmentUpload: { uploadUrl: string, attachment: { id: string }, uploadHeaders: Array<{ name: string, value: string }> } };

export type AttachmentStatusQueryVariables = Exact<{
  id: string | number;
}>;


export type AttachmentStatusQuery = { attachment: { id: string, status: AttachmentStatus } | null };

export type MySubmissionFilesQueryVariables = Exact<{ [key: string]: never; }>;


export type MySubmissionFilesQuery = { viewer: { id: string, submissions: { edges: Array<{ node: { id: string, attachments: Array<{ id: string, fileName: string, contentType: string, byteSize: number, status: AttachmentStatus, downloadUrl: string | null, previewUrl: string | null }> } }> } } | null };

export type SubmitSolutionMutationVariables = Exact<{
  input: SubmitSolutionInput;
}>;


export type SubmitSolutionMutation = { submitSolution: { submission: { id: string, status: SubmissionStatus, version: number, challenge: { id: string } } } };

export type AcceptChallengeTermsMutationVariables = Exact<{
  input: AcceptChallengeTermsInput;
}>;


export type AcceptChallengeTermsMutation = { acceptChallengeTerms: { challenge: { id: string, viewerHasAcceptedTerms: boolean } } };

export type StartPayoutOnboardingMutationVariables = Exact<{
  input: StartPayoutOnboardingInput;
}>;


export type StartPayoutOnboardingMutation = { startPayoutOnboarding: { onboardingUrl: string, payoutAccount: { status: PayoutAccountStatus, requirementsDue: Array<string> } } };

export type AwardPrizeMutationVariables = Exact<{
  input: AwardPrizeInput;
}>;


export type AwardPrizeMutation = { awardPrize: { award: { id: string, prizeRank: number, submission: { id: string } | null, payouts: Array<{ id: string, status: PayoutStatus, amount: { amountMinor: string, currency: string } }> } } };

export type OrganizationQueryVariables = Exact<{
  id: string | number;
}>;


export type OrganizationQuery = { organization: { id: string, name: string, createdAt: string, viewerRole: OrganizationRole | null, members: Array<{ role: OrganizationRole, user: { id: string, displayName: string } }> | null, invitations: Array<{ id: string, email: string | null, role: OrganizationRole, invitedAt: string, expiresAt: string, user: { id: string, displayName: string } | null }> | null } };

export type AddOrganizationMemberMutationVariables = Exact<{
  input: AddOrganizationMemberInput;
}>;


export type AddOrganizationMemberMutation = { addOrganizationMember: { organization: { id: string, viewerRole: OrganizationRole | null }, member: { role: OrganizationRole, user: { id: string } } | null, invitation: { id: string, role: OrganizationRole } | null } };

export type InviteOrganizationMemberMutationVariables = Exact<{
  input: InviteOrganizationMemberInput;
}>;


export type InviteOrganizationMemberMutation = { inviteOrganizationMember: { organization: { id: string }, invitation: { id: string, email: string | null, role: OrganizationRole, expiresAt: string } } };

export type RespondToOrganizationInvitationMutationVariables = Exact<{
  input: RespondToOrganizationInvitationInput;
}>;


export type RespondToOrganizationInvitationMutation = { respondToOrganizationInvitation: { organization: { id: string, name: string, viewerRole: OrganizationRole | null }, member: { role: OrganizationRole } | null } };

export type AskChallengeQuestionMutationVariables = Exact<{
  input: AskChallengeQuestionInput;
}>;


export type AskChallengeQuestionMutation = { askChallengeQuestion: { question: { id: string } } };

export type AnswerChallengeQuestionMutationVariables = Exact<{
  input: AnswerChallengeQuestionInput;
}>;


export type AnswerChallengeQuestionMutation = { answerChallengeQuestion: { question: { id: string, answer: string | null, published: boolean } } };

export type ChallengeCurrenciesQueryVariables = Exact<{ [key: string]: never; }>;


export type ChallengeCurrenciesQuery = { challengeCurrencies: Array<string> };

export type ChallengeTeamQueryVariables = Exact<{
  id: string | number;
}>;


export type ChallengeTeamQuery = { challenge: { id: string, title: string, status: ChallengeStatus, currency: string, submissionDeadline: string, viewerHasAcceptedTerms: boolean, terms: string | null, organization: { id: string, viewerRole: OrganizationRole | null }, prizes: Array<{ rank: number, label: string, amount: { amountMinor: string, currency: string } }>, viewerSubmissions: Array<{ id: string }>, viewerTeam: { id: string, name: string, createdAt: string, members: Array<{ shareBasisPoints: number, joinedAt: string, user: { id: string, displayName: string } }>, split: { version: number, status: SplitStatus, equal: boolean, shares: Array<{ basisPoints: number, agreedAt: string | null, user: { id: string, displayName: string } }> }, submission: { id: string, title: string, body: string, version: number, submittedAt: string, status: SubmissionStatus } | null, invitations: Array<{ id: string, email: string, invitedAt: string, expiresAt: string }> } | null } };

export type TeamInvitationsQueryVariables = Exact<{ [key: string]: never; }>;


export type TeamInvitationsQuery = { viewer: { id: string, teamInvitations: Array<{ id: string, email: string, status: TeamInvitationStatus, invitedAt: string, expiresAt: string, invitedBy: { id: string, displayName: string }, team: { id: string, name: string, members: Array<{ user: { id: string, displayName: string } }>, challenge: { id: string, title: string, status: ChallengeStatus } } | null }> } | null };

export type CreateTeamMutationVariables = Exact<{
  input: CreateTeamInput;
}>;


export type CreateTeamMutation = { createTeam: { team: { id: string, name: string } } };

export type InviteTeamMemberMutationVariables = Exact<{
  input: InviteTeamMemberInput;
}>;


export type InviteTeamMemberMutation = { inviteTeamMember: { invitation: { id: string, email: string, expiresAt: string } } };

export type RespondToTeamInvitationMutationVariables = Exact<{
  input: RespondToTeamInvitationInput;
}>;


export type RespondToTeamInvitationMutation = { respondToTeamInvitation: { invitation: { id: string, status: TeamInvitationStatus }, team: { id: string, challenge: { id: string } } | null } };

export type ProposePrizeSplitMutationVariables = Exact<{
  input: ProposePrizeSplitInput;
}>;


export type ProposePrizeSplitMutation = { proposePrizeSplit: { team: { id: string, split: { version: number, status: SplitStatus } } } };

export type ProposeEqualPrizeSplitMutationVariables = Exact<{
  input: ProposeEqualPrizeSplitInput;
}>;


export type ProposeEqualPrizeSplitMutation = { proposeEqualPrizeSplit: { team: { id: string, split: { version: number, status: SplitStatus } } } };

export type AgreeToPrizeSplitMutationVariables = Exact<{
  input: AgreeToPrizeSplitInput;
}>;


export type AgreeToPrizeSplitMutation = { agreeToPrizeSplit: { team: { id: string, split: { version: number, status: SplitStatus } } } };

export type LeaveTeamMutationVariables = Exact<{
  input: LeaveTeamInput;
}>;


export type LeaveTeamMutation = { leaveTeam: { teamId: string, dissolved: boolean } };

export type SetJudgingRubricMutationVariables = Exact<{
  input: SetJudgingRubricInput;
}>;


export type SetJudgingRubricMutation = { setJudgingRubric: { challenge: { id: string, rubric: { isDefault: boolean, criteria: Array<{ key: string, label: string, description: string, weightPercent: number }> } } } };

export type InviteToChallengeMutationVariables = Exact<{
  input: InviteToChallengeInput;
}>;


export type InviteToChallengeMutation = { inviteToChallenge: { invitations: Array<{ id: string, email: string, role: ChallengeInvitationRole, status: ChallengeInvitationStatus, expiresAt: string, challenge: { id: string, status: ChallengeStatus } }> } };

export type RevokeChallengeInvitationMutationVariables = Exact<{
  input: RevokeChallengeInvitationInput;
}>;


export type RevokeChallengeInvitationMutation = { revokeChallengeInvitation: { invitation: { id: string, email: string, status: ChallengeInvitationStatus } } };

export type ViewerChallengeInvitationsQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerChallengeInvitationsQuery = { viewer: { id: string, challengeInvitations: Array<{ id: string, role: ChallengeInvitationRole, status: ChallengeInvitationStatus, expiresAt: string, createdAt: string, challenge: { id: string, title: string, summary: string, visibility: ChallengeVisibility, status: ChallengeStatus, submissionDeadline: string, judgingDeadline: string, organization: { id: string, name: string } } }> } | null };

export type RespondToChallengeInvitationMutationVariables = Exact<{
  input: RespondToChallengeInvitationInput;
}>;


export type RespondToChallengeInvitationMutation = { respondToChallengeInvitation: { invitation: { id: string, status: ChallengeInvitationStatus, role: ChallengeInvitationRole }, challenge: { id: string, status: ChallengeStatus, viewerRoles: Array<ChallengeRole> } } };

export type ScoringQueryVariables = Exact<{
  challengeId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  unscoredOnly?: boolean | null | undefined;
}>;


export type ScoringQuery = { challenge: { id: string, title: string, status: ChallengeStatus, round: number, judgingClosed: boolean, judgingDeadline: string, viewerRoles: Array<ChallengeRole>, rubric: { criteria: Array<{ key: string, label: string, description: string, weightPercent: number }> }, finalists: Array<{ id: string }>, allToScore: { totalCount: number }, unscored: { totalCount: number }, submissions: { edges: Array<{ node: { id: string, title: string, body: string, version: number, submittedAt: string, finalist: boolean | null, attachments: Array<{ id: string, fileName: string, contentType: string, byteSize: number, status: AttachmentStatus, downloadUrl: string | null, previewUrl: string | null }>, viewerScoreCard: { id: string, weightedTotal: string, comment: string | null, scores: Array<{ criterionKey: string, value: string }> } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type ScoreSubmissionMutationVariables = Exact<{
  input: ScoreSubmissionInput;
}>;


export type ScoreSubmissionMutation = { scoreSubmission: { scoreCard: { id: string, round: number, weightedTotal: string, comment: string | null, scores: Array<{ criterionKey: string, value: string }>, submission: { id: string } } } };

export type JudgingBoardQueryVariables = Exact<{
  challengeId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type JudgingBoardQuery = { challenge: { id: string, status: ChallengeStatus, title: string, currency: string, round: number, judgingClosed: boolean, judgingDeadline: string, finalRoundDeadline: string | null, guaranteed: boolean, viewerRoles: Array<ChallengeRole>, prizes: Array<{ rank: number, label: string, quantity: number, awardedCount: number, amount: { amountMinor: string, currency: string } }>, finalists: Array<{ id: string }>, allSubmissions: { totalCount: number }, judging: { round: number, judgeCount: number, agreement: number | null, judges: Array<{ scoredCount: number, user: { id: string, displayName: string } }>, ranking: { totalCount: number, edges: Array<{ cursor: string, node: { rank: number, meanWeightedTotal: string, scoreCardCount: number, submission: { id: string, title: string, finalist: boolean | null } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null } };

export type JudgingRankingQueryVariables = Exact<{
  challengeId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type JudgingRankingQuery = { challenge: { id: string, judging: { ranking: { edges: Array<{ node: { rank: number, submission: { id: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null } };

export type AdvanceToFinalRoundMutationVariables = Exact<{
  input: AdvanceToFinalRoundInput;
}>;


export type AdvanceToFinalRoundMutation = { advanceToFinalRound: { challenge: { id: string, status: ChallengeStatus, round: number, finalRoundDeadline: string | null, finalists: Array<{ id: string }> } } };

export type ChallengePrizeRulesQueryVariables = Exact<{
  id: string | number;
}>;


export type ChallengePrizeRulesQuery = { challenge: { id: string, guaranteed: boolean, judgingDeadline: string, prizes: Array<{ rank: number, label: string, quantity: number, awardedCount: number, amount: { amountMinor: string, currency: string }, awards: Array<{ id: string, submission: { id: string } | null }> }> } };

export type AwardPrizesMutationVariables = Exact<{
  input: AwardPrizesInput;
}>;


export type AwardPrizesMutation = { awardPrizes: { awardedCount: number, awards: Array<{ id: string, prizeRank: number, submission: { id: string } | null }> } };

export type ViewerFeedbackQueryVariables = Exact<{
  challengeId: string | number;
}>;


export type ViewerFeedbackQuery = { challenge: { id: string, status: ChallengeStatus, viewerSubmissions: Array<{ id: string, feedback: { rank: number | null, outOf: number, meanWeightedTotal: string | null, comments: Array<string>, criteria: Array<{ criterionKey: string, label: string, meanValue: string }> } | null }> } };

export type MySubmissionsFeedbackQueryVariables = Exact<{ [key: string]: never; }>;


export type MySubmissionsFeedbackQuery = { viewer: { id: string, submissions: { edges: Array<{ node: { id: string, title: string, challenge: { id: string, title: string, status: ChallengeStatus }, feedback: { rank: number | null, outOf: number, meanWeightedTotal: string | null, comments: Array<string>, criteria: Array<{ criterionKey: string, label: string, meanValue: string }> } | null } }> } } | null };

export type GalleryPageQueryVariables = Exact<{
  challengeId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  orderBy?: GalleryOrder | null | undefined;
}>;


export type GalleryPageQuery = { challenge: { id: string, title: string, status: ChallengeStatus, round: number, submissionDeadline: string, submissionVisibility: SubmissionVisibility, organization: { id: string, name: string, viewerRole: OrganizationRole | null }, voting: { startsAt: string, endsAt: string, isOpen: boolean, viewerVotesLeft: number | null } | null, viewerSubmissions: Array<{ id: string }>, viewerTeam: { id: string, submission: { id: string } | null } | null, gallery: { edges: Array<{ node: { id: string, title: string, voteCount: number, viewerHasVoted: boolean | null, author: { id: string, displayName: string }, attachments: Array<{ id: string, fileName: string, contentType: string, previewUrl: string | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type GalleryEntryQueryVariables = Exact<{
  submissionId: string | number;
}>;


export type GalleryEntryQuery = { submission: { id: string, title: string, body: string, voteCount: number, viewerHasVoted: boolean | null, firstSubmittedAt: string, author: { id: string, displayName: string }, attachments: Array<{ id: string, fileName: string, contentType: string, byteSize: number, previewUrl: string | null, downloadUrl: string | null }>, challenge: { id: string, title: string, status: ChallengeStatus, round: number, submissionDeadline: string, submissionVisibility: SubmissionVisibility, organization: { id: string, viewerRole: OrganizationRole | null }, voting: { startsAt: string, endsAt: string, isOpen: boolean, viewerVotesLeft: number | null } | null, viewerSubmissions: Array<{ id: string }>, viewerTeam: { id: string, submission: { id: string } | null } | null } } | null };

export type CastVoteMutationVariables = Exact<{
  input: CastVoteInput;
}>;


export type CastVoteMutation = { castVote: { vote: { id: string }, submission: { id: string, voteCount: number } } };

export type WithdrawVoteMutationVariables = Exact<{
  input: WithdrawVoteInput;
}>;


export type WithdrawVoteMutation = { withdrawVote: { submission: { id: string, voteCount: number } } };

export type CommunityVotesQueryVariables = Exact<{
  challengeId: string | number;
  top?: number | null | undefined;
}>;


export type CommunityVotesQuery = { challenge: { id: string, submissionVisibility: SubmissionVisibility, voting: { startsAt: string, endsAt: string, isOpen: boolean } | null, prizes: Array<{ rank: number, label: string, quantity: number, awardedCount: number, communityChoice: boolean, amount: { amountMinor: string, currency: string }, award: { id: string } | null }>, topVoted: { edges: Array<{ node: { id: string, title: string, voteCount: number, author: { id: string, displayName: string } } }> }, flaggedVotes: { edges: Array<{ node: { id: string, reason: VoteFlagReason, createdAt: string, voter: { id: string, displayName: string }, submission: { id: string, title: string } | null } }>, pageInfo: { hasNextPage: boolean } } | null } };

export type ChallengeCardFieldsFragment = { id: string, title: string, summary: string, type: ChallengeType, status: ChallengeStatus, submissionDeadline: string, submissionCount: number, totalPrize: { amountMinor: string, currency: string }, organization: { id: string, name: string, viewerRole: OrganizationRole | null } };

export type ChallengeBrandQueryVariables = Exact<{
  id: string | number;
}>;


export type ChallengeBrandQuery = { challenge: { id: string, organization: { id: string, brandColor: string | null } } };

export type UpdateOrganizationMutationVariables = Exact<{
  input: UpdateOrganizationInput;
}>;


export type UpdateOrganizationMutation = { updateOrganization: { organization: { id: string, name: string, slug: string | null, about: string | null, websiteUrl: string | null, brandColor: string | null, logoUrl: string | null } } };

export type OrganizationBrandingQueryVariables = Exact<{
  id: string | number;
}>;


export type OrganizationBrandingQuery = { organization: { id: string, name: string, viewerRole: OrganizationRole | null, slug: string | null, about: string | null, websiteUrl: string | null, brandColor: string | null, logoUrl: string | null } };

export type OrganizationPageQueryVariables = Exact<{
  slug: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OrganizationPageQuery = { organizationBySlug: { id: string, name: string, about: string | null, websiteUrl: string | null, brandColor: string | null, logoUrl: string | null, challenges: { edges: Array<{ node: { id: string, title: string, summary: string, type: ChallengeType, status: ChallengeStatus, submissionDeadline: string, submissionCount: number, totalPrize: { amountMinor: string, currency: string }, organization: { id: string, name: string, viewerRole: OrganizationRole | null } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type SolverProfileQueryVariables = Exact<{
  id: string | number;
}>;


export type SolverProfileQuery = { user: { id: string, displayName: string, bio: string, skills: Array<string>, school: string | null, country: string | null, reputation: { score: number, prizesWon: number, finalistPlaces: number, submissions: number, totalsWon: Array<{ amountMinor: string, currency: string }> } | null } | null };

export type LeaderboardQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  skill?: string | null | undefined;
}>;


export type LeaderboardQuery = { leaderboard: { edges: Array<{ node: { rank: number, user: { id: string, displayName: string }, reputation: { score: number, prizesWon: number } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RecommendedChallengesQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type RecommendedChallengesQuery = { viewer: { id: string, recommendedChallenges: { edges: Array<{ node: { id: string, title: string, summary: string, type: ChallengeType, status: ChallengeStatus, submissionDeadline: string, submissionCount: number, totalPrize: { amountMinor: string, currency: string }, organization: { id: string, name: string, viewerRole: OrganizationRole | null } } }> } | null } | null };

export type ViewerNotificationsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ViewerNotificationsQuery = { viewer: { id: string, unreadNotificationCount: number, notifications: { edges: Array<{ node: { id: string, kind: NotificationKind, title: string, body: string, link: string, createdAt: string, readAt: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type MarkNotificationsReadMutationVariables = Exact<{
  input: MarkNotificationsReadInput;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: { unreadNotificationCount: number } };

export type NotificationPreferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationPreferencesQuery = { viewer: { id: string, notificationPreferences: { mailKinds: Array<NotificationKind> } } | null };

export type UpdateNotificationPreferencesMutationVariables = Exact<{
  input: UpdateNotificationPreferencesInput;
}>;


export type UpdateNotificationPreferencesMutation = { updateNotificationPreferences: { mailKinds: Array<NotificationKind> } };

export type OrganizationDevelopersQueryVariables = Exact<{
  id: string | number;
}>;


export type OrganizationDevelopersQuery = { organization: { id: string, name: string, viewerRole: OrganizationRole | null } };

export type OrganizationApiKeysQueryVariables = Exact<{
  id: string | number;
}>;


export type OrganizationApiKeysQuery = { organization: { id: string, apiKeys: Array<{ id: string, name: string, scopes: Array<ApiScope>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }> } };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { secret: string, apiKey: { id: string, name: string, scopes: Array<ApiScope>, createdAt: string, lastUsedAt: string | null } } };

export type RevokeApiKeyMutationVariables = Exact<{
  input: RevokeApiKeyInput;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { apiKey: { id: string, revokedAt: string | null } } };

export type OrganizationWebhookEndpointsQueryVariables = Exact<{
  id: string | number;
}>;


export type OrganizationWebhookEndpointsQuery = { organization: { id: string, webhookEndpoints: Array<{ id: string, url: string, events: Array<WebhookEventType>, createdAt: string }> | null } };

export type CreateWebhookEndpointMutationVariables = Exact<{
  input: CreateWebhookEndpointInput;
}>;


export type CreateWebhookEndpointMutation = { createWebhookEndpoint: { signingSecret: string, endpoint: { id: string, url: string, events: Array<WebhookEventType>, createdAt: string } } };

export type DeleteWebhookEndpointMutationVariables = Exact<{
  input: DeleteWebhookEndpointInput;
}>;


export type DeleteWebhookEndpointMutation = { deleteWebhookEndpoint: { endpoint: { id: string, deletedAt: string | null } } };

export type WebhookEndpointDeliveriesQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WebhookEndpointDeliveriesQuery = { webhookEndpoint: { id: string, organizationId: string, url: string, events: Array<WebhookEventType>, createdAt: string, deletedAt: string | null, deliveries: { edges: Array<{ node: { id: string, eventId: string, eventType: WebhookEventType, status: WebhookDeliveryStatus, attemptCount: number, lastStatusCode: number | null, lastError: string | null, deliveredAt: string | null, nextAttemptAt: string | null, createdAt: string, attempts: Array<{ number: number, startedAt: string, durationMs: number | null, statusCode: number | null, error: string | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type RedeliverWebhookMutationVariables = Exact<{
  input: RedeliverWebhookInput;
}>;


export type RedeliverWebhookMutation = { redeliverWebhook: { delivery: { id: string, status: WebhookDeliveryStatus, attemptCount: number } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const FeedbackFieldsFragmentDoc = new TypedDocumentString(`
    fragment FeedbackFields on SubmissionFeedback {
  rank
  outOf
  meanWeightedTotal
  criteria {
    criterionKey
    label
    meanValue
  }
  comments
}
    `, {"fragmentName":"FeedbackFields"}) as unknown as TypedDocumentString<FeedbackFieldsFragment, unknown>;
export const AttachmentFieldsFragmentDoc = new TypedDocumentString(`
    fragment AttachmentFields on Attachment {
  id
  fileName
  contentType
  byteSize
  status
  downloadUrl
  previewUrl
}
    `, {"fragmentName":"AttachmentFields"}) as unknown as TypedDocumentString<AttachmentFieldsFragment, unknown>;
export const TeamFieldsFragmentDoc = new TypedDocumentString(`
    fragment TeamFields on Team {
  id
  name
  createdAt
  members {
    shareBasisPoints
    joinedAt
    user {
      id
      displayName
    }
  }
  split {
    version
    status
    equal
    shares {
      basisPoints
      agreedAt
      user {
        id
        displayName
      }
    }
  }
  submission {
    id
    title
    body
    version
    submittedAt
    status
  }
  invitations {
    id
    email
    invitedAt
    expiresAt
  }
}
    `, {"fragmentName":"TeamFields"}) as unknown as TypedDocumentString<TeamFieldsFragment, unknown>;
export const ChallengeCardFieldsFragmentDoc = new TypedDocumentString(`
    fragment ChallengeCardFields on Challenge {
  id
  title
  summary
  type
  status
  submissionDeadline
  totalPrize {
    amountMinor
    currency
  }
  organization {
    id
    name
    viewerRole
  }
  submissionCount
}
    `, {"fragmentName":"ChallengeCardFields"}) as unknown as TypedDocumentString<ChallengeCardFieldsFragment, unknown>;
export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    token
    refreshToken
    expiresAt
    viewer {
      id
      email
      displayName
    }
  }
}
    `) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const LogInDocument = new TypedDocumentString(`
    mutation LogIn($input: LogInInput!) {
  logIn(input: $input) {
    token
    refreshToken
    expiresAt
    viewer {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<LogInMutation, LogInMutationVariables>;
export const RefreshSessionDocument = new TypedDocumentString(`
    mutation RefreshSession($input: RefreshSessionInput!) {
  refreshSession(input: $input) {
    token
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const LogOutDocument = new TypedDocumentString(`
    mutation LogOut($input: LogOutInput!) {
  logOut(input: $input) {
    loggedOut
  }
}
    `) as unknown as TypedDocumentString<LogOutMutation, LogOutMutationVariables>;
export const RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
  requestPasswordReset(input: $input) {
    accepted
  }
}
    `) as unknown as TypedDocumentString<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($input: ResetPasswordInput!) {
  resetPassword(input: $input) {
    token
    refreshToken
    expiresAt
    viewer {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    id
    email
    displayName
    bio
    skills
    school
    country
    publicProfile
    unreadNotificationCount
    organizations {
      id
      name
      viewerRole
      slug
    }
    organizationInvitations {
      id
      role
      invitedAt
      expiresAt
      organization {
        id
        name
      }
    }
    teamInvitations {
      id
    }
    challengeInvitations {
      id
      role
      status
    }
    payoutAccount {
      status
      requirementsDue
    }
    submissions(first: 50) {
      edges {
        node {
          id
          title
          status
          version
          submittedAt
          challenge {
            id
            title
            status
          }
        }
      }
    }
    payouts(first: 50) {
      edges {
        node {
          id
          status
          failureReason
          paidAt
          amount {
            amountMinor
            currency
          }
          award {
            id
            awardedAt
            prize {
              label
            }
            submission {
              id
              team {
                id
                name
              }
            }
            challenge {
              id
              title
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const UpdateProfileDocument = new TypedDocumentString(`
    mutation UpdateProfile($input: UpdateProfileInput!) {
  updateProfile(input: $input) {
    viewer {
      id
      displayName
      bio
      skills
      school
      country
      publicProfile
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateProfileMutation, UpdateProfileMutationVariables>;
export const CreateOrganizationDocument = new TypedDocumentString(`
    mutation CreateOrganization($input: CreateOrganizationInput!) {
  createOrganization(input: $input) {
    organization {
      id
      name
      viewerRole
    }
  }
}
    `) as unknown as TypedDocumentString<CreateOrganizationMutation, CreateOrganizationMutationVariables>;
export const CreateChallengeDocument = new TypedDocumentString(`
    mutation CreateChallenge($input: CreateChallengeInput!) {
  createChallenge(input: $input) {
    challenge {
      id
      status
      totalPrize {
        amountMinor
        currency
      }
      prizes {
        rank
        label
        amount {
          amountMinor
          currency
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CreateChallengeMutation, CreateChallengeMutationVariables>;
export const UpdateChallengeDocument = new TypedDocumentString(`
    mutation UpdateChallenge($input: UpdateChallengeInput!) {
  updateChallenge(input: $input) {
    challenge {
      id
      status
      title
      summary
      description
      terms
      type
      visibility
      submissionDeadline
      guaranteed
      judgingDeadline
      submissionVisibility
      votingWindow {
        startsAt
        endsAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateChallengeMutation, UpdateChallengeMutationVariables>;
export const FundChallengeDocument = new TypedDocumentString(`
    mutation FundChallenge($challengeId: ID!) {
  fundChallenge(challengeId: $challengeId) {
    funding {
      id
      status
      paymentIntentId
      clientSecret
      amount {
        amountMinor
        currency
      }
      platformFee {
        amountMinor
        currency
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FundChallengeMutation, FundChallengeMutationVariables>;
export const PublishChallengeDocument = new TypedDocumentString(`
    mutation PublishChallenge($challengeId: ID!) {
  publishChallenge(challengeId: $challengeId) {
    challenge {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<PublishChallengeMutation, PublishChallengeMutationVariables>;
export const CloseSubmissionsDocument = new TypedDocumentString(`
    mutation CloseSubmissions($challengeId: ID!) {
  closeSubmissions(challengeId: $challengeId) {
    challenge {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<CloseSubmissionsMutation, CloseSubmissionsMutationVariables>;
export const FinishJudgingDocument = new TypedDocumentString(`
    mutation FinishJudging($challengeId: ID!) {
  finishJudging(challengeId: $challengeId) {
    challenge {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<FinishJudgingMutation, FinishJudgingMutationVariables>;
export const CancelChallengeDocument = new TypedDocumentString(`
    mutation CancelChallenge($challengeId: ID!) {
  cancelChallenge(challengeId: $challengeId) {
    challenge {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<CancelChallengeMutation, CancelChallengeMutationVariables>;
export const BrowseChallengesDocument = new TypedDocumentString(`
    query BrowseChallenges($first: Int, $after: String, $filter: ChallengeFilter, $sort: ChallengeSort) {
  challenges(first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount
    pageCursors
    edges {
      cursor
      node {
        id
        title
        summary
        type
        status
        submissionDeadline
        totalPrize {
          amountMinor
          currency
        }
        organization {
          id
          name
          viewerRole
        }
        submissionCount
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
  challengeCurrencies
}
    `) as unknown as TypedDocumentString<BrowseChallengesQuery, BrowseChallengesQueryVariables>;
export const ChallengeDetailDocument = new TypedDocumentString(`
    query ChallengeDetail($id: ID!, $questionsAfter: String) {
  challenge(id: $id) {
    id
    title
    summary
    description
    terms
    type
    status
    visibility
    submissionDeadline
    currency
    createdAt
    publishedAt
    organization {
      id
      name
      viewerRole
      createdAt
      slug
    }
    totalPrize {
      amountMinor
      currency
    }
    funding {
      id
      status
      failureReason
      amount {
        amountMinor
        currency
      }
      platformFee {
        amountMinor
        currency
      }
    }
    fundingQuote {
      prizePool {
        amountMinor
        currency
      }
      platformFee {
        amountMinor
        currency
      }
      total {
        amountMinor
        currency
      }
    }
    prizes {
      rank
      label
      quantity
      awardedCount
      communityChoice
      amount {
        amountMinor
        currency
      }
      award {
        id
        awardedAt
        submission {
          id
          title
        }
        payouts {
          status
          amount {
            amountMinor
            currency
          }
        }
      }
    }
    submissionCount
    guaranteed
    judgingDeadline
    judgingClosed
    round
    finalRoundDeadline
    viewerRoles
    submissionVisibility
    votingWindow {
      startsAt
      endsAt
    }
    voting {
      startsAt
      endsAt
      isOpen
    }
    finalists {
      id
    }
    rubric {
      isDefault
      criteria {
        key
        label
        description
        weightPercent
      }
    }
    invitations {
      id
      email
      role
      status
      expiresAt
      createdAt
    }
    viewerSubmissions {
      id
      title
      body
      status
      version
      submittedAt
      attachments {
        ...AttachmentFields
      }
      feedback {
        ...FeedbackFields
      }
    }
    viewerHasAcceptedTerms
    questions(first: 20, after: $questionsAfter) {
      edges {
        node {
          id
          question
          answer
          answeredAt
          published
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    viewerQuestions {
      id
      question
      answer
      askedAt
      published
    }
    viewerTeam {
      ...TeamFields
      submission {
        id
        attachments {
          ...AttachmentFields
        }
        feedback {
          ...FeedbackFields
        }
      }
    }
  }
}
    fragment FeedbackFields on SubmissionFeedback {
  rank
  outOf
  meanWeightedTotal
  criteria {
    criterionKey
    label
    meanValue
  }
  comments
}
fragment AttachmentFields on Attachment {
  id
  fileName
  contentType
  byteSize
  status
  downloadUrl
  previewUrl
}
fragment TeamFields on Team {
  id
  name
  createdAt
  members {
    shareBasisPoints
    joinedAt
    user {
      id
      displayName
    }
  }
  split {
    version
    status
    equal
    shares {
      basisPoints
      agreedAt
      user {
        id
        displayName
      }
    }
  }
  submission {
    id
    title
    body
    version
    submittedAt
    status
  }
  invitations {
    id
    email
    invitedAt
    expiresAt
  }
}`) as unknown as TypedDocumentString<ChallengeDetailQuery, ChallengeDetailQueryVariables>;
export const ChallengeReviewDocument = new TypedDocumentString(`
    query ChallengeReview($challengeId: ID!, $first: Int, $after: String, $shortlistedOnly: Boolean) {
  challenge(id: $challengeId) {
    id
    title
    status
    currency
    submissionDeadline
    submissionVisibility
    votingWindow {
      startsAt
      endsAt
    }
    organization {
      id
      name
      viewerRole
    }
    totalPrize {
      amountMinor
      currency
    }
    prizes {
      rank
      label
      quantity
      awardedCount
      amount {
        amountMinor
        currency
      }
      award {
        id
        submission {
          id
          title
        }
        payouts {
          id
          status
          amount {
            amountMinor
            currency
          }
        }
      }
    }
    funding {
      id
      status
    }
    escrow {
      funded {
        amountMinor
        currency
      }
      platformFee {
        amountMinor
        currency
      }
      awarded {
        amountMinor
        currency
      }
      paid {
        amountMinor
        currency
      }
      refunded {
        amountMinor
        currency
      }
      heldForWinners {
        amountMinor
        currency
      }
      inEscrow {
        amountMinor
        currency
      }
    }
    allSubmissions: submissions(first: 1) {
      totalCount
    }
    shortlist: submissions(first: 1, shortlistedOnly: true) {
      totalCount
    }
    submissions(first: $first, after: $after, shortlistedOnly: $shortlistedOnly) {
      edges {
        node {
          id
          title
          body
          version
          submittedAt
          shortlisted
          author {
            id
            displayName
          }
          team {
            id
            name
            members {
              user {
                id
                displayName
              }
            }
          }
          attachments {
            ...AttachmentFields
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    questions(first: 20) {
      edges {
        node {
          id
          question
          answer
          askedAt
          answeredAt
          published
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    fragment AttachmentFields on Attachment {
  id
  fileName
  contentType
  byteSize
  status
  downloadUrl
  previewUrl
}`) as unknown as TypedDocumentString<ChallengeReviewQuery, ChallengeReviewQueryVariables>;
export const FundingReceiptDocument = new TypedDocumentString(`
    query FundingReceipt($fundingId: ID!) {
  fundingReceipt(fundingId: $fundingId) {
    fundingId
    status
    paidAt
    paymentIntentId
    cardBrand
    cardLast4
    challenge {
      id
      title
      organization {
        id
        name
      }
    }
    prizePool {
      amountMinor
      currency
    }
    platformFee {
      amountMinor
      currency
    }
    total {
      amountMinor
      currency
    }
    ledger {
      charged {
        amountMinor
        currency
      }
      escrowed {
        amountMinor
        currency
      }
      platformFee {
        amountMinor
        currency
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FundingReceiptQuery, FundingReceiptQueryVariables>;
export const PayoutReceiptDocument = new TypedDocumentString(`
    query PayoutReceipt($payoutId: ID!) {
  payoutReceipt(payoutId: $payoutId) {
    payoutId
    status
    paidAt
    transferId
    amount {
      amountMinor
      currency
    }
    award {
      awardedAt
      prize {
        label
      }
      challenge {
        id
        title
      }
    }
    ledger {
      transferred {
        amountMinor
        currency
      }
      reversed {
        amountMinor
        currency
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PayoutReceiptQuery, PayoutReceiptQueryVariables>;
export const ShortlistSubmissionDocument = new TypedDocumentString(`
    mutation ShortlistSubmission($input: ShortlistSubmissionInput!) {
  shortlistSubmission(input: $input) {
    submission {
      id
      shortlisted
    }
  }
}
    `) as unknown as TypedDocumentString<ShortlistSubmissionMutation, ShortlistSubmissionMutationVariables>;
export const CreateAttachmentUploadDocument = new TypedDocumentString(`
    mutation CreateAttachmentUpload($input: CreateAttachmentUploadInput!) {
  createAttachmentUpload(input: $input) {
    attachment {
      id
    }
    uploadUrl
    uploadHeaders {
      name
      value
    }
  }
}
    `) as unknown as TypedDocumentString<CreateAttachmentUploadMutation, CreateAttachmentUploadMutationVariables>;
export const AttachmentStatusDocument = new TypedDocumentString(`
    query AttachmentStatus($id: ID!) {
  attachment(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<AttachmentStatusQuery, AttachmentStatusQueryVariables>;
export const MySubmissionFilesDocument = new TypedDocumentString(`
    query MySubmissionFiles {
  viewer {
    id
    submissions(first: 50) {
      edges {
        node {
          id
          attachments {
            ...AttachmentFields
          }
        }
      }
    }
  }
}
    fragment AttachmentFields on Attachment {
  id
  fileName
  contentType
  byteSize
  status
  downloadUrl
  previewUrl
}`) as unknown as TypedDocumentString<MySubmissionFilesQuery, MySubmissionFilesQueryVariables>;
export const SubmitSolutionDocument = new TypedDocumentString(`
    mutation SubmitSolution($input: SubmitSolutionInput!) {
  submitSolution(input: $input) {
    submission {
      id
      status
      version
      challenge {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SubmitSolutionMutation, SubmitSolutionMutationVariables>;
export const AcceptChallengeTermsDocument = new TypedDocumentString(`
    mutation AcceptChallengeTerms($input: AcceptChallengeTermsInput!) {
  acceptChallengeTerms(input: $input) {
    challenge {
      id
      viewerHasAcceptedTerms
    }
  }
}
    `) as unknown as TypedDocumentString<AcceptChallengeTermsMutation, AcceptChallengeTermsMutationVariables>;
export const StartPayoutOnboardingDocument = new TypedDocumentString(`
    mutation StartPayoutOnboarding($input: StartPayoutOnboardingInput!) {
  startPayoutOnboarding(input: $input) {
    onboardingUrl
    payoutAccount {
      status
      requirementsDue
    }
  }
}
    `) as unknown as TypedDocumentString<StartPayoutOnboardingMutation, StartPayoutOnboardingMutationVariables>;
export const AwardPrizeDocument = new TypedDocumentString(`
    mutation AwardPrize($input: AwardPrizeInput!) {
  awardPrize(input: $input) {
    award {
      id
      prizeRank
      submission {
        id
      }
      payouts {
        id
        status
        amount {
          amountMinor
          currency
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AwardPrizeMutation, AwardPrizeMutationVariables>;
export const OrganizationDocument = new TypedDocumentString(`
    query Organization($id: ID!) {
  organization(id: $id) {
    id
    name
    createdAt
    viewerRole
    members {
      role
      user {
        id
        displayName
      }
    }
    invitations {
      id
      email
      role
      invitedAt
      expiresAt
      user {
        id
        displayName
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizationQuery, OrganizationQueryVariables>;
export const AddOrganizationMemberDocument = new TypedDocumentString(`
    mutation AddOrganizationMember($input: AddOrganizationMemberInput!) {
  addOrganizationMember(input: $input) {
    organization {
      id
      viewerRole
    }
    member {
      role
      user {
        id
      }
    }
    invitation {
      id
      role
    }
  }
}
    `) as unknown as TypedDocumentString<AddOrganizationMemberMutation, AddOrganizationMemberMutationVariables>;
export const InviteOrganizationMemberDocument = new TypedDocumentString(`
    mutation InviteOrganizationMember($input: InviteOrganizationMemberInput!) {
  inviteOrganizationMember(input: $input) {
    organization {
      id
    }
    invitation {
      id
      email
      role
      expiresAt
    }
  }
}
    `) as unknown as TypedDocumentString<InviteOrganizationMemberMutation, InviteOrganizationMemberMutationVariables>;
export const RespondToOrganizationInvitationDocument = new TypedDocumentString(`
    mutation RespondToOrganizationInvitation($input: RespondToOrganizationInvitationInput!) {
  respondToOrganizationInvitation(input: $input) {
    organization {
      id
      name
      viewerRole
    }
    member {
      role
    }
  }
}
    `) as unknown as TypedDocumentString<RespondToOrganizationInvitationMutation, RespondToOrganizationInvitationMutationVariables>;
export const AskChallengeQuestionDocument = new TypedDocumentString(`
    mutation AskChallengeQuestion($input: AskChallengeQuestionInput!) {
  askChallengeQuestion(input: $input) {
    question {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AskChallengeQuestionMutation, AskChallengeQuestionMutationVariables>;
export const AnswerChallengeQuestionDocument = new TypedDocumentString(`
    mutation AnswerChallengeQuestion($input: AnswerChallengeQuestionInput!) {
  answerChallengeQuestion(input: $input) {
    question {
      id
      answer
      published
    }
  }
}
    `) as unknown as TypedDocumentString<AnswerChallengeQuestionMutation, AnswerChallengeQuestionMutationVariables>;
export const ChallengeCurrenciesDocument = new TypedDocumentString(`
    query ChallengeCurrencies {
  challengeCurrencies
}
    `) as unknown as TypedDocumentString<ChallengeCurrenciesQuery, ChallengeCurrenciesQueryVariables>;
export const ChallengeTeamDocument = new TypedDocumentString(`
    query ChallengeTeam($id: ID!) {
  challenge(id: $id) {
    id
    title
    status
    currency
    submissionDeadline
    organization {
      id
      viewerRole
    }
    prizes {
      rank
      label
      amount {
        amountMinor
        currency
      }
    }
    viewerSubmissions {
      id
    }
    viewerHasAcceptedTerms
    terms
    viewerTeam {
      ...TeamFields
    }
  }
}
    fragment TeamFields on Team {
  id
  name
  createdAt
  members {
    shareBasisPoints
    joinedAt
    user {
      id
      displayName
    }
  }
  split {
    version
    status
    equal
    shares {
      basisPoints
      agreedAt
      user {
        id
        displayName
      }
    }
  }
  submission {
    id
    title
    body
    version
    submittedAt
    status
  }
  invitations {
    id
    email
    invitedAt
    expiresAt
  }
}`) as unknown as TypedDocumentString<ChallengeTeamQuery, ChallengeTeamQueryVariables>;
export const TeamInvitationsDocument = new TypedDocumentString(`
    query TeamInvitations {
  viewer {
    id
    teamInvitations {
      id
      email
      status
      invitedAt
      expiresAt
      invitedBy {
        id
        displayName
      }
      team {
        id
        name
        members {
          user {
            id
            displayName
          }
        }
        challenge {
          id
          title
          status
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TeamInvitationsQuery, TeamInvitationsQueryVariables>;
export const CreateTeamDocument = new TypedDocumentString(`
    mutation CreateTeam($input: CreateTeamInput!) {
  createTeam(input: $input) {
    team {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CreateTeamMutation, CreateTeamMutationVariables>;
export const InviteTeamMemberDocument = new TypedDocumentString(`
    mutation InviteTeamMember($input: InviteTeamMemberInput!) {
  inviteTeamMember(input: $input) {
    invitation {
      id
      email
      expiresAt
    }
  }
}
    `) as unknown as TypedDocumentString<InviteTeamMemberMutation, InviteTeamMemberMutationVariables>;
export const RespondToTeamInvitationDocument = new TypedDocumentString(`
    mutation RespondToTeamInvitation($input: RespondToTeamInvitationInput!) {
  respondToTeamInvitation(input: $input) {
    invitation {
      id
      status
    }
    team {
      id
      challenge {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RespondToTeamInvitationMutation, RespondToTeamInvitationMutationVariables>;
export const ProposePrizeSplitDocument = new TypedDocumentString(`
    mutation ProposePrizeSplit($input: ProposePrizeSplitInput!) {
  proposePrizeSplit(input: $input) {
    team {
      id
      split {
        version
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProposePrizeSplitMutation, ProposePrizeSplitMutationVariables>;
export const ProposeEqualPrizeSplitDocument = new TypedDocumentString(`
    mutation ProposeEqualPrizeSplit($input: ProposeEqualPrizeSplitInput!) {
  proposeEqualPrizeSplit(input: $input) {
    team {
      id
      split {
        version
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProposeEqualPrizeSplitMutation, ProposeEqualPrizeSplitMutationVariables>;
export const AgreeToPrizeSplitDocument = new TypedDocumentString(`
    mutation AgreeToPrizeSplit($input: AgreeToPrizeSplitInput!) {
  agreeToPrizeSplit(input: $input) {
    team {
      id
      split {
        version
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AgreeToPrizeSplitMutation, AgreeToPrizeSplitMutationVariables>;
export const LeaveTeamDocument = new TypedDocumentString(`
    mutation LeaveTeam($input: LeaveTeamInput!) {
  leaveTeam(input: $input) {
    teamId
    dissolved
  }
}
    `) as unknown as TypedDocumentString<LeaveTeamMutation, LeaveTeamMutationVariables>;
export const SetJudgingRubricDocument = new TypedDocumentString(`
    mutation SetJudgingRubric($input: SetJudgingRubricInput!) {
  setJudgingRubric(input: $input) {
    challenge {
      id
      rubric {
        isDefault
        criteria {
          key
          label
          description
          weightPercent
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SetJudgingRubricMutation, SetJudgingRubricMutationVariables>;
export const InviteToChallengeDocument = new TypedDocumentString(`
    mutation InviteToChallenge($input: InviteToChallengeInput!) {
  inviteToChallenge(input: $input) {
    invitations {
      id
      email
      role
      status
      expiresAt
      challenge {
        id
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InviteToChallengeMutation, InviteToChallengeMutationVariables>;
export const RevokeChallengeInvitationDocument = new TypedDocumentString(`
    mutation RevokeChallengeInvitation($input: RevokeChallengeInvitationInput!) {
  revokeChallengeInvitation(input: $input) {
    invitation {
      id
      email
      status
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeChallengeInvitationMutation, RevokeChallengeInvitationMutationVariables>;
export const ViewerChallengeInvitationsDocument = new TypedDocumentString(`
    query ViewerChallengeInvitations {
  viewer {
    id
    challengeInvitations {
      id
      role
      status
      expiresAt
      createdAt
      challenge {
        id
        title
        summary
        visibility
        status
        submissionDeadline
        judgingDeadline
        organization {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerChallengeInvitationsQuery, ViewerChallengeInvitationsQueryVariables>;
export const RespondToChallengeInvitationDocument = new TypedDocumentString(`
    mutation RespondToChallengeInvitation($input: RespondToChallengeInvitationInput!) {
  respondToChallengeInvitation(input: $input) {
    invitation {
      id
      status
      role
    }
    challenge {
      id
      status
      viewerRoles
    }
  }
}
    `) as unknown as TypedDocumentString<RespondToChallengeInvitationMutation, RespondToChallengeInvitationMutationVariables>;
export const ScoringDocument = new TypedDocumentString(`
    query Scoring($challengeId: ID!, $first: Int, $after: String, $unscoredOnly: Boolean) {
  challenge(id: $challengeId) {
    id
    title
    status
    round
    judgingClosed
    judgingDeadline
    viewerRoles
    rubric {
      criteria {
        key
        label
        description
        weightPercent
      }
    }
    finalists {
      id
    }
    allToScore: submissions(first: 1) {
      totalCount
    }
    unscored: submissions(first: 1, unscoredByViewer: true) {
      totalCount
    }
    submissions(first: $first, after: $after, unscoredByViewer: $unscoredOnly) {
      edges {
        node {
          id
          title
          body
          version
          submittedAt
          finalist
          attachments {
            ...AttachmentFields
          }
          viewerScoreCard {
            id
            weightedTotal
            comment
            scores {
              criterionKey
              value
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    fragment AttachmentFields on Attachment {
  id
  fileName
  contentType
  byteSize
  status
  downloadUrl
  previewUrl
}`) as unknown as TypedDocumentString<ScoringQuery, ScoringQueryVariables>;
export const ScoreSubmissionDocument = new TypedDocumentString(`
    mutation ScoreSubmission($input: ScoreSubmissionInput!) {
  scoreSubmission(input: $input) {
    scoreCard {
      id
      round
      weightedTotal
      comment
      scores {
        criterionKey
        value
      }
      submission {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ScoreSubmissionMutation, ScoreSubmissionMutationVariables>;
export const JudgingBoardDocument = new TypedDocumentString(`
    query JudgingBoard($challengeId: ID!, $first: Int, $after: String) {
  challenge(id: $challengeId) {
    id
    status
    title
    currency
    round
    judgingClosed
    judgingDeadline
    finalRoundDeadline
    guaranteed
    viewerRoles
    prizes {
      rank
      label
      quantity
      awardedCount
      amount {
        amountMinor
        currency
      }
    }
    finalists {
      id
    }
    allSubmissions: submissions(first: 1) {
      totalCount
    }
    judging {
      round
      judgeCount
      agreement
      judges {
        user {
          id
          displayName
        }
        scoredCount
      }
      ranking(first: $first, after: $after) {
        edges {
          cursor
          node {
            rank
            meanWeightedTotal
            scoreCardCount
            submission {
              id
              title
              finalist
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
  }
}
    `) as unknown as TypedDocumentString<JudgingBoardQuery, JudgingBoardQueryVariables>;
export const JudgingRankingDocument = new TypedDocumentString(`
    query JudgingRanking($challengeId: ID!, $first: Int, $after: String) {
  challenge(id: $challengeId) {
    id
    judging {
      ranking(first: $first, after: $after) {
        edges {
          node {
            rank
            submission {
              id
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<JudgingRankingQuery, JudgingRankingQueryVariables>;
export const AdvanceToFinalRoundDocument = new TypedDocumentString(`
    mutation AdvanceToFinalRound($input: AdvanceToFinalRoundInput!) {
  advanceToFinalRound(input: $input) {
    challenge {
      id
      status
      round
      finalRoundDeadline
      finalists {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AdvanceToFinalRoundMutation, AdvanceToFinalRoundMutationVariables>;
export const ChallengePrizeRulesDocument = new TypedDocumentString(`
    query ChallengePrizeRules($id: ID!) {
  challenge(id: $id) {
    id
    guaranteed
    judgingDeadline
    prizes {
      rank
      label
      quantity
      awardedCount
      amount {
        amountMinor
        currency
      }
      awards {
        id
        submission {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ChallengePrizeRulesQuery, ChallengePrizeRulesQueryVariables>;
export const AwardPrizesDocument = new TypedDocumentString(`
    mutation AwardPrizes($input: AwardPrizesInput!) {
  awardPrizes(input: $input) {
    awards {
      id
      prizeRank
      submission {
        id
      }
    }
    awardedCount
  }
}
    `) as unknown as TypedDocumentString<AwardPrizesMutation, AwardPrizesMutationVariables>;
export const ViewerFeedbackDocument = new TypedDocumentString(`
    query ViewerFeedback($challengeId: ID!) {
  challenge(id: $challengeId) {
    id
    status
    viewerSubmissions {
      id
      feedback {
        rank
        outOf
        meanWeightedTotal
        criteria {
          criterionKey
          label
          meanValue
        }
        comments
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerFeedbackQuery, ViewerFeedbackQueryVariables>;
export const MySubmissionsFeedbackDocument = new TypedDocumentString(`
    query MySubmissionsFeedback {
  viewer {
    id
    submissions(first: 50) {
      edges {
        node {
          id
          title
          challenge {
            id
            title
            status
          }
          feedback {
            rank
            outOf
            meanWeightedTotal
            criteria {
              criterionKey
              label
              meanValue
            }
            comments
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MySubmissionsFeedbackQuery, MySubmissionsFeedbackQueryVariables>;
export const GalleryPageDocument = new TypedDocumentString(`
    query GalleryPage($challengeId: ID!, $first: Int, $after: String, $orderBy: GalleryOrder) {
  challenge(id: $challengeId) {
    id
    title
    status
    round
    submissionDeadline
    submissionVisibility
    organization {
      id
      name
      viewerRole
    }
    voting {
      startsAt
      endsAt
      isOpen
      viewerVotesLeft
    }
    viewerSubmissions {
      id
    }
    viewerTeam {
      id
      submission {
        id
      }
    }
    gallery(first: $first, after: $after, orderBy: $orderBy) {
      edges {
        node {
          id
          title
          voteCount
          viewerHasVoted
          author {
            id
            displayName
          }
          attachments {
            id
            fileName
            contentType
            previewUrl
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<GalleryPageQuery, GalleryPageQueryVariables>;
export const GalleryEntryDocument = new TypedDocumentString(`
    query GalleryEntry($submissionId: ID!) {
  submission(id: $submissionId) {
    id
    title
    body
    voteCount
    viewerHasVoted
    firstSubmittedAt
    author {
      id
      displayName
    }
    attachments {
      id
      fileName
      contentType
      byteSize
      previewUrl
      downloadUrl
    }
    challenge {
      id
      title
      status
      round
      submissionDeadline
      submissionVisibility
      organization {
        id
        viewerRole
      }
      voting {
        startsAt
        endsAt
        isOpen
        viewerVotesLeft
      }
      viewerSubmissions {
        id
      }
      viewerTeam {
        id
        submission {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<GalleryEntryQuery, GalleryEntryQueryVariables>;
export const CastVoteDocument = new TypedDocumentString(`
    mutation CastVote($input: CastVoteInput!) {
  castVote(input: $input) {
    vote {
      id
    }
    submission {
      id
      voteCount
    }
  }
}
    `) as unknown as TypedDocumentString<CastVoteMutation, CastVoteMutationVariables>;
export const WithdrawVoteDocument = new TypedDocumentString(`
    mutation WithdrawVote($input: WithdrawVoteInput!) {
  withdrawVote(input: $input) {
    submission {
      id
      voteCount
    }
  }
}
    `) as unknown as TypedDocumentString<WithdrawVoteMutation, WithdrawVoteMutationVariables>;
export const CommunityVotesDocument = new TypedDocumentString(`
    query CommunityVotes($challengeId: ID!, $top: Int) {
  challenge(id: $challengeId) {
    id
    submissionVisibility
    voting {
      startsAt
      endsAt
      isOpen
    }
    prizes {
      rank
      label
      quantity
      awardedCount
      communityChoice
      amount {
        amountMinor
        currency
      }
      award {
        id
      }
    }
    topVoted: gallery(first: $top, orderBy: VOTES) {
      edges {
        node {
          id
          title
          voteCount
          author {
            id
            displayName
          }
        }
      }
    }
    flaggedVotes(first: 50) {
      edges {
        node {
          id
          reason
          createdAt
          voter {
            id
            displayName
          }
          submission {
            id
            title
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CommunityVotesQuery, CommunityVotesQueryVariables>;
export const ChallengeBrandDocument = new TypedDocumentString(`
    query ChallengeBrand($id: ID!) {
  challenge(id: $id) {
    id
    organization {
      id
      brandColor
    }
  }
}
    `) as unknown as TypedDocumentString<ChallengeBrandQuery, ChallengeBrandQueryVariables>;
export const UpdateOrganizationDocument = new TypedDocumentString(`
    mutation UpdateOrganization($input: UpdateOrganizationInput!) {
  updateOrganization(input: $input) {
    organization {
      id
      name
      slug
      about
      websiteUrl
      brandColor
      logoUrl
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateOrganizationMutation, UpdateOrganizationMutationVariables>;
export const OrganizationBrandingDocument = new TypedDocumentString(`
    query OrganizationBranding($id: ID!) {
  organization(id: $id) {
    id
    name
    viewerRole
    slug
    about
    websiteUrl
    brandColor
    logoUrl
  }
}
    `) as unknown as TypedDocumentString<OrganizationBrandingQuery, OrganizationBrandingQueryVariables>;
export const OrganizationPageDocument = new TypedDocumentString(`
    query OrganizationPage($slug: String!, $first: Int, $after: String) {
  organizationBySlug(slug: $slug) {
    id
    name
    about
    websiteUrl
    brandColor
    logoUrl
    challenges(first: $first, after: $after) {
      edges {
        node {
          ...ChallengeCardFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    fragment ChallengeCardFields on Challenge {
  id
  title
  summary
  type
  status
  submissionDeadline
  totalPrize {
    amountMinor
    currency
  }
  organization {
    id
    name
    viewerRole
  }
  submissionCount
}`) as unknown as TypedDocumentString<OrganizationPageQuery, OrganizationPageQueryVariables>;
export const SolverProfileDocument = new TypedDocumentString(`
    query SolverProfile($id: ID!) {
  user(id: $id) {
    id
    displayName
    bio
    skills
    school
    country
    reputation {
      score
      prizesWon
      finalistPlaces
      submissions
      totalsWon {
        amountMinor
        currency
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SolverProfileQuery, SolverProfileQueryVariables>;
export const LeaderboardDocument = new TypedDocumentString(`
    query Leaderboard($first: Int, $after: String, $skill: String) {
  leaderboard(first: $first, after: $after, skill: $skill) {
    edges {
      node {
        rank
        user {
          id
          displayName
        }
        reputation {
          score
          prizesWon
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<LeaderboardQuery, LeaderboardQueryVariables>;
export const RecommendedChallengesDocument = new TypedDocumentString(`
    query RecommendedChallenges($first: Int) {
  viewer {
    id
    recommendedChallenges(first: $first) {
      edges {
        node {
          ...ChallengeCardFields
        }
      }
    }
  }
}
    fragment ChallengeCardFields on Challenge {
  id
  title
  summary
  type
  status
  submissionDeadline
  totalPrize {
    amountMinor
    currency
  }
  organization {
    id
    name
    viewerRole
  }
  submissionCount
}`) as unknown as TypedDocumentString<RecommendedChallengesQuery, RecommendedChallengesQueryVariables>;
export const ViewerNotificationsDocument = new TypedDocumentString(`
    query ViewerNotifications($first: Int, $after: String) {
  viewer {
    id
    unreadNotificationCount
    notifications(first: $first, after: $after) {
      edges {
        node {
          id
          kind
          title
          body
          link
          createdAt
          readAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerNotificationsQuery, ViewerNotificationsQueryVariables>;
export const MarkNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
  markNotificationsRead(input: $input) {
    unreadNotificationCount
  }
}
    `) as unknown as TypedDocumentString<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const NotificationPreferencesDocument = new TypedDocumentString(`
    query NotificationPreferences {
  viewer {
    id
    notificationPreferences {
      mailKinds
    }
  }
}
    `) as unknown as TypedDocumentString<NotificationPreferencesQuery, NotificationPreferencesQueryVariables>;
export const UpdateNotificationPreferencesDocument = new TypedDocumentString(`
    mutation UpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) {
    mailKinds
  }
}
    `) as unknown as TypedDocumentString<UpdateNotificationPreferencesMutation, UpdateNotificationPreferencesMutationVariables>;
export const OrganizationDevelopersDocument = new TypedDocumentString(`
    query OrganizationDevelopers($id: ID!) {
  organization(id: $id) {
    id
    name
    viewerRole
  }
}
    `) as unknown as TypedDocumentString<OrganizationDevelopersQuery, OrganizationDevelopersQueryVariables>;
export const OrganizationApiKeysDocument = new TypedDocumentString(`
    query OrganizationApiKeys($id: ID!) {
  organization(id: $id) {
    id
    apiKeys {
      id
      name
      scopes
      createdAt
      lastUsedAt
      revokedAt
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizationApiKeysQuery, OrganizationApiKeysQueryVariables>;
export const CreateApiKeyDocument = new TypedDocumentString(`
    mutation CreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    apiKey {
      id
      name
      scopes
      createdAt
      lastUsedAt
    }
    secret
  }
}
    `) as unknown as TypedDocumentString<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = new TypedDocumentString(`
    mutation RevokeApiKey($input: RevokeApiKeyInput!) {
  revokeApiKey(input: $input) {
    apiKey {
      id
      revokedAt
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const OrganizationWebhookEndpointsDocument = new TypedDocumentString(`
    query OrganizationWebhookEndpoints($id: ID!) {
  organization(id: $id) {
    id
    webhookEndpoints {
      id
      url
      events
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizationWebhookEndpointsQuery, OrganizationWebhookEndpointsQueryVariables>;
export const CreateWebhookEndpointDocument = new TypedDocumentString(`
    mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    endpoint {
      id
      url
      events
      createdAt
    }
    signingSecret
  }
}
    `) as unknown as TypedDocumentString<CreateWebhookEndpointMutation, CreateWebhookEndpointMutationVariables>;
export const DeleteWebhookEndpointDocument = new TypedDocumentString(`
    mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {
  deleteWebhookEndpoint(input: $input) {
    endpoint {
      id
      deletedAt
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteWebhookEndpointMutation, DeleteWebhookEndpointMutationVariables>;
export const WebhookEndpointDeliveriesDocument = new TypedDocumentString(`
    query WebhookEndpointDeliveries($id: ID!, $first: Int, $after: String) {
  webhookEndpoint(id: $id) {
    id
    organizationId
    url
    events
    createdAt
    deletedAt
    deliveries(first: $first, after: $after) {
      edges {
        node {
          id
          eventId
          eventType
          status
          attemptCount
          lastStatusCode
          lastError
          deliveredAt
          nextAttemptAt
          createdAt
          attempts {
            number
            startedAt
            durationMs
            statusCode
            error
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WebhookEndpointDeliveriesQuery, WebhookEndpointDeliveriesQueryVariables>;
export const RedeliverWebhookDocument = new TypedDocumentString(`
    mutation RedeliverWebhook($input: RedeliverWebhookInput!) {
  redeliverWebhook(input: $input) {
    delivery {
      id
      status
      attemptCount
    }
  }
}
    `) as unknown as TypedDocumentString<RedeliverWebhookMutation, RedeliverWebhookMutationVariables>;