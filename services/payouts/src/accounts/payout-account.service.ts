import { BadUserInputError, FailedPreconditionError, requiredText } from '@ideagora/subgraph-kit';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';
import { nudgePayouts, releaseHeldPayouts } from '../awards/payout.transfers';
import { isRetryableStripeError, stripeErrorMessage } from '../stripe/stripe.client';
import type { StripeEventHandlers } from '../webhooks/stripe-event.handlers';
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
    await this.em
      .getConnection()
      .execute(`insert into payout_account (user_id, status) values (?, 'PENDING') on conflict (user_id) do nothing`, [userId]);
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
      if (row.lastEventCreated === null || row.lastEventCreated === undefined) row.requirementsDue = requirementsDue(created);
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

/** Webhook effects on payout accounts, applied once per Stripe event in the event processor's transaction. */
export const accountWebhookHandlers: StripeEventHandlers = {
  'account.updated': async (em, event) => {
    const account = event.data.object as Stripe.Account;
    const userId = account.metadata?.['userId'];
    const row =
      (await em.findOne(PayoutAccountEntity, { stripeAccountId: account.id }, { lockMode: LockMode.PESSIMISTIC_WRITE })) ??
      (userId ? await em.findOne(PayoutAccountEntity, { userId, stripeAccountId: null }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null);
    if (!row) return; // not an account of ours
    // Events arrive in any order: one older than the last applied changes nothing.
    if (row.lastEventCreated !== null && row.lastEventCreated !== undefined && event.created < row.lastEventCreated) return;
    const wasActive = row.status === 'ACTIVE';
    row.stripeAccountId ??= account.id;
    row.status = accountStatusOf(account, row.status);
    row.requirementsDue = requirementsDue(account);
    row.lastEventCreated = event.created;
    await em.flush();
    if (row.status === 'ACTIVE' && !wasActive) {
      if ((await releaseHeldPayouts(em, row.userId)) > 0) nudgePayouts(150);
    }
  },
};
