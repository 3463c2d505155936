'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { CreateChallengeInput } from '@/gql/graphql';
import { gql } from '@/lib/gateway';
import { toFormState, type FormState } from '@/lib/errors';
import {
  AwardPrizeDoc, CancelChallengeDoc, CloseSubmissionsDoc, CreateChallengeDoc, CreateOrganizationDoc, FinishJudgingDoc,
  FundChallengeDoc, LogInDoc, PublishChallengeDoc, SignUpDoc, StartPayoutOnboardingDoc, SubmitSolutionDoc, UpdateProfileDoc,
} from '@/lib/operations';
import { clearToken, setToken } from '@/lib/session';
import { appOrigin, safeNext, STRIPE_EMULATOR_URL } from '@/lib/urls';

const text = (fd: FormData, name: string): string => {
  const value = fd.get(name);
  return typeof value === 'string' ? value : '';
};

// ---- session ---------------------------------------------------------------

export async function logInAction(_prev: FormState, fd: FormData): Promise<FormState> {
  let token: string;
  try {
    token = (await gql(LogInDoc, { input: { email: text(fd, 'email').trim(), password: text(fd, 'password') } })).logIn.token;
  } catch (error) {
    return toFormState(error);
  }
  await setToken(token);
  redirect(safeNext(text(fd, 'next')));
}

export async function signUpAction(_prev: FormState, fd: FormData): Promise<FormState> {
  let token: string;
  try {
    const input = { email: text(fd, 'email').trim(), password: text(fd, 'password'), displayName: text(fd, 'displayName').trim() };
    token = (await gql(SignUpDoc, { input })).signUp.token;
  } catch (error) {
    return toFormState(error);
  }
  await setToken(token);
  redirect(safeNext(text(fd, 'next')));
}

export async function logOutAction(): Promise<void> {
  await clearToken();
  redirect('/');
}

// ---- profile ---------------------------------------------------------------

export async function updateProfileAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const skills = text(fd, 'skills').split(',').map((s) => s.trim()).filter(Boolean);
  try {
    await gql(UpdateProfileDoc, { input: { displayName: text(fd, 'displayName').trim(), bio: text(fd, 'bio'), skills } });
  } catch (error) {
    return toFormState(error);
  }
  revalidatePath('/', 'layout');
  return { ok: true, message: 'Profile saved.' };
}

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

/** Called by the challenge wizard with an already-checked input; redirects to the new draft. */
export async function createChallengeAction(input: CreateChallengeInput): Promise<FormState> {
  let id: string;
  try {
    id = (await gql(CreateChallengeDoc, { input })).createChallenge.challenge.id;
  } catch (error) {
    return toFormState(error);
  }
  revalidatePath('/sponsor');
  redirect(`/challenges/${id}?created=1`);
}

/** Starts (or resumes) funding and sends the sponsor to the payment page, which returns to the challenge. */
export async function fundChallengeAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const challengeId = text(fd, 'challengeId');
  let url: string;
  try {
    const { funding } = (await gql(FundChallengeDoc, { challengeId })).fundChallenge;
    if (funding.status === 'SUCCEEDED') {
      revalidatePath(`/challenges/${challengeId}`);
      return { ok: true, message: 'This challenge is already funded.' };
    }
    if (!funding.paymentIntentId || !funding.clientSecret) return { formError: 'The payment could not be started. Try again.' };
    const back = `${await appOrigin()}/challenges/${encodeURIComponent(challengeId)}?funding=return`;
    url = `${STRIPE_EMULATOR_URL}/hosted/pay/${encodeURIComponent(funding.paymentIntentId)}?client_secret=${encodeURIComponent(
      funding.clientSecret,
    )}&return_url=${encodeURIComponent(back)}`;
  } catch (error) {
    return toFormState(error);
  }
  redirect(url);
}

const TRANSITIONS = {
  publish: { doc: PublishChallengeDoc, done: 'Published: solvers can now find and enter it.' },
  close: { doc: CloseSubmissionsDoc, done: 'Submissions closed: judging has started.' },
  finish: { doc: FinishJudgingDoc, done: 'Judging finished. Unawarded prize money is refunded.' },
  cancel: { doc: CancelChallengeDoc, done: 'Challenge cancelled.' },
} as const;

/** publish / close / finish / cancel, named by the form's `op` field. */
export async function challengeTransitionAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const challengeId = text(fd, 'challengeId');
  const op = text(fd, 'op') as keyof typeof TRANSITIONS;
  const transition = TRANSITIONS[op];
  if (!transition) return { formError: 'Unknown action.' };
  try {
    await gql(transition.doc as typeof PublishChallengeDoc, { challengeId });
  } catch (error) {
    return toFormState(error);
  }
  revalidatePath(`/challenges/${challengeId}`, 'layout');
  revalidatePath('/sponsor');
  return { ok: true, message: transition.done };
}

export async function awardPrizeAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const challengeId = text(fd, 'challengeId');
  const prizeRank = Number(text(fd, 'prizeRank'));
  const submissionId = text(fd, 'submissionId');
  if (!submissionId) return { fieldErrors: { submissionId: 'Choose a submission' } };
  try {
    await gql(AwardPrizeDoc, { input: { challengeId, prizeRank, submissionId } });
  } catch (error) {
    return toFormState(error);
  }
  revalidatePath(`/challenges/${challengeId}`, 'layout');
  return { ok: true, message: 'Prize awarded.' };
}

// ---- solvers ---------------------------------------------------------------

export async function submitSolutionAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const challengeId = text(fd, 'challengeId');
  let version: number;
  try {
    const result = await gql(SubmitSolutionDoc, { input: { challengeId, title: text(fd, 'title').trim(), body: text(fd, 'body') } });
    version = result.submitSolution.submission.version;
  } catch (error) {
    return toFormState(error);
  }
  revalidatePath(`/challenges/${challengeId}`);
  revalidatePath('/me/submissions');
  return { ok: true, message: version > 1 ? `Resubmitted: this is version ${version} of your solution.` : 'Submitted: version 1 of your solution is sealed for the sponsor.' };
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
