'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/errors';
import { safeGalleryReturn, voteRefusal } from '@/lib/gallery';
import { formText as text } from '@/lib/form-data';
import { gql } from '@/lib/gateway';
import { CastVoteDoc, WithdrawVoteDoc } from '@/lib/operations';

/**
 * Casts (castVote) or withdraws (withdrawVote) the viewer's vote for an entry, then goes back to the page it came
 * from (a gallery page or the entry's page), re-rendered with the new count and votes left. A plain form post (no
 * JavaScript yet) works the same way. A refusal stays on the page, in words (voteRefusal).
 */
async function vote(intent: 'cast' | 'withdraw', fd: FormData): Promise<FormState> {
  const challengeId = text(fd, 'challengeId');
  const submissionId = text(fd, 'submissionId');
  const back = safeGalleryReturn(challengeId, text(fd, 'returnTo'));
  try {
    if (intent === 'cast') await gql(CastVoteDoc, { input: { submissionId } });
    else await gql(WithdrawVoteDoc, { input: { submissionId } });
  } catch (error) {
    return voteRefusal(error, intent);
  }
  revalidatePath(`/challenges/${challengeId}/gallery`, 'layout');
  redirect(back);
}

export async function castVoteAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return vote('cast', fd);
}

export async function withdrawVoteAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return vote('withdraw', fd);
}
