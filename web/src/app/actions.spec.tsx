/** The server actions, with the gateway and Next's navigation mocked: what they send and where they go. */
import { GatewayError } from '@/lib/errors';
import { gql } from '@/lib/gateway';
import { ACCEPT_TERMS_REQUIRED } from '@/lib/challenges';
import {
  AcceptChallengeTermsDoc, AddOrganizationMemberDoc, AnswerChallengeQuestionDoc, AskChallengeQuestionDoc, AwardPrizeDoc, CancelChallengeDoc, CloseSubmissionsDoc, InviteOrganizationMemberDoc, LogInDoc, LogOutDoc, PublishChallengeDoc, RequestPasswordResetDoc, ResetPasswordDoc,
  ShortlistSubmissionDoc, SignUpDoc, SubmitSolutionDoc, UpdateChallengeDoc, CreateAttachmentUploadDoc,
  AgreeToPrizeSplitDoc, CreateTeamDoc, ProposePrizeSplitDoc, RespondToTeamInvitationDoc,
} from '@/lib/operations';
import { RESET_REQUESTED_MESSAGE } from '@/lib/passwords';
import { fetchGateway } from '@/lib/gateway-fetch';
import { clearSession, getRefreshToken, setSession } from '@/lib/session';
import {
  answerQuestionAction, changeMemberRoleAction, inviteOrganizationMemberAction, respondToOrganizationInvitationAction, askQuestionAction, awardPrizeAction, challengeTransitionAction, fundChallengeAction, logInAction, logOutAction, signUpAction, requestPasswordResetAction, resetPasswordAction, shortlistSubmissionAction,
  startCardPaymentAction, submitSolutionAction, updateChallengeAction, createAttachmentUploadAction,
  agreeToPrizeSplitAction, createTeamAction, inviteTeamMemberAction, proposePrizeSplitAction, respondToTeamInvitationAction,
} from './actions';

jest.mock('next/cache', () => ({ revalidatePath: jest.fn() }));
jest.mock('next/navigation', () => ({
  redirect: jest.fn((url: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { url });
  }),
}));
jest.mock('@/lib/gateway', () => ({ gql: jest.fn() }));
jest.mock('@/lib/gateway-fetch', () => ({ fetchGateway: jest.fn() }));
jest.mock('@/lib/session', () => ({ setSession: jest.fn(), clearSession: jest.fn(), getRefreshToken: jest.fn() }));
jest.mock('@/lib/urls', () => ({ appOrigin: async () => 'http://web.test', safeNext: (n: string) => n, STRIPE_EMULATOR_URL: 'http://stripe.test' }));

const gqlMock = gql as unknown as jest.Mock;
const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};
/** Runs an action; returns where it redirected, or its form state. */
async function run(action: (prev: object, fd: FormData) => Promise<unknown>, fields: Record<string, string>) {
  try {
    return { state: await action({}, form(fields)) };
  } catch (error) {
    if (error instanceof Error && error.message === 'NEXT_REDIRECT') return { redirect: (error as Error & { url: string }).url };
    throw error;
  }
}
const USER = '3f2b8c1e-9a4d-4e6b-8c2f-1a2b3c4d5e6f';

beforeEach(() => gqlMock.mockReset());

describe('challengeTransitionAction', () => {
  it('publishes and comes back to the challenge with a lasting message', async () => {
    gqlMock.mockResolvedValue({ publishChallenge: { challenge: { id: 'c1', status: 'OPEN' } } });
    expect(await run(challengeTransitionAction, { challengeId: 'c1', op: 'publish' })).toEqual({ redirect: '/challenges/c1?done=published' });
    expect(gqlMock).toHaveBeenCalledWith(PublishChallengeDoc, { challengeId: 'c1' });
  });

  it('goes back to the review page when asked from there', async () => {
    gqlMock.mockResolvedValue({});
    expect(await run(challengeTransitionAction, { challengeId: 'c1', op: 'close', from: 'review' })).toEqual({ redirect: '/challenges/c1/review?done=closed' });
    expect(gqlMock).toHaveBeenCalledWith(CloseSubmissionsDoc, { challengeId: 'c1' });
  });

  it('cancels, and returns the server’s refusal with its code', async () => {
    gqlMock.mockResolvedValueOnce({});
    expect(await run(challengeTransitionAction, { challengeId: 'c1', op: 'cancel' })).toEqual({ redirect: '/challenges/c1?done=cancelled' });
    expect(gqlMock).toHaveBeenCalledWith(CancelChallengeDoc, { challengeId: 'c1' });

    gqlMock.mockRejectedValueOnce(new GatewayError([{ message: 'A challenge cannot be cancelled once a prize is awarded', extensions: { code: 'FAILED_PRECONDITION' } }]));
    expect(await run(challengeTransitionAction, { challengeId: 'c1', op: 'cancel' })).toEqual({
      state: { formError: 'A challenge cannot be cancelled once a prize is awarded', code: 'FAILED_PRECONDITION', fieldErrors: undefined },
    });
  });

  it('refuses unknown operations', async () => {
    expect(await run(challengeTransitionAction, { challengeId: 'c1', op: 'toString' })).toEqual({ state: { formError: 'Unknown action.' } });
    expect(gqlMock).not.toHaveBeenCalled();
  });
});

describe('updateChallengeAction', () => {
  const draftForm = { challengeId: 'c1', title: 'New title', summary: 'New summary', description: 'New description', terms: ' ', type: 'DESIGN', visibility: 'INVITE_ONLY', deadlineLocal: '2030-04-02T09:30', submissionDeadline: '' };

  it('sends the form’s fields (blank terms: none), leaves an untouched deadline out, and comes back with “Challenge updated.”', async () => {
    gqlMock.mockResolvedValue({ updateChallenge: { challenge: { id: 'c1' } } });
    expect(await run(updateChallengeAction, draftForm)).toEqual({ redirect: '/challenges/c1?done=updated' });
    expect(gqlMock).toHaveBeenCalledWith(UpdateChallengeDoc, {
      input: { challengeId: 'c1', title: 'New title', summary: 'New summary', description: 'New description', terms: ' ', type: 'DESIGN', visibility: 'INVITE_ONLY' },
    });
  });

  it('sends only what an OPEN challenge’s form has, with a changed deadline as an instant', async () => {
    gqlMock.mockResolvedValue({ updateChallenge: { challenge: { id: 'c1' } } });
    const result = await run(updateChallengeAction, { challengeId: 'c1', summary: 'S', description: 'D', submissionDeadline: '2030-04-02T07:30:00.000Z' });
    expect(result).toEqual({ redirect: '/challenges/c1?done=updated' });
    expect(gqlMock).toHaveBeenCalledWith(UpdateChallengeDoc, { input: { challengeId: 'c1', summary: 'S', description: 'D', submissionDeadline: '2030-04-02T07:30:00.000Z' } });
  });

  it('shows BAD_USER_INPUT and a refused field (FAILED_PRECONDITION) by field, keeping what was typed', async () => {
    gqlMock.mockRejectedValueOnce(new GatewayError([{ message: 'title: must be at least 3 characters', extensions: { code: 'BAD_USER_INPUT', field: 'title' } }]));
    const bad = await run(updateChallengeAction, { ...draftForm, title: 'x' });
    expect(bad.state).toMatchObject({ fieldErrors: { title: 'Use at least 3 characters.' }, values: { title: 'x', summary: 'New summary' } });

    const message = 'submissionDeadline: the deadline of an OPEN challenge can only be extended (later than the current one), never shortened';
    gqlMock.mockRejectedValueOnce(new GatewayError([{ message, extensions: { code: 'FAILED_PRECONDITION', field: 'submissionDeadline' } }]));
    const refused = await run(updateChallengeAction, { challengeId: 'c1', summary: 'S', description: 'D', submissionDeadline: '2020-01-01T00:00:00.000Z' });
    expect(refused.state).toMatchObject({
      code: 'FAILED_PRECONDITION', formError: 'Please correct the highlighted fields.',
      fieldErrors: { submissionDeadline: 'The deadline of an open challenge can only move later, never earlier: solvers plan around it.' },
    });

    gqlMock.mockRejectedValueOnce(new GatewayError([{ message: 'A JUDGING challenge cannot be edited', extensions: { code: 'FAILED_PRECONDITION' } }]));
    const closed = await run(updateChallengeAction, { challengeId: 'c1', summary: 'S', description: 'D' });
    expect(closed.state).toMatchObject({ code: 'FAILED_PRECONDITION', formError: 'This challenge is being judged, so it cannot be edited. Reload the page to see what you can do now.' });
  });

  it('never shows the API’s field names: a blank summary reads "Enter the summary."', async () => {
    gqlMock.mockRejectedValueOnce(new GatewayError([{ message: 'summary: is required', extensions: { code: 'BAD_USER_INPUT', field: 'input.summary' } }]));
    const { state } = await run(updateChallengeAction, { challengeId: 'c1', summary: '', description: 'D' });
    expect(state).toMatchObject({ fieldErrors: { summary: 'Enter the summary.' } });
    expect(JSON.stringify(state)).not.toMatch(/summary:|submissionDeadline:/);
  });

  it('refuses a form without a challenge, or with a malformed deadline, without calling the API', async () => {
    expect(await run(updateChallengeAction, { summary: 'S' })).toEqual({ state: { formError: 'Unknown challenge.' } });
    expect((await run(updateChallengeAction, { challengeId: 'c1', summary: 'S', submissionDeadline: 'soon' })).state).toMatchObject({ fieldErrors: { submissionDeadline: 'Enter a valid date and time' } });
    expect(gqlMock).not.toHaveBeenCalled();
  });
});

describe('updateChallengeAction: entries settings', () => {
  it('sends who sees the entries and the voting window as instants; both dates blank remove the vote', async () => {
    gqlMock.mockResolvedValue({ updateChallenge: { challenge: { id: 'c1' } } });
    await run(updateChallengeAction, {
      challengeId: 'c1', summary: 'S', submissionVisibility: 'GALLERY', votingShown: 'yes', votingStartsAt: '2030-04-01T07:30:00.000Z', votingEndsAt: '2030-04-10T07:30:00.000Z',
    });
    expect(gqlMock).toHaveBeenLastCalledWith(UpdateChallengeDoc, {
      input: { challengeId: 'c1', summary: 'S', submissionVisibility: 'GALLERY', voting: { startsAt: '2030-04-01T07:30:00.000Z', endsAt: '2030-04-10T07:30:00.000Z' } },
    });
    await run(updateChallengeAction, { challengeId: 'c1', summary: 'S', submissionVisibility: 'SEALED', votingShown: 'yes', votingStartsAt: '', votingEndsAt: '' });
    expect(gqlMock).toHaveBeenLastCalledWith(UpdateChallengeDoc, { input: { challengeId: 'c1', summary: 'S', submissionVisibility: 'SEALED', voting: null } });
  });

  it('asks for the missing date without calling the API; an unknown mode is not sent', async () => {
    const { state } = await run(updateChallengeAction, { challengeId: 'c1', summary: 'S', votingShown: 'yes', votingStartsAt: '2030-04-01T07:30:00.000Z', votingEndsAt: '' });
    expect(state).toMatchObject({ fieldErrors: { 'voting.endsAt': 'Enter when voting closes, or leave both dates blank for no vote' } });
    expect(gqlMock).not.toHaveBeenCalled();
    gqlMock.mockResolvedValue({ updateChallenge: { challenge: { id: 'c1' } } });
    await run(updateChallengeAction, { challengeId: 'c1', summary: 'S', submissionVisibility: 'EVERYONE' });
    expect(gqlMock).toHaveBeenLastCalledWith(UpdateChallengeDoc, { input: { challengeId: 'c1', summary: 'S' } });
  });

  it('shows a refused window by its field, in words', async () => {
    gqlMock.mockRejectedValueOnce(new GatewayError([{ message: 'voting.endsAt: voting must end by the judging deadline, when every prize is decided', extensions: { code: 'BAD_USER_INPUT', field: 'voting.endsAt' } }]));
    const { state } = await run(updateChallengeAction, { challengeId: 'c1', votingShown: 'yes', votingStartsAt: '2030-04-01T07:30:00.000Z', votingEndsAt: '2031-04-10T07:30:00.000Z' });
    expect(state).toMatchObject({ fieldErrors: { 'voting.endsAt': 'Voting must close by the judging deadline, when every prize is decided.' } });
  });
});

describe('challengeTransitionAction refusals', () => {
  it('says that voting has already closed when publishing a draft whose window ended', async () => {
    gqlMock.mockRejectedValueOnce(new GatewayError([{
      message: 'The voting window has already ended: move it later (or remove it) before publishing', extensions: { code: 'FAILED_PRECONDITION', field: 'voting.endsAt' },
    }]));
    const { state } = await run(challengeTransitionAction, { challengeId: 'c1', op: 'publish' });
    expect(state).toMatchObject({ code: 'FAILED_PRECONDITION', formError: 'Voting has already closed: edit the challenge to move the voting dates later, or remove them, then publish.', fieldErrors: undefined });
  });

  it('says in words that judging is over when "Finish judging" meets an AWARDED challenge, not the server wording', async () => {
    gqlMock.mockRejectedValueOnce(new GatewayError([{ message: 'A AWARDED challenge cannot be finished (judging is not open)', extensions: { code: 'FAILED_PRECONDITION' } }]));
    const { state } = await run(challengeTransitionAction, { challengeId: 'c1', op: 'finish', from: 'review' });
    expect(state).toMatchObject({ code: 'FAILED_PRECONDITION', formError: 'Judging is already over: every prize is awarded, or the challenge has moved on. Reload the page to see where it stands.' });
    expect(JSON.stringify(state)).not.toContain('A AWARDED');
  });
});

describe('fundChallengeAction and awardPrizeAction', () => {
  it('sends an already funded challenge back with a message, a pending one to the payment page', async () => {
    gqlMock.mockResolvedValueOnce({ fundChallenge: { funding: { status: 'SUCCEEDED' } } });
    expect(await run(fundChallengeAction, { challengeId: 'c1' })).toEqual({ redirect: '/challenges/c1?done=funded' });
    // The payment page is opened with a POST from the page: its address carries no secret.
    gqlMock.mockResolvedValueOnce({ fundChallenge: { funding: { status: 'PENDING', paymentIntentId: 'pi_1', clientSecret: 'pi_1_secret' } } });
    expect(await run(fundChallengeAction, { challengeId: 'c1' })).toEqual({
      state: { ok: true, handoff: { action: 'http://stripe.test/hosted/pay/pi_1', clientSecret: 'pi_1_secret', returnUrl: 'http://web.test/challenges/c1?funding=return' } },
    });
  });

  it('hands the client secret and the challenge page to come back to to the Payment Element (Stripe path)', async () => {
    const amount = { amountMinor: '137555', currency: 'USD' };
    const platformFee = { amountMinor: '12505', currency: 'USD' };
    gqlMock.mockResolvedValueOnce({ fundChallenge: { funding: { status: 'PENDING', paymentIntentId: 'pi_1', clientSecret: 'pi_1_secret', amount, platformFee } } });
    expect(await run(startCardPaymentAction, { challengeId: 'c1' })).toEqual({
      state: { ok: true, payment: { clientSecret: 'pi_1_secret', returnUrl: 'http://web.test/challenges/c1?funding=return', amount, platformFee } },
    });
    gqlMock.mockResolvedValueOnce({ fundChallenge: { funding: { status: 'SUCCEEDED' } } });
    expect(await run(startCardPaymentAction, { challengeId: 'c1' })).toEqual({ redirect: '/challenges/c1?done=funded' });
    gqlMock.mockResolvedValueOnce({ fundChallenge: { funding: { status: 'PENDING', paymentIntentId: null, clientSecret: null } } });
    expect(await run(startCardPaymentAction, { challengeId: 'c1' })).toEqual({ state: { formError: 'The payment could not be started. Try again.' } });
    gqlMock.mockRejectedValueOnce(new GatewayError([{ message: 'Only an OWNER or ADMIN can fund this challenge', extensions: { code: 'FORBIDDEN' } }]));
    expect(await run(startCardPaymentAction, { challengeId: 'c1' })).toEqual({
      state: { formError: 'Only an owner or admin can fund this challenge.', code: 'FORBIDDEN', fieldErrors: undefined },
    });
  });

  it('awards and comes back to the review page with a lasting message', async () => {
    gqlMock.mockResolvedValue({});
    expect(await run(awardPrizeAction, { challengeId: 'c1', prizeRank: '1', submissionId: 's1' })).toEqual({ redirect: '/challenges/c1/review?done=awarded' });
    expect(gqlMock).toHaveBeenCalledWith(AwardPrizeDoc, { input: { challengeId: 'c1', prizeRank: 1, submissionId: 's1' } });
  });

  it('awards from a card on a later page of the shortlist and comes back to that page', async () => {
    gqlMock.mockResolvedValue({});
    expect(await run(awardPrizeAction, { challengeId: 'c1', prizeRank: '2', submissionId: 's1', view: 'shortlist', after: 'cur/1' })).toEqual({
      redirect: '/challenges/c1/review?view=shortlist&after=cur%2F1&done=awarded',
    });
  });

  it('asks for a prize before calling the gateway', async () => {
    expect(await run(awardPrizeAction, { challengeId: 'c1', prizeRank: '', submissionId: 's1' })).toEqual({ state: { fieldErrors: { prizeRank: 'Choose a prize' } } });
    expect(gqlMock).not.toHaveBeenCalled();
  });
});

describe('shortlistSubmissionAction', () => {
  it('shortlists and comes back to the same review page with a lasting message', async () => {
    gqlMock.mockResolvedValue({ shortlistSubmission: { submission: { id: 's1', shortlisted: true } } });
    expect(await run(shortlistSubmissionAction, { challengeId: 'c1', submissionId: 's1', shortlisted: 'true', view: 'all', after: 'c9' })).toEqual({
      redirect: '/challenges/c1/review?after=c9&done=shortlisted',
    });
    expect(gqlMock).toHaveBeenCalledWith(ShortlistSubmissionDoc, { input: { submissionId: 's1', shortlisted: true } });
  });

  it('removes from the shortlist, staying on the shortlist view', async () => {
    gqlMock.mockResolvedValue({ shortlistSubmission: { submission: { id: 's1', shortlisted: false } } });
    expect(await run(shortlistSubmissionAction, { challengeId: 'c1', submissionId: 's1', shortlisted: 'false', view: 'shortlist' })).toEqual({
      redirect: '/challenges/c1/review?view=shortlist&done=unshortlisted',
    });
    expect(gqlMock).toHaveBeenCalledWith(ShortlistSubmissionDoc, { input: { submissionId: 's1', shortlisted: false } });
  });

  it('returns the server’s refusal with its code', async () => {
    const message = 'The shortlist can only change while a challenge is open or being judged.';
    gqlMock.mockRejectedValue(new GatewayError([{ message, extensions: { code: 'FAILED_PRECONDITION' } }]));
    expect(await run(shortlistSubmissionAction, { challengeId: 'c1', submissionId: 's1', shortlisted: 'true', view: 'all' })).toEqual({
      state: { formError: message, code: 'FAILED_PRECONDITION', fieldErrors: undefined },
    });
  });
});

describe('inviteOrganizationMemberAction', () => {
  it('checks the address before calling the gateway, and keeps what was typed', async () => {
    expect(await run(inviteOrganizationMemberAction, { organizationId: 'o1', email: 'ada at example', role: 'ADMIN' })).toEqual({
      state: { fieldErrors: { email: 'Enter an email address like name@example.com' }, values: { email: 'ada at example', role: 'ADMIN' } },
    });
    expect(await run(inviteOrganizationMemberAction, { organizationId: 'o1', email: '  ', role: 'MEMBER' })).toMatchObject({
      state: { fieldErrors: { email: 'Enter the email address of the person to invite' } },
    });
    expect(gqlMock).not.toHaveBeenCalled();
  });

  it('invites by email and says what happens next', async () => {
    gqlMock.mockResolvedValue({ inviteOrganizationMember: { organization: { id: 'o1' }, invitation: { id: 'i1', email: 'ada@example.com', role: 'ADMIN', expiresAt: '2026-12-20T10:00:00.000Z' } } });
    expect(await run(inviteOrganizationMemberAction, { organizationId: 'o1', email: ' Ada@Example.com ', role: 'ADMIN' })).toEqual({
      state: { ok: true, message: 'Invitation sent to ada@example.com. They join as an admin once they accept it (within 14 days).' },
    });
    expect(gqlMock).toHaveBeenCalledWith(InviteOrganizationMemberDoc, { input: { organizationId: 'o1', email: 'Ada@Example.com', role: 'ADMIN' } });
  });

  it('puts the server’s email error on the field, in words, never the server’s text', async () => {
    gqlMock.mockRejectedValue(new GatewayError([{ message: 'email: is not a valid email address', extensions: { code: 'BAD_USER_INPUT', field: 'email' } }]));
    expect(await run(inviteOrganizationMemberAction, { organizationId: 'o1', email: 'ada@exa_mple.c', role: 'MEMBER' })).toEqual({
      state: { formError: undefined, code: undefined, fieldErrors: { email: 'Enter an email address like name@example.com' }, values: { email: 'ada@exa_mple.c', role: 'MEMBER' } },
    });
  });

  it.each([
    ['FORBIDDEN', 'ADMIN', 'Only an owner can grant or change the admin and owner roles.'],
    ['FORBIDDEN', 'MEMBER', 'Only owners and admins of this organization can invite people.'],
    ['FAILED_PRECONDITION', 'MEMBER', 'This organization already has 100 invitations waiting for an answer. Invite more once some are answered or expire (after 14 days).'],
  ])('words a %s refusal (role %s) for people', async (code, role, words) => {
    gqlMock.mockRejectedValue(new GatewayError([{ message: 'Only an OWNER can grant the OWNER or ADMIN role', extensions: { code } }]));
    expect(await run(inviteOrganizationMemberAction, { organizationId: 'o1', email: 'ada@example.com', role })).toEqual({
      state: { formError: words, code, fieldErrors: undefined, values: { email: 'ada@example.com', role } },
    });
  });
});

describe('respondToOrganizationInvitationAction', () => {
  const answer = async (fields: Record<string, string>) => {
    try {
      await respondToOrganizationInvitationAction(form(fields));
    } catch (error) {
      if (error instanceof Error && error.message === 'NEXT_REDIRECT') return (error as Error & { url: string }).url;
      throw error;
    }
  };

  it('accepts and comes back to the dashboard with a lasting message', async () => {
    gqlMock.mockResolvedValue({ respondToOrganizationInvitation: { organization: { id: 'o1', name: 'Aquatech', viewerRole: 'MEMBER' }, member: { role: 'MEMBER' } } });
    expect(await answer({ organizationId: 'o1', answer: 'accept' })).toBe('/sponsor?done=invitationAccepted');
  });

  it('says so when the invitation expired meanwhile', async () => {
    gqlMock.mockRejectedValue(new GatewayError([{ message: 'This invitation has expired.', extensions: { code: 'FAILED_PRECONDITION', field: 'organizationId' } }]));
    expect(await answer({ organizationId: 'o1', answer: 'accept' })).toBe('/sponsor?done=invitationExpired');
  });
});

describe('changeMemberRoleAction', () => {
  it('changes a member’s role and names them', async () => {
    gqlMock.mockResolvedValue({ addOrganizationMember: { organization: { id: 'o1', viewerRole: 'OWNER' }, member: { role: 'ADMIN', user: { id: USER } }, invitation: null } });
    expect(await run(changeMemberRoleAction, { organizationId: 'o1', userId: USER, name: 'Ada', role: 'ADMIN' })).toEqual({
      state: { ok: true, message: 'Ada is now an admin.', values: { role: 'ADMIN' } },
    });
    expect(gqlMock).toHaveBeenCalledWith(AddOrganizationMemberDoc, { input: { organizationId: 'o1', userId: USER, role: 'ADMIN' } });
  });

  it('words the last owner’s refusal', async () => {
    gqlMock.mockRejectedValue(new GatewayError([{ message: 'An organization must keep at least one OWNER', extensions: { code: 'FAILED_PRECONDITION' } }]));
    expect(await run(changeMemberRoleAction, { organizationId: 'o1', userId: USER, name: 'Ada', role: 'MEMBER' })).toEqual({
      state: { formError: 'An organization must keep at least one owner: make someone else an owner first.', code: 'FAILED_PRECONDITION', fieldErrors: undefined, values: { role: 'MEMBER' } },
    });
  });
});

describe('submitSolutionAction and the challenge’s terms', () => {
  const solution = { challengeId: 'c1', title: ' Ceramic filter ', body: 'Fired clay.' };
  const submitted = { submitSolution: { submission: { id: 's1', status: 'SUBMITTED', version: 1, challenge: { id: 'c1' } } } };

  it('refuses an unticked box without calling the gateway, keeping what was typed', async () => {
    expect(await run(submitSolutionAction, { ...solution, terms: 'to-accept' })).toEqual({
      state: { fieldErrors: { acceptTerms: ACCEPT_TERMS_REQUIRED }, values: { title: ' Ceramic filter ', body: 'Fired clay.' } },
    });
    expect(gqlMock).not.toHaveBeenCalled();
  });

  it('accepts the terms, then submits', async () => {
    gqlMock.mockResolvedValueOnce({ acceptChallengeTerms: { challenge: { id: 'c1', viewerHasAcceptedTerms: true } } }).mockResolvedValueOnce(submitted);
    expect(await run(submitSolutionAction, { ...solution, terms: 'to-accept', acceptTerms: 'yes' })).toEqual({
      state: { ok: true, message: 'Submitted: version 1 of your solution is sealed for the sponsor.' },
    });
    expect(gqlMock.mock.calls).toEqual([
      [AcceptChallengeTermsDoc, { input: { challengeId: 'c1' } }],
      [SubmitSolutionDoc, { input: { challengeId: 'c1', title: 'Ceramic filter', body: 'Fired clay.', attachmentIds: [] } }],
    ]);
  });

  it('only submits when there are no terms to accept, and passes on a refusal with what was typed', async () => {
    gqlMock.mockRejectedValueOnce(new GatewayError([{ message: "Accept the challenge's terms before submitting.", extensions: { code: 'FAILED_PRECONDITION' } }]));
    expect(await run(submitSolutionAction, solution)).toEqual({
      state: {
        formError: "Accept the challenge's terms before submitting.", code: 'FAILED_PRECONDITION', fieldErrors: undefined,
        values: { title: ' Ceramic filter ', body: 'Fired clay.' },
      },
    });
    expect(gqlMock.mock.calls).toEqual([[SubmitSolutionDoc, { input: { challengeId: 'c1', title: 'Ceramic filter', body: 'Fired clay.', attachmentIds: [] } }]]);
  });
});

const SESSION = { token: 'access-token', refreshToken: 'refresh-token', expiresAt: '2026-11-27T10:15:00.000Z' };

describe('session actions', () => {
  const fetchMock = fetchGateway as unknown as jest.Mock;
  beforeEach(() => {
    fetchMock.mockReset();
    (setSession as jest.Mock).mockReset();
    (clearSession as jest.Mock).mockReset();
    (getRefreshToken as jest.Mock).mockReset();
  });

  it('logs in with both cookies: the access token and the refresh token', async () => {
    gqlMock.mockResolvedValue({ logIn: { ...SESSION, viewer: { id: USER } } });
    expect(await run(logInAction, { email: ' ada@solver.demo ', password: 'pw', next: '/me/profile' })).toEqual({ redirect: '/me/profile' });
    expect(gqlMock).toHaveBeenCalledWith(LogInDoc, { input: { email: 'ada@solver.demo', password: 'pw' } });
    expect(setSession).toHaveBeenCalledWith(expect.objectContaining(SESSION));
  });

  it('logs out: ends the session at the API with the refresh cookie (no bearer token), then forgets both cookies', async () => {
    (getRefreshToken as jest.Mock).mockResolvedValue('refresh-token');
    fetchMock.mockResolvedValue({ logOut: { loggedOut: true } });
    expect(await run(async () => logOutAction(), {})).toEqual({ redirect: '/' });
    expect(fetchMock).toHaveBeenCalledWith(LogOutDoc, { input: { refreshToken: 'refresh-token' } });
    expect(fetchMock.mock.calls[0]).toHaveLength(2);
    expect(clearSession).toHaveBeenCalled();
  });

  it('signs the browser out even when the API cannot be reached, and without a refresh cookie calls nothing', async () => {
    (getRefreshToken as jest.Mock).mockResolvedValue('refresh-token');
    fetchMock.mockRejectedValue(new GatewayError([{ message: 'The Ideagora API is unreachable', extensions: { code: 'UNAVAILABLE' } }]));
    expect(await run(async () => logOutAction(), {})).toEqual({ redirect: '/' });
    expect(clearSession).toHaveBeenCalledTimes(1);

    (getRefreshToken as jest.Mock).mockResolvedValue(undefined);
    fetchMock.mockReset();
    expect(await run(async () => logOutAction(), {})).toEqual({ redirect: '/' });
    expect(fetchMock).not.toHaveBeenCalled();
    expect(clearSession).toHaveBeenCalledTimes(2);
  });
});

describe('password reset actions', () => {

  it('asks for a link and always answers the same', async () => {
    gqlMock.mockResolvedValue({ requestPasswordReset: { accepted: true } });
    expect(await run(requestPasswordResetAction, { email: ' ada@solver.demo ' })).toEqual({ state: { ok: true, message: RESET_REQUESTED_MESSAGE } });
    expect(gqlMock).toHaveBeenCalledWith(RequestPasswordResetDoc, { input: { email: 'ada@solver.demo' } });
  });

  it('checks the new password and its confirmation before calling the gateway', async () => {
    expect(await run(resetPasswordAction, { token: 't', newPassword: 'long-enough-password', confirmPassword: 'something-else' })).toEqual({
      state: { fieldErrors: { confirmPassword: 'The two passwords do not match' } },
    });
    expect(gqlMock).not.toHaveBeenCalled();
  });

  it('signs the user in like logIn and lands on the profile with a message', async () => {
    gqlMock.mockResolvedValue({ resetPassword: { ...SESSION, viewer: { id: USER } } });
    expect(await run(resetPasswordAction, { token: 't0k3n', newPassword: 'long-enough-password', confirmPassword: 'long-enough-password' })).toEqual({
      redirect: '/me/profile?done=passwordChanged',
    });
    expect(gqlMock).toHaveBeenCalledWith(ResetPasswordDoc, { input: { token: 't0k3n', newPassword: 'long-enough-password' } });
    expect(setSession).toHaveBeenCalledWith(expect.objectContaining(SESSION));
  });

  it('passes on a dead link as the token’s error', async () => {
    gqlMock.mockRejectedValue(new GatewayError([{ message: 'This reset link is invalid or has expired.', extensions: { code: 'BAD_USER_INPUT', field: 'token' } }]));
    expect(await run(resetPasswordAction, { token: 'used', newPassword: 'long-enough-password', confirmPassword: 'long-enough-password' })).toEqual({
      state: { formError: undefined, code: undefined, fieldErrors: { token: 'This reset link is invalid or has expired.' } },
    });
  });
});

describe('challenge questions', () => {
  it('asks a question and comes back to the challenge with "Question sent."', async () => {
    gqlMock.mockResolvedValue({ askChallengeQuestion: { question: { id: 'q1' } } });
    expect(await run(askQuestionAction, { challengeId: 'c1', question: 'Does it apply to viruses?' })).toEqual({ redirect: '/challenges/c1?done=questionSent' });
    expect(gqlMock).toHaveBeenCalledWith(AskChallengeQuestionDoc, { input: { challengeId: 'c1', question: 'Does it apply to viruses?' } });
  });

  it('keeps the question and shows the API\'s refusal beside it, and sends nothing blank', async () => {
    gqlMock.mockRejectedValue(new GatewayError([{ message: 'question: must be at least 10 characters', extensions: { code: 'BAD_USER_INPUT', field: 'question' } }]));
    expect(await run(askQuestionAction, { challengeId: 'c1', question: 'Short?' })).toEqual({
      state: expect.objectContaining({ fieldErrors: { question: 'Use at least 10 characters.' }, values: { question: 'Short?' } }),
    });
    gqlMock.mockReset();
    expect(await run(askQuestionAction, { challengeId: 'c1', question: '   ' })).toEqual({ state: { fieldErrors: { question: 'Write your question' }, values: { question: '   ' } } });
    expect(gqlMock).not.toHaveBeenCalled();
  });

  it('answers, published only when the box is ticked, and comes back to the review page', async () => {
    gqlMock.mockResolvedValue({ answerChallengeQuestion: { question: { id: 'q1', answer: 'Yes.', published: true } } });
    expect(await run(answerQuestionAction, { challengeId: 'c1', questionId: 'q1', answer: 'Yes.', publish: 'yes' })).toEqual({ redirect: '/challenges/c1/review?done=answerSaved' });
    expect(gqlMock).toHaveBeenLastCalledWith(AnswerChallengeQuestionDoc, { input: { questionId: 'q1', answer: 'Yes.', publish: true } });
    await run(answerQuestionAction, { challengeId: 'c1', questionId: 'q1', answer: 'Only for you.' });
    expect(gqlMock).toHaveBeenLastCalledWith(AnswerChallengeQuestionDoc, { input: { questionId: 'q1', answer: 'Only for you.', publish: false } });
  });
});

describe('signUpAction', () => {
  it('gives back what was typed, never the password, and the taken email by its field with its code', async () => {
    gqlMock.mockRejectedValue(new GatewayError([{ message: 'An account with this email already exists', extensions: { code: 'CONFLICT', field: 'email' } }]));
    const result = await run(signUpAction, { displayName: ' Ada ', email: ' ada@solver.demo ', password: 'long-enough-password', next: '/' });
    expect(gqlMock).toHaveBeenCalledWith(SignUpDoc, { input: { email: 'ada@solver.demo', displayName: 'Ada', password: 'long-enough-password' } });
    expect(result).toEqual({
      state: {
        code: 'CONFLICT', formError: 'Please correct the highlighted fields.', fieldErrors: { email: 'An account with this email already exists.' },
        values: { email: 'ada@solver.demo', displayName: 'Ada' },
      },
    });
  });
});

describe('team actions', () => {
  beforeEach(() => gqlMock.mockReset());

  it('creates a team and goes to its page; a second team is refused in words', async () => {
    gqlMock.mockResolvedValueOnce({ createTeam: { team: { id: 't1', name: 'Crew' } } });
    expect(await run(createTeamAction, { challengeId: 'c1', name: ' Crew ' })).toEqual({ redirect: '/challenges/c1/team?done=teamCreated' });
    expect(gqlMock).toHaveBeenCalledWith(CreateTeamDoc, { input: { challengeId: 'c1', name: 'Crew' } });
    gqlMock.mockRejectedValueOnce(new GatewayError([{ message: 'User 0195f3a2-7c4e-7d1a-9b2c-3e4f5a6b7c8d is already in team', extensions: { code: 'CONFLICT' } }]));
    const { state } = await run(createTeamAction, { challengeId: 'c1', name: 'Crew' });
    expect(state).toMatchObject({ formError: expect.stringMatching(/^You are already in a team for this challenge/), values: { name: 'Crew' } });
  });

  it('checks an invitation’s address before calling the gateway', async () => {
    const { state } = await run(inviteTeamMemberAction, { challengeId: 'c1', teamId: 't1', email: 'bo at example' });
    expect(state).toEqual({ fieldErrors: { email: 'Enter an email address like name@example.com' }, values: { email: 'bo at example' } });
    expect(gqlMock).not.toHaveBeenCalled();
  });

  it('proposes shares typed in percent as basis points; a total other than 100% is refused without a call', async () => {
    const { state } = await run(proposePrizeSplitAction, { challengeId: 'c1', teamId: 't1', 'share-u1': '50', 'share-u2': '30', 'share-u3': '19.99' });
    expect(state).toMatchObject({ formError: 'The shares add up to 99.99%: they must add up to 100%.' });
    expect(gqlMock).not.toHaveBeenCalled();
    gqlMock.mockResolvedValueOnce({ proposePrizeSplit: { team: { id: 't1', split: { version: 5, status: 'PROPOSED' } } } });
    expect(await run(proposePrizeSplitAction, { challengeId: 'c1', teamId: 't1', 'share-u1': '50', 'share-u2': '30', 'share-u3': '20' })).toEqual({ redirect: '/challenges/c1/team?done=splitProposed' });
    expect(gqlMock).toHaveBeenCalledWith(ProposePrizeSplitDoc, { input: { teamId: 't1', shares: [{ userId: 'u1', basisPoints: 5000 }, { userId: 'u2', basisPoints: 3000 }, { userId: 'u3', basisPoints: 2000 }] } });
  });

  it('agrees to the version read; a newer one is refused in words', async () => {
    gqlMock.mockRejectedValueOnce(new GatewayError([{ message: 'Split version 4 is not the current one (5)', extensions: { code: 'CONFLICT', field: 'splitVersion' } }]));
    const { state } = await run(agreeToPrizeSplitAction, { challengeId: 'c1', teamId: 't1', splitVersion: '4' });
    expect(gqlMock).toHaveBeenCalledWith(AgreeToPrizeSplitDoc, { input: { teamId: 't1', splitVersion: 4 } });
    expect(state).toMatchObject({ formError: 'The split was changed while you were reading it. Read the new proposal, then agree to it.', fieldErrors: undefined });
  });

  it('accepting an invitation goes to the team’s page; declining back to the invitations', async () => {
    gqlMock.mockResolvedValueOnce({ respondToTeamInvitation: { invitation: { id: 'i1', status: 'ACCEPTED' }, team: { id: 't1', challenge: { id: 'c1' } } } });
    expect(await run(respondToTeamInvitationAction, { invitationId: 'i1', answer: 'accept' })).toEqual({ redirect: '/challenges/c1/team?done=teamJoined' });
    expect(gqlMock).toHaveBeenCalledWith(RespondToTeamInvitationDoc, { input: { invitationId: 'i1', accept: true } });
    gqlMock.mockResolvedValueOnce({ respondToTeamInvitation: { invitation: { id: 'i2', status: 'DECLINED' }, team: null } });
    expect(await run(respondToTeamInvitationAction, { invitationId: 'i2', answer: 'decline' })).toEqual({ redirect: '/teams/invitations?done=teamInvitationDeclined' });
  });

  it('submits as the team with its id; refused while the split is not agreed, in words', async () => {
    gqlMock.mockRejectedValueOnce(new GatewayError([{ message: 'The team split must be AGREED to submit', extensions: { code: 'FAILED_PRECONDITION' } }]));
    const { state } = await run(submitSolutionAction, { challengeId: 'c1', teamId: 't1', title: 'T', body: 'B' });
    expect(gqlMock).toHaveBeenCalledWith(SubmitSolutionDoc, { input: { challengeId: 'c1', title: 'T', body: 'B', attachmentIds: [], teamId: 't1' } });
    expect(state).toMatchObject({ formError: 'Your team can submit once every member has agreed to the prize split.', values: { title: 'T', body: 'B' } });
    gqlMock.mockResolvedValueOnce({ submitSolution: { submission: { id: 's1', status: 'SUBMITTED', version: 1, challenge: { id: 'c1' } } } });
    expect((await run(submitSolutionAction, { challengeId: 'c1', teamId: 't1', title: 'T', body: 'B' })).state).toMatchObject({ ok: true, message: 'Submitted: version 1 of your team’s solution is sealed for the sponsor.' });
  });
});

describe('a solution’s files', () => {
  const SHA = 'a'.repeat(64);
  const withFiles = (ids: string[]) => {
    const fd = form({ challengeId: 'c1', title: 'Kiln', body: 'Solar.' });
    for (const id of ids) fd.append('attachmentIds', id);
    return fd;
  };

  it('submits the posted ids in their order; a refused file comes back by position, in words, with the ids posted', async () => {
    gqlMock.mockResolvedValueOnce({ submitSolution: { submission: { id: 's1', status: 'SUBMITTED', version: 2, challenge: { id: 'c1' } } } });
    await submitSolutionAction({}, withFiles(['id-b', 'id-a']));
    expect(gqlMock).toHaveBeenLastCalledWith(SubmitSolutionDoc, { input: { challengeId: 'c1', title: 'Kiln', body: 'Solar.', attachmentIds: ['id-b', 'id-a'] } });
    gqlMock.mockRejectedValueOnce(new GatewayError([{ message: 'attachmentIds[1]: the file\'s content is not of type image/png', extensions: { code: 'FAILED_PRECONDITION', field: 'attachmentIds[1]' } }]));
    const state = await submitSolutionAction({}, withFiles(['id-b', 'id-a']));
    expect(state).toMatchObject({
      formError: 'Some files could not be attached: see the files below.',
      fieldErrors: { 'attachmentIds[1]': expect.stringMatching(/^this file did not pass the checks/) },
      values: { title: 'Kiln', body: 'Solar.', attachmentIds: 'id-b,id-a' },
    });
    expect(JSON.stringify(state)).not.toContain('image/png');
  });

  it('refuses more than 10 files without calling the gateway', async () => {
    gqlMock.mockClear();
    const state = await submitSolutionAction({}, withFiles(Array.from({ length: 11 }, (_, i) => `id-${i}`)));
    expect(state).toMatchObject({ fieldErrors: { attachmentIds: 'A solution can carry at most 10 files: remove some.' } });
    expect(gqlMock).not.toHaveBeenCalled();
  });

  it('creates an upload and hands back where to PUT; refusals in words, never the server’s text', async () => {
    gqlMock.mockResolvedValueOnce({ createAttachmentUpload: { attachment: { id: 'a1' }, uploadUrl: 'http://files.test/files/t0k', uploadHeaders: [{ name: 'Content-Type', value: 'image/png' }] } });
    expect(await createAttachmentUploadAction({ fileName: 'logo.png', byteSize: 10, contentType: 'image/png', sha256: SHA }))
      .toEqual({ ok: true, attachmentId: 'a1', uploadUrl: 'http://files.test/files/t0k', uploadHeaders: [{ name: 'Content-Type', value: 'image/png' }] });
    expect(gqlMock).toHaveBeenLastCalledWith(CreateAttachmentUploadDoc, { input: { fileName: 'logo.png', contentType: 'image/png', byteSize: 10, sha256: SHA } });
    // The STEP file's type comes from its name, whatever the browser said.
    gqlMock.mockResolvedValueOnce({ createAttachmentUpload: { attachment: { id: 'a2' }, uploadUrl: 'u', uploadHeaders: [] } });
    await createAttachmentUploadAction({ fileName: 'part.stp', byteSize: 10, contentType: '', sha256: SHA });
    expect(gqlMock).toHaveBeenLastCalledWith(CreateAttachmentUploadDoc, { input: { fileName: 'part.stp', contentType: 'model/step', byteSize: 10, sha256: SHA } });
    gqlMock.mockClear();
    expect(await createAttachmentUploadAction({ fileName: 'logo.exe', byteSize: 10, contentType: 'application/x-msdownload', sha256: SHA }))
      .toEqual({ ok: false, message: 'logo.exe: this kind of file cannot be attached. Images (PNG, JPEG, WebP, GIF), PDF, ZIP, text, STEP, STL and MP4 can.' });
    expect(gqlMock).not.toHaveBeenCalled();
    gqlMock.mockRejectedValueOnce(new GatewayError([{ message: 'at most 50 uploads PENDING per user', extensions: { code: 'FAILED_PRECONDITION' } }]));
    expect(await createAttachmentUploadAction({ fileName: 'logo.png', byteSize: 10, contentType: 'image/png', sha256: SHA }))
      .toEqual({ ok: false, message: 'Too many of your uploads are still waiting to finish. Wait a few minutes, then retry.' });
  });
});
