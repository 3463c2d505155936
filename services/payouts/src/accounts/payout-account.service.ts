import { BadUserInputError, FailedPreconditionError, isUuid, requiredText } from '@ideagora/subgraph-kit';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';
import { releaseHeldPayouts } from '../awards/payout.transfers';
import { isRetryableStripeError, stripeErrorMessage } from '../stripe/stripe.client';
import { StripeEventMismatch, type StripeEventHandlers } from '../webhooks/stripe-event.handlers';
import { PayoutAccountEntity, type PayoutAccountStatusName } from './payout-account.entity';

export class PaymentProviderUnavailableError extends FailedPreconditionError {
  constructor() {
    super('The payment provider is unavailable: try again in a moment');
  }
}

export class PayoutAccountRefusedError extends FailedPreconditionError {
  constructor(reason: string) {
    super(`The payment provider refused to set up the payout account: ${reason}`);
  }
}

export interface OnboardingLink {
  url: string;
  account: PayoutAccountEntity;
}

const MAX_URL_LENGTH = 2000;

function httpUrl(value: string, field: string): string {
  // Single-line: the URL parser would silently drop tabs and line breaks.
  const text = requiredText(value, field, { max: MAX_URL_LENGTH });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BadUserInputError(field, 'is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new BadUserInputError(field, 'must be an http or https URL');
  return url.toString();
}

export class PayoutsService {
  constructor(
    private readonly em: EntityManager,
    private readonly stripe?: Stripe,
  ) {}

  async accountsFor(userIds: readonly string[]): Promise<PayoutAccountEntity[]> {
    return this.em.find(PayoutAccountEntity, { userId: { $in: [...userIds] } });
  }

  /**
   * Creates (once) the user's Express account and returns a fresh onboarding link. The row exists (committed)
   * before Stripe is called and is locked during the call, so concurrent calls wait and find the account; the
   * idempotency key `account:<userId>` makes a retry after a lost response land on the same account.
   */
  async startOnboarding(userId: string, input: { returnUrl: string; refreshUrl: string }): Promise<OnboardingLink> {
    const returnUrl = httpUrl(input.returnUrl, 'returnUrl');
    const refreshUrl = httpUrl(input.refreshUrl, 'refreshUrl');
    const stripe = this.requireStripe();
    await this.em.execute(`insert into payout_account (user_id, status) values (?, 'PENDING') on conflict (user_id) do nothing`, [userId], 'run');
    const account = await this.em.transactional(async (em) => {
      const row = await em.findOneOrFail(PayoutAccountEntity, { userId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (row.status === 'NOT_STARTED') row.status = 'PENDING';
      if (row.stripeAccountId) return row;
      let created: Stripe.Account;
      try {
        created = await stripe.accounts.create(
          { type: 'express', capabilities: { transfers: { requested: true } }, metadata: { userId } },
          { idempotencyKey: `account:${userId}` },
        );
      } catch (error) {
        if (isRetryableStripeError(error)) throw new PaymentProviderUnavailableError();
        throw new PayoutAccountRefusedError(stripeErrorMessage(error));
      }
      row.stripeAccountId = created.id;
      if (!row.stripeCheckedAt) row.requirementsDue = requirementsDue(created);
      return row;
    });
    let link: Stripe.AccountLink;
    try {
      link = await stripe.accountLinks.create({ account: account.stripeAccountId!, refresh_url: refreshUrl, return_url: returnUrl, type: 'account_onboarding' });
    } catch (error) {
      if (isRetryableStripeError(error)) throw new PaymentProviderUnavailableError();
      throw new PayoutAccountRefusedError(stripeErrorMessage(error));
    }
    return { url: link.url, account };
  }

  private requireStripe(): Stripe {
    if (!this.stripe) throw new PaymentProviderUnavailableError();
    return this.stripe;
  }
}

function requirementsDue(account: Stripe.Account): string[] {
  return [...new Set([...(account.requirements?.currently_due ?? []), ...(account.requirements?.past_due ?? [])])].sort();
}

/** ACTIVE: transfers capability active and nothing due. Otherwise RESTRICTED once it was active, else PENDING. */
export function accountStatusOf(account: Stripe.Account, previous: PayoutAccountStatusName): PayoutAccountStatusName {
  if (account.capabilities?.transfers === 'active' && requirementsDue(account).length === 0) return 'ACTIVE';
  return previous === 'ACTIVE' || previous === 'RESTRICTED' ? 'RESTRICTED' : 'PENDING';
}

/**
 * Writes the account's state as Stripe shows it to our row (which the caller has locked) and releases the winner's
 * HELD payouts once it is ACTIVE. In the caller's transaction; `nudgePayouts` wakes the transfer queue afterwards.
 */
export async function applyAccountState(
  em: EntityManager,
  row: PayoutAccountEntity,
  account: Stripe.Account,
  nudgePayouts: (afterMs: number) => void,
): Promise<void> {
  row.stripeAccountId ??= account.id;
  row.status = accountStatusOf(account, row.status);
  row.requirementsDue = requirementsDue(account);
  row.stripeCheckedAt = new Date();
  await em.flush();
  // From inside the transaction, not committed yet: the poll interval is the fallback.
  if (row.status === 'ACTIVE' && (await releaseHeldPayouts(em, row.userId)) > 0) nudgePayouts(150);
}

/**
 * Webhook effects on payout accounts, applied once per Stripe event in the event processor's transaction.
 * Stripe promises no order, and two events of the same second cannot be ordered by `created`: the event only says
 * "this account changed". Its current state is retrieved from Stripe while our row is locked, so of two concurrent
 * refreshes the later read is written last, and a stale event delivered late re-reads the current state.
 */
export const accountWebhookHandlers: StripeEventHandlers = {
  'account.updated': async (em, event, { stripe, nudgePayouts }) => {
    const hint = event.data.object as Stripe.Account;
    const userId = hint.metadata?.['userId'];
    const row =
      (await em.findOne(PayoutAccountEntity, { stripeAccountId: hint.id }, { lockMode: LockMode.PESSIMISTIC_WRITE })) ??
      (isUuid(userId) ? await em.findOne(PayoutAccountEntity, { userId, stripeAccountId: null }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null);
    if (!row) return; // not an account of ours
    const account = await stripe.accounts.retrieve(hint.id);
    // Matched by metadata only (our id not saved yet): Stripe itself must show the account as this user's.
    if (!row.stripeAccountId && account.metadata?.['userId'] !== row.userId) {
      throw new StripeEventMismatch(`account ${hint.id} is not user ${row.userId}'s at Stripe`);
    }
    row.lastEventCreated = Math.max(row.lastEventCreated ?? 0, event.created);
    await applyAccountState(em, row, account, nudgePayouts);
  },
};
