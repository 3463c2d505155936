'use client';

import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import type { Stripe } from '@stripe/stripe-js'; // types only: erased
// `/pure`: importing the main entry would inject Stripe.js as a side effect; here it loads only when loadStripe runs.
import { loadStripe } from '@stripe/stripe-js/pure';
import type { CardPayment } from '@/lib/funding';
import { Money } from './Money';
import { Alert, Button, Spinner } from './ui';

const LOAD_FAILED = 'The payment form could not be loaded. Check your connection and reload the page.';
const CONFIRM_FAILED = 'The payment could not be confirmed. Try again.';

// One Stripe.js instance per publishable key for the page's lifetime (Elements must not get a new one on re-render).
const instances = new Map<string, Promise<Stripe | null>>();
function stripeFor(publishableKey: string): Promise<Stripe | null> {
  let instance = instances.get(publishableKey);
  if (!instance) {
    instance = loadStripe(publishableKey).catch(() => {
      instances.delete(publishableKey); // a later attempt (reload) may succeed
      return null;
    });
    instances.set(publishableKey, instance);
  }
  return instance;
}

/**
 * Stripe's Payment Element for one funding's PaymentIntent. Loaded lazily by FundChallenge, and only when a
 * publishable key is configured. `confirmPayment` sends the sponsor to `payment.returnUrl` (the challenge page)
 * once the payment is confirmed; the funding turns SUCCEEDED when Stripe's webhook reaches the payouts service.
 */
export default function StripePaymentForm({ publishableKey, payment }: { publishableKey: string; payment: CardPayment }) {
  const stripe = useMemo(() => stripeFor(publishableKey), [publishableKey]);
  const [loadFailed, setLoadFailed] = useState(false);
  useEffect(() => {
    let current = true;
    void stripe.then((instance) => {
      if (current && !instance) setLoadFailed(true);
    });
    return () => {
      current = false;
    };
  }, [stripe]);

  return (
    <>
      <h3>Pay by card</h3>
      <p>
        You pay <Money {...payment.amount} />, including a <Money {...payment.platformFee} /> platform fee. The prize pool is held in escrow.
      </p>
      {loadFailed ? (
        <Alert tone="danger">{LOAD_FAILED}</Alert>
      ) : (
        <Elements stripe={stripe} options={{ clientSecret: payment.clientSecret }}>
          <PaymentForm returnUrl={payment.returnUrl} amount={payment.amount} />
        </Elements>
      )}
    </>
  );
}

function PaymentForm({ returnUrl, amount }: { returnUrl: string; amount: CardPayment['amount'] }) {
  const stripe = useStripe();
  const elements = useElements();
  const [ready, setReady] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!stripe || !elements || submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      const result = await stripe.confirmPayment({ elements, confirmParams: { return_url: returnUrl } });
      // Only an immediate failure comes back here (declined card, invalid details…); success leaves the page.
      setError(result.error.message ?? CONFIRM_FAILED);
    } catch {
      setError(CONFIRM_FAILED);
    }
    setSubmitting(false);
  };

  const busy = !stripe || !elements || !ready;
  return (
    <form onSubmit={onSubmit} className="stack" aria-label="Card details" aria-busy={busy || submitting}>
      {busy && (
        <p className="muted">
          <Spinner label="Loading the payment form" /> Loading the payment form…
        </p>
      )}
      <PaymentElement
        onReady={() => setReady(true)}
        onLoadError={(event) => {
          setReady(false);
          setError(event.error.message ?? LOAD_FAILED);
        }}
      />
      {error && <Alert tone="danger">{error}</Alert>}
      <Button type="submit" disabled={busy || submitting} aria-disabled={busy || submitting}>
        {submitting ? (
          <>
            <Spinner label="Confirming your payment" /> Confirming your payment…
          </>
        ) : (
          <>Pay <Money {...amount} /></>
        )}
      </Button>
    </form>
  );
}
