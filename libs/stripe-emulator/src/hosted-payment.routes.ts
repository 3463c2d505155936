import type { Request, Response, Router } from 'express';
import type { EmulatorContext } from './emulator.context';
import { parseForm } from './form-params.parser';
import { escapeHtml, page, radioGroup, safeHttpUrl } from './html.util';
import { randomToken } from './ids.util';
import { confirmPaymentIntent, formatAmount, resolvePaymentMethod, TEST_CARDS } from './payments.service';
import { StripeApiError } from './stripe-error.model';
import type { PaymentIntent } from './stripe-objects.model';

const CARD_CHOICES = [
  { value: 'pm_card_visa', label: 'Visa ending 4242', hint: 'Succeeds.' },
  { value: 'pm_card_mastercard', label: 'Mastercard ending 4444', hint: 'Succeeds.' },
  { value: 'pm_card_chargeDeclined', label: 'Visa ending 0002', hint: 'Declined (generic_decline).' },
  { value: 'pm_card_chargeDeclinedInsufficientFunds', label: 'Visa ending 9995', hint: 'Declined (insufficient_funds).' },
];

function findWithSecret(ctx: EmulatorContext, id: string, secret: unknown): PaymentIntent | undefined {
  const pi = ctx.store.data.paymentIntents[id];
  // The client secret is the only credential a payment page has, as with Stripe.js.
  return pi && typeof secret === 'string' && secret === pi.client_secret ? pi : undefined;
}

function notFoundPage(res: Response): void {
  res.status(404).type('html').send(page('Payment not found', '<p role="alert">No payment matches this link.</p>'));
}

/** The payment page: the amount, what it is for (the PaymentIntent's description), and the test cards. */
function sendPayPage(res: Response, pi: PaymentIntent, rawReturnUrl: unknown): void {
  // The page holds the client secret (in its form): not cached, and its address never sent on as a Referer.
  res.set('Referrer-Policy', 'no-referrer');
  res.set('Cache-Control', 'no-store');
  const amount = formatAmount(pi.amount, pi.currency);
  if (!['requires_payment_method', 'requires_confirmation'].includes(pi.status)) {
    res.type('html').send(page('Payment', `<p role="status">This payment of ${escapeHtml(amount)} is ${escapeHtml(pi.status.replace(/_/g, ' '))}.</p>`));
    return;
  }
  const returnUrl = safeHttpUrl(typeof rawReturnUrl === 'string' ? rawReturnUrl : undefined);
  const error = pi.last_payment_error ? `<p role="alert">Previous attempt failed: ${escapeHtml(pi.last_payment_error.message)}</p>` : '';
  const form = `<p>Amount due: <strong>${escapeHtml(amount)}</strong>${pi.description ? ` for ${escapeHtml(pi.description)}` : ''}.</p>
${error}
<form method="post" action="/hosted/pay/${escapeHtml(pi.id)}">
<input type="hidden" name="client_secret" value="${escapeHtml(pi.client_secret)}">
${returnUrl ? `<input type="hidden" name="return_url" value="${escapeHtml(returnUrl)}">` : ''}
${radioGroup('payment_method', 'Test card', CARD_CHOICES)}
<button type="submit">Pay ${escapeHtml(amount)}</button>
</form>`;
  res.type('html').send(page('Pay', form));
}

/**
 * Stand-in for a Stripe.js / Checkout payment page. Opened by `GET /hosted/pay/:id?client_secret=…&return_url=…`, or
 * by a POST of `client_secret` and `return_url` without a card (how the web client opens it, so that the secret is
 * in no address bar, history or log); shows the amount and test cards. A POST with a card confirms the PaymentIntent
 * like the API does and then redirects to return_url with Stripe.js's query parameters, or shows the outcome.
 */
export function registerHostedPaymentRoutes(router: Router, ctx: EmulatorContext): void {
  router.get('/hosted/pay/:id', (req: Request, res: Response) => {
    const pi = findWithSecret(ctx, req.params['id'] as string, req.query['client_secret']);
    if (!pi) return notFoundPage(res);
    sendPayPage(res, pi, req.query['return_url']);
  });

  router.post('/hosted/pay/:id', (req: Request, res: Response) => {
    const form = parseForm(typeof req.body === 'string' ? req.body : '');
    const pi = findWithSecret(ctx, req.params['id'] as string, form['client_secret'] ?? req.query['client_secret']);
    if (!pi) return notFoundPage(res);
    const choice = form['payment_method'];
    if (choice === undefined && form['open'] === '1') return sendPayPage(res, pi, form['return_url']);
    if (typeof choice !== 'string' || !TEST_CARDS[choice]) {
      res.status(400).type('html').send(page('Pay', '<p role="alert">Choose a test card.</p>'));
      return;
    }
    let failure: StripeApiError | undefined;
    try {
      confirmPaymentIntent(ctx, pi, resolvePaymentMethod(ctx, choice), { id: `req_${randomToken(14)}`, idempotencyKey: null });
    } catch (err) {
      if (!(err instanceof StripeApiError)) throw err;
      failure = err;
    }
    const rawReturn = typeof form['return_url'] === 'string' ? form['return_url'] : req.query['return_url'];
    const returnUrl = safeHttpUrl(typeof rawReturn === 'string' ? rawReturn : undefined);
    if (returnUrl && (!failure || failure.status === 402)) {
      const target = new URL(returnUrl);
      target.searchParams.set('payment_intent', pi.id);
      target.searchParams.set('payment_intent_client_secret', pi.client_secret);
      target.searchParams.set('redirect_status', failure ? 'failed' : 'succeeded');
      res.redirect(303, target.toString());
      return;
    }
    const amount = formatAmount(pi.amount, pi.currency);
    if (failure) {
      res.status(failure.status).type('html').send(page('Payment failed', `<p role="alert">${escapeHtml(failure.message)}</p>`));
      return;
    }
    res.type('html').send(page('Payment succeeded', `<p role="status">Paid ${escapeHtml(amount)}.</p>`));
  });
}
