/** The server actions, with the gateway and Next's navigation mocked: what they send and where they go. */
import { GatewayError } from '@/lib/errors';
import { gql } from '@/lib/gateway';
import { ACCEPT_TERMS_REQUIRED } from '@/lib/challenges';
import { AcceptChallengeTermsDoc, AddOrganizationMemberDoc, CancelChallengeDoc, CloseSubmissionsDoc, PublishChallengeDoc, RequestPasswordResetDoc, ResetPasswordDoc, SubmitSolutionDoc } from '@/lib/operations';
import { RESET_REQUESTED_MESSAGE } from '@/lib/passwords';
import { setToken } from '@/lib/session';
import {
  addOrganizationMemberAction, awardPrizeAction, challengeTransitionAction, fundChallengeAction, requestPasswordResetAction, resetPasswordAction, startCardPaymentAction,
  submitSolutionAction,
} from './actions';

jest.mock('next/cache', () => ({ revalidatePath: jest.fn() }));
jest.mock('next/navigation', () => ({
  redirect: jest.fn((url: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { url });
  }),
}));
jest.mock('@/lib/gateway', () => ({ gql: jest.fn() }));
jest.mock('@/lib/session', () => ({ setToken: jest.fn(), clearToken: jest.fn() }));
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

describe('fundChallengeAction and awardPrizeAction', () => {
  it('sends an already funded challenge back with a message, a pending one to the payment page', async () => {
    gqlMock.mockResolvedValueOnce({ fundChallenge: { funding: { status: 'SUCCEEDED' } } });
    expect(await run(fundChallengeAction, { challengeId: 'c1' })).toEqual({ redirect: '/challenges/c1?done=funded' });
    gqlMock.mockResolvedValueOnce({ fundChallenge: { funding: { status: 'PENDING', paymentIntentId: 'pi_1', clientSecret: 'pi_1_secret' } } });
    expect(await run(fundChallengeAction, { challengeId: 'c1' })).toEqual({
      redirect: `http://stripe.test/hosted/pay/pi_1?client_secret=pi_1_secret&return_url=${encodeURIComponent('http://web.test/challenges/c1?funding=return')}`,
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
      state: { formError: 'Only an OWNER or ADMIN can fund this challenge', code: 'FORBIDDEN', fieldErrors: undefined },
    });
  });

  it('awards and comes back to the review page with a lasting message', async () => {
    gqlMock.mockResolvedValue({});
    expect(await run(awardPrizeAction, { challengeId: 'c1', prizeRank: '1', submissionId: 's1' })).toEqual({ redirect: '/challenges/c1/review?done=awarded' });
  });
});

describe('addOrganizationMemberAction', () => {
  it('checks the input before calling the gateway', async () => {
    expect(await run(addOrganizationMemberAction, { organizationId: 'o1', userId: 'bob', role: 'ADMIN' })).toEqual({
      state: { fieldErrors: { userId: expect.stringMatching(/looks like/) }, values: { userId: 'bob', role: 'ADMIN' } },
    });
    expect(gqlMock).not.toHaveBeenCalled();
  });

  it('adds a member and says so', async () => {
    gqlMock.mockResolvedValue({ addOrganizationMember: { organization: { id: 'o1', viewerRole: 'OWNER' }, member: { role: 'ADMIN', user: { id: USER } } } });
    expect(await run(addOrganizationMemberAction, { organizationId: 'o1', userId: ` ${USER} `, role: 'ADMIN' })).toEqual({
      state: { ok: true, message: `User ${USER} is now an admin of this organization.` },
    });
    expect(gqlMock).toHaveBeenCalledWith(AddOrganizationMemberDoc, { input: { organizationId: 'o1', userId: USER, role: 'ADMIN' } });
  });

  it('passes on the server’s FORBIDDEN message', async () => {
    gqlMock.mockRejectedValue(new GatewayError([{ message: 'Only an OWNER can grant the OWNER or ADMIN role', extensions: { code: 'FORBIDDEN' } }]));
    expect(await run(addOrganizationMemberAction, { organizationId: 'o1', userId: USER, role: 'OWNER' })).toEqual({
      state: { formError: 'Only an OWNER can grant the OWNER or ADMIN role', code: 'FORBIDDEN', fieldErrors: undefined, values: { userId: USER, role: 'OWNER' } },
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
      [SubmitSolutionDoc, { input: { challengeId: 'c1', title: 'Ceramic filter', body: 'Fired clay.' } }],
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
    expect(gqlMock.mock.calls).toEqual([[SubmitSolutionDoc, { input: { challengeId: 'c1', title: 'Ceramic filter', body: 'Fired clay.' } }]]);
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
    gqlMock.mockResolvedValue({ resetPassword: { token: 'session-token', viewer: { id: USER } } });
    expect(await run(resetPasswordAction, { token: 't0k3n', newPassword: 'long-enough-password', confirmPassword: 'long-enough-password' })).toEqual({
      redirect: '/me/profile?done=passwordChanged',
    });
    expect(gqlMock).toHaveBeenCalledWith(ResetPasswordDoc, { input: { token: 't0k3n', newPassword: 'long-enough-password' } });
    expect(setToken).toHaveBeenCalledWith('session-token');
  });

  it('passes on a dead link as the token’s error', async () => {
    gqlMock.mockRejectedValue(new GatewayError([{ message: 'This reset link is invalid or has expired.', extensions: { code: 'BAD_USER_INPUT', field: 'token' } }]));
    expect(await run(resetPasswordAction, { token: 'used', newPassword: 'long-enough-password', confirmPassword: 'long-enough-password' })).toEqual({
      state: { formError: undefined, code: undefined, fieldErrors: { token: 'This reset link is invalid or has expired.' } },
    });
  });
});
