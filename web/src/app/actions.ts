'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { ChallengeType, ChallengeVisibility, CreateChallengeInput, RubricCriterionInput, SubmissionVisibility, UpdateChallengeInput } from '@/gql/graphql';
import { checkFile, MAX_ATTACHMENTS, submitRefusal, uploadRefusal, type UploadTicket } from '@/lib/attachments';
import { ACCEPT_TERMS_FIELD, ACCEPT_TERMS_REQUIRED } from '@/lib/challenges';
import { submittedMessage, visibilityFrom } from '@/lib/entries';
import { formText as text } from '@/lib/form-data';
import { gql } from '@/lib/gateway';
import { fetchGateway } from '@/lib/gateway-fetch';
import { GatewayError, toFormState, type FormState } from '@/lib/errors';
import { withFlash, type FlashKey } from '@/lib/flash';
import { fundingReturnUrl, type FundingFormState } from '@/lib/funding';
import { INVITATION_LIFETIME_DAYS, inviteEmailError, isOrganizationRole, memberRefusal, ROLE_PHRASES, validateInvite } from '@/lib/organizations';
import {
  AcceptChallengeTermsDoc, AddOrganizationMemberDoc, AnswerChallengeQuestionDoc, AskChallengeQuestionDoc, AwardPrizeDoc, CancelChallengeDoc, CloseSubmissionsDoc, CreateChallengeDoc, CreateOrganizationDoc, FinishJudgingDoc,
  FundChallengeDoc, InviteOrganizationMemberDoc, LogInDoc, LogOutDoc, PublishChallengeDoc, RequestPasswordResetDoc, ResetPasswordDoc, RespondToOrganizationInvitationDoc, ShortlistSubmissionDoc, SignUpDoc, StartPayoutOnboardingDoc,
  SubmitSolutionDoc, UpdateChallengeDoc, CreateAttachmentUploadDoc, AttachmentStatusDoc,
  AgreeToPrizeSplitDoc, CreateTeamDoc, InviteTeamMemberDoc, LeaveTeamDoc, ProposeEqualPrizeSplitDoc, ProposePrizeSplitDoc, RespondToTeamInvitationDoc,
} from '@/lib/operations';
import { shareField, teamRefusal, validateShares } from '@/lib/teams';
import { CHALLENGE_INVITATION_DAYS, COMMENT_MAX, judgeEmailsError, judgingRefusal, parseEmails } from '@/lib/judging';
import {
  AdvanceToFinalRoundDoc, AwardPrizesDoc, InviteToChallengeDoc, JudgingRankingDoc, RespondToChallengeInvitationDoc, RevokeChallengeInvitationDoc, ScoreSubmissionDoc, SetJudgingRubricDoc,
} from '@/lib/operations';
import { RESET_REQUESTED_MESSAGE, validateNewPassword } from '@/lib/passwords';
import { positionFromForm, reviewHref } from '@/lib/review';
import { clearSession, getRefreshToken, setSession, type SessionGrant } from '@/lib/session';
import { appOrigin, safeNext, STRIPE_EMULATOR_URL } from '@/lib/urls';

const challengePath = (challengeId: string, page?: 'review' | 'team' | 'judging' | 'score' | 'edit') =>
  `/challenges/${encodeURIComponent(challengeId)}${page ? `/${page}` : ''}`;

// ---- session ---------------------------------------------------------------

export async function logInAction(_prev: FormState, fd: FormData): Promise<FormState> {
  let session: SessionGrant;
  try {
    session = (await gql(LogInDoc, { input: { email: text(fd, 'email').trim(), password: text(fd, 'password') } })).logIn;
  } catch (error) {
    return { ...toFormState(error), values: { email: text(fd, 'email').trim() } };
  }
  await setSession(session);
  redirect(safeNext(text(fd, 'next'), await appOrigin()));
}

export async function signUpAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const values = { email: text(fd, 'email').trim(), displayName: text(fd, 'displayName').trim() };
  let session: SessionGrant;
  try {
    session = (await gql(SignUpDoc, { input: { ...values, password: text(fd, 'password') } })).signUp;
  } catch (error) {
    // What was typed comes back (never the password); a taken email is shown by its field, with a way to log in.
    return { ...toFormState(error), values };
  }
  await setSession(session);
  redirect(safeNext(text(fd, 'next'), await appOrigin()));
}

/** The same answer whether the address has an account or not (the API's too): the page reveals none. */
export async function requestPasswordResetAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const email = text(fd, 'email').trim();
  try {
    await gql(RequestPasswordResetDoc, { input: { email } });
  } catch (error) {
    return { ...toFormState(error), values: { email } };
  }
  return { ok: true, message: RESET_REQUESTED_MESSAGE };
}

/** Sets the new password and signs the user in, with the session cookies logInAction sets (the API ended the user's other sessions). */
export async function resetPasswordAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const newPassword = text(fd, 'newPassword');
  const fieldErrors = validateNewPassword(newPassword, text(fd, 'confirmPassword'));
  if (Object.keys(fieldErrors).length) return { fieldErrors };
  let session: SessionGrant;
  try {
    session = (await gql(ResetPasswordDoc, { input: { token: text(fd, 'token'), newPassword } })).resetPassword;
  } catch (error) {
    return toFormState(error);
  }
  await setSession(session);
  redirect(withFlash('/me/profile', 'passwordChanged'));
}

/**
 * Ends the session at the API (its refresh token is revoked; the access token dies within its 15 minutes), then
 * forgets both cookies. Sent without the access token, which may have expired. A failure (API unreachable) still
 * signs the browser out.
 */
export async function logOutAction(): Promise<void> {
  const refreshToken = await getRefreshToken();
  if (refreshToken) {
    try {
      await fetchGateway(LogOutDoc, { input: { refreshToken } });
    } catch {
      // Signed out here all the same; the session ends by itself (SESSION_TTL_DAYS).
    }
  }
  await clearSession();
  redirect('/');
}

// ---- profile ---------------------------------------------------------------

// ---- sponsors --------------------------------------------------------------

export async function createOrganizationAction(_prev: FormState, fd: FormData): Promise<FormState> {
  try {
    await gql(CreateOrganizationDoc, { input: { name: text(fd, 'name').trim() } });
  } catch (error) {
    return toFormState(error);
  }
  revalidatePath('/sponsor');
  return { ok: true, message: 'Organization created.' };
}

/**
 * Called by the challenge wizard with an already-checked input; redirects to the new draft. With `rubric` (judging
 * criteria other than the default), the rubric is set on the new draft (setJudgingRubric); should that fail, the
 * draft exists all the same: its edit page says so and offers the criteria again.
 */
export async function createChallengeAction(input: CreateChallengeInput, rubric?: RubricCriterionInput[]): Promise<FormState> {
  let id: string;
  try {
    id = (await gql(CreateChallengeDoc, { input })).createChallenge.challenge.id;
  } catch (error) {
    return toFormState(error);
  }
  revalidatePath('/sponsor');
  if (rubric?.length) {
    try {
      await gql(SetJudgingRubricDoc, { input: { challengeId: id, criteria: rubric } });
    } catch {
      redirect(withFlash(challengePath(id, 'edit'), 'rubricNotSaved'));
    }
  }
  redirect(`/challenges/${id}?created=1`);
}

const CHALLENGE_TYPES: readonly ChallengeType[] = ['IDEATION', 'THEORETICAL', 'REDUCTION_TO_PRACTICE', 'DESIGN'];
const CHALLENGE_VISIBILITIES: readonly ChallengeVisibility[] = ['PUBLIC', 'INVITE_ONLY'];
const SUBMISSION_VISIBILITY_VALUES: readonly SubmissionVisibility[] = ['SEALED', 'GALLERY', 'GALLERY_AFTER_CLOSE'];

/**
 * The public vote's window as the edit form sends it (`votingShown`: the form had it): two instants, both blank for
 * no vote (null), or the field to correct.
 */
function votingFromForm(fd: FormData): { voting?: { startsAt: string; endsAt: string } | null; fieldErrors?: Record<string, string> } {
  if (!fd.has('votingShown')) return {};
  const startsAt = text(fd, 'votingStartsAt');
  const endsAt = text(fd, 'votingEndsAt');
  if (!startsAt && !endsAt) return { voting: null };
  const fieldErrors: Record<string, string> = {};
  if (!startsAt) fieldErrors['voting.startsAt'] = 'Enter when voting opens, or leave both dates blank for no vote';
  else if (Number.isNaN(Date.parse(startsAt))) fieldErrors['voting.startsAt'] = 'Enter a valid date and time';
  if (!endsAt) fieldErrors['voting.endsAt'] = 'Enter when voting closes, or leave both dates blank for no vote';
  else if (Number.isNaN(Date.parse(endsAt))) fieldErrors['voting.endsAt'] = 'Enter a valid date and time';
  if (Object.keys(fieldErrors).length) return { fieldErrors };
  return { voting: { startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString() } };
}

/**
 * The edit form (ChallengeEditForm): sends the fields the form has (an OPEN challenge's form has no title, terms,
 * type or visibility, which stay as they are) and the deadline only when it was changed (`submissionDeadline`, an
 * ISO instant set by the browser; empty = unchanged). Unchanged values are no change for the API either. Refusals
 * that name a field (BAD_USER_INPUT, or FAILED_PRECONDITION such as a shortened deadline) are shown by that field
 * (toFormState), in words for people.
 */
export async function updateChallengeAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const challengeId = text(fd, 'challengeId');
  if (!challengeId) return { formError: 'Unknown challenge.' };
  const values: Record<string, string> = {};
  for (const name of ['title', 'summary', 'description', 'terms', 'type', 'visibility', 'deadlineLocal', 'judgingDeadlineLocal', 'submissionVisibility', 'votingStartsLocal', 'votingEndsLocal']) {
    if (fd.has(name)) values[name] = text(fd, name);
  }
  if (fd.has('guaranteedShown')) values.guaranteed = text(fd, 'guaranteed') === 'yes' ? 'yes' : 'no';
  const input: UpdateChallengeInput = { challengeId };
  if (fd.has('title')) input.title = values.title;
  if (fd.has('summary')) input.summary = values.summary;
  if (fd.has('description')) input.description = values.description;
  if (fd.has('terms')) input.terms = values.terms; // blank: no terms
  if (CHALLENGE_TYPES.includes(values.type as ChallengeType)) input.type = values.type as ChallengeType;
  if (CHALLENGE_VISIBILITIES.includes(values.visibility as ChallengeVisibility)) input.visibility = values.visibility as ChallengeVisibility;
  const deadline = text(fd, 'submissionDeadline');
  if (deadline) {
    if (Number.isNaN(Date.parse(deadline))) return { fieldErrors: { submissionDeadline: 'Enter a valid date and time' }, values };
    input.submissionDeadline = new Date(deadline).toISOString();
  }
  // A DRAFT's judging settings: the box is sent only when ticked (`guaranteedShown` says the form had it).
  if (fd.has('guaranteedShown')) input.guaranteed = text(fd, 'guaranteed') === 'yes';
  const judgingDeadline = text(fd, 'judgingDeadline');
  if (judgingDeadline) {
    if (Number.isNaN(Date.parse(judgingDeadline))) return { fieldErrors: { judgingDeadline: 'Enter a valid date and time' }, values };
    input.judgingDeadline = new Date(judgingDeadline).toISOString();
  }
  // A DRAFT's entries settings: who sees them, and the public vote's window (blank: none).
  if (SUBMISSION_VISIBILITY_VALUES.includes(values.submissionVisibility as SubmissionVisibility)) input.submissionVisibility = values.submissionVisibility as SubmissionVisibility;
  const voting = votingFromForm(fd);
  if (voting.fieldErrors) return { fieldErrors: voting.fieldErrors, values };
  if (voting.voting !== undefined) input.voting = voting.voting;
  try {
    await gql(UpdateChallengeDoc, { input });
  } catch (error) {
    return { ...toFormState(error), values };
  }
  revalidatePath(challengePath(challengeId), 'layout');
  revalidatePath('/sponsor');
  redirect(withFlash(challengePath(challengeId), 'updated'));
}

/**
 * FundChallenge: an already funded challenge needs nothing more; otherwise the PENDING funding (created or reused)
 * with its PaymentIntent, and the challenge page to come back to after paying.
 */
async function startFunding(challengeId: string) {
  const { funding } = (await gql(FundChallengeDoc, { challengeId })).fundChallenge;
  if (funding.status === 'SUCCEEDED') return { funded: true as const };
  if (!funding.paymentIntentId || !funding.clientSecret) return { funded: false as const, payment: null };
  const payment = {
    paymentIntentId: funding.paymentIntentId,
    clientSecret: funding.clientSecret,
    returnUrl: fundingReturnUrl(await appOrigin(), challengeId),
    amount: funding.amount,
    platformFee: funding.platformFee,
  };
  return { funded: false as const, payment };
}

const PAYMENT_NOT_STARTED = 'The payment could not be started. Try again.';

/**
 * Emulator path: starts (or resumes) funding and hands the page what opens the hosted payment page, which returns to
 * the challenge. The page opens it with a POST (client_secret and return_url in the body), never with the secret in a
 * URL: nothing of it lands in the address bar, the history, a Referer or a server log.
 */
export async function fundChallengeAction(_prev: FundingFormState, fd: FormData): Promise<FundingFormState> {
  const challengeId = text(fd, 'challengeId');
  let started: Awaited<ReturnType<typeof startFunding>>;
  try {
    started = await startFunding(challengeId);
  } catch (error) {
    return toFormState(error);
  }
  if (!started.funded) {
    if (!started.payment) return { formError: PAYMENT_NOT_STARTED };
    const { paymentIntentId, clientSecret, returnUrl } = started.payment;
    return { ok: true, handoff: { action: `${STRIPE_EMULATOR_URL}/hosted/pay/${encodeURIComponent(paymentIntentId)}`, clientSecret, returnUrl } };
  }
  revalidatePath(challengePath(challengeId));
  redirect(withFlash(challengePath(challengeId), 'funded'));
}

/**
 * Stripe path (a publishable key is configured): starts (or resumes) funding and hands the PaymentIntent's client
 * secret to the page, where Stripe's Payment Element confirms it; Stripe then returns to the challenge page.
 */
export async function startCardPaymentAction(_prev: FundingFormState, fd: FormData): Promise<FundingFormState> {
  const challengeId = text(fd, 'challengeId');
  let started: Awaited<ReturnType<typeof startFunding>>;
  try {
    started = await startFunding(challengeId);
  } catch (error) {
    return toFormState(error);
  }
  if (!started.funded) {
    if (!started.payment) return { formError: PAYMENT_NOT_STARTED };
    const { clientSecret, returnUrl, amount, platformFee } = started.payment;
    return { ok: true, payment: { clientSecret, returnUrl, amount, platformFee } };
  }
  revalidatePath(challengePath(challengeId));
  redirect(withFlash(challengePath(challengeId), 'funded'));
}

const TRANSITIONS = {
  publish: { doc: PublishChallengeDoc, done: 'published' },
  close: { doc: CloseSubmissionsDoc, done: 'closed' },
  finish: { doc: FinishJudgingDoc, done: 'finished' },
  cancel: { doc: CancelChallengeDoc, done: 'cancelled' },
} as const satisfies Record<string, { doc: unknown; done: FlashKey }>;

/**
 * A transition refused because the challenge has moved on (FAILED_PRECONDITION, e.g. "A AWARDED challenge cannot be
 * finished"): said for people, with the way forward, instead of the server's wording.
 */
const MOVED_ON: Partial<Record<keyof typeof TRANSITIONS, string>> = {
  close: 'Submissions are already closed. Reload the page to see where the challenge stands.',
  finish: 'Judging is already over: every prize is awarded, or the challenge has moved on. Reload the page to see where it stands.',
};

/**
 * publish / close / finish / cancel, named by the form's `op` field. On success it redirects back (to the review
 * page when `from` is "review") with `?done=…`, so the outcome stays on screen after the page re-renders without
 * the button that was pressed.
 */
export async function challengeTransitionAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const challengeId = text(fd, 'challengeId');
  const op = text(fd, 'op');
  if (!Object.hasOwn(TRANSITIONS, op)) return { formError: 'Unknown action.' };
  const transition = TRANSITIONS[op as keyof typeof TRANSITIONS];
  if (!challengeId) return { formError: 'Unknown challenge.' };
  let done: FlashKey = transition.done;
  try {
    const result: Record<string, { challenge: { status: string } }> = await gql(transition.doc as typeof PublishChallengeDoc, { challengeId });
    // Cancelling a judging challenge is confirmed asynchronously (CANCELLING, then CANCELLED): say so.
    if (op === 'cancel' && result.cancelChallenge?.challenge.status === 'CANCELLING') done = 'cancelling';
  } catch (error) {
    const state = toFormState(error);
    // The one refusal of a transition that names a field: a voting window that has ended (the form has no field for it).
    const votingEnded = state.fieldErrors?.['voting.endsAt'];
    if (votingEnded) return { ...state, formError: votingEnded, fieldErrors: undefined };
    const movedOn = MOVED_ON[op as keyof typeof TRANSITIONS];
    return state.code === 'FAILED_PRECONDITION' && movedOn ? { ...state, formError: movedOn } : state;
  }
  revalidatePath(challengePath(challengeId), 'layout');
  revalidatePath('/sponsor');
  redirect(withFlash(challengePath(challengeId, text(fd, 'from') === 'review' ? 'review' : undefined), done));
}

/** Awards a prize (`prizeRank`) to a submission from its card on the review page, then back to the same page. */
export async function awardPrizeAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const challengeId = text(fd, 'challengeId');
  const prizeRank = Number(text(fd, 'prizeRank'));
  const submissionId = text(fd, 'submissionId');
  if (!submissionId) return { fieldErrors: { submissionId: 'Choose a submission' } };
  if (!Number.isInteger(prizeRank) || prizeRank < 1) return { fieldErrors: { prizeRank: 'Choose a prize' } };
  try {
    await gql(AwardPrizeDoc, { input: { challengeId, prizeRank, submissionId } });
  } catch (error) {
    return toFormState(error);
  }
  revalidatePath(challengePath(challengeId), 'layout');
  redirect(withFlash(reviewHref(challengeId, positionFromForm(fd)), 'awarded'));
}

/** Adds a submission to the judges' shortlist or removes it (`shortlisted` "true"/"false"), then back to the same review page. */
export async function shortlistSubmissionAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const challengeId = text(fd, 'challengeId');
  const submissionId = text(fd, 'submissionId');
  const shortlisted = text(fd, 'shortlisted') === 'true';
  try {
    await gql(ShortlistSubmissionDoc, { input: { submissionId, shortlisted } });
  } catch (error) {
    return toFormState(error);
  }
  revalidatePath(challengePath(challengeId, 'review'));
  redirect(withFlash(reviewHref(challengeId, positionFromForm(fd)), shortlisted ? 'shortlisted' : 'unshortlisted'));
}

/** Invites a person by email (inviteOrganizationMember): whoever has, or signs up with, that address may accept. */
export async function inviteOrganizationMemberAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const organizationId = text(fd, 'organizationId');
  const email = text(fd, 'email').trim();
  const role = text(fd, 'role');
  const values = { email, role };
  const fieldErrors = validateInvite(email, role);
  if (Object.keys(fieldErrors).length || !isOrganizationRole(role)) return { fieldErrors, values };
  let invitation;
  try {
    invitation = (await gql(InviteOrganizationMemberDoc, { input: { organizationId, email, role } })).inviteOrganizationMember.invitation;
  } catch (error) {
    return { ...memberRefusal(toFormState(error), 'invite', role), values };
  }
  revalidatePath('/', 'layout');
  return {
    ok: true,
    message: `Invitation sent to ${invitation.email}. They join as ${ROLE_PHRASES[invitation.role]} once they accept it (within ${INVITATION_LIFETIME_DAYS} days).`,
  };
}

/** Changes an existing member's role (addOrganizationMember on a member; the server decides who may grant what). */
export async function changeMemberRoleAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const organizationId = text(fd, 'organizationId');
  const userId = text(fd, 'userId');
  const role = text(fd, 'role');
  const name = text(fd, 'name');
  if (!isOrganizationRole(role)) return { fieldErrors: { role: 'Choose a role' }, values: { role } };
  let result;
  try {
    result = (await gql(AddOrganizationMemberDoc, { input: { organizationId, userId, role } })).addOrganizationMember;
  } catch (error) {
    return { ...memberRefusal(toFormState(error), 'role', role), values: { role } };
  }
  revalidatePath('/', 'layout');
  if (!result.member) return { formError: 'This person is no longer a member of the organization.', code: 'NOT_FOUND', values: { role } };
  return { ok: true, message: `${name || 'They'} ${name ? 'is' : 'are'} now ${ROLE_PHRASES[result.member.role]}.`, values: { role: result.member.role } };
}

/** The invitee accepts or declines an invitation to join an organization (buttons named `answer`). */
export async function respondToOrganizationInvitationAction(fd: FormData): Promise<void> {
  const organizationId = text(fd, 'organizationId');
  const accept = text(fd, 'answer') === 'accept';
  try {
    await gql(RespondToOrganizationInvitationDoc, { input: { organizationId, accept } });
  } catch (error) {
    // Expired while the dashboard was open (14 days after it was sent): said so, and it is no longer listed.
    if (error instanceof GatewayError && error.code === 'FAILED_PRECONDITION') {
      revalidatePath('/', 'layout');
      redirect(withFlash('/sponsor', 'invitationExpired'));
    }
    // Answered already (in another tab) or withdrawn: the dashboard shows what is left.
    if (!(error instanceof GatewayError && error.code === 'NOT_FOUND')) throw error;
  }
  revalidatePath('/', 'layout');
  redirect(withFlash('/sponsor', accept ? 'invitationAccepted' : 'invitationDeclined'));
}

// ---- solvers ---------------------------------------------------------------

/**
 * Submits a solution. When the form asked for the challenge's terms (`terms=to-accept`), the box must be ticked:
 * then the terms are accepted first (idempotent, so a retry after a refused submission is harmless).
 */
export async function submitSolutionAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const challengeId = text(fd, 'challengeId');
  const values = { title: text(fd, 'title'), body: text(fd, 'body') };
  const acceptTerms = text(fd, 'terms') === 'to-accept';
  // Submitting as the viewer's team (the form has the team's id when the viewer is in one).
  const teamId = text(fd, 'teamId') || undefined;
  // The picker's hidden fields, in the order the files are listed (the version keeps that order).
  const attachmentIds = fd.getAll('attachmentIds').filter((v): v is string => typeof v === 'string' && v !== '');
  if (attachmentIds.length > MAX_ATTACHMENTS) return { fieldErrors: { attachmentIds: `A solution can carry at most ${MAX_ATTACHMENTS} files: remove some.` }, values };
  if (acceptTerms && text(fd, ACCEPT_TERMS_FIELD) !== 'yes') return { fieldErrors: { [ACCEPT_TERMS_FIELD]: ACCEPT_TERMS_REQUIRED }, values };
  let version: number;
  try {
    if (acceptTerms) await gql(AcceptChallengeTermsDoc, { input: { challengeId } });
    const result = await gql(SubmitSolutionDoc, { input: { challengeId, title: values.title.trim(), body: values.body, attachmentIds, ...(teamId ? { teamId } : {}) } });
    version = result.submitSolution.submission.version;
  } catch (error) {
    const state = submitRefusal(error);
    // The ids as posted: the picker finds the file an `attachmentIds[i]` error is about.
    return { ...(teamId ? teamRefusal(state, 'submit') : state), values: { ...values, ...(attachmentIds.length ? { attachmentIds: attachmentIds.join(',') } : {}) } };
  }
  revalidatePath(`/challenges/${challengeId}`, 'layout');
  revalidatePath('/me/submissions');
  const whose = teamId ? 'your team’s solution' : 'your solution';
  return { ok: true, message: version > 1 ? `Resubmitted: this is version ${version} of ${whose}.` : submittedMessage(visibilityFrom(text(fd, 'visibility')), whose) };
}

/**
 * Step one of attaching a file (called by the picker, per file): checks it as the page did, then asks for a PENDING
 * attachment and where the browser PUTs the bytes. Refusals come back in words, never the server's text.
 */
export async function createAttachmentUploadAction(file: { fileName: string; byteSize: number; contentType: string; sha256: string }): Promise<UploadTicket> {
  const check = checkFile({ name: file.fileName, size: file.byteSize, type: file.contentType });
  if (!check.ok) return { ok: false, message: check.message };
  if (!/^[0-9a-f]{64}$/.test(file.sha256)) return { ok: false, message: `${file.fileName}: the file could not be read. Retry.` };
  try {
    const { createAttachmentUpload: upload } = await gql(CreateAttachmentUploadDoc, {
      input: { fileName: file.fileName, contentType: check.contentType, byteSize: file.byteSize, sha256: file.sha256 },
    });
    return { ok: true, attachmentId: upload.attachment.id, uploadUrl: upload.uploadUrl, uploadHeaders: upload.uploadHeaders.map(({ name, value }) => ({ name, value })) };
  } catch (error) {
    return { ok: false, message: uploadRefusal(error, file.fileName) };
  }
}

/**
 * Step three, after the PUT: whether the stored bytes passed the checks (the API verifies a PENDING upload whose bytes
 * are there). Null when it cannot tell (not found, unreachable): submitSolution checks again anyway.
 */
export async function attachmentStatusAction(attachmentId: string): Promise<'PENDING' | 'READY' | 'REJECTED' | null> {
  try {
    return (await gql(AttachmentStatusDoc, { id: attachmentId })).attachment?.status ?? null;
  } catch {
    return null;
  }
}

// ---- solvers: teams ----------------------------------------------------------

/** Creates a team for the challenge (the viewer its first member, 100%), then on to the team's page. */
export async function createTeamAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const challengeId = text(fd, 'challengeId');
  const values = { name: text(fd, 'name') };
  if (!values.name.trim()) return { fieldErrors: { name: 'Enter a name for your team.' }, values };
  try {
    await gql(CreateTeamDoc, { input: { challengeId, name: values.name.trim() } });
  } catch (error) {
    return { ...teamRefusal(toFormState(error), 'create'), values };
  }
  revalidatePath(challengePath(challengeId), 'layout');
  redirect(withFlash(challengePath(challengeId, 'team'), 'teamCreated'));
}

/** Any member invites someone by email: they are mailed a link to /teams/invitations. */
export async function inviteTeamMemberAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const challengeId = text(fd, 'challengeId');
  const teamId = text(fd, 'teamId');
  const email = text(fd, 'email').trim();
  const emailError = inviteEmailError(email);
  if (emailError) return { fieldErrors: { email: emailError }, values: { email } };
  let invitation;
  try {
    invitation = (await gql(InviteTeamMemberDoc, { input: { teamId, email } })).inviteTeamMember.invitation;
  } catch (error) {
    return { ...teamRefusal(toFormState(error), 'invite'), values: { email } };
  }
  revalidatePath(challengePath(challengeId, 'team'));
  return { ok: true, message: `Invitation sent to ${invitation.email}. They join the team once they accept it (within 14 days).` };
}

/** Proposes the split typed in percent (`share-<userId>`, 2 decimals at most, adding up to 100%). */
export async function proposePrizeSplitAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const challengeId = text(fd, 'challengeId');
  const teamId = text(fd, 'teamId');
  const percents: Record<string, string> = {};
  for (const [name, value] of fd.entries()) if (name.startsWith('share-') && typeof value === 'string') percents[name.slice('share-'.length)] = value;
  const values = Object.fromEntries(Object.entries(percents).map(([userId, value]) => [shareField(userId), value]));
  const { errors, shares } = validateShares(percents);
  if (Object.keys(errors).length) return { fieldErrors: errors, values, formError: errors.shares };
  try {
    await gql(ProposePrizeSplitDoc, { input: { teamId, shares } });
  } catch (error) {
    const state = teamRefusal(toFormState(error), 'propose');
    return { ...state, formError: state.fieldErrors?.shares ?? state.formError, values };
  }
  revalidatePath(challengePath(challengeId, 'team'));
  redirect(withFlash(challengePath(challengeId, 'team'), 'splitProposed'));
}

/** "Split equally": every member the same part of a prize. */
export async function proposeEqualPrizeSplitAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const challengeId = text(fd, 'challengeId');
  try {
    await gql(ProposeEqualPrizeSplitDoc, { input: { teamId: text(fd, 'teamId') } });
  } catch (error) {
    return teamRefusal(toFormState(error), 'propose');
  }
  revalidatePath(challengePath(challengeId, 'team'));
  redirect(withFlash(challengePath(challengeId, 'team'), 'splitProposed'));
}

/** Agrees to the split version the member read (a newer one is refused: they read it first). */
export async function agreeToPrizeSplitAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const challengeId = text(fd, 'challengeId');
  const splitVersion = Number(text(fd, 'splitVersion'));
  try {
    await gql(AgreeToPrizeSplitDoc, { input: { teamId: text(fd, 'teamId'), splitVersion } });
  } catch (error) {
    return teamRefusal(toFormState(error), 'agree');
  }
  revalidatePath(challengePath(challengeId), 'layout');
  redirect(withFlash(challengePath(challengeId, 'team'), 'splitAgreed'));
}

/** Leaves the team (their share goes to the others pro rata), back to the challenge. */
export async function leaveTeamAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const challengeId = text(fd, 'challengeId');
  try {
    await gql(LeaveTeamDoc, { input: { teamId: text(fd, 'teamId') } });
  } catch (error) {
    return teamRefusal(toFormState(error), 'leave');
  }
  revalidatePath(challengePath(challengeId), 'layout');
  redirect(withFlash(challengePath(challengeId), 'teamLeft'));
}

/** The invitee accepts (then on to the team's page) or declines (back to their invitations). */
export async function respondToTeamInvitationAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const accept = text(fd, 'answer') === 'accept';
  let challengeId: string | undefined;
  try {
    const result = (await gql(RespondToTeamInvitationDoc, { input: { invitationId: text(fd, 'invitationId'), accept } })).respondToTeamInvitation;
    challengeId = result.team?.challenge.id;
  } catch (error) {
    return teamRefusal(toFormState(error), 'respond');
  }
  revalidatePath('/', 'layout');
  if (accept && challengeId) redirect(withFlash(challengePath(challengeId, 'team'), 'teamJoined'));
  redirect(withFlash('/teams/invitations', 'teamInvitationDeclined'));
}

/** Asks the sponsor a question about the brief, then back to the challenge with "Question sent.". */
export async function askQuestionAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const challengeId = text(fd, 'challengeId');
  const values = { question: text(fd, 'question') };
  if (!values.question.trim()) return { fieldErrors: { question: 'Write your question' }, values };
  try {
    await gql(AskChallengeQuestionDoc, { input: { challengeId, question: values.question } });
  } catch (error) {
    return { ...toFormState(error), values };
  }
  revalidatePath(challengePath(challengeId));
  redirect(withFlash(challengePath(challengeId), 'questionSent'));
}

// ---- sponsors: questions ------------------------------------------------------

/** Answers a question (or edits the answer), published for everyone when the box is ticked; back to the review page. */
export async function answerQuestionAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const challengeId = text(fd, 'challengeId');
  const questionId = text(fd, 'questionId');
  const values = { answer: text(fd, 'answer') };
  if (!values.answer.trim()) return { fieldErrors: { answer: 'Write an answer' }, values };
  try {
    await gql(AnswerChallengeQuestionDoc, { input: { questionId, answer: values.answer, publish: text(fd, 'publish') === 'yes' } });
  } catch (error) {
    return { ...toFormState(error), values };
  }
  revalidatePath(challengePath(challengeId), 'layout');
  redirect(withFlash(challengePath(challengeId, 'review'), 'answerSaved'));
}

export async function startOnboardingAction(_prev: FormState, _fd: FormData): Promise<FormState> {
  let url: string;
  try {
    const origin = await appOrigin();
    const result = await gql(StartPayoutOnboardingDoc, {
      input: { returnUrl: `${origin}/me/payouts?onboarding=return`, refreshUrl: `${origin}/me/payouts?onboarding=refresh` },
    });
    url = result.startPayoutOnboarding.onboardingUrl;
  } catch (error) {
    return toFormState(error);
  }
  redirect(url);
}

// ---- judging -------------------------------------------------------------------------------------------------------

/** Sets a DRAFT's judging criteria (the rubric editor of the edit page), with an already-checked input. */
export async function setJudgingRubricAction(challengeId: string, criteria: RubricCriterionInput[]): Promise<FormState> {
  try {
    await gql(SetJudgingRubricDoc, { input: { challengeId, criteria } });
  } catch (error) {
    return judgingRefusal(toFormState(error), 'rubric');
  }
  revalidatePath(challengePath(challengeId), 'layout');
  return { ok: true, message: 'Judging criteria saved.' };
}

/**
 * Invites judges (or, with the hidden field `role` = PARTICIPANT, solvers to an invite-only challenge) by email:
 * several addresses, one per line or separated by commas; each is mailed a link to /judging/invitations.
 */
export async function inviteJudgesAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const challengeId = text(fd, 'challengeId');
  const role = text(fd, 'role') === 'PARTICIPANT' ? 'PARTICIPANT' : 'JUDGE';
  const words = INVITEE_WORDS[role];
  const values = { emails: text(fd, 'emails') };
  const emails = parseEmails(values.emails);
  const emailsError = judgeEmailsError(emails, role);
  if (emailsError) return { fieldErrors: { emails: emailsError }, values };
  let invited;
  try {
    invited = (await gql(InviteToChallengeDoc, { input: { challengeId, emails, role } })).inviteToChallenge.invitations;
  } catch (error) {
    const state = judgingRefusal(toFormState(error), role === 'PARTICIPANT' ? 'inviteParticipants' : 'invite');
    // The API names the refused address in its message; the field says it in our words.
    if (state.fieldErrors?.emails) state.fieldErrors = { ...state.fieldErrors, emails: 'One of these addresses is not an email address like name@example.com.' };
    return { ...state, values };
  }
  revalidatePath(challengePath(challengeId), 'layout');
  // Inviting again returns the existing invitation: someone who accepted already is said to be in, not mailed again.
  const sent = invited.filter((i) => i.status === 'PENDING').map((i) => i.email);
  const already = invited.filter((i) => i.status === 'ACCEPTED').map((i) => i.email);
  // A draft's invitations are mailed when it is published (their days start then).
  const draft = invited[0]?.challenge.status === 'DRAFT';
  const parts = [
    sent.length && draft ? `${sent.length === 1 ? 'Invitation' : `${sent.length} invitations`} for ${sent.join(', ')} saved: mailed when the challenge is published, then accepted within ${CHALLENGE_INVITATION_DAYS} days.` : '',
    sent.length && !draft ? `${sent.length === 1 ? 'Invitation' : `${sent.length} invitations`} sent to ${sent.join(', ')}. Each ${words.one} accepts from the mail’s link within ${CHALLENGE_INVITATION_DAYS} days.` : '',
    already.length ? `Already ${already.length === 1 ? words.already : words.alreadyMany}: ${already.join(', ')}.` : '',
  ];
  return { ok: true, message: parts.filter(Boolean).join(' ') || 'Nothing to send.' };
}

const INVITEE_WORDS = {
  JUDGE: { one: 'judge', already: 'a judge', alreadyMany: 'judges' },
  PARTICIPANT: { one: 'solver', already: 'taking part', alreadyMany: 'taking part' },
} as const;

/** Withdraws an invitation (a judge who had accepted loses the role). */
export async function revokeChallengeInvitationAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const challengeId = text(fd, 'challengeId');
  let email: string;
  try {
    email = (await gql(RevokeChallengeInvitationDoc, { input: { invitationId: text(fd, 'invitationId') } })).revokeChallengeInvitation.invitation.email;
  } catch (error) {
    return judgingRefusal(toFormState(error), 'revoke');
  }
  revalidatePath(challengePath(challengeId), 'layout');
  return { ok: true, message: `Invitation of ${email} withdrawn.` };
}

/** The invitee accepts or declines (the button pressed, `answer`), then back to their invitations with the outcome. */
export async function respondToChallengeInvitationAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const accept = text(fd, 'answer') === 'accept';
  let answered;
  try {
    answered = (await gql(RespondToChallengeInvitationDoc, { input: { invitationId: text(fd, 'invitationId'), accept } })).respondToChallengeInvitation;
  } catch (error) {
    return judgingRefusal(toFormState(error), 'respond');
  }
  revalidatePath('/', 'layout');
  // A participant of an invite-only challenge goes on to it; a judge back to the challenges they judge.
  if (accept && answered.invitation.role === 'PARTICIPANT') redirect(withFlash(challengePath(answered.challenge.id), 'participantAccepted'));
  redirect(withFlash('/judging/invitations', accept ? 'judgeAccepted' : 'challengeInvitationDeclined'));
}

export interface ScoreInput {
  submissionId: string;
  scores: { criterionKey: string; value: string }[];
  comment: string;
}

/**
 * Saves the viewer's score card of one submission (the scoring page, checked there first) and answers the weighted
 * total. The page moves on by itself: nothing is re-rendered, so the judge's place in the list is kept.
 */
export async function scoreSubmissionAction(input: ScoreInput): Promise<FormState & { weightedTotal?: string }> {
  const comment = input.comment.trim();
  if ([...comment].length > COMMENT_MAX) return { fieldErrors: { comment: `Use at most ${COMMENT_MAX.toLocaleString('en-US')} characters` } };
  try {
    const { scoreCard } = (await gql(ScoreSubmissionDoc, { input: { submissionId: input.submissionId, scores: input.scores, comment: comment || null } })).scoreSubmission;
    return { ok: true, message: 'Scores saved.', weightedTotal: scoreCard.weightedTotal };
  } catch (error) {
    const state = judgingRefusal(toFormState(error), 'score');
    if (state.fieldErrors?.scores) return { ...state, formError: 'Every criterion needs a score from 0 to 10 with one decimal at most.' };
    return state;
  }
}

/** Starts the final round with the finalists ticked on the board (`finalist`, several) and the round's deadline (an ISO instant). */
export async function advanceToFinalRoundAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const challengeId = text(fd, 'challengeId');
  const finalistSubmissionIds = fd.getAll('finalist').filter((v): v is string => typeof v === 'string' && v !== '');
  const deadline = text(fd, 'finalRoundDeadline');
  const fieldErrors: Record<string, string> = {};
  if (finalistSubmissionIds.length === 0) fieldErrors.finalistSubmissionIds = 'Tick at least one submission in the ranking';
  if (!deadline || Number.isNaN(Date.parse(deadline))) fieldErrors.finalRoundDeadline = 'Choose the final round’s deadline';
  if (Object.keys(fieldErrors).length) return { fieldErrors };
  try {
    await gql(AdvanceToFinalRoundDoc, { input: { challengeId, finalistSubmissionIds, finalRoundDeadline: new Date(deadline).toISOString() } });
  } catch (error) {
    return judgingRefusal(toFormState(error), 'finalists');
  }
  revalidatePath(challengePath(challengeId), 'layout');
  redirect(withFlash(challengePath(challengeId, 'judging'), 'finalRoundStarted'));
}

/** The ranking's submissions from rank `from` on, `count` of them (read a page of 100 at a time). */
async function rankedSubmissionIds(challengeId: string, from: number, count: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  for (;;) {
    const ranking = (await gql(JudgingRankingDoc, { challengeId, first: 100, after })).challenge.judging?.ranking;
    if (!ranking) return ids;
    for (const edge of ranking.edges) if (edge.node.rank >= from && ids.length < count) ids.push(edge.node.submission.id);
    if (ids.length >= count || !ranking.pageInfo.hasNextPage || !ranking.pageInfo.endCursor) return ids;
    after = ranking.pageInfo.endCursor;
  }
}

/**
 * Awards prize places in one request (awardPrizes): either `count` places from rank `fromRank` of the ranking
 * (`mode` "top"), or the submissions ticked on the board (`mode` "selection", `submissionId` several), all to one prize.
 * The form's `idempotencyKey` is made once per form: sending it again (a retry) awards nothing twice.
 */
export async function awardPrizesAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const challengeId = text(fd, 'challengeId');
  const prizeRank = Number(text(fd, 'prizeRank'));
  const idempotencyKey = text(fd, 'idempotencyKey');
  const mode = text(fd, 'mode');
  const values = { prizeRank: text(fd, 'prizeRank'), fromRank: text(fd, 'fromRank'), count: text(fd, 'count') };
  if (!Number.isInteger(prizeRank) || prizeRank < 1) return { fieldErrors: { prizeRank: 'Choose a prize' }, values };
  if (!idempotencyKey) return { formError: 'Reload the page and try again.', values };
  let submissionIds: string[];
  try {
    if (mode === 'top') {
      const fromRank = Number(values.fromRank);
      const count = Number(values.count);
      if (!Number.isInteger(fromRank) || fromRank < 1) return { fieldErrors: { fromRank: 'Enter a rank from 1' }, values };
      if (!Number.isInteger(count) || count < 1) return { fieldErrors: { count: 'Enter how many places to award' }, values };
      submissionIds = await rankedSubmissionIds(challengeId, fromRank, count);
      if (submissionIds.length < count) return { fieldErrors: { count: `Only ${submissionIds.length} ranked ${submissionIds.length === 1 ? 'submission' : 'submissions'} from rank ${fromRank}: award fewer places.` }, values };
    } else {
      submissionIds = fd.getAll('submissionId').filter((v): v is string => typeof v === 'string' && v !== '');
      if (submissionIds.length === 0) return { formError: 'Tick the submissions to award in the ranking first.', values };
    }
    const result = (await gql(AwardPrizesDoc, { input: { challengeId, idempotencyKey, awards: submissionIds.map((submissionId) => ({ prizeRank, submissionId })) } })).awardPrizes;
    revalidatePath(challengePath(challengeId), 'layout');
    return { ok: true, message: `${result.awardedCount === 1 ? '1 prize place' : `${result.awardedCount} prize places`} awarded. Winners are paid from escrow as soon as their payout account can receive it.` };
  } catch (error) {
    return { ...judgingRefusal(toFormState(error), 'award'), values };
  }
}
