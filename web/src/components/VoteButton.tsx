'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import type { FormState } from '@/lib/errors';
import type { VoteControl } from '@/lib/gallery';
import { FormMessages, SubmitButton } from './forms';
import { Badge } from './ui';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

/**
 * An entry's vote control: "Vote" or "Withdraw vote" (a plain form posting to the server action, so it works before
 * the page's JavaScript has loaded), "Your entry" on the viewer's own, "Sign in to vote" when signed out. Each button
 * is named with the entry's title ("Vote for “Solar still”"), so a page of cards reads unambiguously. A refusal
 * shows under the button, in words.
 */
export function VoteButton({ control, challengeId, submissionId, title, returnTo, loginHref, castAction, withdrawAction }: {
  control: VoteControl;
  challengeId: string;
  submissionId: string;
  title: string;
  /** The page to come back to after the vote (the gallery page with its order and position, or the entry's page). */
  returnTo: string;
  loginHref: string;
  castAction: Action;
  withdrawAction: Action;
}) {
  const withdraw = control === 'withdraw';
  const [state, formAction] = useActionState(withdraw ? withdrawAction : castAction, {});
  const forTitle = <span className="visually-hidden"> for “{title}”</span>;
  switch (control) {
    case 'own':
      return <p className="vote-control"><Badge tone="info">Your entry</Badge></p>;
    case 'signIn':
      return <p className="vote-control"><Link href={loginHref}>Sign in to vote{forTitle}</Link></p>;
    case 'votedClosed':
      return <p className="vote-control"><Badge tone="success">You voted for this entry</Badge></p>;
    case 'vote':
    case 'withdraw':
      return (
        <form action={formAction} className="vote-control action-form">
          <input type="hidden" name="challengeId" value={challengeId} />
          <input type="hidden" name="submissionId" value={submissionId} />
          <input type="hidden" name="returnTo" value={returnTo} />
          {withdraw && <Badge tone="success">You voted</Badge>}
          <SubmitButton variant={withdraw ? 'secondary' : 'primary'} pendingText={withdraw ? 'Withdrawing…' : 'Voting…'}>
            {withdraw ? 'Withdraw vote' : 'Vote'}
            {forTitle}
          </SubmitButton>
          <FormMessages state={state} />
        </form>
      );
    default:
      return null;
  }
}
