/**
 * Which payment page funding uses, decided on the server at request time (not at build time):
 * `STRIPE_PUBLISHABLE_KEY` set -> Stripe's Payment Element in our page (Stripe.js from js.stripe.com);
 * unset -> the Stripe emulator's hosted payment page (local stack, e2e). See web/README.md ("Funding").
 *
 * Only a publishable key (`pk_test_…` / `pk_live_…`) is ever handed to the browser: anything else (a secret key put
 * in the wrong variable) is ignored, and the emulator path is kept.
 */
const PUBLISHABLE_KEY = /^pk_(test|live)_[0-9A-Za-z]+$/;

let warned = false;

export function stripePublishableKey(env: Record<string, string | undefined> = process.env): string | null {
  const key = env.STRIPE_PUBLISHABLE_KEY?.trim();
  if (!key) return null;
  if (PUBLISHABLE_KEY.test(key)) return key;
  if (!warned) {
    warned = true;
    console.warn('STRIPE_PUBLISHABLE_KEY is not a publishable key (pk_test_… or pk_live_…): ignored, funding uses the emulator payment page');
  }
  return null;
}
