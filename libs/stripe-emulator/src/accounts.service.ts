import type { EmulatorContext } from './emulator.context';
import type { RequestInfo } from './events.service';
import type { Account, Requirements } from './stripe-objects.model';
import { toApiObject } from './serialize.util';

// What Stripe asks of a fresh US Express account before it can receive transfers.
export const INITIAL_DUE = [
  'business_profile.mcc',
  'business_profile.url',
  'business_type',
  'external_account',
  'representative.first_name',
  'representative.last_name',
  'tos_acceptance.date',
  'tos_acceptance.ip',
];
// What remains when the user leaves onboarding before adding a bank account and accepting the ToS.
const INCOMPLETE_DUE = ['external_account', 'tos_acceptance.date', 'tos_acceptance.ip'];

export function requirements(due: string[]): Requirements {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: [...due],
    // Stripe lists an Express account's initial requirements as already past due, hence disabled.
    disabled_reason: due.length > 0 ? 'requirements.past_due' : null,
    errors: [],
    eventually_due: [...due],
    past_due: [...due],
    pending_verification: [],
  };
}

export function emptyFutureRequirements(): Requirements {
  return { ...requirements([]), disabled_reason: null };
}

export type OnboardingOutcome = 'complete' | 'incomplete';

/** Applies what the hosted onboarding form submitted, then emits account.updated (a Connect event). */
export function applyOnboarding(ctx: EmulatorContext, account: Account, outcome: OnboardingOutcome, request: RequestInfo): void {
  const before = toApiObject(account);
  const capsBefore = { ...account.capabilities };
  account.details_submitted = true;
  if (outcome === 'complete') {
    for (const cap of Object.keys(account.capabilities)) account.capabilities[cap] = 'active';
    account.requirements = requirements([]);
    account.business_type = account.business_type ?? 'individual';
    account.charges_enabled = true;
    account.payouts_enabled = true;
    account.tos_acceptance = { date: Math.floor(Date.now() / 1000) };
  } else {
    for (const cap of Object.keys(account.capabilities)) account.capabilities[cap] = 'inactive';
    account.requirements = requirements(INCOMPLETE_DUE);
    account.business_type = account.business_type ?? 'individual';
    account.charges_enabled = false;
    account.payouts_enabled = false;
  }
  emitAccountUpdated(ctx, account, before, request);
  for (const [cap, status] of Object.entries(account.capabilities)) {
    if (capsBefore[cap] !== status) {
      ctx.events.emit('capability.updated', capabilityObject(account, cap), {
        request,
        account: account.id,
        previous: { status: capsBefore[cap] },
      });
    }
  }
  ctx.store.persist();
}

export function emitAccountUpdated(
  ctx: EmulatorContext,
  account: Account,
  before: Record<string, unknown>,
  request: RequestInfo,
): void {
  const after = toApiObject(account);
  const previous: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) previous[key] = before[key];
  }
  if (Object.keys(previous).length === 0) return;
  ctx.events.emit('account.updated', account, { request, account: account.id, previous });
}

function capabilityObject(account: Account, cap: string): Record<string, unknown> {
  return {
    id: cap,
    object: 'capability',
    account: account.id,
    requested: true,
    requested_at: account.created,
    requirements: { ...account.requirements },
    status: account.capabilities[cap],
  };
}
