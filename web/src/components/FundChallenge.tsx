'use client';

import { lazy, Suspense, useActionState, useEffect, useRef } from 'react';
import type { FundingFormState, PaymentHandoff } from '@/lib/funding';
import { FormMessages, SubmitButton } from './forms';
import { Money } from './Money';
import { Button, FigureTable, Spinner } from './ui';

// Stripe's code (and so Stripe.js from js.stripe.com) is only fetched once a card payment is started with a
// publishable key: never in the emulator path, never at build or install time.
const StripePaymentForm = lazy(() => import('./StripePaymentForm'));

type Action<S> = (prev: S, fd: FormData) => Promise<S>;
type MoneyValue = { amountMinor: string; currency: string };

/** What the sponsor will pay, from the API's quote (the formula the charge uses): shown before leaving for the payment. */
export interface FundingQuote {
  prizePool: MoneyValue;
  platformFee: MoneyValue;
  total: MoneyValue;
}

export function FundingQuoteTable({ quote }: { quote: FundingQuote }) {
  return (
    <FigureTable caption="What you pay" rows={[
      { label: 'Prize pool (held in escrow for the winners)', value: <Money {...quote.prizePool} /> },
      { label: 'Platform fee', value: <Money {...quote.platformFee} /> },
      { label: 'Total to pay', value: <Money {...quote.total} />, emphasis: 'total' },
    ]} />
  );
}

/**
 * Funding a DRAFT. Without a publishable key: a button that opens the Stripe emulator's hosted payment page
 * (`redirectAction`). With one: a button that starts the payment (`cardPaymentAction`, FundChallenge) and then
 * Stripe's Payment Element in this page. Both come back to the challenge page (`?funding=return`), which shows the
 * funding status until Stripe's webhook has confirmed it.
 */
export function FundChallenge({ challengeId, label, quote, publishableKey, redirectAction, cardPaymentAction }: {
  challengeId: string;
  label: string;
  /** Null only when the API could not quote (then the payment page shows the amounts). */
  quote: FundingQuote | null;
  publishableKey: string | null;
  redirectAction: Action<FundingFormState>;
  cardPaymentAction: Action<FundingFormState>;
}) {
  if (!publishableKey) return <HostedFunding challengeId={challengeId} label={label} quote={quote} action={redirectAction} />;
  return <CardFunding challengeId={challengeId} label={label} quote={quote} publishableKey={publishableKey} action={cardPaymentAction} />;
}

/** Emulator path: the funding is started here, then the hosted payment page is opened with a POST (PaymentHandoff). */
function HostedFunding({ challengeId, label, quote, action }: { challengeId: string; label: string; quote: FundingQuote | null; action: Action<FundingFormState> }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <>
      <form action={formAction} className="action-form">
        {quote && <FundingQuoteTable quote={quote} />}
        <p>Fund the prize pool plus the platform fee. You pay on the secure payment page and come back here.</p>
        <input type="hidden" name="challengeId" value={challengeId} />
        <SubmitButton pendingText="Opening payment…">{label}</SubmitButton>
        <FormMessages state={state} />
      </form>
      {state.handoff && <OpenPaymentPage handoff={state.handoff} />}
    </>
  );
}

/**
 * Opens the payment page by POSTing the client secret to it, at once; the button is there if the browser holds the
 * navigation back. The secret is in this form's body only: no address bar, history entry, Referer or access log has it.
 */
export function OpenPaymentPage({ handoff }: { handoff: PaymentHandoff }) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.submit();
  }, [handoff]);
  return (
    <form ref={form} method="post" action={handoff.action} className="action-form" aria-label="Payment page">
      <input type="hidden" name="open" value="1" />
      <input type="hidden" name="client_secret" value={handoff.clientSecret} />
      <input type="hidden" name="return_url" value={handoff.returnUrl} />
      <p className="muted"><Spinner label="Opening the payment page" /> Opening the secure payment page…</p>
      <Button type="submit" variant="secondary">Continue to the payment page</Button>
    </form>
  );
}

function CardFunding({ challengeId, label, quote, publishableKey, action }: {
  challengeId: string;
  label: string;
  quote: FundingQuote | null;
  publishableKey: string;
  action: Action<FundingFormState>;
}) {
  const [state, formAction] = useActionState(action, {});
  const payment = state.payment;
  const region = useRef<HTMLDivElement>(null);
  // The button that was pressed is gone: move the focus to what replaced it.
  useEffect(() => {
    if (payment) region.current?.focus();
  }, [payment]);

  if (payment) {
    return (
      <div ref={region} tabIndex={-1} className="stack" role="group" aria-label="Card payment">
        <Suspense fallback={<p className="muted"><Spinner label="Loading the payment form" /> Loading the payment form…</p>}>
          <StripePaymentForm publishableKey={publishableKey} payment={payment} />
        </Suspense>
      </div>
    );
  }
  return (
    <form action={formAction} className="action-form">
      {quote && <FundingQuoteTable quote={quote} />}
      <p>Fund the prize pool plus the platform fee. You pay by card on this page (Stripe) and come back here.</p>
      <input type="hidden" name="challengeId" value={challengeId} />
      <SubmitButton pendingText="Preparing payment…">{label}</SubmitButton>
      <FormMessages state={state} />
    </form>
  );
}
